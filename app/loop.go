package app

import (
	"math"
	"time"
)

// LoopHold is how long a looping run shows its end before it restarts.
const LoopHold = time.Second

// A Looper says when a looping run that ended restarts: LoopHold after its
// end was first seen. The zero Looper is ready.
type Looper struct{ end time.Time }

// Due reports, at now, whether a run restarts: done says that it ended. A
// run that has not ended clears the Looper.
func (l *Looper) Due(now time.Time, done bool) bool {
	switch {
	case !done:
		l.end = time.Time{}
	case l.end.IsZero():
		l.end = now
	case now.Sub(l.end) >= LoopHold:
		l.end = time.Time{}
		return true
	}
	return false
}

// SeekStep returns the step of a run (step size alpha, total steps) at time
// t: the nearest whole step, in [0, total].
func SeekStep(t, alpha float64, total int) int {
	if !(alpha > 0) || !(t > 0) {
		return 0
	}
	n := math.Round(t / alpha)
	if !(n < float64(total)) {
		return max(total, 0)
	}
	return int(n)
}
