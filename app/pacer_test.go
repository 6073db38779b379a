package app

import (
	"testing"
	"time"
)

// simulatePacer runs frames of a 60 Hz display for seconds, where a
// painted frame blocks the display for cost and the view wants a paint
// every frame; it returns the paints per second, the mean frame interval
// of the last second and the pacer.
func simulatePacer(cost time.Duration, seconds float64) (paintsPerSec float64, mean time.Duration, p *Pacer) {
	p = &Pacer{}
	const display = 16700 * time.Microsecond
	now := time.Unix(0, 0)
	end := now.Add(time.Duration(seconds * 1e9))
	paints, frames := 0, 0
	var lastSec time.Duration
	for now.Before(end) {
		paint := p.Ready(now)
		p.Frame(now, paint)
		step := display
		if paint && cost > display {
			step = cost
		}
		if now.After(end.Add(-time.Second)) {
			frames++
			lastSec += step
			if paint {
				paints++
			}
		}
		now = now.Add(step)
	}
	return float64(paints), lastSec / time.Duration(frames), p
}

// A display that paints at its own rate is never paced; a compositor that
// needs 40 to 100 ms per painted frame gets paints spaced so that frames
// keep near the display's rate on average, and some paints every second.
func TestPacer(t *testing.T) {
	for _, c := range []struct {
		name  string
		cost  time.Duration
		paced bool
	}{
		{"fast GPU", 16700 * time.Microsecond, false},
		{"a little slower", 20 * time.Millisecond, false},
		{"software WebGL", 50 * time.Millisecond, true},
		{"slower", 100 * time.Millisecond, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			perSec, mean, p := simulatePacer(c.cost, 20)
			t.Logf("%.0f paints/s, mean frame %v, interval %v", perSec, mean, p.Interval())
			if !c.paced {
				if p.Interval() != 0 || perSec < 45 {
					t.Errorf("paced a display that keeps up: %v, %.0f paints/s", p.Interval(), perSec)
				}
				return
			}
			if p.Interval() == 0 {
				t.Fatal("not paced")
			}
			if mean > 16700*time.Microsecond*3/2 {
				t.Errorf("mean frame interval %v, want under 1.5 display frames", mean)
			}
			if perSec < 2 {
				t.Errorf("%.0f paints per second, want some", perSec)
			}
		})
	}
}

// When painting gets cheap again (a smaller window), the pacing goes away.
func TestPacerRecovers(t *testing.T) {
	_, _, p := simulatePacer(60*time.Millisecond, 10)
	if p.Interval() == 0 {
		t.Fatal("not paced")
	}
	now := p.last
	for i := 0; i < 600; i++ {
		now = now.Add(16700 * time.Microsecond)
		p.Frame(now, p.Ready(now))
	}
	if p.Interval() != 0 {
		t.Errorf("still paced at %v after 10 s of cheap paints", p.Interval())
	}
}

// A hidden tab's long gap does not count as a slow frame.
func TestPacerIgnoresLongGaps(t *testing.T) {
	var p Pacer
	now := time.Unix(0, 0)
	for i := 0; i < 10; i++ {
		p.Frame(now, true)
		now = now.Add(5 * time.Second)
	}
	if p.Interval() != 0 || !p.Ready(now) {
		t.Errorf("5 s gaps paced the paints: %v", p.Interval())
	}
}
