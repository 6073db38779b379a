package plot

import "math"

// An Axis is the data range [Min, Max] of one direction of a plot, linear or
// logarithmic (Log: Min and Max must then be positive).
type Axis struct {
	Min, Max float64
	Log      bool
}

// Frac returns the position of v along the axis, 0 at Min and 1 at Max
// (outside [0, 1] for values outside the range; NaN for a non-positive v on
// a log axis).
func (a Axis) Frac(v float64) float64 {
	lo, hi := a.Min, a.Max
	if a.Log {
		if !(v > 0) {
			return math.NaN()
		}
		v, lo, hi = math.Log10(v), math.Log10(lo), math.Log10(hi)
	}
	if hi == lo {
		return 0.5
	}
	return (v - lo) / (hi - lo)
}

// Valid reports whether the axis has a finite, non-empty range (positive on
// a log axis).
func (a Axis) Valid() bool {
	if !(a.Max > a.Min) || math.IsInf(a.Max-a.Min, 0) {
		return false
	}
	return !a.Log || a.Min > 0
}

// A Transform maps data coordinates of the axes X and Y into the pixel
// rectangle Rect; y grows upwards in data and downwards in pixels.
type Transform struct {
	Rect Rect
	X, Y Axis
}

// Px returns the pixel column of the data value x.
func (t *Transform) Px(x float64) float64 { return t.Rect.X + t.X.Frac(x)*t.Rect.W }

// Py returns the pixel row of the data value y.
func (t *Transform) Py(y float64) float64 { return t.Rect.MaxY() - t.Y.Frac(y)*t.Rect.H }

// Equal widens the range of one linear axis so that one data unit has the
// same length in pixels on both axes (for phase planes), keeping the
// centres of both ranges.
func (t *Transform) Equal() {
	if t.X.Log || t.Y.Log || t.Rect.Empty() || !t.X.Valid() || !t.Y.Valid() {
		return
	}
	sx := (t.X.Max - t.X.Min) / t.Rect.W // data units per pixel
	sy := (t.Y.Max - t.Y.Min) / t.Rect.H
	if sx > sy {
		c, h := (t.Y.Min+t.Y.Max)/2, sx*t.Rect.H/2
		t.Y.Min, t.Y.Max = c-h, c+h
	} else {
		c, h := (t.X.Min+t.X.Max)/2, sy*t.Rect.W/2
		t.X.Min, t.X.Max = c-h, c+h
	}
}
