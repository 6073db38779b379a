//go:build js

package app

import (
	"errors"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/render"
	"smflow/render/plot"
)

// A RepaintResult is what a forced series of paints measured: the number of
// paints and the heap allocations they made together (screen.Clear and
// the drawing, as Draw counts them).
type RepaintResult struct {
	Paints int
	Allocs uint64
}

// repaint is a series of forced paints requested by Repaint.
type repaint struct {
	left    int  // paints still to make
	bare    bool // paint a bare picture instead of the view
	res     RepaintResult
	done    func(RepaintResult)
	painter *render.Painter // for the bare picture
}

// Repaint makes the next k frames (1 <= k <= 1000) paint whatever the
// pacer says and whether or not the picture changed, and calls done with
// the allocations of those paints. A paint draws the view (the same
// picture again while the simulation is paused), or with bare a picture of
// one rectangle in one DrawTriangles call: what Ebitengine allocates for
// any paint. The two counts are independent of the machine's speed, so the
// tests compare them. After a bare series the view is painted again.
func (g *Game) Repaint(k int, bare bool, done func(RepaintResult)) error {
	if g.rp.left > 0 {
		return errors.New("a repaint is already in progress")
	}
	if bare && g.rp.painter == nil {
		g.rp.painter = render.NewPainter()
	}
	g.rp.left, g.rp.bare, g.rp.done = max(1, min(k, 1000)), bare, done
	g.rp.res = RepaintResult{}
	return nil
}

// drawRepaint makes one paint of a series requested by Repaint.
func (g *Game) drawRepaint(screen *ebiten.Image) {
	rp := &g.rp
	g.settle()
	a0 := g.allocCount()
	screen.Clear()
	switch {
	case rp.bare:
		rp.painter.Begin(screen)
		rp.painter.FillRect(plot.Rect{W: 100, H: 100}, plot.Background)
		rp.painter.Flush()
	case g.sim != nil:
		g.view.Draw(screen, g.sim, g.scale)
	}
	rp.res.Allocs += g.allocCount() - a0
	rp.res.Paints++
	if rp.left--; rp.left == 0 {
		if rp.bare {
			g.dirty = true // the view again
		}
		done := rp.done
		rp.done = nil
		done(rp.res)
	}
}
