package app

import (
	"strings"
	"testing"
	"time"
)

// fakeSim is a simulation whose steps have parts parts of cost each on a
// fake clock; like sim.Sim.StepPart it calls stop between parts.
type fakeSim struct {
	t     time.Time
	cost  time.Duration // per part
	parts int           // per step
	at    int           // parts of the current step done
	steps int
	end   int // 0: no end
	r     *Runner
}

func (f *fakeSim) now() time.Time { return f.t }

// work is the fakeSim's Work.
func (f *fakeSim) work(max int) (int, bool) {
	n := 0
	for n < max && !f.done() && !f.r.Out() {
		for f.at < f.parts {
			f.t = f.t.Add(f.cost)
			f.at++
			if f.at < f.parts && f.r.Stop() {
				return n, true
			}
		}
		f.at = 0
		f.steps++
		n++
		f.r.Stop()
	}
	return n, !f.done()
}

func (f *fakeSim) done() bool { return f.end > 0 && f.steps >= f.end }

func newFake(cost time.Duration, parts int) (*fakeSim, Work) {
	f := &fakeSim{t: time.Unix(0, 0), cost: cost, parts: parts, r: NewRunner()}
	f.r.Now = f.now
	return f, f.work
}

func TestRunnerHoldsSpeed(t *testing.T) {
	for _, c := range []struct {
		name       string
		speed      float64
		cost       time.Duration // per part
		parts      int           // per step
		wantPerSec float64       // steps per 60 ticks
		behind     bool
	}{
		{"slow fraction", 0.5, time.Microsecond, 1, 0.5, false},
		{"60 per second", 60, time.Microsecond, 1, 60, false},
		{"fast cheap steps", 100000, time.Microsecond, 1, 100000, false},
		// 8 ms budget per tick at 1 ms per step holds 8 steps per tick,
		// i.e. 480 steps per second, not 6000.
		{"too expensive", 6000, time.Millisecond, 1, 480, true},
		// A step of 17 ms in parts of 0.5 ms, 10 per second: spread over
		// three ticks, the speed holds.
		{"step over budget in parts", 10, 500 * time.Microsecond, 34, 10, false},
		// A step of 80 ms in parts of 1 ms, ten times the budget: one step
		// every ten ticks.
		{"step ten budgets", 60, time.Millisecond, 80, 6, true},
		// An indivisible step of 80 ms: the overrun is paid off by the
		// following ticks, one step every ten ticks.
		{"one part over budget", 60, 80 * time.Millisecond, 1, 6, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, work := newFake(c.cost, c.parts)
			r := f.r
			total := 0
			const seconds = 10
			for tick := 0; tick < 60*seconds; tick++ {
				n, spent := r.Tick(c.speed, 60, 0, work)
				if spent > r.Budget+c.cost {
					t.Fatalf("tick %d spent %v, budget %v, part %v", tick, spent, r.Budget, c.cost)
				}
				total += n
			}
			got := float64(total) / seconds
			if d := got - c.wantPerSec; d > 0.1*c.wantPerSec+0.5 || d < -0.1*c.wantPerSec-0.5 {
				t.Errorf("steps per second = %v, want %v", got, c.wantPerSec)
			}
			if r.Behind() != c.behind {
				t.Errorf("Behind() = %v, want %v", r.Behind(), c.behind)
			}
		})
	}
}

func TestRunnerStopsWhenDone(t *testing.T) {
	f, work := newFake(time.Microsecond, 3)
	f.end = 5
	for tick := 0; tick < 10; tick++ {
		f.r.Tick(6000, 60, 0, work)
	}
	if f.steps != 5 {
		t.Errorf("took %d steps, want 5", f.steps)
	}
	if f.r.Behind() {
		t.Error("Behind() after the end of the run")
	}
}

func TestRunnerUsedBudget(t *testing.T) {
	f, work := newFake(time.Millisecond, 1)
	// With the frame's budget already used, no step runs.
	if n, _ := f.r.Tick(6000, 60, f.r.Budget, work); n != 0 || f.steps != 0 {
		t.Errorf("took %d steps with no budget left", n)
	}
}

// Fits tells whether a whole step fits in what is left of the budget.
func TestRunnerFits(t *testing.T) {
	f, work := newFake(time.Millisecond, 3)
	f.r.Tick(60, 60, 0, work) // one step of 3 ms: the cost is known
	f.r.Run(f.r.Budget, 1, func(int) (int, bool) {
		if !f.r.Fits() {
			t.Error("a 3 ms step does not fit in 8 ms")
		}
		f.t = f.t.Add(6 * time.Millisecond)
		if f.r.Fits() {
			t.Error("a 3 ms step fits in the 2 ms left")
		}
		return 0, true
	})
}

