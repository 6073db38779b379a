package scene

import (
	"math"

	"smflow/render/plot"
	"smflow/sim"
	"smflow/sim/stat"
)

// recordPoints is the number of points a time series records over [0, T];
// the buffers hold a few more, and are thinned if a run goes past T.
const recordPoints = 480

// A recorder samples a set of time series on one time grid.
type recorder struct {
	samp plot.Sampler
	bufs []*plot.Buffer
}

// reset prepares n empty series over [0, T].
func (r *recorder) reset(T float64, n int) {
	r.samp = plot.NewSampler(T, recordPoints)
	r.bufs = r.bufs[:0]
	for i := 0; i < n; i++ {
		r.bufs = append(r.bufs, plot.NewBuffer(recordPoints+16))
	}
}

// due reports whether the series record at time t. When the buffers are
// full it thins them all and widens the grid first.
func (r *recorder) due(t float64) bool {
	if len(r.bufs) == 0 || !r.samp.Due(t) {
		return false
	}
	if r.bufs[0].Full() {
		for _, b := range r.bufs {
			b.Thin()
		}
		r.samp.Halve()
	}
	return true
}

// series returns copies of the series, named by names.
func (r *recorder) series(names []string) []Series {
	var out []Series
	for i, b := range r.bufs {
		out = append(out, seriesOf(names[i], b.T, b.Y, b.SE))
	}
	return out
}

// twoStats records two statistics of every track, each as its mean over
// the replicas that have not diverged with the standard error: series 2i
// and 2i+1 belong to track i.
type twoStats struct {
	rec    recorder
	va, vb []float64 // scratch: the two values per replica
	keep   []bool
	names  []string
}

// resetStats prepares the series of the tracks of s, named name1 and name2
// followed by the method in parentheses: "E z1 (SGD)".
func (o *twoStats) resetStats(s *sim.Sim, name1, name2 string) {
	tracks := s.Tracks()
	o.rec.reset(s.Config().T, 2*len(tracks))
	o.names = o.names[:0]
	reps := 0
	for _, tr := range tracks {
		reps = max(reps, tr.Reps)
		l := tr.Method.Label()
		o.names = append(o.names, name1+" ("+l+")", name2+" ("+l+")")
	}
	o.va = make([]float64, reps)
	o.vb = make([]float64, reps)
	o.keep = make([]bool, reps)
}

// record adds to the series, if they are due at the time of s, the two
// statistics of every track: the means of the values f returns for its
// replicas r (f is not called after record returns).
func (o *twoStats) record(s *sim.Sim, f func(tr *sim.Track, r int) (a, b float64)) {
	t := s.Time()
	if !o.rec.due(t) {
		return
	}
	for i, tr := range s.Tracks() {
		for r := 0; r < tr.Reps; r++ {
			o.va[r], o.vb[r] = f(tr, r)
			o.keep[r] = tr.DivergedAt[r] < 0
		}
		m, se := meanSE(o.va[:tr.Reps], o.keep[:tr.Reps])
		o.rec.bufs[2*i].Add(t, m, se)
		m, se = meanSE(o.vb[:tr.Reps], o.keep[:tr.Reps])
		o.rec.bufs[2*i+1].Add(t, m, se)
	}
}

// meanSE returns the mean and its standard error (stat.MeanOf) of the
// values of vals that are finite and marked true in keep (keep may be nil),
// packing them at the front of vals: NaN, NaN when there is none, and a
// standard error 0 for one value (one run, as the series record it).
func meanSE(vals []float64, keep []bool) (mean, se float64) {
	n := 0
	for i, v := range vals {
		if (keep == nil || keep[i]) && v-v == 0 {
			vals[n] = v
			n++
		}
	}
	e, err := stat.MeanOf(vals[:n])
	switch {
	case err != nil: // no value
		return math.NaN(), math.NaN()
	case e.N == 1:
		return e.Mean, 0
	}
	return e.Mean, e.SE
}

// timeDecimals returns the number of decimals that show t = alpha * steps
// exactly, between 1 and 4.
func timeDecimals(alpha float64) int {
	for k := 1; k < 4; k++ {
		v := alpha * math.Pow(10, float64(k))
		if math.Abs(v-math.Round(v)) < 1e-9*max(1, v) {
			return k
		}
	}
	return 4
}
