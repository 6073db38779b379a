package sim_test

import (
	"strings"
	"testing"

	"smflow/sim"
)

// golden holds HashReport of a few scenes. The test runs natively and under
// WebAssembly (make test does both), so equal hashes here mean
// bit-identical states on both platforms; `smf hash` prints the same text.
var golden = []struct{ query, report string }{
	{"T=0.5", "sgd a78a46bf31621290\ngf ccc55615cda9d8f3\nsme1 f05ffe21ee774502\nsme2 e3bdb479ff11347f\nsmf 8ce9889aa47a8009\nsteps 5\n"},
	{"scene=flow&T=0.5", "sgd 7ef1797f88e6ef0b\nsmf 1e995656172d904a\nsme2 da33506dbaea05a3\nsteps 5\n"},
	{"scene=meanfield&T=0.3", "sgd 89908a26f1fc7b8d\nmfode b1cd53accf13a7e3\nddsmf c49a86f24d449ac8\nsteps 6\n"},
	{"problem=tanh2&T=1&reps=16&scheme=euler", "sgd f2ca31f3b3b1489b\ngf 77faed58c01472b5\nsme1 550c4df5733cfe76\nsme2 37a21ef8b073a34e\nsmf aef39e760ff0e834\nsteps 10\n"},
	{"problem=linreg&T=1&reps=8&noise=0.5", "sgd 8a10147da6a5c765\ngf 6241ee5526fc2b34\nsme1 973ef2c97c8c076b\nsme2 45f362fca457d84e\nsmf 07848d7622d79fe9\nsteps 10\n"},
	{"scene=fluct&T=0.2&reps=4", "sgd cad46cf179f5ef63\nmfode 453715f1cf706954\nddsmf 2de77b2ef8fb7163\nsteps 4\n"},
	{"problem=shift&dim=3&T=1&reps=8&points=1,2,3;0,0,0", "sgd 2ae22cc5ec10455d\ngf 47105fa609966754\nsme1 8069009054f2196d\nsme2 7015628f68bc40f1\nsmf 3e84ae53b0593c3d\nsteps 10\n"},
}

func TestGoldenHashes(t *testing.T) {
	for _, g := range golden {
		s, _, warns, err := sim.FromQuery(g.query, nil)
		if err != nil || len(warns) > 0 {
			t.Fatalf("%s: %v %v", g.query, err, warns)
		}
		s.RunTo(s.TotalSteps(), 2, nil)
		got := sim.HashReport(s)
		if g.report == "" {
			t.Logf("{%q, %q},", g.query, got)
			t.Errorf("%s: no golden report", g.query)
			continue
		}
		if got != g.report {
			t.Errorf("%s: report\n%s\nwant\n%s", g.query, got, g.report)
		}
	}
}

// Every scene's defaults build, run and stay finite.
func TestSceneDefaults(t *testing.T) {
	for _, scene := range []string{"ensemble", "flow", "meanfield", "fluct", "order"} {
		s, _, warns, err := sim.FromQuery("scene="+scene+"&T=0.2", nil)
		if err != nil || len(warns) > 0 {
			t.Fatalf("%s: %v %v", scene, err, warns)
		}
		s.RunTo(s.TotalSteps(), 2, nil)
		for i, tr := range s.Tracks() {
			if st := s.Status(i); st.Diverged {
				t.Errorf("%s: %v diverged at %v", scene, tr.Method, st.At)
			}
		}
		if !strings.Contains(sim.HashReport(s), "steps ") {
			t.Error("no report")
		}
	}
}
