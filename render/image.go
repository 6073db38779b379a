//go:build js

package render

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/render/plot"
)

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
