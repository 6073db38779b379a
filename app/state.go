//go:build js

package app

import (
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/scene"
	"smflow/sim/param"
)

// MethodState is the state of one method (one track of the simulation) for
// the page: smflow.state().methods.
type MethodState struct {
	// Name is the method's key (sgd, gf, ...), Label its display name.
	Name, Label string
	// Diverged reports that replicas of the method diverged, first at time
	// DivergedAt; DivergedReps of its Reps replicas did.
	Diverged     bool
	DivergedAt   float64
	DivergedReps int
	// Reps is the number of replicas of the method.
	Reps int
}

// State is what the page shows and the tests read: smflow.state().
type State struct {
	// Query is the canonical query of the values; Scene and Preset are
	// their scene and preset keys.
	Query  string
	Scene  string
	Preset string
	// T is the simulation's current time and TEnd its final time.
	T    float64
	TEnd float64
	// TRun is the time at which the run ends: TotalSteps whole steps,
	// TEnd rounded up to a whole number of steps.
	TRun float64
	// Loop reports whether a run that ends restarts (param.Values.Loops).
	Loop bool
	// Steps is the number of whole steps of the simulation taken, of
	// TotalSteps. (A sweep does not step the simulation.) Done reports
	// that the work is over: the simulation reached TEnd, or the sweep
	// ended.
	Steps      int
	TotalSteps int
	Done       bool
	// Progress is the fraction of the task's work done (Task.Progress):
	// steps of TotalSteps, or of the order scene's sweep.
	Progress float64
	// Playing and Visible report whether the game plays and its canvas is
	// on screen.
	Playing bool
	Visible bool
	// Stepping reports that the step button's stage of a sweep runs (the
	// order scene's next learning rate, over several frames).
	Stepping bool
	// Error says why no simulation could be built at all ("" when one was).
	Error string
	// Methods is the state of every track of the simulation.
	Methods []MethodState
	// Warnings are those of the last change of the values (and of the
	// view on them: scene.Warner), and those of work beyond what the page
	// does in a few seconds (WorkWarnings).
	Warnings []param.Warning
	// Op is the long operation in progress, shown with a progress bar and
	// a Cancel button once it has run a moment (nil when none):
	// smflow.state().operation.
	Op *Progress
	// Order is the state of the order scene's experiment (nil in the
	// other scenes): smflow.state().order.
	Order *scene.OrderReport
	// Hover is the readout under the pointer and the panels the pointer
	// acts on: smflow.state().hover.
	Hover HoverState
}

// State returns the current state.
func (g *Game) State() State {
	st := State{
		Query: g.query, Scene: g.values.Scene, Preset: g.values.Preset,
		TEnd: g.values.T, Playing: g.playing, Visible: g.visible,
		Error: g.err, Warnings: g.warnings,
	}
	st.Hover = g.Hover()
	if r, ok := scene.OrderReportOf(g.view); ok && g.sim != nil {
		st.Order = &r
	}
	if s := g.sim; s != nil {
		st.T, st.Steps, st.TotalSteps = s.Time(), s.Steps(), s.TotalSteps()
		st.Done = !g.task.More()
		st.Stepping = g.stepping()
		st.TRun, st.Loop = g.cfg.Alpha*float64(st.TotalSteps), g.loops()
		st.Progress = g.task.Progress()
		ff := 0
		if g.ffActive() {
			ff = g.ffTo - s.Steps()
		}
		if ws := WorkWarnings(s, ff, g.stepped()); len(ws) > 0 {
			st.Warnings = append(st.Warnings[:len(st.Warnings):len(st.Warnings)], ws...)
		}
		if p, ok := g.progress(time.Now()); ok {
			st.Op = &p
		}
		for i, tr := range s.Tracks() {
			ss := s.Status(i)
			st.Methods = append(st.Methods, MethodState{
				Name: tr.Method.String(), Label: tr.Method.Label(),
				Diverged: ss.Diverged, DivergedAt: ss.At, DivergedReps: ss.Reps, Reps: tr.Reps,
			})
		}
	}
	return st
}

// Stats returns the performance statistics: the Meter's, with the speed,
// whether it is held, and Ebiten's and the Pacer's figures.
func (g *Game) Stats() Stats {
	s := g.meter.Stats()
	s.Speed = g.values.Speed
	s.Behind = g.runner.Behind() && g.playing
	s.FPS, s.TPS = ebiten.ActualFPS(), ebiten.ActualTPS()
	s.PaceMs = g.pacer.Interval().Seconds() * 1e3
	s.MsFrame = g.pacer.MeanFrame().Seconds() * 1e3
	s.WorkersNote = g.workersNote
	if w, ok := g.task.(interface{ Workers() (int, string) }); ok {
		s.Workers, s.WorkersNote = w.Workers()
	}
	return s
}

// Describe returns the description of the view's last picture (its
// panels' titles, axes, ranges and tick labels as drawn, the legend and
// the texts with their boxes); ok is false before the first picture.
func (g *Game) Describe() (d scene.Description, ok bool) {
	if g.view == nil || !g.drawn {
		return d, false
	}
	return scene.DescribeOf(g.view)
}
