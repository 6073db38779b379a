//go:build js

package render

import (
	"image/color"
	"math"
	"math/bits"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/render/plot"
)

// maxVerts is the largest number of vertices of one DrawTriangles call
// (indices are uint16).
const maxVerts = 65535

// A Painter collects the shapes of one frame and draws them in as few
// DrawTriangles calls as possible. Shapes are drawn in the order they were
// added, then the queued text on top. Between Begin and Flush nothing is
// drawn; Flush draws everything onto the destination given to Begin. The
// Painter reuses its buffers, so a frame of the same shapes as the last one
// allocates nothing.
//
// Colours are straight-alpha color.RGBA values; widths and radii are device
// pixels. Shapes outside the clip rectangle (Clip) are cut away.
type Painter struct {
	dst    *ebiten.Image
	vs     []ebiten.Vertex
	is     []uint16
	segs   []segment
	clip   plot.Rect
	clipOn bool

	tri ebiten.DrawTrianglesOptions

	run   []float64 // scratch: a clipped run of a polyline
	runA  []float64 // scratch: the opacities of its points
	norms []float64 // scratch: polyline normals

	text textQueue

	atlas   *atlas
	wx, wy  float64 // the centre of the white block in the atlas
	lastDot dotCache
}

// A segment is a run of triangles with one source image.
type segment struct {
	src    *ebiten.Image
	v0, i0 int
}

// whiteImage is a white 3x3 block; shapes sample its middle.
var whiteImage = ebiten.NewImage(3, 3)

func init() {
	pix := make([]byte, 4*3*3)
	for i := range pix {
		pix[i] = 0xff
	}
	// WritePixels rather than Fill keeps the image on the texture atlas.
	whiteImage.WritePixels(pix)
}

// NewPainter returns a painter that draws text with the embedded font.
func NewPainter() *Painter {
	p := &Painter{}
	p.tri.ColorScaleMode = ebiten.ColorScaleModePremultipliedAlpha
	// Every source is drawn at its own size on whole pixels (shapes sample
	// the middle of a white block), so nearest sampling loses nothing and
	// costs a quarter of linear filtering in software WebGL.
	p.tri.Filter = ebiten.FilterNearest
	p.text.init()
	return p
}

// Begin starts a frame that will be drawn onto dst.
func (p *Painter) Begin(dst *ebiten.Image) {
	p.dst = dst
	p.atlas = getAtlas()
	p.wx, p.wy = float64(p.atlas.white.X)+1.5, float64(p.atlas.white.Y)+1.5
	p.vs, p.is, p.segs = p.vs[:0], p.is[:0], p.segs[:0]
	p.clipOn = false
	p.text.reset()
}

// Clip cuts every following shape to r, until NoClip.
func (p *Painter) Clip(r plot.Rect) { p.clip, p.clipOn = r, true }

// NoClip ends clipping.
func (p *Painter) NoClip() { p.clipOn = false }

// Flush draws the frame's shapes, then its text, onto the destination.
func (p *Painter) Flush() {
	if p.dst == nil {
		return
	}
	p.text.flush(p)
	p.pad()
	for k, s := range p.segs {
		v1, i1 := len(p.vs), len(p.is)
		if k+1 < len(p.segs) {
			v1, i1 = p.segs[k+1].v0, p.segs[k+1].i0
		}
		if i1 > s.i0 {
			p.dst.DrawTriangles(p.vs[s.v0:v1], p.is[s.i0:i1], s.src, &p.tri)
		}
	}
	p.vs, p.is, p.segs = p.vs[:0], p.is[:0], p.segs[:0]
}

// reserve makes room for nv more vertices in a segment with source src and
// returns the index of the first one relative to that segment.
func (p *Painter) reserve(src *ebiten.Image, nv int) uint16 {
	n := len(p.segs)
	if n == 0 || p.segs[n-1].src != src || len(p.vs)+nv-p.segs[n-1].v0 > maxVerts {
		p.pad()
		p.segs = append(p.segs, segment{src: src, v0: len(p.vs), i0: len(p.is)})
		n++
	}
	return uint16(len(p.vs) - p.segs[n-1].v0)
}

