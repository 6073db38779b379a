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

// RequestPNG asks for a PNG of the view at the current canvas size times
// scale (1 when not positive and finite: the canvas's pixels; 2 for a
// picture twice as sharp, with the same layout); done is called from the
// next Update with the encoded image. A picture is at most maxPNGSide
// pixels wide and high: a larger scale is reduced to fit.
func (g *Game) RequestPNG(scale float64, done func([]byte, error)) {
	if !(scale > 0) || math.IsInf(scale, 0) {
		scale = 1
	}
	g.pngReqs = append(g.pngReqs, pngReq{scale: min(scale, maxPNGScale), done: done})
}

// A pngReq is a request of a PNG at a scale of the canvas size.
type pngReq struct {
	scale float64
	done  func([]byte, error)
}

// servePNG draws the view into an offscreen image, reads its pixels and
// encodes them (the WebGL canvas does not keep its buffer, so the canvas
// itself cannot be read reliably), once the state is settled (a whole
// step after the runs of steps asked for): a step partly done is completed
// by Update within the budget of the coming frames.
func (g *Game) servePNG() {
	reqs := g.pngReqs
	g.pngReqs = nil
	for _, r := range reqs {
		g.whenWhole(settled, func() { r.done(g.drawPNG(r.scale)) })
	}
}

// drawPNG draws the view at scale times the canvas size and encodes it.
func (g *Game) drawPNG(scale float64) ([]byte, error) {
	w, h, s := pngSize(g.outW, g.outH, g.scale, scale)
	switch {
	case g.sim == nil:
		return nil, fmt.Errorf("no simulation to draw")
	case w <= 0 || h <= 0:
		return nil, fmt.Errorf("the canvas has no size yet")
	}
	img := ebiten.NewImage(w, h)
	g.view.Draw(img, g.sim, s)
	pix := make([]byte, 4*w*h)
	img.ReadPixels(pix)
	img.Deallocate()
	// ReadPixels gives premultiplied alpha, as image.RGBA holds.
	rgba := &image.RGBA{Pix: pix, Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}
	var buf bytes.Buffer
	if err := png.Encode(&buf, rgba); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Hash returns sim.HashReport: one line "method hash" per track and a line
// "steps n", as `smf hash` prints. A step partly done is completed first,
// at once (the page uses HashAsync, which does not block).
func (g *Game) Hash() string {
	g.settle()
	return g.hashNow()
}

// hashNow returns the hash report of the state as it is.
func (g *Game) hashNow() string {
	if g.sim == nil {
		return ""
	}
	return sim.HashReport(g.sim)
}

// StateCSV returns the state of every track as CSV (AppendStateCSV),
// completing a step partly done first, at once (the page uses
// StateCSVAsync).
func (g *Game) StateCSV() []byte {
	g.settle()
	return g.stateCSVNow()
}

// stateCSVNow returns the state CSV of the state as it is.
func (g *Game) stateCSVNow() []byte {
	if g.sim == nil {
		return nil
	}
	return AppendStateCSV(nil, g.sim)
}

// SeriesCSV returns the view's plotted series as CSV, with the divergence
// of the methods noted (AppendSimSeriesCSV).
func (g *Game) SeriesCSV() []byte {
	if g.view == nil {
		return nil
	}
	return AppendSimSeriesCSV(nil, g.view.Series(), g.sim)
}
