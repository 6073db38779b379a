package stat

import "math"

// Histogram sets dst to the counts of the values of x in len(dst) equal bins
// on [lo, hi] and returns the number of values counted: with
// w = (hi - lo)/len(dst), bin i counts the x with
//
//	lo + i w <= x < lo + (i+1) w,
//
// and the last bin also counts x = hi (up to rounding at the bin edges).
// Values below lo, above hi and NaNs are not counted, so
// sum(dst) = counted <= len(x). dst is overwritten, not added to.
func Histogram(dst, x []float64, lo, hi float64) (counted int, err error) {
	if len(dst) == 0 {
		return 0, errorf("Histogram: no bins (len(dst) = 0)")
	}
	if !(lo < hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return 0, errorf("Histogram: range [%v, %v] is not a finite interval with lo < hi", lo, hi)
	}
	clear(dst)
	m := len(dst)
	scale := float64(m) / (hi - lo)
	for _, v := range x {
		if !(v >= lo && v <= hi) { // outside, or NaN
			continue
		}
		i := int((v - lo) * scale)
		if i >= m { // v = hi, or rounding just below hi
			i = m - 1
		}
		dst[i]++
		counted++
	}
	return counted, nil
}
