//go:build js

package render

import (
	"image/color"
	"math"

	"smflow/render/plot"
)

// StrokeRect draws the outline of r with lines of width w.
func (p *Painter) StrokeRect(r plot.Rect, w float64, c color.RGBA) {
	p.Line(r.X, r.Y, r.MaxX(), r.Y, w, c)
	p.Line(r.MaxX(), r.Y, r.MaxX(), r.MaxY(), w, c)
	p.Line(r.MaxX(), r.MaxY(), r.X, r.MaxY(), w, c)
	p.Line(r.X, r.MaxY(), r.X, r.Y, w, c)
}

// widths returns the inner (opaque) and outer half-widths of a line of
// width w with a one-pixel soft edge, and the opacity of its core.
func widths(w float64) (hin, hout, a float64) {
	if w >= 1 {
		return w/2 - 0.5, w/2 + 0.5, 1
	}
	return 0, 1, max(w, 0)
}

// Line draws the segment (x0, y0)-(x1, y1) with width w and a soft edge.
func (p *Painter) Line(x0, y0, x1, y1, w float64, c color.RGBA) {
	if p.clipOn {
		var ok bool
		if x0, y0, x1, y1, ok = plot.ClipSegment(p.clip, x0, y0, x1, y1); !ok {
			return
		}
	} else if x0-x0 != 0 || y0-y0 != 0 || x1-x1 != 0 || y1-y1 != 0 {
		return
	}
	dx, dy := x1-x0, y1-y0
	l := math.Sqrt(dx*dx + dy*dy)
	if l < 1e-9 {
		return
	}
	nx, ny := -dy/l, dx/l
	hin, hout, a := widths(w)
	// Extend the ends by half the width (square caps) so that strokes
	// meeting at corners close.
	ex, ey := dx/l*hin, dy/l*hin
	x0, y0, x1, y1 = x0-ex, y0-ey, x1+ex, y1+ey
	k := premul(c, a)
	b := p.shapes(8)
	ox, oy, ix, iy := nx*hout, ny*hout, nx*hin, ny*hin
	p.wv(x0+ox, y0+oy, pmColor{})
	p.wv(x0+ix, y0+iy, k)
	p.wv(x0-ix, y0-iy, k)
	p.wv(x0-ox, y0-oy, pmColor{})
	p.wv(x1+ox, y1+oy, pmColor{})
	p.wv(x1+ix, y1+iy, k)
	p.wv(x1-ix, y1-iy, k)
	p.wv(x1-ox, y1-oy, pmColor{})
	p.quad(b, 0, 1, 5, 4)
	p.quad(b, 1, 2, 6, 5)
	p.quad(b, 2, 3, 7, 6)
}

// Polyline draws the line through the points (xy[0], xy[1]),
// (xy[2], xy[3]), ... with width w, mitred joins and soft edges. A point
// with a NaN coordinate breaks the line.
func (p *Painter) Polyline(xy []float64, w float64, c color.RGBA) { p.PolylineFade(xy, w, c, 1, 1) }

// PolylineFade draws a polyline like Polyline whose opacity goes linearly
// from a0 at the first point to a1 at the last: a trail.
func (p *Painter) PolylineFade(xy []float64, w float64, c color.RGBA, a0, a1 float64) {
	p.run, p.runA = p.run[:0], p.runA[:0]
	n := len(xy) / 2
	alpha := func(i int) float64 {
		if n < 2 {
			return a0
		}
		return a0 + (a1-a0)*float64(i)/float64(n-1)
	}
	for i := 0; i+1 < n; i++ {
		x0, y0, x1, y1 := xy[2*i], xy[2*i+1], xy[2*i+2], xy[2*i+3]
		cx0, cy0, cx1, cy1, ok := x0, y0, x1, y1, true
		if p.clipOn {
			cx0, cy0, cx1, cy1, ok = plot.ClipSegment(p.clip, x0, y0, x1, y1)
		} else if x0-x0 != 0 || y0-y0 != 0 || x1-x1 != 0 || y1-y1 != 0 {
			ok = false
		}
		if !ok {
			p.strokeRun(w, c)
			continue
		}
		if len(p.run) == 0 || cx0 != x0 || cy0 != y0 {
			p.strokeRun(w, c)
			p.run = append(p.run, cx0, cy0)
			p.runA = append(p.runA, alpha(i))
		}
		p.run = append(p.run, cx1, cy1)
		p.runA = append(p.runA, alpha(i+1))
		if cx1 != x1 || cy1 != y1 {
			p.strokeRun(w, c)
		}
	}
	p.strokeRun(w, c)
}

