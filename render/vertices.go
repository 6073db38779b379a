//go:build js

package render

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
)

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
