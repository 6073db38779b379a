package app

import "math"

// maxPNGScale and maxPNGSide bound the size of an exported picture.
const (
	maxPNGScale = 4
	maxPNGSide  = 8192
)

// pngSize returns the pixel size and the device scale of the picture at
// scale times the canvas (outW x outH CSS pixels at dpr device pixels per
// CSS pixel), reduced to fit maxPNGSide.
func pngSize(outW, outH, dpr, scale float64) (w, h int, s float64) {
	s = dpr * scale
	if big := max(outW, outH) * s; big > maxPNGSide {
		s *= maxPNGSide / big
	}
	return int(math.Ceil(outW * s)), int(math.Ceil(outH * s)), s
}
