package plot

import (
	"math"
	"strconv"
)

// NiceStep returns a step of the form {1, 2, 5} x 10^k close to span/target,
// so that about target steps cover span. It returns 0 for a span or target
// that is not positive and finite.
func NiceStep(span float64, target int) float64 {
	if !(span > 0) || math.IsInf(span, 0) || target < 1 {
		return 0
	}
	raw := span / float64(target)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	var f float64
	switch r := raw / mag; {
	case r < 1.5:
		f = 1
	case r < 3:
		f = 2
	case r < 7:
		f = 5
	default:
		f = 10
	}
	return f * mag
}

// Ticks appends to dst the multiples of NiceStep(hi-lo, target) that lie in
// [lo, hi] and returns them with the step. They are the tick marks of a
// linear axis: evenly spaced nice numbers, about target of them.
func Ticks(dst []float64, lo, hi float64, target int) ([]float64, float64) {
	step := NiceStep(hi-lo, target)
	if step == 0 {
		return dst, 0
	}
	eps := step * 1e-9
	k0 := math.Ceil((lo - eps) / step)
	k1 := math.Floor((hi + eps) / step)
	if k1-k0 > 1000 {
		return dst, step
	}
	for k := k0; k <= k1; k++ {
		v := k * step
		if v == 0 {
			v = 0 // no negative zero
		}
		dst = append(dst, v)
	}
	return dst, step
}

// NiceRange widens [lo, hi] to the nearest multiples of
// NiceStep(hi-lo, target), so that the ends of the axis carry ticks. An
// empty range (lo == hi) is first widened around its value.
func NiceRange(lo, hi float64, target int) (nlo, nhi float64) {
	if lo > hi {
		lo, hi = hi, lo
	}
	if lo == hi {
		d := max(math.Abs(lo)*0.1, 1e-6)
		lo, hi = lo-d, hi+d
	}
	step := NiceStep(hi-lo, target)
	if step == 0 {
		return lo, hi
	}
	// min and max guard against rounding in the products.
	return min(math.Floor(lo/step+1e-9)*step, lo), max(math.Ceil(hi/step-1e-9)*step, hi)
}

// LogTicks appends to dst the tick marks of a logarithmic axis over
// [lo, hi] (lo > 0): the powers of ten in the range, and also 2 and 5 times
// them when the range spans fewer than two decades, or only every second or
// third power when it spans more than 12.
func LogTicks(dst []float64, lo, hi float64) []float64 {
	if !(lo > 0) || !(hi > lo) || math.IsInf(hi, 0) {
		return dst
	}
	e0 := math.Floor(math.Log10(lo) + 1e-9)
	e1 := math.Ceil(math.Log10(hi) - 1e-9)
	dec := e1 - e0
	if dec > 1000 {
		return dst
	}
	every := 1.0
	if dec > 12 {
		every = math.Ceil(dec / 6)
	}
	mult := []float64{1}
	if math.Log10(hi/lo) < 2 {
		mult = []float64{1, 2, 5}
	}
	for e := e0; e <= e1; e++ {
		if dec > 12 && math.Mod(e, every) != 0 {
			continue
		}
		p := math.Pow(10, e)
		for _, m := range mult {
			v := m * p
			if v >= lo*(1-1e-9) && v <= hi*(1+1e-9) {
				dst = append(dst, v)
			}
		}
	}
	return dst
}

// MaxTickChars is the longest tick label AppendTick writes for the axes
// that AutoRange makes (a span of at least a hundredth of the values) over
// values of magnitudes from about 1e-8 to 1e8.
const MaxTickChars = 8

// AppendTick appends the label of the tick value v of an axis whose ticks
// are step apart, with the fewest digits that tell neighbouring ticks
// apart: as many decimals as step needs ("0.25" for step 0.05, "3" for
// step 1), and a short exponent form ("2e-5", "1.5e6") for very small or
// very large values.
func AppendTick(dst []byte, v, step float64) []byte {
	return AppendTickOf(dst, v, step, math.Abs(v))
}

// AppendTickOf is AppendTick for a tick of an axis whose largest tick has
// the magnitude mag: the exponent form is chosen by mag, so that all the
// labels of an axis take the same form.
func AppendTickOf(dst []byte, v, step, mag float64) []byte {
	if v == 0 || math.Abs(v) < math.Abs(step)*1e-9 {
		return append(dst, '0')
	}
	av := math.Abs(v)
	if mag >= 1e5 || mag < 1e-3 {
		// Significant digits needed to tell neighbouring ticks apart.
		digits := 1
		if step > 0 {
			digits = int(math.Floor(math.Log10(av)+1e-9)-math.Floor(math.Log10(step)+1e-9)) + 1
			if m := step / math.Pow(10, math.Floor(math.Log10(step)+1e-9)); math.Abs(m-2.5) < 1e-6 {
				digits++
			}
		}
		digits = max(1, min(digits, 6))
		return appendShortExp(dst, v, digits)
	}
	dec := 0
	if step > 0 {
		dec = max(0, int(-math.Floor(math.Log10(step)+1e-9)))
		if m := step / math.Pow(10, math.Floor(math.Log10(step)+1e-9)); math.Abs(m-2.5) < 1e-6 {
			dec++ // steps like 0.25 (not produced by NiceStep, but accepted)
		}
	}
	return strconv.AppendFloat(dst, v, 'f', min(dec, 10), 64)
}

