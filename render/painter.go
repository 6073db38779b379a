//go:build js

package render

import (
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
	axes []*Axes // the axes drawn since Begin

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
	// The polyline scratch holds runs of up to polylinePoints points
	// without growing: growing while the longest series of a scene gets
	// longer would allocate now and then in frames that are otherwise
	// free of garbage.
	p.run = make([]float64, 0, 2*polylinePoints)
	p.runA = make([]float64, 0, polylinePoints)
	p.norms = make([]float64, 0, 2*polylinePoints)
	return p
}

// polylinePoints is the number of points of a polyline (or of one run of
// it inside the clip rectangle) that the Painter's scratch holds from the
// start: more than a recorded series of the scenes has (they thin at 480
// points).
const polylinePoints = 1024

// Begin starts a frame that will be drawn onto dst.
func (p *Painter) Begin(dst *ebiten.Image) {
	p.dst = dst
	p.atlas = getAtlas()
	p.wx, p.wy = float64(p.atlas.white.X)+1.5, float64(p.atlas.white.Y)+1.5
	p.vs, p.is, p.segs = p.vs[:0], p.is[:0], p.segs[:0]
	p.clipOn = false
	p.text.reset()
	clear(p.axes)
	p.axes = p.axes[:0]
}

// noteAxes records that a was drawn in this frame.
func (p *Painter) noteAxes(a *Axes) {
	for _, b := range p.axes {
		if b == a {
			return
		}
	}
	p.axes = append(p.axes, a)
}

// DrawnAxes returns the axes drawn in the last frame (since Begin), in
// the order they were drawn.
func (p *Painter) DrawnAxes() []*Axes { return p.axes }

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

// padSize returns the size that n vertices or indices are padded to: at
// least 1024, else the multiple of P/8 at or above n, P = 2^ceil(log2 n)
// the power of two at or above n. So there are 4 sizes per doubling and
// the padding is less than P/8 < n/4 (the next power of two would add up
// to n).
func padSize(n int) int {
	if n <= 1024 {
		return 1024
	}
	step := 1 << (bits.Len(uint(n-1)) - 3)
	return (n + step - 1) / step * step
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
// Padded to padSize, the calls come in a few sizes (4 per doubling) and
// these buffers grow at most 4 times per doubling. The padding costs
// Ebitengine's copy of the unused vertices, fewer than a quarter of the
// used ones.
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
