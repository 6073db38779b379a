package sim_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"smflow/sim"
	"smflow/sim/param"
)

// TestMeasureVarianceReduction prints the variance reduction factors of the
// weak-error experiment's Monte Carlo, per technique and problem, at equal
// replicas (an antithetic pair counts as two; SGD's ensemble has as many
// replicas as the other side, not the default SGDRepsFactor times more):
// the factor is (SE plain / SE with the technique)^2 of the side it acts
// on, and of the whole weak error for "all" (the default reductions). It
// takes minutes, so it runs only with
// SMF_MC_MEASURE=1 (the numbers are in README.md, "Monte Carlo of the
// weak-error experiment").
func TestMeasureVarianceReduction(t *testing.T) {
	if os.Getenv("SMF_MC_MEASURE") == "" {
		t.Skip("set SMF_MC_MEASURE=1 to measure (minutes)")
	}
	cases := []struct {
		query  string
		obs    string
		method sim.Method
		alphas []float64
		reps   int
	}{
		{"scene=order&problem=quad&T=1", "sq", sim.SMF, []float64{0.125, 0.0625, 0.03125}, 4000},
		{"scene=order&problem=shift&T=1&n=2", "sq", sim.SMF, []float64{0.125, 0.0625, 0.03125}, 4000},
		{"scene=order&problem=shift&T=1&n=2", "risk", sim.SMF, []float64{0.125, 0.0625, 0.03125}, 4000},
		{"scene=order&problem=shift&T=1&n=2", "pair", sim.SMF, []float64{0.125, 0.0625, 0.03125}, 4000},
		{"scene=order&problem=linreg&T=1", "risk", sim.SMF, []float64{0.125, 0.0625, 0.03125}, 4000},
		{"scene=order&problem=logreg&T=1", "risk", sim.SMF, []float64{0.125, 0.0625, 0.03125}, 4000},
		{"scene=order&problem=tanh2&T=1", "risk", sim.SMF, []float64{0.125, 0.0625, 0.03125}, 4000},
		{"scene=fluct&n=32&M=32&T=4&k=2", "risk", sim.DDSMF, []float64{0.5, 0.25, 0.125}, 1000},
	}
	var b strings.Builder
	fmt.Fprintf(&b, "value side: anti, cv1, cv12 (linear + quadratic), anti+cv2; SGD side: cv1, cv12; exact SGD; all (the default)\n")
	fmt.Fprintf(&b, "%-36s %-5s %-6s %7s %7s %7s %7s %7s %7s %7s %7s %7s\n", "query", "f", "method", "alpha", "anti", "cv1", "cv12", "anti+c2", "sgd:cv1", "cv12", "exact", "all")
	for _, c := range cases {
		s, _, warns, err := param.FromQuery(c.query+"&methods=sgd,"+c.method.String()+fmt.Sprintf("&reps=%d", c.reps), nil)
		if err != nil || len(warns) > 0 {
			t.Fatalf("%s: %v %v", c.query, err, warns)
		}
		cfg := s.Config()
		obs, _ := sim.ObservableByName(c.obs)
		run := func(o sim.MCOptions) []sim.WeakPoint {
			t0 := time.Now()
			p, err := sim.WeakErrorsMC(cfg, c.alphas, obs, o, 2, nil)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s %s %+v: %v", c.query, c.obs, o, time.Since(t0))
			return p
		}
		plain := run(sim.MCOptions{Plain: true})
		r := c.reps // SGD's replicas too: every factor at equal replicas
		anti := run(sim.MCOptions{NoExactSGD: true, NoControl: true, SGDReps: r})
		cv1 := run(sim.MCOptions{NoExactSGD: true, NoAntithetic: true, NoQuadratic: true, SGDReps: r})
		cv12 := run(sim.MCOptions{NoExactSGD: true, NoAntithetic: true, SGDReps: r})
		ac2 := run(sim.MCOptions{NoExactSGD: true, SGDReps: r})
		all := run(sim.MCOptions{SGDReps: r})
		for i, p := range plain {
			r := func(a, b float64) float64 { return (a / b) * (a / b) }
			exact := "-"
			if all[i].Exact {
				exact = fmt.Sprintf("%.3g", r(p.Err.SE, p.Value.SE))
			}
			q := strings.TrimPrefix(c.query, "scene=order&problem=")
			fmt.Fprintf(&b, "%-36s %-5s %-6s %7g %7.3g %7.3g %7.3g %7.3g %7.3g %7.3g %7s %7.3g   err %.3e ± %.1e (plain ± %.1e) %s/%s\n",
				q, c.obs, p.Method, p.Alpha,
				r(p.Value.SE, anti[i].Value.SE), r(p.Value.SE, cv1[i].Value.SE), r(p.Value.SE, cv12[i].Value.SE), r(p.Value.SE, ac2[i].Value.SE),
				r(p.SGD.SE, cv1[i].SGD.SE), r(p.SGD.SE, cv12[i].SGD.SE), exact,
				r(p.Err.SE, all[i].Err.SE), all[i].Err.Mean, all[i].Err.SE, p.Err.SE, all[i].ValueBy, all[i].SGDBy)
		}
	}
	t.Log("\n" + b.String())
}
