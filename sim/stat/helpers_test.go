package stat

import (
	"math"
	"testing"

	"smflow/sim/xmath"
)

// normals returns n standard normal numbers of the stream labelled by label.
func normals(n int, label uint64) []float64 {
	r := xmath.Stream(20240601, label)
	x := make([]float64, n)
	r.NormFill(x, 1)
	return x
}

// near reports whether |got - want| <= tol.
func near(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol || got == want
}

// nearRel reports whether got agrees with want to the relative tolerance tol.
func nearRel(got, want, tol float64) bool {
	return near(got, want, tol*math.Max(math.Abs(want), math.Abs(got)))
}

// wantErr checks that err is non-nil (bad input is reported, not a panic).
func wantErr(t *testing.T, name string, err error) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: got no error, want one", name)
	}
}