// padSize returns the size that n vertices or indices are padded to: the
// power of two at or above n, at least 1024.
func padSize(n int) int {
	if n <= 1024 {
		return 1024
	}
	return 1 << bits.Len(uint(n-1))
}

// pad pads the last segment, which no shape extends any more, with unused
// vertices and empty triangles to the sizes of padSize. Ebitengine 2.8
// keeps one scratch buffer of vertices and one of indices per destination
// and reallocates them at the exact size whenever a call is larger than
// every call before (ebiten.(*Image).ensureTmpVertices and
// ensureTmpIndices, image.go:1346-1358), and appends the vertices of every
// frame to its command queue (graphicscommand.(*commandQueue), growing
// by a quarter at a time): a picture that grows a little every frame (a
// time series getting longer) would allocate several times per frame.
// Padded to powers of two, the calls come in a few sizes and these buffers
// grow once per doubling. The padding costs Ebitengine's copy of the
// unused vertices, at most as many as the used ones.
func (p *Painter) pad() {
	n := len(p.segs)
	if n == 0 {
		return
	}
	s := p.segs[n-1]
	nv, ni := len(p.vs)-s.v0, len(p.is)-s.i0
	if ni == 0 {
		return
	}
	tv := min(padSize(nv), maxVerts+1)
	ti := (padSize(ni) + 2) / 3 * 3
	p.growV(tv - nv)
	p.growI(ti - ni)
	for ; nv < tv; nv++ {
		p.vs = append(p.vs, ebiten.Vertex{})
	}
	// Triangles (0, 0, 0) have no area and draw nothing.
	for ; ni < ti; ni++ {
		p.is = append(p.is, 0)
	}
}

// growV makes room for n more vertices, doubling the capacity (append
// grows large slices by a quarter, which would allocate more often while a
// picture grows).
func (p *Painter) growV(n int) {
	if len(p.vs)+n > cap(p.vs) {
		vs := make([]ebiten.Vertex, len(p.vs), max(2*cap(p.vs), len(p.vs)+n, 4096))
		copy(vs, p.vs)
		p.vs = vs
	}
}

// growI makes room for n more indices, as growV does for vertices.
func (p *Painter) growI(n int) {
	if len(p.is)+n > cap(p.is) {
		is := make([]uint16, len(p.is), max(2*cap(p.is), len(p.is)+n, 8192))
		copy(is, p.is)
		p.is = is
	}
}

// A pmColor is a colour with premultiplied alpha, as vertices take it.
type pmColor struct{ r, g, b, a float32 }

// premul returns c with its opacity scaled by a, premultiplied.
func premul(c color.RGBA, a float64) pmColor {
	al := float32(float64(c.A) / 255 * a)
	return pmColor{float32(c.R) / 255 * al, float32(c.G) / 255 * al, float32(c.B) / 255 * al, al}
}

// vtx appends a vertex at (x, y) with source point (sx, sy) and colour k.
func (p *Painter) vtx(x, y, sx, sy float64, k pmColor) {
	if len(p.vs) == cap(p.vs) {
		p.growV(1)
	}
	p.vs = append(p.vs, ebiten.Vertex{
		DstX: float32(x), DstY: float32(y), SrcX: float32(sx), SrcY: float32(sy),
		ColorR: k.r, ColorG: k.g, ColorB: k.b, ColorA: k.a,
	})
}

// vertex appends a vertex at (x, y) with source point (sx, sy) and the
// colour c scaled in opacity by a.
func (p *Painter) vertex(x, y, sx, sy float64, c color.RGBA, a float64) {
	p.vtx(x, y, sx, sy, premul(c, a))
}

