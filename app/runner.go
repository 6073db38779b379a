package app

import "time"

// A Runner decides how many simulation steps to take in one tick of the game
// loop so that the simulation advances at the requested speed (steps per
// second) without taking more than a time budget per drawn frame.
//
// At speed s and tps ticks per second a tick owes s/tps steps (fractions
// carry over). The steps run in batches; the clock is read once per batch,
// and the batch size adapts so that a batch takes about Slice, so cheap steps
// do not pay a clock read each. When the budget runs out before the owed
// steps are done, the tick is behind: the debt is capped at one tick (the
// simulation slows down instead of catching up in bursts) and Behind
// reports it.
//
// A step can cost more than the whole budget (a heavy configuration). Then
// the overrun is carried over and the following ticks take no steps until it
// is paid off at Budget per tick: the simulation slows down to the budget's
// share of the time, while the page keeps drawing and answering.
type Runner struct {
	// Budget is the simulation time allowed per drawn frame.
	Budget time.Duration
	// Slice is the target duration of one batch between clock reads.
	Slice time.Duration
	// Now reads the clock (time.Now when nil).
	Now func() time.Time

	owed    float64       // steps owed, including the fraction carried over
	batch   int           // steps per batch
	perStep float64       // smoothed seconds per step
	behind  int           // ticks behind in the recent past (decays)
	over    time.Duration // overrun of the budget still to pay off
}

// DefaultBudget is the simulation time per frame of a new Runner: half of a
// 60 Hz frame, so drawing keeps the other half.
const DefaultBudget = 8 * time.Millisecond

// NewRunner returns a Runner with the default budget and slice.
func NewRunner() *Runner {
	return &Runner{Budget: DefaultBudget, Slice: 500 * time.Microsecond}
}

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
}

// Tick owes speed/tps more steps and runs as many of them as fit in what is
// left of the frame's budget (Budget - used): it calls step once per step,
// stopping early when more() returns false (e.g. the simulation is done).
// It returns the number of steps taken and the time spent.
func (r *Runner) Tick(speed, tps float64, used time.Duration, step func(), more func() bool) (n int, spent time.Duration) {
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
			r.owed = min(r.owed, max(speed/tps, 1))
			r.behind = min(r.behind+3, 60)
			return 0, 0
		}
		r.over = 0
	}
	left := r.Budget - used
	if r.batch < 1 {
		r.batch = 1
	}
	start := r.now()
	for n < want && (more == nil || more()) {
		if spent >= left {
			break
		}
		b := min(r.batch, want-n)
		for i := 0; i < b; i++ {
			step()
			if more != nil && i+1 < b && !more() {
				b = i + 1
				break
			}
		}
		n += b
		spent = r.now().Sub(start)
		// Adapt the batch so that one takes about Slice.
		if n > 0 && spent > 0 {
			per := spent.Seconds() / float64(n)
			if r.perStep == 0 {
				r.perStep = per
			} else {
				r.perStep += 0.2 * (per - r.perStep)
			}
			r.batch = max(1, min(4096, int(r.Slice.Seconds()/r.perStep)))
		}
	}
	r.owed -= float64(n)
	if spent > left {
		r.over = spent - left
	}
	if n < want && (more == nil || more()) {
		// Behind: keep at most one tick of debt.
		r.owed = min(r.owed, speed/tps)
		r.behind = min(r.behind+3, 60)
	} else {
		r.decay()
	}
	return n, spent
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
