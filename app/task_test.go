package app

import (
	"slices"
	"testing"
	"time"

	"smflow/sim"
	"smflow/sim/param"
)

// tickClock is a fake clock that advances by d at every read.
type tickClock struct {
	t time.Time
	d time.Duration
}

func (c *tickClock) now() time.Time {
	c.t = c.t.Add(c.d)
	return c.t
}

// newTickRunner returns a Runner with the given budget on a clock that
// advances by a millisecond at every read.
func newTickRunner(budget time.Duration) *Runner {
	r := NewRunner()
	r.Budget = budget
	r.Now = (&tickClock{t: time.Unix(0, 0), d: time.Millisecond}).now
	return r
}

// stepLog records the step counts a simulation is observed at.
type stepLog struct{ steps []int }

func (l *stepLog) Observe(s *sim.Sim) { l.steps = append(l.steps, s.Steps()) }

func newSim(t *testing.T, q string) *sim.Sim {
	t.Helper()
	s, _, ws, err := param.FromQuery(q, nil)
	if err != nil || len(ws) > 0 {
		t.Fatalf("%s: %v %v", q, err, ws)
	}
	return s
}

// The stepped simulation spreads a step over several runs of the Runner
// when its budget is used up at the first chance to stop, is observed once
// per whole step, and Step completes a step in progress; the result equals
// that of whole steps.
func TestStepTask(t *testing.T) {
	const q = "scene=fluct&T=1"
	s := newSim(t, q)
	r := newTickRunner(time.Millisecond) // out at the first Stop
	var p Pacer
	b := newBudget(r, &p)
	var log stepLog
	task := StepTask(s, &log)
	work := func(max int) (int, bool) { return task.Advance(max, b) }
	runs, partial := 0, false
	for s.Steps() < 2 {
		n, more, _ := r.Run(r.Budget, 5, work)
		runs++
		partial = partial || task.Partial()
		if !more || n > 1 {
			t.Fatalf("run %d: %d steps, more %v", runs, n, more)
		}
	}
	if !partial || runs <= 2 {
		t.Errorf("2 steps in %d runs, partial %v: not taken in parts", runs, partial)
	}
	r.Run(r.Budget, 1, work)
	if !task.Partial() || !task.More() {
		t.Fatalf("after one more run: partial %v, more %v", task.Partial(), task.More())
	}
	task.Step()
	if task.Partial() || s.Steps() != 3 {
		t.Errorf("Step left partial %v at %d steps, want a whole step 3", task.Partial(), s.Steps())
	}
	if !slices.Equal(log.steps, []int{1, 2, 3}) {
		t.Errorf("observed at steps %v, want [1 2 3]", log.steps)
	}
	if got, want := task.Progress(), 3/float64(s.TotalSteps()); got != want {
		t.Errorf("Progress %v, want %v", got, want)
	}
	ref := newSim(t, q)
	for range 3 {
		ref.Step()
	}
	if got, want := sim.HashReport(s), sim.HashReport(ref); got != want {
		t.Errorf("steps in parts:\n%s\nwhole steps:\n%s", got, want)
	}

	// To the end: More turns false and Advance reports no more work.
	for task.More() {
		task.Step()
	}
	if n, more := task.Advance(5, b); n != 0 || more || task.Progress() != 1 {
		t.Errorf("at the end: Advance %d, %v; Progress %v", n, more, task.Progress())
	}
}

// Once a step is done, Advance starts another only when it fits in the
// budget or the pacer holds the coming paint back.
func TestStepTaskWholeStepsBeforePaint(t *testing.T) {
	for _, c := range []struct {
		name    string
		pace    bool // the pacer holds paints back
		wantMax bool // all 50 steps done
	}{
		{"paint due", false, false},
		{"paint held back", true, true},
	} {
		s := newSim(t, "scene=ensemble&T=1000")
		r := newTickRunner(time.Hour)
		var p Pacer
		if c.pace {
			p.interval = time.Hour
			p.lastPaint = time.Now()
		}
		b := newBudget(r, &p)
		task := StepTask(s, &stepLog{})
		r.perStep = 1e5 // a step costs more than a day: it never fits
		n, _, _ := r.Run(time.Hour, 50, func(max int) (int, bool) { return task.Advance(max, b) })
		if got := n == 50; got != c.wantMax || n < 1 {
			t.Errorf("%s: %d steps", c.name, n)
		}
	}
}

