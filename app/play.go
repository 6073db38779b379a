//go:build js

package app

import (
	"smflow/scene"
)

// Play starts playing (from the start again when the run is over).
func (g *Game) Play() {
	if g.sim != nil && g.sim.Done() {
		g.Reset()
	}
	g.playing = true
	g.runner.Reset()
}

// Pause stops playing, completing a step partly done: the paused picture
// and state are those of a whole step.
func (g *Game) Pause() {
	g.playing = false
	g.settle()
}

// Toggle plays or pauses.
func (g *Game) Toggle() {
	if g.playing {
		g.Pause()
	} else {
		g.Play()
	}
}

// Step pauses and advances the simulation by n steps (at most to T); a
// step partly done counts as one.
func (g *Game) Step(n int) {
	g.playing = false
	for i := 0; i < n && g.more(); i++ {
		g.step()
	}
}

// settle completes a step partly done, so that the state is read whole.
func (g *Game) settle() {
	if g.sim != nil && g.sim.Partial() {
		g.step()
	}
}

// SetVisible tells the game whether its canvas is on screen; while it is
// not, the simulation does not advance and nothing is drawn.
func (g *Game) SetVisible(v bool) {
	if v && !g.visible {
		g.runner.Reset()
		g.dirty = true
	}
	g.visible = v
}

// step takes one whole step of the simulation (completing a step partly
// done), or one piece of the view's own computation for a view that is a
// scene.Worker (the order scene).
func (g *Game) step() {
	g.dirty = true
	if w, ok := g.view.(scene.Worker); ok {
		w.Work()
		return
	}
	g.sim.Step()
	g.view.Observe(g.sim)
}
