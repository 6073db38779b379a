package app

import (
	"math"
	"testing"
	"time"
)

func TestTickRate(t *testing.T) {
	ms := time.Millisecond
	for _, c := range []struct {
		name string
		dts  []time.Duration // repeated
		want float64
		tol  float64 // relative
	}{
		{"nominal", nil, 60, 1e-12},
		{"60 Hz", []time.Duration{16667 * time.Microsecond}, 60, 0.001},
		{"50 Hz", []time.Duration{20 * ms}, 50, 1e-9},
		// Ebitengine catching up: two Updates in a frame of 33 ms, the
		// second 0 on a coarse clock; the average swings by 33/16/2 ms
		// about its mean, 6 %.
		{"caught up", []time.Duration{33 * ms, 0}, 1 / 0.0165, 0.07},
		// A hidden tab's gap does not count.
		{"gap", []time.Duration{20 * ms, 3 * time.Second}, 50, 1e-9},
	} {
		var r TickRate
		for i := 0; i < 400 && len(c.dts) > 0; i++ {
			r.Observe(c.dts[i%len(c.dts)])
		}
		if got := r.PerSecond(60); math.Abs(got-c.want) > c.tol*c.want {
			t.Errorf("%s: %.2f ticks/s, want %.2f", c.name, got, c.want)
		}
	}
}

// Owed steps follow the wall time: a Runner ticked at the measured rate
// does speed steps per second of wall time, at 45 ticks per second and
// when Ebitengine catches up with two Updates per 33 ms frame (the second
// at dt = 0 on a coarse clock).
func TestTickRateRunnerSpeed(t *testing.T) {
	for _, dts := range [][]time.Duration{
		{time.Second / 45},
		{33 * time.Millisecond, 0},
	} {
		var r TickRate
		run := NewRunner()
		steps := 0
		work := func(max int) (int, bool) { steps += max; return max, true }
		const speed = 20.0
		var wall time.Duration
		for i := 0; wall < 10*time.Second; i++ {
			dt := dts[i%len(dts)]
			wall += dt
			r.Observe(dt)
			run.Tick(speed, r.PerSecond(60), 0, work)
		}
		if want := speed * wall.Seconds(); math.Abs(float64(steps)-want) > 0.01*want+1 {
			t.Errorf("intervals %v: %d steps in %v, want %.0f", dts, steps, wall, want)
		}
	}
}
