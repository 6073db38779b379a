package sim

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// obsNames are the observables with exact expectations.
var obsNames = []string{"sq", "z1", "pair", "risk"}

// mustObs returns the observable named name.
func mustObs(t testing.TB, name string) Observable {
	t.Helper()
	o, err := ObservableByName(name)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// mustExpect returns the exact expectations of cfg.
func mustExpect(t testing.TB, cfg Config) *Expectations {
	t.Helper()
	e, err := NewExpectations(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// exactAll returns E f of SGD after steps steps and of the continuous-time
// method m at t = alpha*steps (SGD: both the same).
func exactAll(t *testing.T, e *Expectations, m Method, obs string, alpha float64, steps int) float64 {
	t.Helper()
	var v float64
	var err error
	if m == SGD {
		v, err = e.SGD(mustObs(t, obs), alpha, steps)
	} else {
		v, err = e.Continuous(m, mustObs(t, obs), alpha, alpha*float64(steps))
	}
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// The quadratic problem (MATH.md section 6), two points u_1, u_2 in R^2,
// data with m1 = 1, s^2 = 0.5: SGD's factors (1 - alpha m1)^i and
// (1 - 2 alpha m1 + alpha^2 m2)^i; the SDEs' exponentials
// exp(-(m1 + c alpha m1^2) t) and exp(t(-2 m1 - 2c alpha m1^2 + [noise]
// alpha s^2)) with c = 1/2 for the modified flows, the noise term in the
// two-point product only for SMF; the risk is m1 |z|^2 / 2. To 1e-9
// relative, also for a time T that is not a multiple of alpha (i =
// ceil(T/alpha)).
func TestExactQuadClosedForms(t *testing.T) {
	u1, u2 := []float64{1, 0.5}, []float64{-0.3, 2}
	cfg := quadConfig(2, 0.1, 1, 1, [][]float64{u1, u2}, SGD)
	e := mustExpect(t, cfg)
	m1, m2 := 1.0, 1.5
	s2 := m2 - m1*m1
	sq0 := (dot(u1, u1) + dot(u2, u2)) / 2
	z10 := (u1[0] + u2[0]) / 2
	pair0 := dot(u1, u2)
	for _, alpha := range []float64{0.25, 0.1, 0.0078125} {
		for _, T := range []float64{1, 1.3} {
			steps := int(math.Ceil(T/alpha - 1e-9))
			tt := alpha * float64(steps)
			for _, m := range []Method{SGD, GF, SME1, SME2, SMF} {
				var mean, second, cross float64
				switch m {
				case SGD:
					mean, second = QuadSGDFactors(m1, m2, alpha, float64(steps))
					cross = second
				default:
					c := 0.0
					if m.modified() {
						c = 0.5
					}
					noise := 0.0
					if m.noisy() {
						noise = alpha * s2
					}
					mean = math.Exp(-(m1 + c*alpha*m1*m1) * tt)
					second = math.Exp(tt * (-2*m1 - 2*c*alpha*m1*m1 + noise))
					cross = math.Exp(tt * (-2*m1 - 2*c*alpha*m1*m1))
					if m == SMF {
						cross = second
					}
				}
				for _, w := range []struct {
					obs  string
					want float64
				}{
					{"sq", sq0 * second}, {"z1", z10 * mean}, {"pair", pair0 * cross}, {"risk", m1 / 2 * sq0 * second},
				} {
					if got := exactAll(t, e, m, w.obs, alpha, steps); !relClose(got, w.want, 1e-9) {
						t.Errorf("alpha=%v T=%v %v %s: %.15g, closed form %.15g", alpha, T, m, w.obs, got, w.want)
					}
				}
			}
		}
	}
}

// The shift problem (MATH.md section 7), two points in R^2 on five data
// points: SGD's mean xbar + (1-alpha)^i e_0 and covariance
// alpha S (1 - (1-alpha)^(2i)) / (2 - alpha), shared by the two points; the
// Ornstein-Uhlenbeck forms with lambda = 1 + alpha/2 (SME2, SMF) or 1 (GF,
// SME1) and covariance alpha S (1 - exp(-2 lambda t)) / (2 lambda) (none for
// GF), shared by SMF's points and not by SME's. The observables are
// sq = |m|^2 + tr C, pair = m_1.m_2 + tr C_12 and risk = (|m - xbar|^2 +
// tr C + tr S)/2, averaged over the points. To 1e-9 relative.
func TestExactShiftClosedForms(t *testing.T) {
	xi := []float64{0.5, 1, 2, -0.5, 1.5, 1.5, -1, 0, 0.25, 0.75}
	u1, u2 := []float64{1.5, -0.5}, []float64{-1, 2}
	cfg := Config{
		Problem: ProblemSpec{Name: "shift", Dim: 2}, Alpha: 0.1, T: 1, Seed: 1, K: 4,
		Methods: []Method{SGD}, Points: [][]float64{u1, u2}, Data: &Data{N: 5, Din: 2, X: xi},
	}
	e := mustExpect(t, cfg)
	xb := []float64{0, 0}
	for j := 0; j < 5; j++ {
		xb[0] += xi[2*j] / 5
		xb[1] += xi[2*j+1] / 5
	}
	trS := 0.0
	for j := 0; j < 5; j++ {
		for i := 0; i < 2; i++ {
			trS += (xi[2*j+i] - xb[i]) * (xi[2*j+i] - xb[i]) / 5
		}
	}
	for _, alpha := range []float64{0.25, 0.1, 0.0078125} {
		for _, T := range []float64{1, 2.05} {
			steps := int(math.Ceil(T/alpha - 1e-9))
			tt := alpha * float64(steps)
			for _, m := range []Method{SGD, GF, SME1, SME2, SMF} {
				var decay, trC float64 // mean factor and tr Cov
				switch m {
				case SGD:
					decay = math.Pow(1-alpha, float64(steps))
					trC = alpha * trS * (1 - decay*decay) / (2 - alpha)
				default:
					lambda := 1.0
					if m.modified() {
						lambda += alpha / 2
					}
					decay = math.Exp(-lambda * tt)
					if m.noisy() {
						trC = alpha * trS * (1 - decay*decay) / (2 * lambda)
					}
				}
				trC12 := trC
				if m == SME1 || m == SME2 {
					trC12 = 0
				}
				mean := func(u []float64) []float64 {
					return []float64{xb[0] + decay*(u[0]-xb[0]), xb[1] + decay*(u[1]-xb[1])}
				}
				a, b := mean(u1), mean(u2)
				off := func(v []float64) float64 { return (v[0]-xb[0])*(v[0]-xb[0]) + (v[1]-xb[1])*(v[1]-xb[1]) }
				for _, w := range []struct {
					obs  string
					want float64
				}{
					{"sq", (dot(a, a)+dot(b, b))/2 + trC},
					{"z1", (a[0] + b[0]) / 2},
					{"pair", dot(a, b) + trC12},
					{"risk", ((off(a)+off(b))/2 + trC + trS) / 2},
				} {
					if got := exactAll(t, e, m, w.obs, alpha, steps); !relClose(got, w.want, 1e-9) {
						t.Errorf("alpha=%v T=%v %v %s: %.15g, closed form %.15g", alpha, T, m, w.obs, got, w.want)
					}
				}
			}
		}
	}
}

// linregConfig is linear regression with din inputs on N generated data
// points and the given starting points.
func linregConfig(din, N int, alpha, T float64, reps int, points [][]float64, methods ...Method) Config {
	return Config{
		Problem: ProblemSpec{Name: "linreg", Din: din, Noise: 0.3}, NData: N,
		Alpha: alpha, T: T, Seed: 5, Reps: reps, K: 4, Scheme: Weak2,
		Methods: methods, Points: points,
	}
}

// SGD on linear regression, where nothing is isotropic: the exact moments
// after i steps equal the average over all N^i sequences of data indices of
// the iterates of two points driven by the same indices.
func TestExactSGDEnumeration(t *testing.T) {
	for _, din := range []int{1, 2} {
		pts := [][]float64{{0.5, -1, 0.3}, {-1, 0.8, 0.1}}
		for i := range pts {
			pts[i] = pts[i][:din+1]
		}
		cfg := linregConfig(din, 3, 0.3, 1, 1, pts, SGD)
		e := mustExpect(t, cfg)
		s, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		p := ProblemOf(s.Model())
		ev := Independent(p).NewEval(2)
		d := din + 1
		start, _ := s.Start()
		for steps := 0; steps <= 5; steps++ {
			paths := int(math.Pow(3, float64(steps)))
			want := map[string]float64{}
			z, g := make([]float64, 2*d), make([]float64, 2*d)
			for path := 0; path < paths; path++ {
				copy(z, start)
				for k, code := 0, path; k < steps; k, code = k+1, code/3 {
					ev.SampleGrad(g, z, code%3)
					for i := range z {
						z[i] -= 0.3 * g[i]
					}
				}
				for _, name := range obsNames {
					want[name] += mustObs(t, name).f(ev, z, d) / float64(paths)
				}
			}
			for _, name := range obsNames {
				got, err := e.SGD(mustObs(t, name), 0.3, steps)
				if err != nil {
					t.Fatal(err)
				}
				if math.Abs(got-want[name]) > 1e-12*max(1, math.Abs(want[name])) {
					t.Errorf("din=%d i=%d %s: %.15g, enumeration %.15g", din, steps, name, got, want[name])
				}
			}
		}
	}
}

// One substep of the real integrator (weak2 and Euler, shared and private
// noise, modified drift or not) on linear regression with three data
// points, integrated over its N Gaussian weights by a product Gauss-Hermite
// rule (exact: the substep is affine in the weights), gives the exact
// scheme's expectations of all observables.
func TestExactSchemeOneStep(t *testing.T) {
	for _, din := range []int{1, 2} {
		pts := [][]float64{{0.5, -1, 0.3}, {-1, 0.8, 0.1}}
		for i := range pts {
			pts[i] = pts[i][:din+1]
		}
		const alpha = 0.4
		cfg := linregConfig(din, 3, alpha, 1, 1, pts, SGD)
		e := mustExpect(t, cfg)
		s, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		model := s.Model()
		ev := model.NewEval(2)
		d := din + 1
		start, _ := s.Start()
		for _, m := range []Method{GF, SME1, SME2, SMF} {
			for _, sc := range []Scheme{Weak2, Euler} {
				it := newIntegrator(model.NewEval(2), m, sc, alpha, alpha, 2, d, model.NumData())
				for _, name := range obsNames {
					o := mustObs(t, name)
					want := expectStep(it, start, func(z []float64) float64 { return o.f(ev, z, d) })
					got, err := e.Scheme(m, sc, o, alpha, 1, 1)
					if err != nil {
						t.Fatal(err)
					}
					if math.Abs(got-want) > 1e-12*max(1, math.Abs(want)) {
						t.Errorf("din=%d %v %v %s: %.15g, quadrature %.15g", din, m, sc, name, got, want)
					}
				}
			}
		}
	}
}

// On the quadratic problem the exact scheme equals the scheme's
// expectations of integrate_test.go (Gauss-Hermite over one substep of the
// integrator with the one-weight LowRankNoise, raised to the number of
// substeps), for both schemes and several k.
func TestExactSchemeQuad(t *testing.T) {
	q := twoPoint(2, 1, math.Sqrt(0.5))
	u := []float64{1, 0.5}
	u2 := []float64{-3, -1.5}
	e1 := mustExpect(t, quadConfig(2, 0.1, 1, 1, [][]float64{u}, SGD))
	e2 := mustExpect(t, quadConfig(2, 0.1, 1, 1, [][]float64{u, u2}, SGD))
	for _, alpha := range []float64{0.25, 1.0 / 16} {
		const T = 1.0
		steps := int(math.Round(T / alpha))
		for _, k := range []int{1, 4} {
			for _, m := range []Method{GF, SME1, SME2, SMF} {
				for _, sc := range []Scheme{Weak2, Euler} {
					one, two := exactMoments(m, sc, q, alpha, T, k)
					got1, err := e1.Scheme(m, sc, mustObs(t, "sq"), alpha, k, steps)
					if err != nil {
						t.Fatal(err)
					}
					got2, _ := e2.Scheme(m, sc, mustObs(t, "pair"), alpha, k, steps)
					if !relClose(got1, one*dot(u, u), 1e-11) || !relClose(got2, two*dot(u, u2), 1e-11) {
						t.Errorf("alpha=%v k=%d %v %v: sq %.15g pair %.15g, quadrature %.15g %.15g",
							alpha, k, m, sc, got1, got2, one*dot(u, u), two*dot(u, u2))
					}
				}
			}
		}
	}
}

// The scheme converges to the continuous model as k grows: on linear
// regression, the integrator's share |Scheme - Continuous| shrinks like h
// for Euler and like h^2 + alpha^2 h for weak2 (MATH.md section 5): log2 of
// the ratio between k = 8 and k = 16 is 1 for Euler; for weak2 it is 2
// where no noise enters the moment (GF, and SME's two-point product, whose
// noises are independent) and 1 where it does (at alpha = 1/4 the
// alpha^2 h term leads). For one point and the two-point product: powers
// of the substep map and the exponential of the generator agree.
func TestExactSchemeConverges(t *testing.T) {
	cfg := linregConfig(2, 32, 0.25, 1, 1, [][]float64{{0.5, -1, 0.3}, {-1, 0.8, 0.1}}, SGD)
	e := mustExpect(t, cfg)
	const alpha, steps = 0.25, 4
	for _, m := range []Method{GF, SME1, SME2, SMF} {
		for _, name := range []string{"sq", "pair"} {
			o := mustObs(t, name)
			exact, err := e.Continuous(m, o, alpha, alpha*steps)
			if err != nil {
				t.Fatal(err)
			}
			errs := map[Scheme][]float64{}
			for _, sc := range []Scheme{Weak2, Euler} {
				for _, k := range []int{8, 16} {
					v, err := e.Scheme(m, sc, o, alpha, k, steps)
					if err != nil {
						t.Fatal(err)
					}
					errs[sc] = append(errs[sc], math.Abs(v-exact))
				}
			}
			w, eu := errs[Weak2], errs[Euler]
			t.Logf("%-4v %-4s weak2 %.2e %.2e, euler %.2e %.2e at k = 8, 16", m, name, w[0], w[1], eu[0], eu[1])
			want := 1.0
			if !sharesNoise(m, name == "pair") {
				want = 2
			}
			if r := math.Log2(w[0] / w[1]); math.Abs(r-want) > 0.15 {
				t.Errorf("%v %s weak2: rate %.2f, want %v", m, name, r, want)
			}
			if r := math.Log2(eu[0] / eu[1]); math.Abs(r-1) > 0.15 {
				t.Errorf("%v %s euler: rate %.2f, want 1", m, name, r)
			}
		}
	}
}

// Errors: problems without exact forms, pair with one point, unknown
// observables and methods, bad rates.
func TestExpectationsErrors(t *testing.T) {
	cfg := quadConfig(2, 0.1, 1, 1, [][]float64{{1, 0.5}}, SGD)
	cfg.Problem = ProblemSpec{Name: "tanh2", Noise: 0.1}
	cfg.Data, cfg.NData, cfg.Points = nil, 16, nil
	if _, err := NewExpectations(cfg); err == nil || err.Error() != "problem tanh2 has no exact expectations (its gradient is not affine in z); use Monte Carlo" {
		t.Errorf("tanh2: %v", err)
	}
	cfg.Problem.Name = "nope"
	if _, err := NewExpectations(cfg); err == nil || !strings.Contains(err.Error(), "unknown problem") {
		t.Errorf("unknown problem: %v", err)
	}
	e := mustExpect(t, quadConfig(2, 0.1, 1, 1, [][]float64{{1, 0.5}}, SGD))
	if _, err := e.SGD(mustObs(t, "pair"), 0.1, 3); err == nil || !strings.Contains(err.Error(), "two points") {
		t.Errorf("pair with one point: %v", err)
	}
	for _, err := range []error{
		second(e.SGD(Observable{Name: "nope"}, 0.1, 3)),
		second(e.SGD(mustObs(t, "sq"), 0, 3)),
		second(e.SGD(mustObs(t, "sq"), 0.1, -1)),
		second(e.Continuous(SGD, mustObs(t, "sq"), 0.1, 1)),
		second(e.Continuous(MFODE, mustObs(t, "sq"), 0.1, 1)),
		second(e.Continuous(SMF, mustObs(t, "sq"), 0.1, math.NaN())),
		second(e.Scheme(SMF, Weak2, mustObs(t, "sq"), 0.1, 0, 3)),
		second(e.Scheme(SMF, Scheme(7), mustObs(t, "sq"), 0.1, 1, 3)),
	} {
		if err == nil {
			t.Error("bad argument accepted")
		}
	}
	big := quadConfig(MaxExactDim+1, 0.1, 1, 1, nil, SGD)
	if _, err := NewExpectations(big); err == nil || !strings.Contains(err.Error(), fmt.Sprint(MaxExactDim)) {
		t.Errorf("dimension %d: %v", MaxExactDim+1, err)
	}
}

func second(_ float64, err error) error { return err }
