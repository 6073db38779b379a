package app

import (
	"time"

	"smflow/sim"
)

// A Task is the work the host (Game) advances within its per-frame time
// budget, next to the View that draws it. The host knows nothing else of
// the work: it runs Advance as the Runner's Work while playing (or
// fast-forwarding to the start time), Step for the step button, and
// completes a unit partly done (Partial, then Step) before it paints,
// pauses or exports, so that the picture and every export are of whole
// units.
//
// There are two kinds, and the host makes the one that fits its View after
// every rebuild (taskFor):
//
//   - the stepped simulation (StepTask): a unit is a step of the host's
//     sim.Sim, taken in parts (sim.Sim.StepPart) so that a step costlier
//     than the budget spreads over several frames; the View observes
//     every finished step;
//   - a sweep (SweepTask): a computation of the View's own, offered by a
//     View that is a scene.Sweeper (the order scene's weak-error sweep); a
//     unit is one piece of it (Sweep.Work), and the host's simulation is
//     not stepped.
type Task interface {
	// Advance does up to max units of work, in the budget b of the
	// current Runner.Run: it is the Runner's Work. It returns the number
	// of units completed and whether work is left.
	Advance(max int, b *Budget) (n int, more bool)
	// More reports whether work is left.
	More() bool
	// Step completes a unit partly done, or else does the next unit whole.
	Step()
	// Partial reports whether a unit is partly done: the state is then not
	// whole, and is neither painted nor read until Step completes it.
	Partial() bool
	// Progress returns the fraction of the work done, in [0, 1].
	Progress() float64
}

// A Budget is what a Task's Advance consults: the time left of the current
// Runner.Run, and the Pacer's schedule of paints. It does not allocate.
type Budget struct {
	runner *Runner
	pacer  *Pacer
	stop   func() bool // runner.Stop, bound once
}

// newBudget returns the Budget of the runner's work and the pacer's paints.
func newBudget(r *Runner, p *Pacer) *Budget {
	return &Budget{runner: r, pacer: p, stop: r.Stop}
}

// Stop reads the clock and reports whether the time of the current work is
// used up (Runner.Stop).
func (b *Budget) Stop() bool { return b.runner.Stop() }

// StopFunc returns Stop as a function value bound once (for
// sim.Sim.StepPart; binding a method value at every call would allocate).
func (b *Budget) StopFunc() func() bool { return b.stop }

// Out reports, without reading the clock, whether Stop has reported the
// time used up (Runner.Out).
func (b *Budget) Out() bool { return b.runner.Out() }

// Another reports whether to start another whole step after one finished
// in the same work: yes when it fits in the time left at the measured cost
// per step (Runner.Fits), or when the Pacer would not let the coming frame
// paint anyway. Otherwise a step begun now would not be complete when the
// frame paints, and the frame shows only whole steps. It reads the clock
// once when the step fits, twice when not.
func (b *Budget) Another() bool {
	return b.runner.Fits() || !b.pacer.Ready(time.Now())
}

// An Observer is told of every finished step of a simulation
// (scene.View.Observe).
type Observer interface {
	Observe(s *sim.Sim)
}

// StepTask returns the Task of the stepped simulation s: a unit is one
// step, taken in parts within the budget; obs observes every finished
// step.
func StepTask(s *sim.Sim, obs Observer) Task { return &stepTask{s: s, obs: obs} }

type stepTask struct {
	s   *sim.Sim
	obs Observer
}

// Advance takes up to max steps in parts (sim.Sim.StepPart) until the
// budget is used up. Once it has finished a step it starts another only
// when Budget.Another says so: the views draw the simulation's state,
// which must not be caught halfway through a step.
func (t *stepTask) Advance(max int, b *Budget) (int, bool) {
	s := t.s
	n := 0
	for n < max && !s.Done() && !b.Out() {
		if n > 0 && !b.Another() {
			break
		}
		if !s.StepPart(b.StopFunc()) {
			break
		}
		n++
		t.obs.Observe(s)
	}
	return n, !s.Done()
}

func (t *stepTask) More() bool { return !t.s.Done() }

