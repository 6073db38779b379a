//go:build js

package app

// Play starts playing (from the start again when the run is over).
func (g *Game) Play() {
	if g.sim != nil && g.sim.Done() {
		g.Reset()
	}
	g.playing = true
	g.cancelStep()
	g.runner.Reset()
}

// Pause stops playing, completing a step partly done at once: the paused
// state is that of a whole step. (The page uses PauseAsync, which
// completes it within the budget of the coming frames.)
func (g *Game) Pause() {
	g.playing = false
	g.cancelStep()
	g.settle()
}

// Toggle plays or pauses; a pause stops at the next whole step, reached
// within the budget of the coming frames (PauseAsync).
func (g *Game) Toggle() {
	if g.playing {
		g.PauseAsync(nil)
	} else {
		g.Play()
	}
}

// Step pauses and advances the task by n units: the simulation by n steps
// at once (at most to T; a step partly done counts as one), or a sweep by
// n pieces; a staged sweep (the order scene's) by n stages (learning
// rates), which Update runs within the budget of the coming frames
// (Stepper). The page uses StepAsync, which runs the steps over frames.
func (g *Game) Step(n int) {
	g.playing = false
	if st, ok := g.task.(Stepper); ok && st.StepOver(n) {
		g.dirty = true
		g.runner.Reset()
		return
	}
	for i := 0; i < n && g.more(); i++ {
		g.step()
	}
}

// stepping reports whether a step button's run over frames is on.
func (g *Game) stepping() bool {
	st, ok := g.task.(Stepper)
	return ok && st.Stepping()
}

// cancelStep ends a step button's run over frames.
func (g *Game) cancelStep() {
	if st, ok := g.task.(Stepper); ok {
		st.CancelStep()
	}
}

// Seek moves the simulation to time t, the nearest whole step at most
// TotalSteps (SeekStep): forward by stepping within the budget of the next
// frames, back by building the run again and stepping from its start (a
// step partly done is completed by Update, not at once).
// Playing goes on from there. A sweep (the order scene) has no time.
func (g *Game) Seek(t float64) {
	if g.sim == nil || !g.stepped() {
		return
	}
	n := SeekStep(t, g.cfg.Alpha, g.sim.TotalSteps())
	if !g.whole() && n == g.sim.Steps() {
		n++ // the step partly done is the nearest whole one ahead
	}
	if n < g.sim.Steps() {
		g.Reset()
	}
	g.ffTo = n
	g.run = runOp{what: "seek", from: g.sim.Steps(), to: n}
	g.loop = Looper{}
}

// loops reports whether a run that ends restarts (param.Values.Loops; a
// sweep does not).
func (g *Game) loops() bool {
	return g.values.Loops() && g.stepped()
}

// stepped reports whether the task steps the simulation (not a sweep).
func (g *Game) stepped() bool {
	switch g.task.(type) {
	case *stepTask, *workersTask:
		return true
	}
	return false
}

// settle completes a unit of the task partly done (a step), so that the
// state is read whole.
func (g *Game) settle() {
	if g.task != nil && g.task.Partial() {
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
	if !v {
		g.wasVisible = false // the gap while hidden is no block (Meter.Gap)
	}
}

// step does one unit of the task whole (completing one partly done).
func (g *Game) step() {
	g.dirty = true
	g.task.Step()
}

// more reports whether the task has work left.
func (g *Game) more() bool {
	return g.task != nil && g.task.More()
}
