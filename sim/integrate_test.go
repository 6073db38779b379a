package sim

import (
	"fmt"
	"math"
	"testing"
)

// quadTest is the closed-form problem of MATH.md section 6, R = xi |z|^2/2,
// written here so the integrator tests stand on their own.
type quadTest struct {
	d  int
	xi []float64
}

func (q quadTest) Dim() int     { return q.d }
func (q quadTest) NumData() int { return len(q.xi) }
func (q quadTest) Loss(z []float64, j int) float64 {
	s := 0.0
	for _, v := range z {
		s += v * v
	}
	return q.xi[j] * s / 2
}
func (q quadTest) Grad(dst, z []float64, j int) {
	for i, v := range z {
		dst[i] = q.xi[j] * v
	}
}
func (q quadTest) HessVec(dst, z, v []float64, j int) {
	for i, x := range v {
		dst[i] = q.xi[j] * x
	}
}

// twoPoint returns data {m-s, m+s}: m1 = m and s^2 = s^2 exactly.
func twoPoint(d int, m, s float64) quadTest { return quadTest{d, []float64{m - s, m + s}} }

// Gauss-Hermite rule for the standard normal law, exact for polynomials of
// degree <= 5.
var ghNodes = [3]float64{-math.Sqrt(3), 0, math.Sqrt(3)}
var ghWeights = [3]float64{1.0 / 6, 2.0 / 3, 1.0 / 6}

// expectStep returns E[f(Z')] over the Brownian weights of one substep of
// the real integrator, started from z, computed exactly by a product
// Gauss-Hermite rule (the step is affine in the weights for the quadratic
// problem, so f of degree 2 is integrated exactly).
func expectStep(it *integrator, z []float64, f func(z []float64) float64) float64 {
	nw := len(it.w)
	if nw == 0 {
		y := append([]float64(nil), z...)
		it.stepWith(y, nil)
		return f(y)
	}
	idx := make([]int, nw)
	w := make([]float64, nw)
	y := make([]float64, len(z))
	total := 0.0
	for {
		weight := 1.0
		for i, k := range idx {
			w[i] = it.sd * ghNodes[k]
			weight *= ghWeights[k]
		}
		copy(y, z)
		it.stepWith(y, w)
		total += weight * f(y)
		// next multi-index
		i := 0
		for ; i < nw; i++ {
			idx[i]++
			if idx[i] < 3 {
				break
			}
			idx[i] = 0
		}
		if i == nw {
			return total
		}
	}
}

