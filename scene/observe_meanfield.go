package scene

import (
	"smflow/render/plot"
	"smflow/sim"
)

// Trails behind the neurons: trailLen positions, one every T/trailGrid.
const (
	trailLen  = 24
	trailGrid = 200
)

// meanfieldObs records the risk of every method over time (series i belongs
// to track i; mean and standard error over the replicas that have not
// diverged) and short trails of the first replica of every method that
// moves the network's own neurons (not the flow particles).
type meanfieldObs struct {
	rec    recorder
	evals  []sim.Eval
	vals   []float64
	keep   []bool
	names  []string
	trails []*plot.Trails // per track; nil for flow methods
	tsamp  plot.Sampler
}

// isFlow reports whether a track moves the M flow particles of the measure
// nu_t (mean-field ODE, DD-SMF) rather than the n neurons.
func isFlow(m sim.Method) bool { return m == sim.MFODE || m == sim.DDSMF }

func (o *meanfieldObs) reset(s *sim.Sim) {
	tracks := s.Tracks()
	T := s.Config().T
	o.rec.reset(T, len(tracks))
	o.evals = o.evals[:0]
	o.names = o.names[:0]
	o.trails = o.trails[:0]
	reps := 0
	for _, tr := range tracks {
		reps = max(reps, tr.Reps)
		o.evals = append(o.evals, s.Model().NewEval(tr.N))
		o.names = append(o.names, "risk ("+tr.Method.Label()+")")
		var tl *plot.Trails
		if !isFlow(tr.Method) {
			tl = plot.NewTrails(tr.N, trailLen)
		}
		o.trails = append(o.trails, tl)
	}
	o.vals = make([]float64, reps)
	o.keep = make([]bool, reps)
	o.tsamp = plot.NewSampler(T, trailGrid)
	o.observe(s)
}

func (o *meanfieldObs) observe(s *sim.Sim) {
	if !fits(s, len(o.rec.bufs), len(o.vals)) {
		return // not the simulation of the last reset
	}
	t := s.Time()
	tracks := s.Tracks()
	if o.tsamp.Due(t) {
		for i, tr := range tracks {
			if o.trails[i] != nil {
				o.trails[i].Push(tr.Replica(0), tr.D)
			}
		}
	}
	if !o.rec.due(t) {
		return
	}
	for i, tr := range tracks {
		for r := 0; r < tr.Reps; r++ {
			o.keep[r] = tr.DivergedAt[r] < 0
			o.vals[r] = 0
			if o.keep[r] {
				o.vals[r] = o.evals[i].Risk(tr.Replica(r))
			}
		}
		m, se := meanSE(o.vals[:tr.Reps], o.keep[:tr.Reps])
		o.rec.bufs[i].Add(t, m, se)
	}
}

func (o *meanfieldObs) series() []Series {
	return o.rec.series(o.names)
}
