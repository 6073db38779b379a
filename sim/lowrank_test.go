package sim

import (
	"math"
	"testing"
)

// The quadratic problem's noise with one weight (LowRankNoise) gives every
// scheme the same exact expectations as the N-weight data representation:
// E|Z'|^2 of one point and E Z'(1).Z'(2) of two points after a substep,
// for shared (SMF) and private (SME) noise, both schemes, computed by exact
// Gauss-Hermite quadrature over the weights (the step is affine in them).
func TestLowRankNoiseExact(t *testing.T) {
	xi := []float64{0.3, 1.7, 0.9, 1.1, 2.4}
	for _, d := range []int{1, 3} {
		full := quadTest{d, xi}
		q, err := NewQuad(d, xi)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range []Method{SME1, SME2, SMF} {
			for _, sc := range []Scheme{Weak2, Euler} {
				for _, n := range []int{1, 2} {
					const alpha, h = 0.3, 0.1
					z := []float64{1, 0.5, -0.25, 2, -1, 0.7}[:n*d]
					f := func(y []float64) float64 { return dot(y[:d], y[(n-1)*d:]) }
					a := newIntegrator(Independent(full).NewEval(n), m, sc, alpha, h, n, d, len(xi))
					b := newIntegrator(Independent(q).NewEval(n), m, sc, alpha, h, n, d, len(xi))
					if want := map[bool]int{true: 1, false: n}[m.sharedNoise()]; len(b.w) != want {
						t.Fatalf("%v: %d weights, want %d", m, len(b.w), want)
					}
					ea, eb := expectStep(a, z, f), expectStep(b, z, f)
					if math.Abs(ea-eb) > 1e-13*math.Abs(ea) {
						t.Errorf("d=%d %v %v n=%d: E f = %.17g with N weights, %.17g with one", d, m, sc, n, ea, eb)
					}
				}
			}
		}
	}
}
