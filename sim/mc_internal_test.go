package sim

import (
	"fmt"
	"math"
	"runtime"
	"testing"

	"smflow/sim/stat"
)

// The control variates have expectation zero: over many replicas of SGD
// and of the noisy continuous models (shared noise with one weight, SMF on
// quad; private noises, SME1; euler and weak2), in the linear and the
// quadratic mode, the sample means of c1 and c2 are within 4 standard
// errors of 0, and c1 carries more than half of the replicas' variance
// even at alpha = 1/4 (it is the linearised noise).
func TestControlVariatesMeanZero(t *testing.T) {
	for _, c := range []struct {
		scheme Scheme
		quad   bool
	}{{Weak2, true}, {Weak2, false}, {Euler, true}} {
		cfg := quadConfig(2, 0.25, 1, 4000, [][]float64{{1, 0.5}, {-0.5, 1}}, SGD, SME1, SMF)
		cfg.Data, cfg.NData, cfg.Scheme = nil, 16, c.scheme
		s, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		obs, _ := ObservableByName("sq")
		for _, tr := range s.tracks {
			tr.cv = s.newControlVariate(tr, obs, c.quad)
			if tr.cv == nil || tr.cv.quadratic() != c.quad {
				t.Fatalf("%s: control variate %v", tr.Method, tr.cv)
			}
		}
		s.RunTo(s.total, 2, nil)
		for _, tr := range s.tracks {
			ev := s.model.NewEval(tr.N)
			f, c1, c2 := make([]float64, tr.Reps), make([]float64, tr.Reps), make([]float64, tr.Reps)
			for r := range f {
				f[r] = obs.f(ev, tr.Replica(r), tr.D)
				c1[r], c2[r] = tr.cv.values(r)
			}
			name := fmt.Sprintf("%s %s quad=%v", tr.Method, c.scheme, c.quad)
			for k, x := range [][]float64{c1, c2} {
				e, _ := stat.MeanOf(x)
				if math.Abs(e.Mean) > 4*e.SE {
					t.Errorf("%s: mean of c%d %v", name, k+1, e)
				}
				if k == 1 && !c.quad && e.SE != 0 {
					t.Errorf("%s: c2 without the quadratic mode: %v", name, e)
				}
			}
			ef, _ := stat.MeanOf(f)
			res, _ := controlled(f, c1)
			if !(res.SE < ef.SE/1.5) {
				t.Errorf("%s: the linear control variate takes the standard error from %v to %v only", name, ef.SE, res.SE)
			}
		}
	}
}

// controlled is the least-squares regression estimator: with a control
// variate that is an exact linear function of f, the estimate is the
// control's known mean mapped through it and the standard error vanishes;
// with one unrelated to f it changes little; a constant one is left out.
func TestControlledRegression(t *testing.T) {
	n := 1000
	f, c, u, k := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for r := range f {
		x := math.Sin(float64(r) * 1.7)
		c[r] = x
		f[r] = 2 + 3*x
		u[r] = math.Cos(float64(r) * 0.37)
		k[r] = 5
	}
	e, err := controlled(f, c)
	if err != nil || math.Abs(e.Mean-2) > 1e-12 || e.SE > 1e-12 {
		t.Errorf("exact control: %v, %v", e, err)
	}
	e, err = controlled(f, c, k)
	if err != nil || math.Abs(e.Mean-2) > 1e-12 || e.SE > 1e-12 {
		t.Errorf("with a constant control: %v, %v", e, err)
	}
	plain, _ := stat.MeanOf(f)
	e, _ = controlled(f, u)
	if math.Abs(e.SE/plain.SE-1) > 0.05 {
		t.Errorf("unrelated control: %v, plain %v", e, plain)
	}
	if x, ok := solveSmall([]float64{0, 1, 3, 2, 0, 4}, 2); !ok || x[0] != 2 || x[1] != 3 {
		t.Errorf("solveSmall: %v %v", x, ok)
	}
	if _, ok := solveSmall([]float64{1, 2, 3, 2, 4, 6}, 2); ok {
		t.Error("solveSmall of a singular system")
	}
}

// A control variate that would not fit in memory (alpha = 1e-4, T = 1000:
// 10^7 steps, 4 x 10^7 substeps) is not built: the estimate is the plain
// one, and preparing the experiment allocates megabytes, not gigabytes.
// Below the bound the control variate is built.
func TestControlVariateMemoryBound(t *testing.T) {
	obs, _ := ObservableByName("sq")
	for _, c := range []struct {
		alpha, T float64
		built    bool
	}{{0.1, 1, true}, {1e-4, 1000, false}} {
		cfg := quadConfig(1, c.alpha, c.T, 8, nil, SGD, SMF)
		cfg.Data, cfg.NData = nil, 16
		s, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		for _, tr := range s.tracks {
			if cv := s.newControlVariate(tr, obs, true); (cv != nil) != c.built {
				t.Errorf("alpha %g, T %g, %s: control variate built %v, want %v", c.alpha, c.T, tr.Method, cv != nil, c.built)
			}
		}
		runtime.ReadMemStats(&m1)
		if mb := float64(m1.TotalAlloc-m0.TotalAlloc) / 1e6; mb > 8*cvMaxFloats/1e6 {
			t.Errorf("alpha %g, T %g: %.0f MB allocated for the control variates", c.alpha, c.T, mb)
		}
	}
}
