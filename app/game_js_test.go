//go:build js && browser

// Run in Chromium with wasmbrowsertest (make test-browser):
//
//	PATH=$PATH:.bin GOOS=js GOARCH=wasm go test -tags browser ./app/

package app

import (
	"strings"
	"testing"
	"time"
)

func TestGameReset(t *testing.T) {
	for _, q := range []string{"", "scene=flow", "scene=meanfield&n=16&M=64&N=32"} {
		g := New(q, Options{})
		if ws := g.State().Warnings; len(ws) > 0 {
			t.Fatalf("%q: warnings %v", q, ws)
		}
		g.Step(5)
		h := g.Hash()
		if st := g.State(); st.Steps != 5 || st.Playing {
			t.Errorf("%q: after Step(5): %+v", q, st)
		}
		if got := len(strings.Split(strings.TrimSpace(h), "\n")); got != len(g.State().Methods)+1 {
			t.Errorf("%q: hash has %d lines for %d methods", q, got, len(g.State().Methods))
		}
		g.Reset()
		if g.State().Steps != 0 {
			t.Errorf("%q: Reset leaves %d steps", q, g.State().Steps)
		}
		g.Step(5)
		if got := g.Hash(); got != h {
			t.Errorf("%q: after Reset the hash is\n%s\nwant\n%s", q, got, h)
		}
		// A change of a view parameter keeps the simulation.
		g.SetParam("speed", "123")
		if g.State().Steps != 5 || g.Values().Speed != 123 {
			t.Errorf("%q: speed change rebuilt the simulation or was lost", q)
		}
		// A change of a simulation parameter rebuilds it.
		g.SetParam("seed", "9")
		if g.State().Steps != 0 || !strings.Contains(g.Query(), "seed=9") {
			t.Errorf("%q: seed change: steps %d, query %q", q, g.State().Steps, g.Query())
		}
	}
}

func TestGameBadQueries(t *testing.T) {
	for _, q := range []string{
		"alpha=NaN&T=Inf", "scene=nope&x=1", "preset=nope", "points=1,2;3",
		"alpha=%ZZ&&&=", "methods=", "scene=flow&preset=<b>",
	} {
		var changed []string
		g := New(q, Options{OnChange: func(s string) { changed = append(changed, s) }})
		st := g.State()
		if st.Error != "" || len(st.Methods) == 0 {
			t.Errorf("%q: no simulation: %q", q, st.Error)
		}
		if len(st.Warnings) == 0 {
			t.Errorf("%q: no warnings", q)
		}
		if len(changed) == 0 || changed[len(changed)-1] != g.Query() {
			t.Errorf("%q: OnChange got %q, query %q", q, changed, g.Query())
		}
		if ws := g.Set(g.Query()); len(ws) > 0 {
			t.Errorf("%q: canonical %q warns: %v", q, g.Query(), ws)
		}
	}
}

func TestGameUpdate(t *testing.T) {
	g := New("scene=flow&T=1000&speed=600", Options{})
	g.Play()
	// 30 Updates, and more until a step is done (a stall of the machine
	// makes the Runner pay back the overrun first).
	for i := 0; i < 30 || g.State().Steps == 0 && i < 3000; i++ {
		if err := g.Update(); err != nil {
			t.Fatal(err)
		}
		g.frameUsed = 0 // as Draw does
	}
	if g.State().Steps == 0 {
		t.Fatal("Update did not advance the simulation")
	}
	allocs := testing.AllocsPerRun(20, func() {
		g.Update()
		g.frameUsed = 0
	})
	if allocs > 0 {
		t.Errorf("Update allocates %v times per call", allocs)
	}
	// Not visible: no steps.
	g.SetVisible(false)
	n := g.State().Steps
	for i := 0; i < 10; i++ {
		g.Update()
	}
	if g.State().Steps != n {
		t.Errorf("advanced while not visible")
	}
	g.SetVisible(true)
	g.Pause() // completes a step partly done, if any
	if st := g.State().Steps; st != n && st != n+1 {
		t.Errorf("Pause went from %d to %d steps", n, st)
	}
	n = g.State().Steps
	g.Update()
	if g.State().Steps != n {
		t.Errorf("advanced while paused")
	}
}

func TestGameStart(t *testing.T) {
	g := New("scene=flow&start=0.5&alpha=0.1", Options{})
	for i := 0; i < 100 && g.State().Steps < 5; i++ {
		g.Update()
		g.frameUsed = 0
	}
	if st := g.State(); st.Steps != 5 || st.Playing {
		t.Errorf("start=0.5, alpha=0.1: %d steps, playing %v; want 5 steps, paused", st.Steps, st.Playing)
	}
}

// A step that costs more than the budget is taken over several Updates;
// the state read in between is that of whole steps, Hash and Pause
// complete the step in progress, and the result equals Step's.
func TestGameStepInParts(t *testing.T) {
	const q = "scene=fluct&T=1"
	g := New(q+"&autoplay=1&speed=1000", Options{})
	// A budget far below any step's cost, whatever the machine: the first
	// part uses it up, so the step cannot fit in one Update.
	g.runner.Budget = time.Nanosecond
	partial := false
	for i := 0; i < 200 && !partial; i++ {
		g.Update()
		g.frameUsed = 0
		partial = g.sim.Partial()
	}
	if !partial {
		t.Fatal("a fluct step (128 replicas of the DD-SMF) never spread over two Updates")
	}
	n := g.State().Steps
	g.Pause()
	if g.sim.Partial() || g.State().Steps != n+1 {
		t.Errorf("Pause left a step partly done: partial %v, steps %d -> %d", g.sim.Partial(), n, g.State().Steps)
	}
	ref := New(q, Options{})
	ref.Step(n + 1)
	if g.Hash() != ref.Hash() {
		t.Errorf("a step in parts differs from Step:\n%s\nwant\n%s", g.Hash(), ref.Hash())
	}
}

