package stat

import (
	"fmt"
	"math"
)

// An Estimate is a Monte Carlo estimate of an expectation: the sample mean of
// N values and its standard error SE = sd / sqrt(N), where sd is the sample
// standard deviation (denominator N-1). SE is +Inf when N < 2 and 0 for an
// exactly known value.
type Estimate struct {
	Mean, SE float64
	N        int
}

// String formats e as "mean ± se (n=N)".
func (e Estimate) String() string {
	return fmt.Sprintf("%.6g ± %.2g (n=%d)", e.Mean, e.SE, e.N)
}

// MeanOf returns the estimate of E x from the sample x:
//
//	mean = (1/n) sum_i x_i,  sd^2 = (1/(n-1)) sum_i (x_i - mean)^2,  SE = sd/sqrt(n),
//
// computed in two passes. It returns an error if x is empty or holds a NaN.
func MeanOf(x []float64) (Estimate, error) {
	if len(x) == 0 {
		return Estimate{}, fmt.Errorf("stat: MeanOf of an empty sample")
	}
	var s float64
	for i, v := range x {
		if v != v {
			return Estimate{}, fmt.Errorf("stat: MeanOf: x[%d] is NaN", i)
		}
		s += v
	}
	n := len(x)
	m := s / float64(n)
	var ss, c float64
	for _, v := range x {
		dv := v - m
		ss += dv * dv
		c += dv
	}
	// Corrected two-pass formula (Chan, Golub, LeVeque): removes the rounding
	// error of m from the sum of squares.
	ss -= c * c / float64(n)
	return Estimate{Mean: m, SE: seOf(ss, n), N: n}, nil
}

// seOf returns sqrt(ss/(n-1)/n), the standard error of a mean of n values
// whose sum of squared deviations is ss; +Inf if n < 2.
func seOf(ss float64, n int) float64 {
	if n < 2 {
		return math.Inf(1)
	}
	if ss < 0 {
		ss = 0
	}
	return math.Sqrt(ss / float64(n-1) / float64(n))
}

// Diff returns the estimate of the difference a - b of two independent
// estimates: Mean = a.Mean - b.Mean, SE = sqrt(a.SE^2 + b.SE^2),
// N = min(a.N, b.N) (the smaller sample limits the precision).
func Diff(a, b Estimate) Estimate {
	return Estimate{Mean: a.Mean - b.Mean, SE: math.Sqrt(a.SE*a.SE + b.SE*b.SE), N: min(a.N, b.N)}
}
