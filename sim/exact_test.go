package sim

import (
	"math"
	"testing"
)

// QuadSGDFactors gives the values of the formulas it replaces (exactSGD of
// order.go, sgdExact of the tests, the scenes' exact curves), printed from
// them before the change, natively and under WebAssembly alike.
func TestQuadSGDFactorsTable(t *testing.T) {
	for _, c := range []struct {
		m1, m2, alpha, i float64
		mean, second     float64
	}{
		{1, 1.5, 0.25, 4, 0.31640625, 0.1242837905883789},
		{1, 1.5, 0.0625, 16, 0.3560741304517928, 0.1313727510363416},
		{1, 1.5, 0.1, 7.5, 0.4537522805393369, 0.21561653648313653},
		{0.8, 1, 0.3, 3, 0.43897600000000003, 0.226981},
		{1, 1.5, 0, 0, 1, 1},
		{1, 1.5, 2, 10, 1, 59049},
		{1, 1.5, 2, 2.5, math.NaN(), 15.588457268119894},
		{-0.5, 2, 0.05, 123.4, 21.0535331921543, 740.2075641178884},
	} {
		mean, second := QuadSGDFactors(c.m1, c.m2, c.alpha, c.i)
		if !same(mean, c.mean) || !same(second, c.second) {
			t.Errorf("QuadSGDFactors(%v, %v, %v, %v) = %v, %v, want %v, %v", c.m1, c.m2, c.alpha, c.i, mean, second, c.mean, c.second)
		}
	}
}

// same reports whether a and b agree to a few ulps (or are both NaN).
func same(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= 1e-15*math.Abs(b)
}

// exactSGD gives the values of its earlier version in order.go for every
// observable, and no value for risk or for pair with one point.
func TestExactSGDTable(t *testing.T) {
	for _, c := range []struct {
		d            int
		alpha, T     float64
		start        [][]float64
		sq, z1, pair float64
		pairOK       bool
	}{
		{2, 0.25, 1, [][]float64{{1, 0.5}}, 0.15535473823547363, 0.31640625, 0, false},
		{2, 0.1, 0.95, [][]float64{{1, 0.5}, {-3, -1.5}, {0.2, 0.7}}, 0.5615639864916884, -0.2092070640600001, -0.4848499499640441, true},
		{1, 0.05, 2, [][]float64{{0.7}, {-1.2}}, 0.016844562104991558, -0.032128039141275835, -0.014662624008490062, true},
		{3, 0.3, 1.5, [][]float64{{1, 2, 3}, {0, -1, 0.5}}, 0.3342017795808594, 0.08403499999999997, -0.021914870792187503, true},
	} {
		s, err := New(quadConfig(c.d, c.alpha, c.T, 1, c.start, SGD))
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range []struct {
			name string
			want float64
			ok   bool
		}{{"sq", c.sq, true}, {"z1", c.z1, true}, {"pair", c.pair, c.pairOK}, {"risk", 0, false}} {
			got, ok := s.exactSGD(o.name)
			if ok != o.ok || !same(got, o.want) {
				t.Errorf("start %v alpha=%v %s: %v %v, want %v %v", c.start, c.alpha, o.name, got, ok, o.want, o.ok)
			}
		}
	}
	cfg := quadConfig(2, 0.1, 1, 1, nil, SGD)
	cfg.Problem, cfg.Data, cfg.NData = ProblemSpec{Name: "linreg", Dim: 2}, nil, 8
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := s.exactSGD("sq"); ok {
		t.Errorf("linreg: exact SGD value %v, want none", v)
	}
}

// The factors are the exact expectations of SGD: averaging over every
// sequence of data indices (N^i of them, each of probability N^-i) the
// iterates z_{k+1} = z_k - alpha grad R(z_k, xi_j) of the Quad problem gives
// E z_i, E |z_i|^2 and E z^(1)_i . z^(2)_i to rounding.
func TestQuadSGDFactorsEnumeration(t *testing.T) {
	xi := []float64{0.5, 1, 2.5, -0.3}
	q, err := NewQuad(2, xi)
	if err != nil {
		t.Fatal(err)
	}
	m1, m2 := q.Moments()
	u1, u2 := []float64{1, -0.5}, []float64{0.3, 2}
	for _, alpha := range []float64{0.05, 0.2, 0.7} {
		for steps := 0; steps <= 6; steps++ {
			paths := 1
			for k := 0; k < steps; k++ {
				paths *= len(xi)
			}
			var ez, esq, epair float64
			z1, z2, g := make([]float64, 2), make([]float64, 2), make([]float64, 2)
			for p := 0; p < paths; p++ {
				copy(z1, u1)
				copy(z2, u2)
				for k, code := 0, p; k < steps; k, code = k+1, code/len(xi) {
					j := code % len(xi)
					for _, z := range [][]float64{z1, z2} {
						q.Grad(g, z, j)
						for c := range z {
							z[c] -= alpha * g[c]
						}
					}
				}
				ez += z1[0]
				esq += dot(z1, z1)
				epair += dot(z1, z2)
			}
			n := float64(paths)
			ez, esq, epair = ez/n, esq/n, epair/n
			mean, second := QuadSGDFactors(m1, m2, alpha, float64(steps))
			for _, v := range []struct {
				name      string
				got, want float64
			}{
				{"E z1", ez, u1[0] * mean},
				{"E |z|^2", esq, dot(u1, u1) * second},
				{"E z(1).z(2)", epair, dot(u1, u2) * second},
			} {
				if math.Abs(v.got-v.want) > 1e-12*max(1, math.Abs(v.want)) {
					t.Errorf("alpha=%v i=%d %s: enumeration %v, closed form %v", alpha, steps, v.name, v.got, v.want)
				}
			}
		}
	}
}
