package app

import "time"

// A TickRate measures the rate at which the game loop really calls Update,
// in ticks per second. Ebitengine asks for ebiten.TPS() (60) ticks per
// second, but a busy browser gives fewer; the Runner owes speed/tps steps a
// tick, so with the nominal rate a page at 50 ticks per second would run at
// 5/6 of the asked speed whatever a step costs. With the measured rate it
// owes speed * (mean interval) a tick: speed steps per second of wall time.
//
// The rate is 1 / m, with m the exponential moving average (weight 1/16,
// about a quarter of a second; the plain mean of the first 16) of the
// intervals between Updates; two
// Updates in one frame (Ebitengine catching up) count as a long and a short
// interval, whose mean is the frame's, and a short one may read 0 on the
// browser's coarse clock: it counts as 0 (every tick owes its share, so
// every interval must count). Intervals of a second or more (a hidden tab,
// a stopped loop) are not counted.
type TickRate struct {
	mean float64 // seconds between ticks
	n    int     // intervals counted, up to 16
}

// Observe counts the interval dt between two Updates.
func (r *TickRate) Observe(dt time.Duration) {
	if dt < 0 || dt >= time.Second {
		return
	}
	// The plain mean of the first 16 intervals, then the moving average.
	r.n = min(r.n+1, 16)
	r.mean += (dt.Seconds() - r.mean) / float64(r.n)
}

// PerSecond returns the measured ticks per second, or nominal before any
// interval was observed.
func (r *TickRate) PerSecond(nominal float64) float64 {
	if r.mean <= 0 {
		return nominal
	}
	return 1 / r.mean
}