// The order scene's Task is its view's weak-error sweep: Step does pieces
// of it, playing advances it within the budget, the host's simulation is
// never stepped, and Pause and Hash have no step to complete.
func TestGameSweep(t *testing.T) {
	g := New("scene=order&reps=16&N=8&T=0.5", Options{})
	if _, ok := g.task.(*sweepTask); !ok {
		t.Fatalf("the order scene's task is a %T, want the view's sweep", g.task)
	}
	st := g.State()
	if st.Progress != 0 || !g.more() {
		t.Fatalf("at the start: progress %v, more %v", st.Progress, g.more())
	}
	// The step button does a learning rate (a point per method), over
	// the frames it takes.
	mcRows := func() int {
		n := 0
		for _, r := range g.State().Order.Rows {
			if !r.Exact {
				n++
			}
		}
		return n
	}
	methods := len(g.State().Order.Theory)
	g.Step(1)
	if !g.State().Stepping {
		t.Error("Step(1): not stepping")
	}
	frames := 0
	for ; g.stepping() && frames < 10000; frames++ {
		g.Update()
		g.frameUsed = 0
	}
	p := g.State().Progress
	if p <= 0 || g.State().Playing || g.State().Stepping || mcRows() != methods {
		t.Errorf("Step(1): progress %v, playing %v, %d Monte Carlo rows, want %d", p, g.State().Playing, mcRows(), methods)
	}
	t.Logf("a learning rate in %d frames", frames)
	g.Play()
	for i := 0; i < 30; i++ {
		g.Update()
		g.frameUsed = 0
	}
	g.Pause()
	if st := g.State(); st.Progress <= p || st.Steps != 0 || st.Playing {
		t.Errorf("after playing: progress %v (was %v), steps %d, playing %v", st.Progress, p, st.Steps, st.Playing)
	}
	h := g.Hash()
	ref := New("scene=order&reps=16&N=8&T=0.5", Options{})
	if ref.Hash() != h {
		t.Errorf("the sweep changed the host's simulation:\n%s\nwant\n%s", h, ref.Hash())
	}
	if g.more() && g.State().Done {
		t.Error("done before the end")
	}
	for g.more() {
		g.Step(100)
		for g.stepping() {
			g.Update()
			g.frameUsed = 0
		}
	}
	if st := g.State(); st.Progress != 1 || !st.Done || len(g.SeriesCSV()) == 0 {
		t.Errorf("at the end: progress %v, done %v, %d bytes of series", st.Progress, st.Done, len(g.SeriesCSV()))
	}
	if csv := string(g.SeriesCSV()); !strings.HasPrefix(csv, "series,alpha,weak_error,se,note\n") {
		t.Errorf("series CSV header: %.40q", csv)
	}
}

// TestGameLoopAndSeek: loop=1 restarts a run after it ends and goes on
// playing; Seek moves forward and back to the same states as stepping.
func TestGameLoopAndSeek(t *testing.T) {
	g := New("T=0.5&speed=1000&loop=1", Options{})
	if !g.State().Loop || g.State().TotalSteps != 5 {
		t.Fatalf("loop=1&T=0.5: %+v", g.State())
	}
	g.Play()
	sawDone, restarted := false, false
	for end := time.Now().Add(30 * time.Second); time.Now().Before(end) && !restarted; time.Sleep(5 * time.Millisecond) {
		if err := g.Update(); err != nil {
			t.Fatal(err)
		}
		g.frameUsed = 0
		st := g.State()
		sawDone = sawDone || st.Done
		restarted = sawDone && st.Steps < st.TotalSteps
		if !st.Playing {
			t.Fatalf("stopped playing: %+v", st)
		}
	}
	if !restarted {
		t.Fatalf("did not restart (saw the end: %v)", sawDone)
	}
	g.Pause()

	ref := New("T=0.5", Options{})
	hashAt := func(n int) string { ref.Reset(); ref.Step(n); return ref.Hash() }
	seek := func(tt float64, want int) {
		t.Helper()
		g.Seek(tt)
		for i := 0; i < 1000 && g.State().Steps != want; i++ {
			g.Update()
			g.frameUsed = 0
			time.Sleep(time.Millisecond)
		}
		if got := g.Hash(); got != hashAt(want) {
			t.Errorf("Seek(%v): hash\n%s\nwant (step %d)\n%s", tt, got, want, hashAt(want))
		}
	}
	seek(0.3, 3)
	seek(0.1, 1)
	seek(99, 5)
	seek(0, 0)
	if g.State().Playing {
		t.Error("seeking started playing")
	}

	// Not looping: a run that ends stops.
	g = New("T=0.3&speed=1000", Options{})
	g.Play()
	for i := 0; i < 3000 && g.State().Playing; i++ {
		g.Update()
		g.frameUsed = 0
		time.Sleep(time.Millisecond)
	}
	if st := g.State(); st.Playing || !st.Done || st.Loop {
		t.Errorf("without loop: %+v", st)
	}
}