// strokeRun strokes the points in p.run (with opacities p.runA) and empties
// them.
func (p *Painter) strokeRun(w float64, c color.RGBA) {
	pts, as := p.run, p.runA
	p.run, p.runA = p.run[:0], p.runA[:0]
	// Drop repeated points.
	m := 0
	for i := 0; i+1 < len(pts); i += 2 {
		if m > 0 && math.Abs(pts[i]-pts[2*m-2]) < 1e-6 && math.Abs(pts[i+1]-pts[2*m-1]) < 1e-6 {
			continue
		}
		pts[2*m], pts[2*m+1], as[m] = pts[i], pts[i+1], as[i/2]
		m++
	}
	if m < 2 {
		return
	}
	// Long runs go in pieces that fit a segment (4 vertices per point); the
	// pieces share their end points.
	const per = maxVerts / 4
	for s := 0; s < m-1; s += per - 1 {
		e := min(s+per, m)
		p.strokeJoined(pts[2*s:2*e], as[s:e], w, c)
	}
}

// strokeJoined strokes a polyline of at least two distinct points with
// mitred joins; point i has opacity as[i].
func (p *Painter) strokeJoined(pts, as []float64, w float64, c color.RGBA) {
	m := len(pts) / 2
	hin, hout, a := widths(w)
	// Unit normals of the segments.
	p.norms = p.norms[:0]
	for s := 0; s+1 < m; s++ {
		dx, dy := pts[2*s+2]-pts[2*s], pts[2*s+3]-pts[2*s+1]
		l := math.Sqrt(dx*dx + dy*dy)
		p.norms = append(p.norms, -dy/l, dx/l)
	}
	b := p.shapes(4 * m)
	same := true
	for _, v := range as {
		same = same && v == as[0]
	}
	k := premul(c, a*as[0])
	for i := 0; i < m; i++ {
		var nx, ny float64
		switch {
		case i == 0:
			nx, ny = p.norms[0], p.norms[1]
		case i == m-1:
			nx, ny = p.norms[2*i-2], p.norms[2*i-1]
		default:
			// The mean of the two normals, scaled by 1/cos of half the
			// turn (at most 3) for a mitre.
			ax, ay, bx, by := p.norms[2*i-2], p.norms[2*i-1], p.norms[2*i], p.norms[2*i+1]
			nx, ny = ax+bx, ay+by
			l := math.Sqrt(nx*nx + ny*ny)
			if l < 1e-9 { // a full turn back
				nx, ny = bx, by
			} else {
				nx, ny = nx/l, ny/l
				s := 1 / max(nx*bx+ny*by, 1.0/3)
				nx, ny = nx*s, ny*s
			}
		}
		if !same {
			k = premul(c, a*as[i])
		}
		x, y := pts[2*i], pts[2*i+1]
		ox, oy, ix, iy := nx*hout, ny*hout, nx*hin, ny*hin
		p.wv(x+ox, y+oy, pmColor{})
		p.wv(x+ix, y+iy, k)
		p.wv(x-ix, y-iy, k)
		p.wv(x-ox, y-oy, pmColor{})
	}
	for i := 0; i+1 < m; i++ {
		k := uint16(4 * i)
		p.quad(b, k, k+1, k+5, k+4)
		p.quad(b, k+1, k+2, k+6, k+5)
		p.quad(b, k+2, k+3, k+7, k+6)
	}
}
