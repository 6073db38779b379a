//go:build js

package render

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
)

// atlasSize is the side of the texture that holds every small image the
// painter draws from: a white block for shapes, discs for dots and the
// glyphs of text. With one source for everything, a frame is one
// DrawTriangles call (Ebitengine 2.8 allocates on every call).
const atlasSize = 1024

// An atlas packs small images into one texture, row by row, with a
// transparent pixel between them so that linear filtering does not bleed.
type atlas struct {
	img       *ebiten.Image
	x, y, row int
	at        map[*ebiten.Image]image.Point
	full      bool
	gen       int         // counts resets
	white     image.Point // top-left of the white 3x3 block
	op        ebiten.DrawImageOptions
}

// theAtlas is shared by every painter (the browser runs one goroutine).
var theAtlas *atlas

// getAtlas returns the atlas, emptying it first if it filled up during the
// last frame.
func getAtlas() *atlas {
	if theAtlas == nil {
		theAtlas = &atlas{img: ebiten.NewImage(atlasSize, atlasSize), at: map[*ebiten.Image]image.Point{}}
		theAtlas.reset()
	}
	if theAtlas.full {
		theAtlas.img.Clear()
		theAtlas.reset()
	}
	return theAtlas
}

// reset forgets every packed image and packs the white block.
func (a *atlas) reset() {
	a.x, a.y, a.row, a.full = 1, 1, 0, false
	a.gen++
	clear(a.at)
	a.white, _ = a.place(whiteImage)
}

// place returns where src sits in the atlas, packing it there if it is
// new; ok is false when the atlas is full (it is emptied at the next
// frame).
func (a *atlas) place(src *ebiten.Image) (image.Point, bool) {
	if p, ok := a.at[src]; ok {
		return p, true
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if w+2 > atlasSize || h+2 > atlasSize {
		return image.Point{}, false
	}
	if a.x+w+1 > atlasSize {
		a.x, a.y, a.row = 1, a.y+a.row+1, 0
	}
	if a.y+h+1 > atlasSize {
		a.full = true
		return image.Point{}, false
	}
	p := image.Point{a.x, a.y}
	a.op.GeoM.Reset()
	a.op.GeoM.Translate(float64(p.X-b.Min.X), float64(p.Y-b.Min.Y))
	a.op.Blend = ebiten.BlendCopy
	a.img.DrawImage(src, &a.op)
	a.at[src] = p
	a.x += w + 1
	a.row = max(a.row, h)
	return p, true
}
