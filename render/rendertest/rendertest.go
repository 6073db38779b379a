//go:build js

// Package rendertest holds what the browser tests of the drawing packages
// share: counting pixels of a colour and writing screenshots to look at.
package rendertest

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// Near counts the pixels of pix (RGBA bytes) within tol of c in each of
// the channels R, G and B.
func Near(pix []byte, c color.RGBA, tol int) int {
	n := 0
	d := func(a, b uint8) int {
		if a > b {
			return int(a - b)
		}
		return int(b - a)
	}
	for i := 0; i+3 < len(pix); i += 4 {
		if d(pix[i], c.R) <= tol && d(pix[i+1], c.G) <= tol && d(pix[i+2], c.B) <= tol {
			n++
		}
	}
	return n
}

// Shot writes img as name.png into $SMFLOW_SHOTS (default
// /tmp/smflow-shots) for a look; a folder that cannot be written is
// logged, not a failure.
func Shot(t testing.TB, name string, img *ebiten.Image) {
	t.Helper()
	dir := os.Getenv("SMFLOW_SHOTS")
	if dir == "" {
		dir = "/tmp/smflow-shots"
	}
	rgba := image.NewRGBA(img.Bounds())
	img.ReadPixels(rgba.Pix)
	var buf bytes.Buffer
	if err := png.Encode(&buf, rgba); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/"+name+".png", buf.Bytes(), 0o644); err != nil {
		t.Logf("no screenshot written: %v", err)
	}
}
