package app

import "testing"

// An exported PNG is the canvas's pixels times the scale, within
// maxPNGSide.
func TestPNGSize(t *testing.T) {
	for _, c := range []struct {
		outW, outH, dpr, scale float64
		w, h                   int
		s                      float64
	}{
		{800, 450, 1, 1, 800, 450, 1},
		{800, 450, 1, 2, 1600, 900, 2},
		{640, 400, 1.5, 2, 1920, 1200, 3},
		{1920, 1080, 2, 4, 8192, 4608, 8192.0 / 1920},
	} {
		w, h, s := pngSize(c.outW, c.outH, c.dpr, c.scale)
		if w != c.w || h != c.h || s != c.s {
			t.Errorf("%+v: %dx%d at %v", c, w, h, s)
		}
	}
}
