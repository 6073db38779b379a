package sim_test

import (
	"strings"
	"testing"

	"smflow/catalog"
	"smflow/sim"
	"smflow/sim/param"
)

// golden holds HashReport of a few scenes. The test runs natively and under
// WebAssembly (make test does both), so equal hashes here mean
// bit-identical states on both platforms; `smf hash` prints the same text.
var golden = []struct{ query, report string }{
	{"T=0.5", "sgd 0a76ca3012aa1ec4\ngf 9055a1eb7a4eb12c\nsme1 0c5874008b257d4a\nsme2 2633e7916ae91e46\nsmf e236422f09108288\nsteps 5\n"},
	{"scene=flow&T=0.5", "sgd bc5fa5860ec5081b\nsmf 85483ee8c54ae65b\nsme2 948f68c69a7eae84\nsteps 5\n"},
	{"scene=meanfield&T=0.3", "sgd 9c89e06fcf1058ca\nmfode 4d59b659b4aca716\nddsmf fbb75535aa9acd93\nsteps 6\n"},
	{"problem=tanh2&T=1&reps=16&scheme=euler", "sgd 4457b2eb70dc071e\ngf de23bd3521c4d6ca\nsme1 709c98ecc5b28bf5\nsme2 018170e8db81b6e2\nsmf 05fc82bf53c5170e\nsteps 10\n"},
	{"problem=linreg&T=1&reps=8&noise=0.5", "sgd 15a2a476dfc97abd\ngf 50aa30b3e6d9bd53\nsme1 87a40470f44ef702\nsme2 96ec40ebbd878c2a\nsmf cdcbeff53cb3d862\nsteps 10\n"},
	{"scene=fluct&T=0.2&reps=4", "sgd a5701b30dc5d94ce\nmfode 1c8b1bceac2187f3\nddsmf 87ab89b4ac8983ba\nsteps 4\n"},
	{"problem=shift&dim=3&T=1&reps=8&points=1,2,3;0,0,0", "sgd a4ae6022c428afb5\ngf 17f1a117c50732bc\nsme1 b0672d4af12caa87\nsme2 f44c8ca6b4581bb8\nsmf 28e933eac644ac7f\nsteps 10\n"},
}

func TestGoldenHashes(t *testing.T) {
	for _, g := range golden {
		s, _, warns, err := param.FromQuery(g.query, nil)
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
	for _, scene := range catalog.Keys() {
		s, _, warns, err := param.FromQuery("scene="+scene+"&T=0.2", nil)
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
