package sim

import (
	"math"
	"strings"
	"testing"
)

// exactCases are configurations of the three affine problems with two
// starting points, on data where the leading coefficients of the weak
// errors are not near zero (the quadratic problem's data have
// s^2 - m1^2 = -0.5: GF's O(alpha) coefficient of E|z|^2 is proportional to
// it).
var exactCases = []struct {
	name string
	cfg  Config
}{
	{"quad", quadConfig(2, 0.1, 1, 1, [][]float64{{1, 0.5}, {-0.3, 2}}, SGD, GF, SME1, SME2, SMF)},
	{"shift", Config{
		Problem: ProblemSpec{Name: "shift", Dim: 2}, Alpha: 0.1, T: 1, Seed: 1, K: 4,
		Methods: []Method{SGD, GF, SME1, SME2, SMF}, Points: [][]float64{{1.5, -0.5}, {-1, 2}},
		Data: &Data{N: 5, Din: 2, X: []float64{0.5, 1, 2, -0.5, 1.5, 1.5, -1, 0, 0.25, 0.75}},
	}},
	{"linreg/din=1", linregConfig(1, 32, 0.1, 1, 1, [][]float64{{0.5, -1}, {-1, 0.8}}, SGD, GF, SME1, SME2, SMF)},
	{"linreg/din=2", linregConfig(2, 32, 0.1, 1, 1, [][]float64{{0.5, -1, 0.3}, {-1, 0.8, 0.1}}, SGD, GF, SME1, SME2, SMF)},
}

// The exact local slopes log2(e(alpha)/e(alpha/2)) at alpha = 2^-7, 2^-8
// are within 0.05 of the theory: 1 for GF and SME1, 2 for SMF, and for
// SME2 2 for the one-point observables (sq, z1, risk) but 1 for the
// two-point product (pair), on all three affine problems.
func TestExactSlopes(t *testing.T) {
	alphas := []float64{1.0 / 128, 1.0 / 256}
	for _, c := range exactCases {
		for _, name := range obsNames {
			pts, err := ExactWeakErrors(c.cfg, alphas, mustObs(t, name))
			if err != nil {
				t.Fatal(err)
			}
			if len(pts) != 8 {
				t.Fatalf("%d points, want 8", len(pts))
			}
			for i, p := range pts[:4] {
				q := pts[i+4]
				if p.Alpha != alphas[0] || q.Alpha != alphas[1] || p.Method != q.Method || p.Method != c.cfg.Methods[i+1] {
					t.Fatalf("points out of order: %+v, %+v", p, q)
				}
				if p.Error != p.Value-p.SGD {
					t.Errorf("%+v: Error is not Value - SGD", p)
				}
				slope := math.Log2(p.Error / q.Error)
				want := 2.0
				if p.Method == GF || p.Method == SME1 || p.Method == SME2 && name == "pair" {
					want = 1
				}
				t.Logf("%-12s %-4s %-4v errors %+.3e %+.3e slope %.3f", c.name, name, p.Method, p.Error, q.Error, slope)
				if math.Abs(slope-want) > 0.05 {
					t.Errorf("%s %s %v: slope %.3f, want %v", c.name, name, p.Method, slope, want)
				}
			}
		}
	}
}

// GF's O(alpha) coefficient of E|z|^2 on the quadratic problem is
// -t (s^2 - m1^2) |z_0|^2 exp(-2 m1 t) (SGD's factor is
// exp(t(-2 m1 + alpha (s^2 - m1^2)) + O(alpha^2))): on data with
// s^2 = m1^2 (xi in {0, 2}) it vanishes and GF's error is O(alpha^2), so
// a GF slope of 1 needs data where s^2 - m1^2 is not near zero.
func TestExactGFCoefficient(t *testing.T) {
	u := []float64{1, 0.5}
	const alpha = 1.0 / 1024
	for _, c := range []struct {
		xi     []float64
		m1, s2 float64
	}{
		{[]float64{1 - math.Sqrt(0.5), 1 + math.Sqrt(0.5)}, 1, 0.5},
		{[]float64{0, 2}, 1, 1},
		{[]float64{0.5, 1, 3}, 1.5, 7.0 / 6},
	} {
		cfg := quadConfig(2, alpha, 1, 1, [][]float64{u}, SGD, GF)
		cfg.Data = &Data{N: len(c.xi), Xi: c.xi}
		pts, err := ExactWeakErrors(cfg, []float64{alpha, alpha / 2}, mustObs(t, "sq"))
		if err != nil {
			t.Fatal(err)
		}
		coef := -(c.s2 - c.m1*c.m1) * dot(u, u) * math.Exp(-2*c.m1)
		slope := math.Log2(pts[0].Error / pts[1].Error)
		t.Logf("xi %v: GF error %.3e, alpha * coefficient %.3e, slope %.3f", c.xi, pts[0].Error, alpha*coef, slope)
		if coef == 0 {
			if math.Abs(slope-2) > 0.05 {
				t.Errorf("xi %v: s^2 = m1^2 but GF's slope is %.3f, want 2", c.xi, slope)
			}
		} else if !relClose(pts[0].Error/alpha, coef, 0.01) {
			t.Errorf("xi %v: GF error / alpha = %.5g, coefficient %.5g", c.xi, pts[0].Error/alpha, coef)
		}
	}
}

// ExactWeakErrors refuses problems without exact expectations with a clear
// message, pair with one point, methods that do not run on the problem and
// bad learning rates.
func TestExactWeakErrorsErrors(t *testing.T) {
	cfg := quadConfig(2, 0.1, 1, 1, [][]float64{{1, 0.5}}, SGD, SMF)
	sq := mustObs(t, "sq")
	tanh := cfg
	tanh.Problem, tanh.Data, tanh.NData, tanh.Points = ProblemSpec{Name: "tanh2", Noise: 0.1}, nil, 16, nil
	for _, c := range []struct {
		cfg    Config
		alphas []float64
		obs    Observable
		want   string
	}{
		{tanh, []float64{0.1}, sq, "problem tanh2 has no exact expectations"},
		{cfg, []float64{0.1}, mustObs(t, "pair"), "two points"},
		{cfg, nil, sq, "no learning rates"},
		{cfg, []float64{0.1, -1}, sq, "positive"},
		{func() Config { c := cfg; c.Methods = []Method{SGD, MFODE}; return c }(), []float64{0.1}, sq, "does not run"},
	} {
		if _, err := ExactWeakErrors(c.cfg, c.alphas, c.obs); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.want, err, c.want)
		}
	}
}

// BenchmarkExactWeakErrors times ExactWeakErrors for ten learning rates
// 2^-3..2^-12 (up to 4096 steps, 16384 substeps), four methods, T = 1, on
// the three affine problems with two points:
//
//	go test -bench ExactWeakErrors -run '^$' ./sim/
func BenchmarkExactWeakErrors(b *testing.B) {
	var alphas []float64
	for i := 3; i <= 12; i++ {
		alphas = append(alphas, math.Ldexp(1, -i))
	}
	for _, c := range exactCases {
		for _, name := range []string{"sq", "pair"} {
			b.Run(c.name+"/"+name, func(b *testing.B) {
				obs := mustObs(b, name)
				for b.Loop() {
					if _, err := ExactWeakErrors(c.cfg, alphas, obs); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
