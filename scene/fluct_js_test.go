//go:build js && browser

package scene

import (
	"image/color"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/render/plot"
	"smflow/render/rendertest"
)

// TestFluctFloorDraws draws the fluct scene at its defaults (to t = 2): the
// W1 panel shows the grey band of the sampling floor, the floor is in the
// legend, DD-SMF's distance is within it and said to be, and the band is
// gone when there is no SGD to take a floor from.
func TestFluctFloorDraws(t *testing.T) {
	const W, H = 1280, 720
	s := build(t, "scene=fluct&T=2")
	v := New("fluct").(*fluctView)
	v.Reset(s)
	for !s.Done() {
		s.Step()
		v.Observe(s)
	}
	dst := ebiten.NewImage(W, H)
	pix := make([]byte, 4*W*H)
	v.Draw(dst, s, 1)
	dst.ReadPixels(pix)
	rendertest.Shot(t, "fluct-floor", dst)
	// The band over white: (209, 209, 209).
	band := blend(floorBand)
	nBand := rendertest.Near(inside(pix, W, v.w1.Area()), band, 4)
	if nBand < 2000 {
		t.Errorf("%d pixels of the floor's band %v in the W1 panel", nBand, band)
	}
	if len(v.extra) != 1 || v.extra[0].label != floorLegend {
		t.Errorf("legend extras %+v, want the floor", v.extra)
	}
	dd := 2 // sgd, mfode, ddsmf
	if !v.obs.withinNow(dd) {
		t.Error("DD-SMF's W1 is not within the floor at the defaults")
	}
	if v.obs.withinNow(1) {
		t.Error("the MF ODE's W1 is within the floor at the defaults")
	}

	// No SGD: no floor, no band.
	s2 := build(t, "scene=fluct&T=0.2&methods=mfode,ddsmf")
	v2 := New("fluct").(*fluctView)
	v2.Reset(s2)
	for !s2.Done() {
		s2.Step()
		v2.Observe(s2)
	}
	v2.Draw(dst, s2, 1)
	dst.ReadPixels(pix)
	// Grey text and grid lines may share the band's colour in a few
	// pixels; the band itself covers thousands.
	if n := rendertest.Near(inside(pix, W, v.w1.Area()), band, 4); n > nBand/10 {
		t.Errorf("%d pixels of the floor's band without SGD (%d with)", n, nBand)
	}
	if len(v2.extra) != 0 {
		t.Errorf("legend extras %+v without SGD", v2.extra)
	}
}

// inside returns the pixels of pix (RGBA rows of width w) inside r.
func inside(pix []byte, w int, r plot.Rect) []byte {
	var out []byte
	for y := int(r.Y) + 1; y < int(r.MaxY())-1; y++ {
		out = append(out, pix[4*(y*w+int(r.X)+1):4*(y*w+int(r.MaxX())-1)]...)
	}
	return out
}

// blend returns c (straight alpha) drawn over white.
func blend(c color.RGBA) color.RGBA {
	a := float64(c.A) / 255
	m := func(x uint8) uint8 { return uint8(float64(x)*a + 255*(1-a) + 0.5) }
	return color.RGBA{m(c.R), m(c.G), m(c.B), 255}
}
