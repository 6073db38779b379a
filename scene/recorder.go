package scene

import (
	"math"

	"smflow/render/plot"
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

// meanSE returns the mean and standard error of the values of vals that are
// finite and marked true in keep (keep may be nil), NaN when there is none.
func meanSE(vals []float64, keep []bool) (mean, se float64) {
	var n int
	for i, v := range vals {
		if (keep == nil || keep[i]) && v-v == 0 {
			mean += v
			n++
		}
	}
	if n == 0 {
		return math.NaN(), math.NaN()
	}
	mean /= float64(n)
	if n == 1 {
		return mean, 0
	}
	var ss float64
	for i, v := range vals {
		if (keep == nil || keep[i]) && v-v == 0 {
			ss += (v - mean) * (v - mean)
		}
	}
	return mean, math.Sqrt(ss / float64(n-1) / float64(n))
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
