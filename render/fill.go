//go:build js

package render

import (
	"image/color"

	"smflow/render/plot"
)

// FillRect fills r with c.
func (p *Painter) FillRect(r plot.Rect, c color.RGBA) {
	if p.clipOn {
		x0, y0 := max(r.X, p.clip.X), max(r.Y, p.clip.Y)
		x1, y1 := min(r.MaxX(), p.clip.MaxX()), min(r.MaxY(), p.clip.MaxY())
		r = plot.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
	}
	if r.Empty() {
		return
	}
	b := p.shapes(4)
	k := premul(c, 1)
	p.wv(r.X, r.Y, k)
	p.wv(r.MaxX(), r.Y, k)
	p.wv(r.MaxX(), r.MaxY(), k)
	p.wv(r.X, r.MaxY(), k)
	p.quad(b, 0, 1, 2, 3)
}

// Band fills the region between the curves (x[i], lo[i]) and (x[i], hi[i])
// with c: an error band. A NaN value breaks the band; y values are cut to
// the clip rectangle.
func (p *Painter) Band(x, lo, hi []float64, c color.RGBA) {
	n := min(len(x), len(lo), len(hi))
	k := premul(c, 1)
	for i := 0; i+1 < n; i++ {
		x0, x1 := x[i], x[i+1]
		a0, a1, b0, b1 := lo[i], lo[i+1], hi[i], hi[i+1]
		if x0-x0 != 0 || x1-x1 != 0 || a0-a0 != 0 || a1-a1 != 0 || b0-b0 != 0 || b1-b1 != 0 {
			continue
		}
		if p.clipOn {
			if x1 < p.clip.X || x0 > p.clip.MaxX() {
				continue
			}
			cy := func(v float64) float64 { return min(max(v, p.clip.Y), p.clip.MaxY()) }
			a0, a1, b0, b1 = cy(a0), cy(a1), cy(b0), cy(b1)
		}
		b := p.shapes(4)
		p.wv(x0, a0, k)
		p.wv(x1, a1, k)
		p.wv(x1, b1, k)
		p.wv(x0, b0, k)
		p.quad(b, 0, 1, 2, 3)
	}
}
