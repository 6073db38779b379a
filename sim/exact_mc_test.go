package sim

import (
	"math"
	"testing"

	"smflow/sim/stat"
)

// Monte Carlo through the whole simulator against the exact expectations,
// on the three affine problems with two points and all four observables:
// SGD's ensemble agrees with Expectations.SGD; every noisy method's
// ensemble agrees with the exact expectation of its integrator
// (Expectations.Scheme), for weak2 with k = 8 and for Euler with k = 1
// (whose own error is large), and with weak2 also with the exact value of
// the SDE (Expectations.Continuous), whose distance to the scheme is checked
// to be well below the standard error; all within 4 standard errors. GF's
// one replica equals its exact scheme to rounding.
func TestExactMonteCarlo(t *testing.T) {
	const alpha, T = 0.125, 1.0
	const reps = 2000
	for _, c := range exactCases {
		for _, run := range []struct {
			sc Scheme
			k  int
		}{{Weak2, 8}, {Euler, 1}} {
			cfg := c.cfg
			cfg.Alpha, cfg.T, cfg.Reps, cfg.K, cfg.Scheme = alpha, T, reps, run.k, run.sc
			if cfg.Data == nil {
				cfg.NData = 16 // fewer data, faster noise
			}
			s, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			s.RunTo(s.TotalSteps(), 2, nil)
			e := mustExpect(t, cfg)
			steps := s.TotalSteps()
			for i, tr := range s.Tracks() {
				if s.Status(i).Diverged {
					t.Fatalf("%s %v diverged", c.name, tr.Method)
				}
				ev := s.Model().NewEval(tr.N)
				for _, name := range obsNames {
					o := mustObs(t, name)
					vals := make([]float64, tr.Reps)
					for r := range vals {
						vals[r] = o.f(ev, tr.Replica(r), tr.D)
					}
					var mc stat.Estimate
					if tr.Reps == 1 {
						mc = stat.Estimate{Mean: vals[0], N: 1}
					} else if mc, err = stat.MeanOf(vals); err != nil {
						t.Fatal(err)
					}
					var want, sde float64
					if tr.Method == SGD {
						want, err = e.SGD(o, alpha, steps)
						sde = want
					} else {
						want, err = e.Scheme(tr.Method, run.sc, o, alpha, run.k, steps)
						if err == nil {
							sde, err = e.Continuous(tr.Method, o, alpha, alpha*float64(steps))
						}
					}
					if err != nil {
						t.Fatal(err)
					}
					t.Logf("%-12s %v k=%-2d %-4v %-4s MC %.5f ± %.5f, exact %.5f, SDE %.5f", c.name, run.sc, run.k, tr.Method, name, mc.Mean, mc.SE, want, sde)
					if tr.Method.Deterministic() {
						if math.Abs(mc.Mean-want) > 1e-10*max(1, math.Abs(want)) {
							t.Errorf("%s %v %v %s: %.15g, exact scheme %.15g", c.name, run.sc, tr.Method, name, mc.Mean, want)
						}
						continue
					}
					if math.Abs(mc.Mean-want) > 4*mc.SE {
						t.Errorf("%s %v k=%d %v %s: Monte Carlo %.5f ± %.5f, exact %.5f", c.name, run.sc, run.k, tr.Method, name, mc.Mean, mc.SE, want)
					}
					if run.sc == Weak2 && tr.Method != SGD {
						if math.Abs(want-sde) > mc.SE/2 {
							t.Errorf("%s %v %s: the scheme's bias %.2g is not well below the standard error %.2g", c.name, tr.Method, name, want-sde, mc.SE)
						}
						if math.Abs(mc.Mean-sde) > 4*mc.SE {
							t.Errorf("%s %v %s: Monte Carlo %.5f ± %.5f, exact SDE %.5f", c.name, tr.Method, name, mc.Mean, mc.SE, sde)
						}
					}
				}
			}
		}
	}
}
