package app

import (
	"math"
	"time"
)

// A Runner decides how much simulation work to do in one tick of the game
// loop so that the simulation advances at the requested speed (steps per
// second) without taking more than a time budget per drawn frame.
//
// At speed s and tps ticks per second a tick owes s/tps steps (fractions
// carry over). The work runs in parts (sim.Sim.StepPart): a step that costs
// more than the budget spreads over several ticks, and no tick takes much
// more than its budget. The work function calls Stop between parts; Stop
// reads the clock and reports, from then on, that the budget is used up.
//
// When the owed steps cannot be done in the budget the simulation is behind:
// the debt is capped (the simulation slows down instead of catching up in
// bursts) and Behind reports it. A part that overruns the budget is paid
// off by the following ticks.
type Runner struct {
	// Budget is the simulation time allowed per drawn frame.
	Budget time.Duration
	// Now reads the clock (time.Now when nil).
	Now func() time.Time

	owed    float64       // steps owed, including the fraction carried over
	perStep float64       // smoothed seconds per step
	acc     time.Duration // time spent on the step in progress
	behind  int           // ticks behind in the recent past (decays)
	over    time.Duration // overrun of the budget still to pay off

	start time.Time     // start of the current work
	left  time.Duration // budget of the current work
	out   bool          // the current work's budget is used up
}

// DefaultBudget is the simulation time per frame of a new Runner: half of a
// 60 Hz frame, so drawing keeps the other half.
const DefaultBudget = 8 * time.Millisecond

// NewRunner returns a Runner with the default budget.
func NewRunner() *Runner { return &Runner{Budget: DefaultBudget} }

func (r *Runner) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

// Reset forgets the owed steps and the behind record (after a pause, a
// rebuild or a speed change).
func (r *Runner) Reset() {
	r.owed = 0
	r.behind = 0
	r.over = 0
	r.acc = 0
}

// A Work does up to max steps of simulation work, in parts, calling the
// Runner's Stop between parts and returning once it reports true. It
// returns the number of steps completed and whether there is more to do
// (false when the simulation reached its end).
type Work func(max int) (steps int, more bool)

// Tick owes speed/tps more steps and runs work for as many of them as fit
// in what is left of the frame's budget (Budget - used). It returns the
// number of steps completed and the time spent.
func (r *Runner) Tick(speed, tps float64, used time.Duration, work Work) (n int, spent time.Duration) {
	if tps <= 0 {
		tps = 60
	}
	if speed > 0 {
		r.owed += speed / tps
	}
	want := int(r.owed)
	if want <= 0 {
		r.decay()
		return 0, 0
	}
	if r.over > 0 {
		// Pay off an earlier overrun with this tick's budget.
		r.over -= r.Budget - used
		if r.over > 0 {
			r.owed = min(r.owed, r.maxDebt(speed, tps))
			r.behind = min(r.behind+3, 60)
			return 0, 0
		}
		r.over = 0
	}
	left := r.Budget - used
	n, more, spent := r.Run(left, want, work)
	r.owed -= float64(n)
	if spent > left {
		r.over = spent - left
	}
	if n < want && more && r.owed > r.maxDebt(speed, tps) {
		r.owed = r.maxDebt(speed, tps)
		r.behind = min(r.behind+3, 60)
	} else {
		r.decay()
	}
	return n, spent
}

// maxDebt is the most steps the Runner keeps owing: the step in progress
// and one tick's steps for every tick a step needs (and one more), so that
// a step spread over several ticks at a speed that can be held is not
// mistaken for falling behind.
func (r *Runner) maxDebt(speed, tps float64) float64 {
	ticks := 1.0
	if r.Budget > 0 {
		ticks = math.Ceil(r.perStep / r.Budget.Seconds())
	}
	return 1 + speed/tps*max(ticks+1, 1)
}

// Run runs work for up to max steps within the budget left, outside the
// speed accounting of Tick (e.g. to fast-forward to a start time). It
// returns the steps completed, whether there is more to do and the time
// spent, and updates the cost per step.
func (r *Runner) Run(left time.Duration, max int, work Work) (n int, more bool, spent time.Duration) {
	if left <= 0 || max <= 0 {
		return 0, true, 0
	}
	r.start, r.left, r.out = r.now(), left, false
	n, more = work(max)
	spent = r.now().Sub(r.start)
	r.out = true
	r.acc += spent
	if n > 0 {
		per := r.acc.Seconds() / float64(n)
		if r.perStep == 0 {
			r.perStep = per
		} else {
			r.perStep += 0.2 * (per - r.perStep)
		}
		r.acc = 0
	}
	return n, more, spent
}

// Stop reads the clock and reports whether the budget of the current work
// is used up; once it is, Stop reports true without reading the clock.
// Outside Run it reports true.
func (r *Runner) Stop() bool {
	if !r.out && r.now().Sub(r.start) >= r.left {
		r.out = true
	}
	return r.out
}

// Out reports, without reading the clock, whether Stop has reported the
// budget used up.
func (r *Runner) Out() bool { return r.out }

// Fits reports whether a whole step, at the measured cost per step, fits
// in what is left of the current work's budget.
func (r *Runner) Fits() bool {
	if r.out {
		return false
	}
	return r.now().Sub(r.start)+time.Duration(r.perStep*1e9) <= r.left
}

func (r *Runner) decay() {
	if r.behind > 0 {
		r.behind--
	}
}

// Behind reports whether recent ticks could not take the owed steps within
// the budget, i.e. the requested speed cannot be held.
func (r *Runner) Behind() bool { return r.behind > 20 }

// StepCost returns the smoothed time per step measured so far.
func (r *Runner) StepCost() time.Duration { return time.Duration(r.perStep * 1e9) }
