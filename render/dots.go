//go:build js

package render

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

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