func (t *stepTask) Step() {
	t.s.Step()
	t.obs.Observe(t.s)
}

func (t *stepTask) Partial() bool { return t.s.Partial() }

// Progress returns the fraction of the total steps taken (1 when there
// are none).
func (t *stepTask) Progress() float64 {
	if t.s.TotalSteps() <= 0 {
		return 1
	}
	return float64(t.s.Steps()) / float64(t.s.TotalSteps())
}

// A Sweep is a computation of a View's own, run in small pieces
// (scene.Sweep: the order scene's weak-error sweep).
type Sweep interface {
	// Busy reports whether the computation has work left.
	Busy() bool
	// Work does one piece of it, a few ms at most.
	Work()
	// Progress returns the fraction done, in [0, 1].
	Progress() float64
}

// A StoppableSweep is a Sweep whose pieces the host's budget cuts: WorkUntil
// works until stop reports true (the budget is used up) or a stage ends,
// and goes on from there at the next call (the order scene's sweep cuts a
// replica: sim.OrderRun.AdvancePart).
type StoppableSweep interface {
	Sweep
	WorkUntil(stop func() bool)
}

// A StagedSweep is a Sweep whose work comes in stages that the picture
// shows (the order scene's learning rates: a stage ends with a new point
// per method). Its step button does a stage, over as many frames as it
// takes (Stepper).
type StagedSweep interface {
	Sweep
	// Stage returns the number of stages finished.
	Stage() int
}

// A Stepper is a Task whose unit of the step button spreads over frames
// (a stage of a StagedSweep): StepOver asks for n units, which Advance
// then does within the budget of the coming frames, stopping at the end
// of the last; Stepping reports whether some are left; CancelStep forgets
// them (play, pause).
type Stepper interface {
	StepOver(n int) bool
	Stepping() bool
	CancelStep()
}

// SweepTask returns the Task of the sweep w: a unit is one piece
// (w.Work), never partly done. A StagedSweep's step button does a stage
// (Stepper).
func SweepTask(w Sweep) Task { return &sweepTask{w: w} }

type sweepTask struct {
	w        Sweep
	until    int  // the stage a step button's run stops at
	stepping bool // a step button's run is on
}

// Advance does pieces of the sweep while it is busy and the budget lasts
// (the clock is read before every piece), and, after StepOver, until the
// stage asked for is finished. A StoppableSweep's piece runs until the
// budget's stop (Budget.StopFunc) or the end of a stage.
func (t *sweepTask) Advance(max int, b *Budget) (int, bool) {
	n := 0
	ss, cut := t.w.(StoppableSweep)
	for n < max && t.w.Busy() && !b.Stop() {
		if t.stepped() {
			break
		}
		if cut {
			ss.WorkUntil(b.StopFunc())
		} else {
			t.w.Work()
		}
		n++
	}
	t.stepped()
	return n, t.w.Busy()
}

// stepped reports whether the step button's run has reached its stage
// (and ends it).
func (t *sweepTask) stepped() bool {
	if !t.stepping {
		return false
	}
	if st, ok := t.w.(StagedSweep); !ok || st.Stage() >= t.until || !t.w.Busy() {
		t.stepping = false
		return true
	}
	return false
}

// StepOver starts a run of n stages of a StagedSweep that is busy (and
// reports false for any other sweep: its step is a piece).
func (t *sweepTask) StepOver(n int) bool {
	st, ok := t.w.(StagedSweep)
	if !ok || !t.w.Busy() || n <= 0 {
		return false
	}
	t.until, t.stepping = st.Stage()+n, true
	return true
}

func (t *sweepTask) Stepping() bool { return t.stepping && !t.stepped() }
func (t *sweepTask) CancelStep()    { t.stepping = false }

func (t *sweepTask) More() bool        { return t.w.Busy() }
func (t *sweepTask) Step()             { t.w.Work() }
func (t *sweepTask) Partial() bool     { return false }
func (t *sweepTask) Progress() float64 { return t.w.Progress() }

// sweep returns the view's sweep (also for the tasks that embed a
// sweepTask, such as orderWorkersTask).
func (t *sweepTask) sweep() Sweep { return t.w }
