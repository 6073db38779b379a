package plot

import (
	"image/color"
	"math"

	"smflow/sim"
)

// The Okabe-Ito palette (Okabe and Ito, "Color Universal Design", 2002):
// eight colours that stay distinguishable for the common forms of colour
// blindness.
var (
	Black         = color.RGBA{0x00, 0x00, 0x00, 0xff}
	Orange        = color.RGBA{0xe6, 0x9f, 0x00, 0xff}
	SkyBlue       = color.RGBA{0x56, 0xb4, 0xe9, 0xff}
	BluishGreen   = color.RGBA{0x00, 0x9e, 0x73, 0xff}
	Yellow        = color.RGBA{0xf0, 0xe4, 0x42, 0xff}
	Blue          = color.RGBA{0x00, 0x72, 0xb2, 0xff}
	Vermillion    = color.RGBA{0xd5, 0x5e, 0x00, 0xff}
	ReddishPurple = color.RGBA{0xcc, 0x79, 0xa7, 0xff}
)

// OkabeIto lists the eight colours of the palette.
var OkabeIto = [8]color.RGBA{Black, Orange, SkyBlue, BluishGreen, Yellow, Blue, Vermillion, ReddishPurple}

// The neutral colours of a figure.
var (
	Background = color.RGBA{0xff, 0xff, 0xff, 0xff}
	Ink        = color.RGBA{0x22, 0x22, 0x22, 0xff} // text
	Muted      = color.RGBA{0x66, 0x66, 0x66, 0xff} // tick labels, captions
	GridLine   = color.RGBA{0xe6, 0xe6, 0xe6, 0xff}
	Frame      = color.RGBA{0x99, 0x99, 0x99, 0xff}
	Alert      = color.RGBA{0xb0, 0x00, 0x20, 0xff} // divergence messages
)

// methodColors holds one fixed Okabe-Ito colour per method, so that a method
// has the same colour in every scene: SGD black, GF sky blue, SME1 orange,
// SME2 reddish purple, SMF blue, MF ODE bluish green, DD-SMF vermillion.
var methodColors = [...]color.RGBA{
	sim.SGD:   Black,
	sim.GF:    SkyBlue,
	sim.SME1:  Orange,
	sim.SME2:  ReddishPurple,
	sim.SMF:   Blue,
	sim.MFODE: BluishGreen,
	sim.DDSMF: Vermillion,
}

// MethodColor returns the colour of method m (grey for an unknown method).
func MethodColor(m sim.Method) color.RGBA {
	if m < 0 || int(m) >= len(methodColors) {
		return Muted
	}
	return methodColors[m]
}

// Fade returns c with its alpha multiplied by a in [0, 1] (straight alpha).
func Fade(c color.RGBA, a float64) color.RGBA {
	c.A = uint8(math.Round(float64(c.A) * clamp(a, 0, 1)))
	return c
}

// Mix returns (1-t) a + t b, channel by channel, for t in [0, 1].
func Mix(a, b color.RGBA, t float64) color.RGBA {
	t = clamp(t, 0, 1)
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + t*(float64(y)-float64(x)))) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), m(a.A, b.A)}
}

// Ramp returns the colour of the level t in [0, 1] of a density drawn in
// the colour c over a white background: transparent at 0, c with growing
// opacity up to t = 0.6, then darkening to 45% of c at t = 1. The result
// has straight (not premultiplied) alpha.
func Ramp(c color.RGBA, t float64) color.RGBA {
	t = clamp(t, 0, 1)
	if t <= 0.6 {
		return Fade(c, math.Sqrt(t/0.6))
	}
	dark := color.RGBA{uint8(float64(c.R) * 0.45), uint8(float64(c.G) * 0.45), uint8(float64(c.B) * 0.45), 0xff}
	return Mix(c, dark, (t-0.6)/0.4)
}

// viridis holds 9 evenly spaced stops of matplotlib's viridis colour map.
var viridis = [...]color.RGBA{
	{0x44, 0x01, 0x54, 0xff}, {0x47, 0x2c, 0x7a, 0xff}, {0x3b, 0x51, 0x8b, 0xff},
	{0x2c, 0x71, 0x8e, 0xff}, {0x21, 0x90, 0x8d, 0xff}, {0x27, 0xad, 0x81, 0xff},
	{0x5c, 0xc8, 0x63, 0xff}, {0xaa, 0xdc, 0x32, 0xff}, {0xfd, 0xe7, 0x25, 0xff},
}

// Viridis returns the viridis colour map at t in [0, 1] (dark purple to
// yellow, perceptually uniform and colour-blind safe), interpolated linearly
// between 9 stops.
func Viridis(t float64) color.RGBA {
	t = clamp(t, 0, 1) * float64(len(viridis)-1)
	i := int(t)
	if i >= len(viridis)-1 {
		return viridis[len(viridis)-1]
	}
	return Mix(viridis[i], viridis[i+1], t-float64(i))
}
