package app

import (
	"strings"
	"testing"

	"smflow/sim"
	"smflow/sim/param"
)

func simOf(t *testing.T, query string) *sim.Sim {
	t.Helper()
	v, _ := param.Resolve(query)
	s, _, err := param.Build(&v, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// StepWork counts reps x N x D per track, times K x nData for a
// continuous-time model; the warnings come when a fast-forward or a step
// exceeds a few seconds of the page's work, and not at the defaults.
func TestWorkWarnings(t *testing.T) {
	s := simOf(t, "scene=meanfield&n=4096&M=4096&N=512&k=4")
	var want float64
	for _, tr := range s.Tracks() {
		c := float64(tr.Reps * tr.N * tr.D)
		if tr.Method != sim.SGD {
			c *= 4 * 512
		}
		want += c
	}
	if got := StepWork(s); got != want || want < 5e7 {
		t.Errorf("StepWork = %v, want %v", got, want)
	}
	ws := WorkWarnings(s, 0, true)
	if len(ws) != 1 || !strings.Contains(ws[0].Message, "one step") {
		t.Errorf("meanfield at M = 4096, N = 512: warnings %v", ws)
	}
	for _, q := range []string{"", "scene=flow", "scene=meanfield", "scene=fluct", "scene=ensemble"} {
		if ws := WorkWarnings(simOf(t, q), 0, true); len(ws) != 0 {
			t.Errorf("%q: warnings %v", q, ws)
		}
	}
	f := simOf(t, "scene=flow&alpha=0.0001&T=1000")
	if ws := WorkWarnings(f, 10_000_000, true); len(ws) != 1 || ws[0].Key != "start" || !strings.Contains(ws[0].Message, "10000000 steps") {
		t.Errorf("fast-forward of 10^7 steps: warnings %v", ws)
	}
	if ws := WorkWarnings(f, 10, true); len(ws) != 0 {
		t.Errorf("fast-forward of 10 steps: warnings %v", ws)
	}
}
