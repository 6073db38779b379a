//go:build js

package app

import "time"

// A runOp is a run of steps towards Game.ffTo that the page shows with a
// progress bar: a step of many units or a seek (a fast-forward to the
// start time is the run that build sets, told by its target).
type runOp struct {
	what     string
	from, to int
}

// Progress is a long operation in progress, for the page's progress bar
// with its Cancel button: smflow.state().operation (null when none).
type Progress struct {
	// What names the operation: "fast-forward to the start time", "step",
	// "seek", "sweep" or "export" (units: replicas).
	What string
	// Done of Total units (steps; for the sweep, learning rates) are done;
	// Fraction is the fraction of the work done, in [0, 1].
	Done, Total int
	Fraction    float64
}

// progressAfter is how long an operation runs before the page shows its
// progress (short ones never show it).
const progressAfter = 300 * time.Millisecond

// progress returns the long operation in progress, if any, shown once it
// has run progressAfter.
func (g *Game) progress(now time.Time) (Progress, bool) {
	p, ok := g.operation()
	if !ok {
		g.opSince = time.Time{}
		return p, false
	}
	if g.opSince.IsZero() {
		g.opSince = now
	}
	return p, now.Sub(g.opSince) >= progressAfter
}

// operation returns the long operation on, if any.
func (g *Game) operation() (Progress, bool) {
	s := g.sim
	switch {
	case g.csv != nil:
		b := g.csv
		return Progress{What: "export", Done: b.done, Total: b.all, Fraction: float64(b.done) / float64(max(b.all, 1))}, true
	case s == nil || g.task == nil:
		return Progress{}, false
	case g.ffActive():
		op := g.run
		if op.to != g.ffTo {
			op = runOp{what: "fast-forward to the start time", to: g.ffTo}
		}
		total := max(op.to-op.from, 1)
		done := min(max(s.Steps()-op.from, 0), total)
		return Progress{What: op.what, Done: done, Total: total, Fraction: float64(done) / float64(total)}, true
	case !g.stepped() && g.task.More() && (g.playing || g.stepping()):
		p := Progress{What: "sweep", Fraction: g.task.Progress()}
		if st, ok := g.task.(interface{ sweep() Sweep }); ok {
			if ss, ok := st.sweep().(interface{ Stages() int }); ok {
				p.Total = ss.Stages()
			}
			if ss, ok := st.sweep().(StagedSweep); ok {
				p.Done = ss.Stage()
			}
		}
		return p, true
	}
	return Progress{}, false
}

// Cancel stops the long operation in progress: a run of steps (a
// fast-forward to the start time, a step of many units, a seek) at the
// next whole step, playing on from there if it plays; the sweep by
// pausing it.
func (g *Game) Cancel() {
	p, ok := g.operation()
	if !ok {
		return
	}
	switch p.What {
	case "sweep":
		g.PauseAsync(nil)
		return
	case "export":
		g.endCSV(errExportCancelled)
		return
	}
	g.stopRun()
	g.dirty = true
}
