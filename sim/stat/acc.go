package stat

import "math"

// Acc accumulates a stream of values and estimates their mean with its
// standard error (Welford's algorithm). The zero value is an empty
// accumulator. Add and Merge do not allocate.
//
// After values x_1..x_n it holds n, the running mean m_n and
// M2_n = sum_i (x_i - m_n)^2, updated as
//
//	m_n = m_{n-1} + (x_n - m_{n-1})/n,  M2_n = M2_{n-1} + (x_n - m_{n-1})(x_n - m_n).
type Acc struct {
	n      int
	mean   float64
	m2     float64
	hasNaN bool
}

// Add adds the value x. A NaN makes the mean and the standard error NaN.
func (a *Acc) Add(x float64) {
	if x != x {
		a.hasNaN = true
		return
	}
	a.n++
	d := x - a.mean
	a.mean += d / float64(a.n)
	a.m2 += d * (x - a.mean)
}

// Merge adds all values of b to a, as if they had been added one by one
// (up to rounding), so accumulators of parallel replicas can be combined
// (Chan, Golub and LeVeque):
//
//	n = n_a + n_b,  delta = m_b - m_a,  m = m_a + delta n_b/n,
//	M2 = M2_a + M2_b + delta^2 n_a n_b / n.
func (a *Acc) Merge(b *Acc) {
	a.hasNaN = a.hasNaN || b.hasNaN
	if b.n == 0 {
		return
	}
	if a.n == 0 {
		a.n, a.mean, a.m2 = b.n, b.mean, b.m2
		return
	}
	n := a.n + b.n
	d := b.mean - a.mean
	fa, fb, fn := float64(a.n), float64(b.n), float64(n)
	a.mean += d * fb / fn
	a.m2 += b.m2 + d*d*fa*fb/fn
	a.n = n
}

// Reset empties a.
func (a *Acc) Reset() { *a = Acc{} }

// N returns the number of values added (NaNs not counted).
func (a *Acc) N() int { return a.n }

// Mean returns the sample mean, NaN if a is empty or a NaN was added.
func (a *Acc) Mean() float64 {
	if a.n == 0 || a.hasNaN {
		return math.NaN()
	}
	return a.mean
}

// Var returns the sample variance M2/(n-1), NaN if fewer than two values
// were added or a NaN was added.
func (a *Acc) Var() float64 {
	if a.n < 2 || a.hasNaN {
		return math.NaN()
	}
	return a.m2 / float64(a.n-1)
}

// Estimate returns the mean with its standard error sqrt(M2/(n-1)/n)
// (+Inf if n < 2; Mean and SE are NaN if a NaN was added).
func (a *Acc) Estimate() Estimate {
	if a.hasNaN {
		return Estimate{Mean: math.NaN(), SE: math.NaN(), N: a.n}
	}
	return Estimate{Mean: a.Mean(), SE: seOf(a.m2, a.n), N: a.n}
}
