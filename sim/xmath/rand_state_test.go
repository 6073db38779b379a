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

// Reading and setting the state does not allocate (the page does it for
// every replica after every step it copies from a worker).
func TestRandStateAllocs(t *testing.T) {
	a, b := Stream(1), Stream(2)
	if n := testing.AllocsPerRun(10, func() { b.SetState(a.State()) }); n != 0 {
		t.Errorf("%v allocations", n)
	}
}
