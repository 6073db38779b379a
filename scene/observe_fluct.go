package scene

import (
	"math"

	"smflow/sim"
	"smflow/sim/stat"
)

// fluctObs records how the risk of the network spreads over the replicas of
// every method: per track i, series 2i is the mean risk (with its standard
// error) and series 2i+1 its standard deviation over the replicas; then, for
// every track but SGD's, the Wasserstein-1 distance between its law of the
// risk and SGD's (empirical laws over the replicas that have not diverged).
// It keeps the risks of the last recorded time for the histogram.
type fluctObs struct {
	rec    recorder
	evals  []sim.Eval
	risk   [][]float64 // per track: the risk of every replica at the last record
	n      []int       // per track: the number of finite risks in risk
	sgd    int         // the SGD track, or -1
	w1     []int       // per track: the index of its W1 series, or -1
	names  []string
	work   []float64
	tLast  float64
	nTrack int
}

func (o *fluctObs) reset(s *sim.Sim) {
	tracks := s.Tracks()
	o.nTrack = len(tracks)
	o.sgd = -1
	for i, tr := range tracks {
		if tr.Method == sim.SGD && o.sgd < 0 {
			o.sgd = i
		}
	}
	o.names = o.names[:0]
	o.evals = o.evals[:0]
	o.risk = o.risk[:0]
	o.n = o.n[:0]
	o.w1 = o.w1[:0]
	reps := 0
	for _, tr := range tracks {
		l := tr.Method.Label()
		o.names = append(o.names, "mean risk ("+l+")", "sd of the risk ("+l+")")
		o.evals = append(o.evals, s.Model().NewEval(tr.N))
		o.risk = append(o.risk, make([]float64, tr.Reps))
		o.n = append(o.n, 0)
		reps += tr.Reps
	}
	nb := 2 * len(tracks)
	for i, tr := range tracks {
		if o.sgd < 0 || i == o.sgd {
			o.w1 = append(o.w1, -1)
			continue
		}
		o.w1 = append(o.w1, nb)
		o.names = append(o.names, "W1 of the risk laws (SGD, "+tr.Method.Label()+")")
		nb++
	}
	o.rec.reset(s.Config().T, nb)
	o.work = make([]float64, reps)
	o.observe(s)
}

func (o *fluctObs) observe(s *sim.Sim) {
	if !o.fits(s) {
		return // not the simulation of the last reset
	}
	t := s.Time()
	if !o.rec.due(t) {
		return
	}
	o.tLast = t
	tracks := s.Tracks()
	for i, tr := range tracks {
		// The finite risks of the replicas that have not diverged, packed
		// at the front.
		k := 0
		for r := 0; r < tr.Reps; r++ {
			if tr.DivergedAt[r] >= 0 {
				continue
			}
			if v := o.evals[i].Risk(tr.Replica(r)); v-v == 0 {
				o.risk[i][k] = v
				k++
			}
		}
		o.n[i] = k
		m, se := meanSE(o.risk[i][:k], nil)
		sd := se * math.Sqrt(float64(k))
		o.rec.bufs[2*i].Add(t, m, se)
		o.rec.bufs[2*i+1].Add(t, sd, 0)
	}
	for i := range tracks {
		b := o.w1[i]
		if b < 0 {
			continue
		}
		x, y := o.risk[o.sgd][:o.n[o.sgd]], o.risk[i][:o.n[i]]
		w, err := stat.W1(x, y, o.work)
		if err != nil {
			w = math.NaN() // an empty sample: every replica diverged
		}
		o.rec.bufs[b].Add(t, w, 0)
	}
}

// fits reports whether s is the simulation of the last reset.
func (o *fluctObs) fits(s *sim.Sim) bool {
	if s == nil || len(s.Tracks()) != o.nTrack || len(o.risk) != o.nTrack {
		return false
	}
	for i, tr := range s.Tracks() {
		if tr.Reps > len(o.risk[i]) {
			return false
		}
	}
	return true
}

func (o *fluctObs) series() []Series {
	return o.rec.series(o.names)
}
