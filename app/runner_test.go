package app

import (
	"testing"
	"time"
)

// fakeClock advances by cost per step.
type fakeClock struct {
	t    time.Time
	cost time.Duration
}

func (c *fakeClock) now() time.Time { return c.t }
func (c *fakeClock) step()          { c.t = c.t.Add(c.cost) }

func TestRunnerHoldsSpeed(t *testing.T) {
	for _, c := range []struct {
		name       string
		speed      float64
		cost       time.Duration
		wantPerSec float64 // steps per 60 ticks
		behind     bool
	}{
		{"slow fraction", 0.5, time.Microsecond, 0.5, false},
		{"60 per second", 60, time.Microsecond, 60, false},
		{"fast cheap steps", 100000, time.Microsecond, 100000, false},
		// 8 ms budget per tick at 1 ms per step holds 8 steps per tick,
		// i.e. 480 steps per second, not 6000.
		{"too expensive", 6000, time.Millisecond, 480, true},
		// A step of 80 ms, ten times the budget: one step every ten ticks.
		{"one step over budget", 60, 80 * time.Millisecond, 6, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			clk := &fakeClock{t: time.Unix(0, 0), cost: c.cost}
			r := NewRunner()
			r.Now = clk.now
			total := 0
			const seconds = 10
			for tick := 0; tick < 60*seconds; tick++ {
				n, spent := r.Tick(c.speed, 60, 0, clk.step, nil)
				if spent > r.Budget+r.Slice+c.cost && c.cost < r.Budget {
					t.Fatalf("tick %d spent %v, budget %v", tick, spent, r.Budget)
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
	clk := &fakeClock{t: time.Unix(0, 0), cost: time.Microsecond}
	r := NewRunner()
	r.Now = clk.now
	steps := 0
	more := func() bool { return steps < 5 }
	for tick := 0; tick < 10; tick++ {
		r.Tick(6000, 60, 0, func() { steps++; clk.step() }, more)
	}
	if steps != 5 {
		t.Errorf("took %d steps, want 5", steps)
	}
	if r.Behind() {
		t.Error("Behind() after the end of the run")
	}
}

func TestRunnerUsedBudget(t *testing.T) {
	clk := &fakeClock{t: time.Unix(0, 0), cost: time.Millisecond}
	r := NewRunner()
	r.Now = clk.now
	// With the frame's budget already used, no step runs.
	if n, _ := r.Tick(6000, 60, r.Budget, clk.step, nil); n != 0 {
		t.Errorf("took %d steps with no budget left", n)
	}
}

func TestRunnerNoAllocs(t *testing.T) {
	r := NewRunner()
	step := func() {}
	allocs := testing.AllocsPerRun(100, func() { r.Tick(1000, 60, 0, step, nil) })
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
