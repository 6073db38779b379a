package stat

import "math"

// Outside counts the values Histogram did not bin: those below the range,
// those above it, and NaNs.
type Outside struct {
	Below, Above, NaN int
}

// Total returns Below + Above + NaN.
func (o Outside) Total() int { return o.Below + o.Above + o.NaN }

// Histogram sets dst to the counts of the values of x in len(dst) equal bins
// on [lo, hi]: with w = (hi - lo)/len(dst), bin i counts the x with
//
//	lo + i w <= x < lo + (i+1) w,
//
// and the last bin also counts x = hi (up to rounding at the bin edges). Values below lo, above hi and NaNs are
// not binned but counted in the returned Outside, so
// sum(dst) + Outside.Total() = len(x). dst is overwritten, not added to.
func Histogram(dst, x []float64, lo, hi float64) (Outside, error) {
	if len(dst) == 0 {
		return Outside{}, errorf("Histogram: no bins (len(dst) = 0)")
	}
	if !(lo < hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return Outside{}, errorf("Histogram: range [%v, %v] is not a finite interval with lo < hi", lo, hi)
	}
	clear(dst)
	var out Outside
	m := len(dst)
	scale := float64(m) / (hi - lo)
	for _, v := range x {
		switch {
		case v != v:
			out.NaN++
		case v < lo:
			out.Below++
		case v > hi:
			out.Above++
		default:
			i := int((v - lo) * scale)
			if i >= m { // v = hi, or rounding just below hi
				i = m - 1
			}
			dst[i]++
		}
	}
	return out, nil
}
