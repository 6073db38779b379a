//go:build js

package app

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/sim"
)

// RequestPNG asks for a PNG of the view at the current canvas size; done is
// called from the next Update with the encoded image.
func (g *Game) RequestPNG(done func([]byte, error)) {
	g.pngReqs = append(g.pngReqs, done)
}

// servePNG draws the view into an offscreen image, reads its pixels and
// encodes them (the WebGL canvas does not keep its buffer, so the canvas
// itself cannot be read reliably).
func (g *Game) servePNG() {
	g.settle()
	reqs := g.pngReqs
	g.pngReqs = nil
	var out []byte
	var err error
	w, h := int(math.Ceil(g.outW*g.scale)), int(math.Ceil(g.outH*g.scale))
	switch {
	case g.sim == nil:
		err = fmt.Errorf("no simulation to draw")
	case w <= 0 || h <= 0:
		err = fmt.Errorf("the canvas has no size yet")
	default:
		img := ebiten.NewImage(w, h)
		g.view.Draw(img, g.sim, g.scale)
		pix := make([]byte, 4*w*h)
		img.ReadPixels(pix)
		img.Deallocate()
		// ReadPixels gives premultiplied alpha, as image.RGBA holds.
		rgba := &image.RGBA{Pix: pix, Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}
		var buf bytes.Buffer
		if err = png.Encode(&buf, rgba); err == nil {
			out = buf.Bytes()
		}
	}
	for _, done := range reqs {
		done(out, err)
	}
}

// Hash returns sim.HashReport: one line "method hash" per track and a line
// "steps n", as `smf hash` prints. A step partly done is completed first.
func (g *Game) Hash() string {
	if g.sim == nil {
		return ""
	}
	g.settle()
	return sim.HashReport(g.sim)
}

// StateCSV returns the state of every track as CSV (AppendStateCSV),
// completing a step partly done first.
func (g *Game) StateCSV() []byte {
	if g.sim == nil {
		return nil
	}
	g.settle()
	return AppendStateCSV(nil, g.sim)
}

// SeriesCSV returns the view's plotted series as CSV (AppendSeriesCSV).
func (g *Game) SeriesCSV() []byte {
	if g.view == nil {
		return nil
	}
	return AppendSeriesCSV(nil, g.view.Series())
}
