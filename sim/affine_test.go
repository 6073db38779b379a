package sim

import (
	"math"
	"testing"

	"smflow/sim/xmath"
)

// Every point problem of the catalogue with Exact set is an AffineProblem,
// and every other one is not; AffineGrad gives the gradient
// g(z, xi_j) = H_j z - c_j and the loss z^T H_j z/2 - c_j.z + R(0, xi_j) at
// random points.
func TestAffineGrad(t *testing.T) {
	for _, c := range ppCases {
		t.Run(c.name, func(t *testing.T) {
			_, p := c.build(t, 9)
			ap, ok := p.(AffineProblem)
			if ok != HasExact(c.spec) {
				t.Fatalf("AffineProblem %v, HasExact %v", ok, HasExact(c.spec))
			}
			if !ok {
				return
			}
			d := p.Dim()
			h, cj := make([]float64, d*d), make([]float64, d)
			z, g := make([]float64, d), make([]float64, d)
			zero := make([]float64, d)
			rng := xmath.Stream(3, 9)
			for j := 0; j < p.NumData(); j++ {
				for i := range z {
					z[i] = 2 * rng.Norm()
				}
				ap.AffineGrad(h, cj, j)
				p.Grad(g, z, j)
				loss := p.Loss(zero, j)
				for a := 0; a < d; a++ {
					want := -cj[a]
					for b := 0; b < d; b++ {
						if h[a*d+b] != h[b*d+a] {
							t.Fatalf("datum %d: H not symmetric", j)
						}
						want += h[a*d+b] * z[b]
						loss += z[a] * h[a*d+b] * z[b] / 2
					}
					loss -= cj[a] * z[a]
					if math.Abs(g[a]-want) > 1e-12*max(1, math.Abs(want)) {
						t.Errorf("datum %d: g_%d = %v, H z - c = %v", j, a, g[a], want)
					}
				}
				if got := p.Loss(z, j); math.Abs(got-loss) > 1e-12*max(1, math.Abs(loss)) {
					t.Errorf("datum %d: R = %v, quadratic form %v", j, got, loss)
				}
			}
		})
	}
	for _, p := range Problems() {
		if p.Exact != (p.Name == "quad" || p.Name == "shift" || p.Name == "linreg") {
			t.Errorf("problem %s: Exact = %v", p.Name, p.Exact)
		}
	}
	if HasExact(ProblemSpec{Name: "nope"}) {
		t.Error("HasExact of an unknown problem")
	}
}
