package plot

import "math"

// MeanSE returns the sample mean of x and its standard error
// sqrt(s^2 / n), s^2 = sum (x_i - mean)^2 / (n - 1). With one value the
// standard error is 0; with none both are NaN.
func MeanSE(x []float64) (mean, se float64) {
	n := len(x)
	if n == 0 {
		return math.NaN(), math.NaN()
	}
	for _, v := range x {
		mean += v
	}
	mean /= float64(n)
	if n == 1 {
		return mean, 0
	}
	var ss float64
	for _, v := range x {
		d := v - mean
		ss += d * d
	}
	return mean, math.Sqrt(ss / float64(n-1) / float64(n))
}

// MinMax returns the smallest and largest of the values x[off], x[off+stride],
// ... that are finite (NaN, NaN if there is none); stride >= 1.
func MinMax(x []float64, off, stride int) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for i := off; i < len(x); i += max(stride, 1) {
		v := x[i]
		if v-v != 0 {
			continue
		}
		lo, hi = min(lo, v), max(hi, v)
	}
	if lo > hi {
		return math.NaN(), math.NaN()
	}
	return lo, hi
}