// fakeSweep is a computation of left pieces.
type fakeSweep struct{ left, done int }

func (f *fakeSweep) Busy() bool { return f.left > 0 }
func (f *fakeSweep) Work() {
	if f.left > 0 {
		f.left--
		f.done++
	}
}
func (f *fakeSweep) Progress() float64 { return float64(f.done) / float64(f.done+f.left) }

// A sweep does pieces while the budget lasts (the clock is read before
// each), is never partly done, and Step does one piece.
func TestSweepTask(t *testing.T) {
	w := &fakeSweep{left: 10}
	task := SweepTask(w)
	r := newTickRunner(3500 * time.Microsecond)
	var p Pacer
	b := newBudget(r, &p)
	work := func(max int) (int, bool) { return task.Advance(max, b) }
	// Run reads the clock at 1 ms, Stop at 2, 3 and 4 ms: 3 pieces.
	if n, more, _ := r.Run(r.Budget, 100, work); n != 3 || !more || task.Partial() {
		t.Errorf("first run: %d pieces, more %v, partial %v; want 3, true, false", n, more, task.Partial())
	}
	if n, _, _ := r.Run(r.Budget, 2, work); n != 2 {
		t.Errorf("max 2: %d pieces", n)
	}
	task.Step()
	if w.done != 6 || task.Progress() != 0.6 || !task.More() {
		t.Errorf("after Step: %d done, progress %v, more %v", w.done, task.Progress(), task.More())
	}
	for task.More() {
		r.Run(r.Budget, 100, work)
	}
	if n, more := task.Advance(5, b); w.done != 10 || n != 0 || more || task.Progress() != 1 {
		t.Errorf("at the end: %d done; Advance %d, %v; Progress %v", w.done, n, more, task.Progress())
	}
}

// fakeStaged is a sweep of left pieces in stages of per pieces.
type fakeStaged struct {
	fakeSweep
	per int
}

func (f *fakeStaged) Stage() int { return f.done / f.per }

// A staged sweep's step runs over as many Runner runs as a stage takes and
// stops at its end; a sweep without stages steps a piece.
func TestSweepTaskStepStage(t *testing.T) {
	w := &fakeStaged{fakeSweep{left: 20}, 8}
	task := SweepTask(w)
	st := task.(Stepper)
	r := newTickRunner(3500 * time.Microsecond) // 3 pieces per run
	var p Pacer
	b := newBudget(r, &p)
	work := func(max int) (int, bool) { return task.Advance(max, b) }
	if !st.StepOver(1) || !st.Stepping() {
		t.Fatal("StepOver(1) did not start a stage")
	}
	runs := 0
	for st.Stepping() && runs < 100 {
		r.Run(r.Budget, 1<<30, work)
		runs++
	}
	if w.done != 8 || runs != 3 {
		t.Errorf("a stage: %d pieces in %d runs, want 8 in 3", w.done, runs)
	}
	// Two stages: to the end (20 pieces), where it stops.
	st.StepOver(2)
	for st.Stepping() && runs < 100 {
		r.Run(r.Budget, 1<<30, work)
		runs++
	}
	if w.done != 20 || task.More() || st.Stepping() {
		t.Errorf("two stages at the end: %d pieces, more %v, stepping %v", w.done, task.More(), st.Stepping())
	}
	if st.StepOver(1) {
		t.Error("StepOver on a finished sweep")
	}
	// CancelStep ends the run.
	w2 := &fakeStaged{fakeSweep{left: 20}, 8}
	t2 := SweepTask(w2).(Stepper)
	t2.StepOver(1)
	t2.CancelStep()
	if t2.Stepping() {
		t.Error("stepping after CancelStep")
	}
	// Without stages: no run over frames.
	if SweepTask(&fakeSweep{left: 3}).(Stepper).StepOver(1) {
		t.Error("StepOver on a sweep without stages")
	}
}