// exactMoments returns, for a method integrated with k substeps per SGD step
// to time T on the two-point quadratic problem, the exact expectations of the
// numerical scheme: E|Z_T|^2 / |z0|^2 for one point, and E Z^(1)_T . Z^(2)_T /
// (u1 . u2) for two points (shared or private noise as the method says).
func exactMoments(m Method, scheme Scheme, q quadTest, alpha, T float64, k int) (one, two float64) {
	steps := int(math.Round(T / alpha))
	h := alpha / float64(k)
	model := Independent(q)
	d := q.d
	u := []float64{1, 0.5, -0.25, 2}[:d]
	it1 := newIntegrator(model.NewEval(1), m, scheme, alpha, h, 1, d, q.NumData())
	sq := func(z []float64) float64 { return dot(z, z) }
	m1 := expectStep(it1, u, sq) / sq(u)
	u2 := make([]float64, 2*d)
	copy(u2, u)
	for i := range u {
		u2[d+i] = -3 * u[i]
	}
	it2 := newIntegrator(model.NewEval(2), m, scheme, alpha, h, 2, d, q.NumData())
	p := func(z []float64) float64 { return dot(z[:d], z[d:]) }
	m2 := expectStep(it2, u2, p) / p(u2)
	n := float64(steps * k)
	return math.Pow(m1, n), math.Pow(m2, n)
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// sgdExact returns E|z_i|^2/|z0|^2 = E z^(1)_i . z^(2)_i / (u1.u2) for SGD at
// t_i = T (MATH.md section 6).
func sgdExact(q quadTest, alpha, T float64) float64 {
	m1, m2 := (&Quad{xi: q.xi}).Moments()
	_, second := QuadSGDFactors(m1, m2, alpha, math.Round(T/alpha))
	return second
}

// The exact expectation of the scheme for SMF agrees with the closed form of
// the SDE (MATH.md section 6) up to the scheme's own error O(h^2 + alpha^2 h).
func TestSchemeAgainstSDEClosedForm(t *testing.T) {
	q := twoPoint(2, 1, math.Sqrt(0.5))
	const T = 1.0
	for _, alpha := range []float64{1.0 / 16, 1.0 / 64} {
		want := math.Exp(T * (-2 - alpha + alpha*0.5))
		for _, k := range []int{1, 4, 16} {
			got, _ := exactMoments(SMF, Weak2, q, alpha, T, k)
			h := alpha / float64(k)
			if err := math.Abs(got - want); err > 2*(h*h+alpha*alpha*h) {
				t.Errorf("alpha=%v k=%d: E|Z_T|^2 = %v, SDE %v, error %.2g > O(h^2 + alpha^2 h) = %.2g", alpha, k, got, want, err, h*h+alpha*alpha*h)
			}
		}
	}
}

// MATH.md section 5's table: the error of E Z_T^2 against the SDE's exact
// value, for Euler-Maruyama and the weak second-order scheme, next to the
// SGD-SMF gap itself (m = 1, s^2 = 0.5, T = 1, d = 1).
func TestSchemeErrorTable(t *testing.T) {
	q := twoPoint(1, 1, math.Sqrt(0.5))
	const T = 1.0
	for _, c := range []struct {
		alpha             float64
		k                 int
		euler, weak2, gap float64 // from MATH.md
	}{
		{1.0 / 16, 1, 8.3e-3, 1.8e-4, 2.0e-4},
		{1.0 / 16, 4, 2.1e-3, 9.8e-6, 2.0e-4},
		{1.0 / 64, 1, 2.1e-3, 1.1e-5, 1.1e-5},
		{1.0 / 64, 4, 5.3e-4, 6.7e-7, 1.1e-5},
	} {
		sde := math.Exp(T * (-2 - c.alpha + c.alpha*0.5))
		eu, _ := exactMoments(SMF, Euler, q, c.alpha, T, c.k)
		w2, _ := exactMoments(SMF, Weak2, q, c.alpha, T, c.k)
		gap := math.Abs(sgdExact(q, c.alpha, T) - sde)
		t.Logf("alpha=2^%v k=%d: Euler %.2g (MATH.md %.2g), weak2 %.2g (%.2g), SGD-SMF gap %.2g (%.2g)",
			math.Log2(c.alpha), c.k, math.Abs(eu-sde), c.euler, math.Abs(w2-sde), c.weak2, gap, c.gap)
		for _, v := range []struct {
			name      string
			got, want float64
		}{{"Euler", math.Abs(eu - sde), c.euler}, {"weak2", math.Abs(w2 - sde), c.weak2}, {"gap", gap, c.gap}} {
			if r := v.got / v.want; r < 0.85 || r > 1.15 {
				t.Errorf("alpha=%v k=%d %s error %.3g, MATH.md says %.2g", c.alpha, c.k, v.name, v.got, v.want)
			}
		}
	}
}

// Weak-error slopes against alpha = 2^-2..2^-6 (T = 1, k = 4), from exact
// expectations of the schemes: GF and SME1 have order 1, SME2 and SMF order
// 2 for one point; for two points (n-point motion) SMF keeps order 2 while
// SME2 (independent noises) drops to order 1. Refining k to 16 does not move
// the errors by more than a small fraction.
func TestWeakOrderSlopes(t *testing.T) {
	q := twoPoint(2, 1, math.Sqrt(0.5))
	const T = 1.0
	alphas := []float64{1.0 / 4, 1.0 / 8, 1.0 / 16, 1.0 / 32, 1.0 / 64}
	for _, c := range []struct {
		m        Method
		one, two float64
	}{
		{GF, 1, 1}, {SME1, 1, 1}, {SME2, 2, 1}, {SMF, 2, 2},
	} {
		var e1, e2 []float64
		for _, a := range alphas {
			sgd := sgdExact(q, a, T)
			one, two := exactMoments(c.m, Weak2, q, a, T, 4)
			one16, two16 := exactMoments(c.m, Weak2, q, a, T, 16)
			e1 = append(e1, math.Abs(one-sgd))
			e2 = append(e2, math.Abs(two-sgd))
			for _, v := range [][2]float64{{one, one16}, {two, two16}} {
				if moved := math.Abs(v[0] - v[1]); moved > 0.2*math.Abs(v[0]-sgd) {
					t.Errorf("%v alpha=%v: refining k from 4 to 16 moves E by %.2g, the weak error is %.2g", c.m, a, moved, math.Abs(v[0]-sgd))
				}
			}
		}
		s1, s2 := slope(alphas, e1), slope(alphas, e2)
		t.Logf("%-5v one-point errors %s slope %.2f; two-point errors %s slope %.2f", c.m, fmtErrs(e1), s1, fmtErrs(e2), s2)
		if math.Abs(s1-c.one) > 0.3 || math.Abs(s2-c.two) > 0.3 {
			t.Errorf("%v: slopes %.2f (one point) and %.2f (two points), want %v and %v", c.m, s1, s2, c.one, c.two)
		}
	}
}

// slope is the least-squares slope of log e against log alpha.
func slope(alpha, e []float64) float64 {
	var sx, sy, sxx, sxy float64
	n := float64(len(alpha))
	for i := range alpha {
		x, y := math.Log(alpha[i]), math.Log(e[i])
		sx += x
		sy += y
		sxx += x * x
		sxy += x * y
	}
	return (n*sxy - sx*sy) / (n*sxx - sx*sx)
}

func fmtErrs(e []float64) string {
	s := ""
	for _, v := range e {
		s += fmt.Sprintf("%.1e ", v)
	}
	return s
}
