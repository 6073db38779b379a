package stat

import "fmt"

// numPoints returns n = len(z)/d for a configuration z of n >= 1 points of
// dimension d, or an error naming fn.
func numPoints(fn string, z []float64, d int) (int, error) {
	if d <= 0 {
		return 0, fmt.Errorf("stat: %s: dimension d = %d, want d >= 1", fn, d)
	}
	if len(z) == 0 {
		return 0, fmt.Errorf("stat: %s: no points", fn)
	}
	if len(z)%d != 0 {
		return 0, fmt.Errorf("stat: %s: len(z) = %d is not a multiple of d = %d", fn, len(z), d)
	}
	return len(z) / d, nil
}

// checkDst returns an error naming fn unless len(dst) == want.
func checkDst(fn, name string, dst []float64, want int) error {
	if len(dst) != want {
		return fmt.Errorf("stat: %s: len(%s) = %d, want %d", fn, name, len(dst), want)
	}
	return nil
}

// checkFinite returns an error naming fn if x holds a NaN or an infinity.
func checkFinite(fn, name string, x []float64) error {
	for i, v := range x {
		if v != v || v-v != 0 {
			return fmt.Errorf("stat: %s: %s[%d] = %v is not finite", fn, name, i, v)
		}
	}
	return nil
}

// workSlice returns w[:n], allocating if w is nil, or an error naming fn if w is
// non-nil and shorter than n.
func workSlice(fn string, w []float64, n int) ([]float64, error) {
	if w == nil {
		return make([]float64, n), nil
	}
	if len(w) < n {
		return nil, fmt.Errorf("stat: %s: len(work) = %d, want at least %d", fn, len(w), n)
	}
	return w[:n], nil
}

// errorf returns an error prefixed by "stat: ".
func errorf(format string, a ...any) error {
	return fmt.Errorf("stat: "+format, a...)
}
