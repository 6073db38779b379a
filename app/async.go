//go:build js

package app

import "errors"

// The page's operations that read a whole state or run many steps (pause,
// step, hash, the exports) are asynchronous: they never complete a step at
// once on the main thread. A step partly done (sim.Sim.StepPart) is
// completed by Update within the budget of the coming frames, and the
// operation's done function is called from Update once the state it reads
// is reached. The JavaScript API wraps them in Promises (wasm/bridge.go).

// A waiter is an operation waiting for the state it reads.
type waiter struct {
	until wait
	done  func()
}

// A wait is the state an operation waits for.
type wait int

const (
	// settled: a whole step and the end of a run of steps towards ffTo
	// (a fast-forward, a seek, a step of many units), so that calls made
	// one after the other compose: step(n) then hash() hashes the state
	// n steps on (hash, the exports).
	settled wait = iota
	// idle: settled, and no step button's run of a sweep is on (pause,
	// step).
	idle
)

// whole reports whether no unit of the task is partly done.
func (g *Game) whole() bool { return g.task == nil || !g.task.Partial() }

// ffActive reports whether Update is running steps towards ffTo (a
// fast-forward to the start time, a seek, a step of many units).
func (g *Game) ffActive() bool { return g.sim != nil && g.sim.Steps() < g.ffTo && !g.sim.Done() }

// reached reports whether the state w is reached.
func (g *Game) reached(w wait) bool {
	ok := g.whole() && !g.ffActive()
	if w == idle {
		ok = ok && !g.stepping()
	}
	return ok
}

// whenWhole calls done once the state w is reached: at once when it is,
// else from a coming Update.
func (g *Game) whenWhole(w wait, done func()) {
	g.waits = append(g.waits, waiter{until: w, done: done})
	g.serveWaits()
}

// serveWaits calls the done functions of the waiters whose state is
// reached, in the order they came.
func (g *Game) serveWaits() {
	if len(g.waits) == 0 {
		return
	}
	k := 0
	for _, w := range g.waits {
		if g.reached(w.until) {
			w.done()
			continue
		}
		g.waits[k] = w
		k++
	}
	clear(g.waits[k:])
	g.waits = g.waits[:k]
}

// PauseAsync stops playing and a run of steps (a fast-forward, a step of
// many units, a sweep's step button) at the next whole step, which Update
// reaches within the budget of the coming frames (the paused picture shows
// a whole step); done, if not nil, is called then.
func (g *Game) PauseAsync(done func()) {
	g.playing = false
	g.cancelStep()
	g.stopRun()
	g.whenWhole(idle, orNop(done))
}

// stopRun ends a run of steps towards ffTo at the step partly done (the
// next whole step).
func (g *Game) stopRun() {
	if g.sim != nil && g.ffTo > g.sim.Steps() {
		g.ffTo = g.sim.Steps()
	}
}

// StepAsync pauses and advances the task by n units over the coming
// frames, within the budget: the simulation by n steps (at most to T; a
// step partly done counts as one), a staged sweep (the order scene's) by n
// stages; done, if not nil, is called when they are done.
func (g *Game) StepAsync(n int, done func()) {
	g.playing = false
	done = orNop(done)
	if st, ok := g.task.(Stepper); ok && st.StepOver(n) {
		g.dirty = true
		g.runner.Reset()
		g.whenWhole(idle, done)
		return
	}
	if g.sim != nil && g.stepped() {
		to := min(g.sim.Steps()+n, g.sim.TotalSteps())
		if g.ffTo < to {
			g.ffTo = to
			g.run = runOp{what: "step", from: g.sim.Steps(), to: to}
		}
		g.runner.Reset()
		g.whenWhole(idle, done)
		return
	}
	for i := 0; i < n && g.more(); i++ {
		g.step()
	}
	done()
}

// HashAsync calls done with the hash report (Hash) of the next whole step
// after the runs of steps asked for (settled).
func (g *Game) HashAsync(done func(string)) {
	g.whenWhole(settled, func() { done(g.hashNow()) })
}

// StateCSVAsync calls done with the state CSV (StateCSV) of the next whole
// step after the runs of steps asked for (settled). The text is built over
// frames, a replica at a time within the budget (csvBuild), during which
// the task holds still; Cancel or a rebuild ends it with an error.
func (g *Game) StateCSVAsync(done func([]byte, error)) {
	g.whenWhole(settled, func() {
		g.endCSV(errors.New("another export began"))
		g.startCSV(done)
	})
}

func orNop(f func()) func() {
	if f == nil {
		return func() {}
	}
	return f
}
