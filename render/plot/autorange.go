package plot

import "math"

// AutoRange keeps the range of an axis steady while the data it shows move:
// it widens at once when data leave the range, and narrows only when the
// data fill less than Shrink of it, so ticks (and their labels) change
// rarely. The range is padded by Pad of the data span on each side and
// rounded out to nice tick values.
type AutoRange struct {
	// Axis is the current range.
	Axis Axis
	// Pad is the fraction of the data span added on each side (default 0.06).
	Pad float64
	// Shrink is the fill fraction below which the range narrows (default 0.4).
	Shrink float64
	// Zero keeps 0 inside a linear range.
	Zero bool
	// MinSpan is the smallest span of a linear range: the largest of
	// MinSpan, Floor and RelSpan times the magnitude of the data.
	MinSpan float64
	// RelSpan is the smallest span relative to the magnitude of the data
	// (default DefaultRelSpan), so that tick labels stay short.
	RelSpan float64
	// Floor is the smallest span from the scale of the quantity (set from
	// the model: data that start as one value, or at 0, get a range of the
	// size they will have, not one of rounding errors); at least 1e-12.
	Floor float64

	set bool
}

// Reset forgets the range, so that the next Update sets it from the data.
func (ar *AutoRange) Reset() { ar.set = false }

// Update adapts the range to data spanning [lo, hi] and reports whether it
// changed. Non-finite bounds are ignored (the range stays); on a log axis
// non-positive bounds are ignored too.
func (ar *AutoRange) Update(lo, hi float64) bool {
	if lo > hi || math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return false
	}
	pad, shrink := ar.Pad, ar.Shrink
	if pad == 0 {
		pad = 0.06
	}
	if shrink == 0 {
		shrink = 0.4
	}
	a := &ar.Axis
	if a.Log {
		if !(lo > 0) {
			return false
		}
		llo, lhi := math.Log10(lo), math.Log10(hi)
		span := math.Log10(a.Max) - math.Log10(a.Min)
		if ar.set && lo >= a.Min && hi <= a.Max && (lhi-llo >= shrink*span || span <= 1.5) {
			return false
		}
		// Whole half-decades around the data, at least one decade.
		nlo := math.Floor(2*(llo-0.05)) / 2
		nhi := math.Ceil(2*(lhi+0.05)) / 2
		if nhi-nlo < 1 {
			c := (nhi + nlo) / 2
			nlo, nhi = math.Floor(2*(c-0.5))/2, math.Ceil(2*(c+0.5))/2
		}
		old := *a
		a.Min, a.Max = math.Pow(10, nlo), math.Pow(10, nhi)
		ar.set = true
		return *a != old
	}
	if ar.Zero {
		lo, hi = min(lo, 0), max(hi, 0)
	}
	minSpan := ar.minSpan(lo, hi)
	if ar.set && lo >= a.Min && hi <= a.Max && max(hi-lo, minSpan) >= shrink*(a.Max-a.Min) {
		return false
	}
	span := hi - lo
	if span < minSpan {
		switch c := (lo + hi) / 2; {
		case ar.Zero && lo >= 0:
			hi = lo + minSpan // data at 0 and above: the range stays above 0
		case ar.Zero && hi <= 0:
			lo = hi - minSpan
		default:
			lo, hi = c-minSpan/2, c+minSpan/2
		}
		span = minSpan
	}
	plo, phi := lo-pad*span, hi+pad*span
	if ar.Zero {
		// Do not pad across zero.
		if lo >= 0 {
			plo = max(plo, 0)
		}
		if hi <= 0 {
			phi = min(phi, 0)
		}
	}
	old := *a
	a.Min, a.Max = NiceRange(plo, phi, 5)
	ar.set = true
	return *a != old
}

// DefaultRelSpan is the default of AutoRange.RelSpan: a linear range spans
// at least 1 % of the magnitude of its values, so that its tick labels need
// at most about four significant digits.
const DefaultRelSpan = 0.01

// minSpan returns the smallest span of a linear range over [lo, hi].
func (ar *AutoRange) minSpan(lo, hi float64) float64 {
	rel := ar.RelSpan
	if rel == 0 {
		rel = DefaultRelSpan
	}
	return max(ar.MinSpan, ar.Floor, rel*max(math.Abs(lo), math.Abs(hi)), 1e-12)
}

// MinMax returns the smallest and largest of the values x[off], x[off+stride],
// ... that are finite (NaN, NaN if there is none); stride >= 1.
func MinMax(x []float64, off, stride int) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for i := off; i < len(x); i += max(stride, 1) {
		v := x[i]
		if v-v != 0 {
			continue
		}
		lo, hi = min(lo, v), max(hi, v)
	}
	if lo > hi {
		return math.NaN(), math.NaN()
	}
	return lo, hi
}
