package plot

import (
	"fmt"
	"math"
	"testing"
)

// TestAutoRangeMinSpan: data that sit on one value get a range of at least
// RelSpan of their magnitude, or Floor, never one of rounding errors, and
// Zero ranges stay on their side of 0.
func TestAutoRangeMinSpan(t *testing.T) {
	for _, c := range []struct {
		name   string
		ar     AutoRange
		lo, hi float64
		span   float64 // the least span wanted
		zero   int     // -1: range <= 0, +1: range >= 0, 0: either
	}{
		{"one value", AutoRange{}, 1, 1, 0.01, 0},
		{"near one", AutoRange{}, 0.9999999995, 1.0000000005, 0.01, 0},
		{"large", AutoRange{}, 6000000006, 6000000006, 6e7, 0},
		{"rounding noise", AutoRange{}, -6e-13, 6e-13, 1.2e-12, 0},
		{"floor", AutoRange{Floor: 0.002}, -6e-13, 6e-13, 0.002, 0},
		{"floor above zero", AutoRange{Floor: 1e-3, Zero: true}, 0, 1e-13, 1e-3, +1},
		{"floor below zero", AutoRange{Floor: 1e-3, Zero: true}, -1e-13, 0, 1e-3, -1},
		{"relspan", AutoRange{RelSpan: 0.1}, 5, 5, 0.5, 0},
		{"wide data", AutoRange{Floor: 1}, 0, 100, 100, 0},
	} {
		ar := c.ar
		ar.Update(c.lo, c.hi)
		a := ar.Axis
		switch {
		case !a.Valid() || a.Min > c.lo || a.Max < c.hi:
			t.Errorf("%s: range %v misses [%g, %g]", c.name, a, c.lo, c.hi)
		case a.Max-a.Min < c.span*(1-1e-9):
			t.Errorf("%s: range %v narrower than %g", c.name, a, c.span)
		case c.zero > 0 && a.Min < 0, c.zero < 0 && a.Max > 0:
			t.Errorf("%s: range %v crosses 0", c.name, a)
		}
		// The range holds while the data stay.
		if ar.Update(c.lo, c.hi) {
			t.Errorf("%s: the same data changed the range", c.name)
		}
		// Its tick labels are short and distinct.
		var at AxisTicks
		at.Update(a, 8)
		seen := map[string]bool{}
		for i := 0; i < at.Len(); i++ {
			l := string(at.Label(i))
			if len(l) > MaxTickChars || seen[l] {
				t.Errorf("%s: range %v has tick labels %q", c.name, a, labels(&at))
				break
			}
			seen[l] = true
		}
	}
}

// TestTickLabels: every tick of nice ranges at many scales and offsets has
// a label of at most MaxTickChars characters, distinct from the others of
// its axis, in one form per axis (for values of magnitudes 1e-8 to 1e8:
// further out the exponent takes three characters and more).
func TestTickLabels(t *testing.T) {
	for e := -8; e <= 8; e++ {
		for _, c := range []float64{0, 1, -3.7, 12.5, 999} {
			for _, target := range []int{1, 2, 5, 9} {
				mag := math.Pow(10, float64(e))
				var ar AutoRange
				ar.Update(c*mag, c*mag+mag*0.37)
				var at AxisTicks
				at.Update(ar.Axis, target)
				ls := labels(&at)
				seen := map[string]bool{}
				exp := 0
				for _, l := range ls {
					if len(l) > MaxTickChars || seen[l] {
						t.Fatalf("axis %v, target %d: labels %q", ar.Axis, target, ls)
					}
					seen[l] = true
					for _, ch := range l {
						if ch == 'e' {
							exp++
						}
					}
				}
				if exp != 0 && exp < len(ls)-1 { // "0" has no exponent
					t.Errorf("axis %v: labels %q mix forms", ar.Axis, ls)
				}
			}
		}
	}
}

func TestAppendTickOf(t *testing.T) {
	for _, c := range []struct {
		v, step, mag float64
		want         string
	}{
		{-8e-4, 2e-4, 1e-3, "-0.0008"},
		{5e-5, 5e-5, 2.5e-4, "5e-5"},
		{1.5e-4, 5e-5, 2.5e-4, "1.5e-4"},
		{2e5, 1e5, 5e5, "2e5"},
		{-3.25e-12, 2.5e-14, 3.3e-12, "-3.25e-12"},
		{1.2e6, 2e5, 1.2e6, "1.2e6"},
		{0, 1e-4, 1e-3, "0"},
	} {
		if got := string(AppendTickOf(nil, c.v, c.step, c.mag)); got != c.want {
			t.Errorf("AppendTickOf(%v, %v, %v) = %q, want %q", c.v, c.step, c.mag, got, c.want)
		}
	}
}

func TestLogTicksThinned(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		target int
		want   string
	}{
		{1e-8, 0.03, 9, "[1e-8 1e-7 1e-6 1e-5 1e-4 0.001 0.01]"},
		{1e-8, 0.03, 3, "[1e-8 1e-6 1e-4 0.01]"},
		{1e-8, 0.03, 1, "[1e-8 1e-4]"},
		{0.01, 1, 2, "[0.01 0.1 1]"},
		{0.01, 0.5, 9, "[0.01 0.02 0.05 0.1 0.2 0.5]"},
	} {
		var at AxisTicks
		at.Update(Axis{Min: c.lo, Max: c.hi, Log: true}, c.target)
		if got := fmt.Sprint(labels(&at)); got != c.want {
			t.Errorf("log [%g, %g] target %d: %s, want %s", c.lo, c.hi, c.target, got, c.want)
		}
	}
}