// wv appends a vertex sampling the middle of the white block.
func (p *Painter) wv(x, y float64, k pmColor) { p.vtx(x, y, p.wx, p.wy, k) }

// white appends a vertex sampling the middle of the white block.
func (p *Painter) white(x, y float64, c color.RGBA, a float64) { p.wv(x, y, premul(c, a)) }

// shapes reserves nv vertices for a shape drawn from the white block.
func (p *Painter) shapes(nv int) uint16 { return p.reserve(p.atlas.img, nv) }

// quad appends the two triangles of the quad b+i, b+j, b+k, b+l (in order
// around it).
func (p *Painter) quad(b, i, j, k, l uint16) {
	if len(p.is)+6 > cap(p.is) {
		p.growI(6)
	}
	p.is = append(p.is, b+i, b+j, b+k, b+i, b+k, b+l)
}

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

// Dot draws a filled disc of radius r centred at (x, y) with a soft edge.
// Dots whose centre lies outside the clip rectangle are skipped.
func (p *Painter) Dot(x, y, r float64, c color.RGBA) {
	if x-x != 0 || y-y != 0 || (p.clipOn && !p.clip.Contains(x, y)) {
		return
	}
	// The disc of the last radius and colour are kept at hand: dots come
	// in clouds.
	d := &p.lastDot
	if r != d.r || d.gen != p.atlas.gen || d.src == nil {
		img, half := discImage(r)
		bd := img.Bounds()
		d.r, d.half, d.side = r, half, float64(bd.Dx())
		d.src, d.sx, d.sy = img, float64(bd.Min.X), float64(bd.Min.Y)
		if at, ok := p.atlas.place(img); ok {
			d.src, d.sx, d.sy = p.atlas.img, float64(at.X), float64(at.Y)
		}
		d.gen = p.atlas.gen
	}
	if c != d.c {
		d.c, d.k = c, premul(c, 1)
	}
	b := p.reserve(d.src, 4)
	x, y = math.Round(x-d.half), math.Round(y-d.half)
	w, sx, sy, k := d.side, d.sx, d.sy, d.k
	p.vtx(x, y, sx, sy, k)
	p.vtx(x+w, y, sx+w, sy, k)
	p.vtx(x+w, y+w, sx+w, sy+w, k)
	p.vtx(x, y+w, sx, sy+w, k)
	p.quad(b, 0, 1, 2, 3)
}

// dotCache remembers the disc of the last Dot call.
type dotCache struct {
	r, half, side, sx, sy float64
	src                   *ebiten.Image
	gen                   int
	c                     color.RGBA
	k                     pmColor
}

// Ring draws a circle of radius r and line width w centred at (x, y).
func (p *Painter) Ring(x, y, r, w float64, c color.RGBA) {
	if x-x != 0 || y-y != 0 || (p.clipOn && !p.clip.Contains(x, y)) {
		return
	}
	n := max(12, min(64, int(2*math.Pi*r/3)))
	hin, hout, a := widths(w)
	b := p.shapes(4 * n)
	for i := 0; i < n; i++ {
		s, co := math.Sincos(2 * math.Pi * float64(i) / float64(n))
		for _, q := range [4]struct{ d, a float64 }{{r + hout, 0}, {r + hin, a}, {r - hin, a}, {r - hout, 0}} {
			p.white(x+co*q.d, y+s*q.d, c, q.a)
		}
	}
	for i := 0; i < n; i++ {
		k, l := uint16(4*i), uint16(4*((i+1)%n))
		p.quad(b, k, k+1, l+1, l)
		p.quad(b, k+1, k+2, l+2, l+1)
		p.quad(b, k+2, k+3, l+3, l+2)
	}
}

// discs caches one antialiased white disc image per radius (in quarter
// pixels); the images are drawn at their own size, so no filtering blurs
// them.
var discs = map[int]*ebiten.Image{}