// appendShortExp appends v in exponent form with the given significant
// digits, without trailing zeros of the mantissa, a plus sign or leading
// zeros of the exponent: "1.5e6", "2e-5", "-3.25e-12".
func appendShortExp(dst []byte, v float64, digits int) []byte {
	start := len(dst)
	dst = strconv.AppendFloat(dst, v, 'e', digits-1, 64)
	// Split at 'e'.
	e := start
	for e < len(dst) && dst[e] != 'e' {
		e++
	}
	if e == len(dst) {
		return dst
	}
	var exp [6]byte
	n := copy(exp[:], dst[e+1:])
	mant := dst[:e]
	// Trailing zeros (and a trailing point) of the mantissa.
	if hasDot(mant[start:]) {
		for len(mant) > start && mant[len(mant)-1] == '0' {
			mant = mant[:len(mant)-1]
		}
		if len(mant) > start && mant[len(mant)-1] == '.' {
			mant = mant[:len(mant)-1]
		}
	}
	dst = append(mant, 'e')
	ex := exp[:n]
	if len(ex) > 0 && (ex[0] == '+' || ex[0] == '-') {
		if ex[0] == '-' {
			dst = append(dst, '-')
		}
		ex = ex[1:]
	}
	for len(ex) > 1 && ex[0] == '0' {
		ex = ex[1:]
	}
	return append(dst, ex...)
}

func hasDot(b []byte) bool {
	for _, c := range b {
		if c == '.' {
			return true
		}
	}
	return false
}

// AxisTicks holds the tick marks and labels of one axis and recomputes them
// only when the axis changes. The labels are formatted into a buffer that
// is reused, so that neither drawing an unchanged axis nor moving it
// allocates (once the buffers have grown).
type AxisTicks struct {
	// Vals are the tick values; Label(i) is the text of Vals[i].
	Vals []float64

	axis   Axis
	target int
	valid  bool
	text   []byte // the labels, one after the other
	ends   []int  // label i is text[ends[i-1]:ends[i]]
}

// Len returns the number of ticks.
func (at *AxisTicks) Len() int { return len(at.Vals) }

// Label returns the text of tick i. It is valid until the next Update that
// changes the ticks.
func (at *AxisTicks) Label(i int) []byte {
	start := 0
	if i > 0 {
		start = at.ends[i-1]
	}
	return at.text[start:at.ends[i]]
}

// Update recomputes the ticks for axis a with about target ticks (linear
// axes) if a or target changed since the last call, and reports whether it
// did.
func (at *AxisTicks) Update(a Axis, target int) bool {
	if at.valid && a == at.axis && target == at.target {
		return false
	}
	at.axis, at.target, at.valid = a, target, true
	if at.Vals == nil { // room for the ticks of most axes at once
		at.Vals, at.text, at.ends = make([]float64, 0, 16), make([]byte, 0, 128), make([]int, 0, 16)
	}
	at.Vals, at.text, at.ends = at.Vals[:0], at.text[:0], at.ends[:0]
	if !a.Valid() {
		return true
	}
	if a.Log {
		at.Vals = thinLog(LogTicks(at.Vals, a.Min, a.Max), target)
		for _, v := range at.Vals {
			at.text = AppendTick(at.text, v, v)
			at.ends = append(at.ends, len(at.text))
		}
		return true
	}
	var step float64
	at.Vals, step = Ticks(at.Vals, a.Min, a.Max, target)
	mag := 0.0
	for _, v := range at.Vals {
		mag = max(mag, math.Abs(v))
	}
	for _, v := range at.Vals {
		at.text = AppendTickOf(at.text, v, step, mag)
		at.ends = append(at.ends, len(at.text))
	}
	return true
}

// thinLog keeps at most target+1 of the log ticks vals (in place): first
// only the powers of ten, then every k-th power.
func thinLog(vals []float64, target int) []float64 {
	target = max(target, 1)
	if len(vals) <= target+1 {
		return vals
	}
	isPow := func(v float64) bool {
		e := math.Round(math.Log10(v))
		return math.Abs(v/math.Pow(10, e)-1) < 1e-9
	}
	n := 0
	for _, v := range vals {
		if isPow(v) {
			vals[n] = v
			n++
		}
	}
	vals = vals[:n]
	if n <= target+1 {
		return vals
	}
	k := float64((n + target) / (target + 1)) // ceil(n / (target+1))
	n = 0
	for _, v := range vals {
		if math.Mod(math.Round(math.Log10(v)), k) == 0 {
			vals[n] = v
			n++
		}
	}
	return vals[:n]
}
