package sim

import (
	"math"
	"testing"
)

// quadConfig is the closed-form case on the two-point data set {m-s, m+s}.
func quadConfig(d int, alpha, T float64, reps int, start [][]float64, methods ...Method) Config {
	s := math.Sqrt(0.5)
	return Config{
		Problem: ProblemSpec{Name: "quad", Dim: d, XiMean: 1, XiSD: s},
		Alpha:   alpha, T: T, Seed: 7, Reps: reps, K: 4, Scheme: Weak2, Methods: methods,
		Points: start, Data: &Data{N: 2, Xi: []float64{1 - s, 1 + s}},
	}
}

// meanSE returns the mean and standard error of f over the replicas of tr.
func meanSE(tr *Track, f func(z []float64) float64) (mean, se float64) {
	var s, s2 float64
	for r := 0; r < tr.Reps; r++ {
		v := f(tr.Replica(r))
		s += v
		s2 += v * v
	}
	n := float64(tr.Reps)
	mean = s / n
	return mean, math.Sqrt((s2/n - mean*mean) / (n - 1))
}

// Monte Carlo through the whole simulator: SGD ensembles agree with the exact
// SGD moments, the continuous methods with the exact expectations of their
// schemes, within 4 standard errors; GF and SME1 miss SGD by many standard
// errors at alpha = 1/4.
func TestEnsembleMonteCarlo(t *testing.T) {
	const alpha, T, reps = 0.25, 1.0, 40000
	u := []float64{1, 0.5}
	cfg := quadConfig(2, alpha, T, reps, [][]float64{u}, SGD, GF, SME1, SME2, SMF)
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s.RunTo(s.TotalSteps(), 2, nil)
	q := twoPoint(2, 1, math.Sqrt(0.5))
	sgd := sgdExact(q, alpha, T) * dot(u, u)
	sq := func(z []float64) float64 { return dot(z, z) }
	for i, tr := range s.Tracks() {
		got, se := meanSE(tr, sq)
		want := sgd
		if tr.Method != SGD {
			one, _ := exactMoments(tr.Method, Weak2, q, alpha, T, 4)
			want = one * dot(u, u)
		}
		t.Logf("%-5v E|Z_T|^2 = %.5f +- %.5f, exact %.5f, SGD %.5f", tr.Method, got, se, want, sgd)
		if tr.Method.Deterministic() {
			if math.Abs(got-want) > 1e-12 {
				t.Errorf("%v: %v, want %v", tr.Method, got, want)
			}
		} else if math.Abs(got-want) > 4*se {
			t.Errorf("%v: E|Z_T|^2 = %v +- %v, want %v", tr.Method, got, se, want)
		}
		if (tr.Method == GF || tr.Method == SME1) && math.Abs(got-sgd) < 4*se {
			t.Errorf("%v should miss SGD by O(alpha): %v vs %v", tr.Method, got, sgd)
		}
		if s.Status(i).Diverged {
			t.Errorf("%v diverged", tr.Method)
		}
	}
}

// The n-point motion: SGD points sharing xi keep their ratio; SMF's two-point
// product matches its exact value and SGD's to O(alpha^2), SME2's
// independent noises miss it by many standard errors.
func TestFlowMonteCarlo(t *testing.T) {
	const alpha, T, reps = 0.25, 1.0, 40000
	u1, u2 := []float64{1, 0.5}, []float64{-3, -1.5}
	cfg := quadConfig(2, alpha, T, reps, [][]float64{u1, u2}, SGD, SME2, SMF)
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s.RunTo(s.TotalSteps(), 2, nil)
	q := twoPoint(2, 1, math.Sqrt(0.5))
	sgd := sgdExact(q, alpha, T) * dot(u1, u2)
	prod := func(z []float64) float64 { return dot(z[:2], z[2:]) }
	for _, tr := range s.Tracks() {
		got, se := meanSE(tr, prod)
		want := sgd
		if tr.Method != SGD {
			_, two := exactMoments(tr.Method, Weak2, q, alpha, T, 4)
			want = two * dot(u1, u2)
		}
		t.Logf("%-5v E Z1.Z2 = %.5f +- %.5f, exact %.5f, SGD %.5f", tr.Method, got, se, want, sgd)
		if math.Abs(got-want) > 4*se {
			t.Errorf("%v: E Z1.Z2 = %v +- %v, want %v", tr.Method, got, se, want)
		}
		switch tr.Method {
		case SGD:
			for r := 0; r < tr.Reps; r++ {
				z := tr.Replica(r)
				if math.Abs(z[2]+3*z[0]) > 1e-12*math.Abs(z[0]) {
					t.Fatalf("SGD flow replica %d: z2/z1 not constant: %v", r, z)
				}
			}
		case SME2:
			if math.Abs(got-sgd) < 4*se {
				t.Errorf("SME2 should miss the two-point motion: %v vs SGD %v +- %v", got, sgd, se)
			}
		}
	}
}

// Replicas run in parallel give bit-identical states to stepping one by
// one, and switching a method off does not change the others.
func TestReproducible(t *testing.T) {
	cfg := quadConfig(2, 0.1, 1, 50, [][]float64{{1, 0.5}, {0.2, -0.7}}, SGD, GF, SME1, SME2, SMF)
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for !a.Done() {
		a.Step()
	}
	b, _ := New(cfg)
	b.RunTo(b.TotalSteps(), 3, nil)
	cfg.Methods = []Method{SMF, SGD}
	c, _ := New(cfg)
	c.RunTo(c.TotalSteps(), 2, nil)
	for i := range a.Tracks() {
		if a.Hash(i) != b.Hash(i) {
			t.Errorf("%v: sequential %s, parallel %s", a.Tracks()[i].Method, a.Hash(i), b.Hash(i))
		}
	}
	if c.Hash(0) != a.Hash(4) || c.Hash(1) != a.Hash(0) {
		t.Errorf("switching methods off changed the others")
	}
}

// A learning rate that makes SGD diverge stops SGD at the time it left the
// finite numbers, with its last finite state; GF goes on.
func TestDivergence(t *testing.T) {
	cfg := quadConfig(1, 5, 20000, 4, nil, SGD, GF)
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s.RunTo(s.TotalSteps(), 2, nil)
	st := s.Status(0)
	if !st.Diverged || st.Reps != 4 || !(st.At > 0 && st.At < 20000) {
		t.Fatalf("SGD status %+v, want diverged in all 4 replicas", st)
	}
	if !finite(s.Tracks()[0].Z) {
		t.Error("diverged state is not finite")
	}
	if s.Status(1).Diverged || !finite(s.Tracks()[1].Z) {
		t.Error("GF should not diverge")
	}
	t.Logf("SGD diverged at t = %v", st.At)
}

// Bad configurations give errors, not panics.
func TestBadConfig(t *testing.T) {
	for _, c := range []func(*Config){
		func(c *Config) { c.Alpha = 0 },
		func(c *Config) { c.Alpha = math.NaN() },
		func(c *Config) { c.T = math.Inf(1) },
		func(c *Config) { c.K = 0 },
		func(c *Config) { c.Methods = nil },
		func(c *Config) { c.Methods = []Method{DDSMF} },
		func(c *Config) { c.Points = [][]float64{{1}} },
		func(c *Config) { c.Points = [][]float64{{1, math.NaN()}} },
		func(c *Config) { c.Problem.Name = "nope" },
	} {
		cfg := quadConfig(2, 0.1, 1, 2, nil, SGD)
		c(&cfg)
		if _, err := New(cfg); err == nil {
			t.Errorf("config %+v: no error", cfg)
		} else {
			t.Log(err)
		}
	}
}
