package xmath

import "testing"

// A stream given the state of another draws what the other draws.
func TestRandState(t *testing.T) {
	a := Stream(7, 3, 1)
	for i := 0; i < 5; i++ {
		a.Norm()
	}
	b := Stream(8)
	b.SetState(a.State())
	for i := 0; i < 100; i++ {
		if x, y := a.Uint64(), b.Uint64(); x != y {
			t.Fatalf("draw %d: %x, %x", i, x, y)
		}
	}
}
