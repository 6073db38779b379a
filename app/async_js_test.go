//go:build js && browser

package app

import (
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