func TestRunnerNoAllocs(t *testing.T) {
	_, work := newFake(time.Microsecond, 2)
	r := NewRunner()
	allocs := testing.AllocsPerRun(100, func() { r.Tick(1000, 60, 0, work) })
	if allocs != 0 {
		t.Errorf("Tick allocates %v times", allocs)
	}
}

func TestMeter(t *testing.T) {
	var m Meter
	t0 := time.Unix(0, 0)
	for i := 0; i <= 60; i++ {
		now := t0.Add(time.Duration(i) * time.Second / 60)
		m.Draw(2 * time.Millisecond)
		m.Update(now, 4*time.Millisecond, 10, 3*time.Millisecond, true, time.Second/60)
	}
	s := m.Stats()
	if s.Frames != 61 {
		t.Errorf("Frames = %d", s.Frames)
	}
	if d := s.StepsPerSec - 600; d < -20 || d > 20 {
		t.Errorf("StepsPerSec = %v, want 600", s.StepsPerSec)
	}
	if d := s.MsUpdate - 4; d < -1e-9 || d > 1e-9 {
		t.Errorf("MsUpdate = %v, want 4", s.MsUpdate)
	}
	if d := s.MsDraw - 2; d < -1e-9 || d > 1e-9 {
		t.Errorf("MsDraw = %v, want 2", s.MsDraw)
	}
	if d := s.MsStep - 0.3; d < -1e-9 || d > 1e-9 {
		t.Errorf("MsStep = %v, want 0.3", s.MsStep)
	}
	allocs := testing.AllocsPerRun(100, func() {
		m.Draw(time.Millisecond)
		m.Update(t0, time.Millisecond, 1, time.Millisecond, true, time.Millisecond)
	})
	if allocs != 0 {
		t.Errorf("Meter allocates %v times", allocs)
	}
}

// The speed warning counts the steps of the current play: at once after
// play starts (not the 0 of the paused window before), over slow frames
// (a frame of 150 ms is play too), and over steps that take longer than
// the window (no 0 while steps advance).
func TestMeterCountsPlay(t *testing.T) {
	var m Meter
	t0 := time.Unix(0, 0)
	now := t0
	tick := func(d time.Duration, steps int, playing bool) {
		now = now.Add(d)
		m.Update(now, time.Millisecond, steps, time.Millisecond, playing, d)
	}
	// Paused for two windows: no rate, no number in the message.
	for range 120 {
		tick(time.Second/60, 0, false)
	}
	if s := m.Stats(); s.StepsPerSec != 0 || s.Measured {
		t.Errorf("paused: %v steps/s, measured %v", s.StepsPerSec, s.Measured)
	}
	// Play at 12 steps/s, a step every 5th frame, for half a window: the
	// rate is that of this play.
	for i := range 30 {
		tick(time.Second/60, 1-min(i%5, 1), true)
	}
	s := m.Stats()
	s.Behind, s.Speed = true, 20
	if !s.Measured || s.StepsPerSec < 10 || s.StepsPerSec > 14 {
		t.Errorf("after half a second of play: %v steps/s (measured %v), want 12", s.StepsPerSec, s.Measured)
	}
	if msg, want := s.Message(), "of 20 steps/s"; !strings.Contains(msg, want) || strings.Contains(msg, ": 0 of") {
		t.Errorf("message %q", msg)
	}
	// Slow frames: 150 ms each, a step per frame: 6.67 steps/s.
	for range 20 {
		tick(150*time.Millisecond, 1, true)
	}
	if s := m.Stats(); s.StepsPerSec < 6 || s.StepsPerSec > 7.5 {
		t.Errorf("150 ms frames, a step each: %v steps/s, want 6.7", s.StepsPerSec)
	}
	// A step every 2.5 s: 0.4 steps/s, never 0.
	for i := 1; i <= 60*8; i++ {
		tick(time.Second/60, 1-min(i%150, 1), true)
		if s := m.Stats(); s.StepsPerSec == 0 {
			t.Fatalf("frame %d: 0 steps/s while steps advance", i)
		}
	}
	if s := m.Stats(); s.StepsPerSec < 0.3 || s.StepsPerSec > 0.5 {
		t.Errorf("a step every 2.5 s: %v steps/s, want 0.4", s.StepsPerSec)
	}
	// Play restarts after a pause: no number before a step finished.
	tick(time.Second/60, 0, false)
	tick(time.Second/60, 0, true)
	s = m.Stats()
	s.Behind, s.Speed = true, 20
	if s.Measured || s.Message() != "can't hold the requested speed of 20 steps/s" {
		t.Errorf("play restarted: measured %v, message %q", s.Measured, s.Message())
	}
}
