package app

import (
	"math"
	"testing"
	"time"
)

func TestLooper(t *testing.T) {
	var l Looper
	t0 := time.Unix(100, 0)
	if l.Due(t0, false) || l.Due(t0, true) {
		t.Fatal("due before the hold")
	}
	if l.Due(t0.Add(LoopHold/2), true) {
		t.Error("due half way through the hold")
	}
	if !l.Due(t0.Add(LoopHold), true) {
		t.Error("not due after the hold")
	}
	// After a restart the hold starts again at the next end.
	if l.Due(t0.Add(2*LoopHold), true) || !l.Due(t0.Add(3*LoopHold), true) {
		t.Error("the second end is not held once")
	}
	// A run that goes on (seek back) forgets the end.
	l.Due(t0, true)
	l.Due(t0.Add(LoopHold/2), false)
	if l.Due(t0.Add(LoopHold), true) {
		t.Error("an end seen before the run went on counts")
	}
}

func TestSeekStep(t *testing.T) {
	for _, c := range []struct {
		t, alpha float64
		total    int
		want     int
	}{
		{0, 0.1, 40, 0}, {-1, 0.1, 40, 0}, {math.NaN(), 0.1, 40, 0}, {1, 0, 40, 0},
		{2, 0.1, 40, 20}, {2.04, 0.1, 40, 20}, {2.06, 0.1, 40, 21}, {4, 0.1, 40, 40},
		{1e9, 0.1, 40, 40}, {math.Inf(1), 0.1, 40, 40}, {1.2, 0.3, 4, 4},
		// t = alpha * n as the page shows it gives back n.
		{0.1 * 37, 0.1, 40, 37}, {0.3 * 3, 0.3, 4, 3},
	} {
		if got := SeekStep(c.t, c.alpha, c.total); got != c.want {
			t.Errorf("SeekStep(%v, %v, %d) = %d, want %d", c.t, c.alpha, c.total, got, c.want)
		}
	}
}
