//go:build js && browser

package app

import (
	"errors"
	"testing"
	"time"
)

// PauseAsync, HashAsync and StepAsync never complete a step at once: a step
// partly done is completed by the coming Updates within the budget, and
// their done functions are called then, with the state and hash of whole
// steps equal to those of Step.
func TestGameAsync(t *testing.T) {
	const q = "scene=fluct&T=1"
	g := New(q+"&autoplay=1&speed=1000", Options{})
	g.runner.Budget = time.Nanosecond // every Update stops after a part
	for i := 0; i < 200 && !g.sim.Partial(); i++ {
		g.Update()
		g.frameUsed = 0
	}
	if !g.sim.Partial() {
		t.Fatal("no step spread over two Updates")
	}
	n := g.State().Steps
	paused, hashed := 0, ""
	g.PauseAsync(func() { paused++ })
	g.HashAsync(func(h string) { hashed = h })
	if paused != 0 || hashed != "" || !g.sim.Partial() || g.State().Playing {
		t.Fatalf("PauseAsync/HashAsync completed the step at once (paused %d, partial %v, playing %v)", paused, g.sim.Partial(), g.State().Playing)
	}
	for i := 0; i < 10000 && paused == 0; i++ {
		g.Update()
		g.frameUsed = 0
	}
	ref := New(q, Options{})
	ref.Step(n + 1)
	if paused != 1 || g.sim.Partial() || g.State().Steps != n+1 || hashed != ref.Hash() {
		t.Fatalf("after the Updates: paused %d, partial %v, steps %d (want %d), hash\n%s\nwant\n%s",
			paused, g.sim.Partial(), g.State().Steps, n+1, hashed, ref.Hash())
	}
	// StepAsync(3): over Updates, then done.
	stepped := false
	g.StepAsync(3, func() { stepped = true })
	if stepped || g.State().Steps != n+1 {
		t.Fatalf("StepAsync ran at once: steps %d", g.State().Steps)
	}
	for i := 0; i < 100000 && !stepped; i++ {
		g.Update()
		g.frameUsed = 0
	}
	ref.Step(3)
	if !stepped || g.State().Steps != n+4 || g.Hash() != ref.Hash() {
		t.Errorf("StepAsync(3): done %v, steps %d (want %d)", stepped, g.State().Steps, n+4)
	}
	// Paused and whole: PauseAsync and HashAsync answer at once.
	g.PauseAsync(func() { paused++ })
	g.HashAsync(func(h string) { hashed = h + "x" })
	if paused != 2 || hashed != ref.Hash()+"x" {
		t.Errorf("whole and paused: PauseAsync/HashAsync did not answer at once")
	}
}

// The state CSV is built over Updates (a budget of 1 ns: 16 replicas an
// Update) while playing, every row of the same step, equal to the CSV
// written at once; the simulation holds still meanwhile and plays on
// after. Cancel ends a build with errExportCancelled, and so does a rebuild
// (with its own error).
func TestStateCSVOverFrames(t *testing.T) {
	const q = "scene=ensemble&T=1&reps=400"
	g := New(q+"&autoplay=1&speed=1000", Options{})
	g.runner.Budget = time.Nanosecond
	for i := 0; i < 50; i++ {
		g.Update()
		g.frameUsed = 0
	}
	g.Pause()
	want := string(g.StateCSV())
	steps := g.State().Steps
	g.Play()
	var got []byte
	var gotErr error
	done := false
	g.StateCSVAsync(func(b []byte, err error) { got, gotErr, done = b, err, true })
	reps := 0
	for _, tr := range g.sim.Tracks() {
		reps += tr.Reps
	}
	updates := 0
	for ; updates < 100000 && !done; updates++ {
		if p, ok := g.operation(); ok && (p.What != "export" || p.Total != reps) {
			t.Fatalf("operation %+v, want an export of %d replicas", p, reps)
		}
		g.Update()
		g.frameUsed = 0
		if !done && g.State().Steps != steps {
			t.Fatalf("the simulation moved during the export: step %d, began at %d", g.State().Steps, steps)
		}
	}
	if !done || gotErr != nil || string(got) != want {
		t.Fatalf("after %d Updates: done %v, err %v, %d bytes (want %d)", updates, done, gotErr, len(got), len(want))
	}
	if updates < 10 {
		t.Errorf("the export took %d Updates: not built over frames", updates)
	}
	// (The runner owes steps by wall time: Updates a frame apart.)
	g.runner.Budget = DefaultBudget
	for i := 0; i < 100 && g.State().Steps == steps; i++ {
		time.Sleep(16 * time.Millisecond)
		g.Update()
		g.frameUsed = 0
	}
	if g.State().Steps == steps {
		t.Error("the simulation did not play on after the export")
	}
	g.Pause()
	g.runner.Budget = time.Nanosecond
	// Cancel, and a rebuild, end a build in progress.
	for _, end := range []func(){g.Cancel, g.Reset} {
		done, gotErr = false, nil
		g.StateCSVAsync(func(b []byte, err error) { gotErr, done = err, true })
		g.Update()
		g.frameUsed = 0
		if done {
			t.Fatal("the export was done in one Update")
		}
		end()
		if !done || gotErr == nil {
			t.Errorf("after the end: done %v, err %v", done, gotErr)
		}
	}
	if !errors.Is(func() error {
		var e error
		g.StateCSVAsync(func(_ []byte, err error) { e = err })
		g.Cancel()
		return e
	}(), errExportCancelled) {
		t.Error("Cancel: not errExportCancelled")
	}
}
