package input

import (
	"math"
	"strconv"
)

// A Window is the data window of a panel: x in [X0, X1], y in [Y0, Y1].
type Window struct {
	X0, X1, Y0, Y1 float64
}

// Valid reports whether the four bounds are finite and X0 < X1, Y0 < Y1.
func (w Window) Valid() bool {
	for _, v := range [4]float64{w.X0, w.X1, w.Y0, w.Y1} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return w.X0 < w.X1 && w.Y0 < w.Y1
}

// ZoomAbout returns the window zoomed by the factor k about the data point
// (x, y), which stays in place: every bound b becomes x + (b - x) / k
// (likewise for y). k > 1 zooms in.
func (w Window) ZoomAbout(x, y, k float64) Window {
	if !(k > 0) || math.IsInf(k, 0) {
		return w
	}
	return Window{
		X0: x + (w.X0-x)/k, X1: x + (w.X1-x)/k,
		Y0: y + (w.Y0-y)/k, Y1: y + (w.Y1-y)/k,
	}
}

// Pan returns the window moved by (dx, dy) in data units: every bound b of
// x becomes b + dx, of y b + dy.
func (w Window) Pan(dx, dy float64) Window {
	return Window{X0: w.X0 + dx, X1: w.X1 + dx, Y0: w.Y0 + dy, Y1: w.Y1 + dy}
}

// RoundTo returns x rounded to a round step of about a thousandth of span
// (a power of ten), in its shortest decimal form, so that positions taken
// from pixels read well in a URL: 10^floor(log10(span/1000)).
func RoundTo(x, span float64) float64 {
	if !(span > 0) || math.IsInf(span, 0) || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	e := int(math.Floor(math.Log10(span / 1000)))
	if e >= 0 {
		p := math.Pow(10, float64(e))
		return math.Round(x/p)*p + 0
	}
	f, err := strconv.ParseFloat(strconv.FormatFloat(x, 'f', -e, 64), 64)
	if err != nil {
		return x
	}
	return f + 0
}
