//go:build js && browser

package render

import "testing"

// padSize pads to 1024, then to multiples of 1/8 of the power of two at or
// above n: never below n, less than n/4 above it, in 4 sizes per doubling.
func TestPadSize(t *testing.T) {
	for _, c := range [][2]int{{0, 1024}, {1, 1024}, {1024, 1024}, {1025, 1280}, {1280, 1280}, {1281, 1536}, {2048, 2048}, {2049, 2560}, {5000, 5120}, {65535, 65536}} {
		if got := padSize(c[0]); got != c[1] {
			t.Errorf("padSize(%d) = %d, want %d", c[0], got, c[1])
		}
	}
	sizes := map[int]bool{}
	for n := 1025; n <= 1<<16; n++ {
		p := padSize(n)
		if p < n || 4*(p-n) >= n {
			t.Fatalf("padSize(%d) = %d", n, p)
		}
		if n > 1<<15 {
			sizes[p] = true
		}
	}
	if len(sizes) != 4 {
		t.Errorf("%d sizes between 2^15 and 2^16, want 4", len(sizes))
	}
}