// discImage returns the disc image for radius r and half its side.
func discImage(r float64) (*ebiten.Image, float64) {
	q := int(math.Round(min(max(r, 0.5), 64) * 4))
	r = float64(q) / 4
	side := int(math.Ceil(2*r)) + 2
	if img, ok := discs[q]; ok {
		return img, float64(side) / 2
	}
	pix := make([]byte, 4*side*side)
	c := float64(side) / 2
	for j := 0; j < side; j++ {
		for i := 0; i < side; i++ {
			// Coverage from 4x4 samples per pixel.
			var cov float64
			for sj := 0; sj < 4; sj++ {
				for si := 0; si < 4; si++ {
					x := float64(i) + (float64(si)+0.5)/4 - c
					y := float64(j) + (float64(sj)+0.5)/4 - c
					if x*x+y*y <= r*r {
						cov++
					}
				}
			}
			v := byte(math.Round(cov / 16 * 255))
			o := 4 * (j*side + i)
			pix[o], pix[o+1], pix[o+2], pix[o+3] = v, v, v, v
		}
	}
	img := ebiten.NewImage(side, side)
	img.WritePixels(pix)
	discs[q] = img
	return img, float64(side) / 2
}

// Image draws img scaled into r (nearest sampling), in its place among the
// shapes. img must stay unchanged until Flush.
func (p *Painter) Image(img *ebiten.Image, r plot.Rect) {
	if r.Empty() {
		return
	}
	bd := img.Bounds()
	sx0, sy0, sx1, sy1 := float64(bd.Min.X), float64(bd.Min.Y), float64(bd.Max.X), float64(bd.Max.Y)
	b := p.reserve(img, 4)
	p.vertex(r.X, r.Y, sx0, sy0, plot.Background, 1)
	p.vertex(r.MaxX(), r.Y, sx1, sy0, plot.Background, 1)
	p.vertex(r.MaxX(), r.MaxY(), sx1, sy1, plot.Background, 1)
	p.vertex(r.X, r.MaxY(), sx0, sy1, plot.Background, 1)
	p.quad(b, 0, 1, 2, 3)
}

// Shade fills r with a smoothly shaded grid of nx x ny values v (row j = the
// j-th row from the bottom; the values sit at evenly spaced points from edge
// to edge of r, nx, ny >= 2), coloured by plot.Ramp(c, v/vmax) and
// interpolated between the points: a density image without a texture.
// vmax <= 0 uses the largest value.
func (p *Painter) Shade(r plot.Rect, nx, ny int, v []float64, vmax float64, c color.RGBA) {
	if nx < 2 || ny < 2 || len(v) < nx*ny || r.Empty() {
		return
	}
	if !(vmax > 0) {
		for _, x := range v[:nx*ny] {
			vmax = max(vmax, x)
		}
	}
	if !(vmax > 0) {
		return
	}
	// A lookup table of 64 levels keeps this cheap.
	var lut [64]pmColor
	for l := range lut {
		lut[l] = premul(plot.Ramp(c, float64(l)/float64(len(lut)-1)), 1)
	}
	// Rows of vertices go in pieces that fit one segment.
	rowsPer := max(2, maxVerts/nx)
	for j0 := 0; j0 < ny-1; j0 += rowsPer - 1 {
		j1 := min(j0+rowsPer, ny)
		b := p.shapes((j1 - j0) * nx)
		for j := j0; j < j1; j++ {
			y := r.MaxY() - r.H*float64(j)/float64(ny-1)
			for i := 0; i < nx; i++ {
				l := int(v[j*nx+i]/vmax*float64(len(lut)-1) + 0.5)
				col := lut[max(0, min(l, len(lut)-1))]
				p.wv(r.X+r.W*float64(i)/float64(nx-1), y, col)
			}
		}
		for j := 0; j < j1-j0-1; j++ {
			for i := 0; i < nx-1; i++ {
				k := uint16(j*nx + i)
				p.quad(b, k, k+1, k+1+uint16(nx), k+uint16(nx))
			}
		}
	}
}
