package sim

import (
	"math"
	"testing"

	"smflow/sim/xmath"
)

// plain hides the MeanProblem methods of a problem, so Independent sums
// over the data one gradient at a time.
type plain struct{ PointProblem }

// fullNoise hides the LowRankNoise methods of a MeanProblem, so that its
// noise reads N weights, one per datum, as the data representation does
// (for comparisons weight by weight).
type fullNoise struct{ MeanProblem }

// The fast full-data sums of a MeanProblem agree with the sums over the
// data to rounding, for drift (with and without the modification) and for
// shared and private noise.
func TestMeanProblemFastPath(t *testing.T) {
	rng := xmath.Stream(5)
	xi := make([]float64, 3*17)
	rng.NormFill(xi, 1)
	q, _ := NewQuad(3, xi[:17])
	s, _ := NewShift(3, xi)
	for _, p := range []PointProblem{fullNoise{q}, s} {
		if _, ok := p.(MeanProblem); !ok {
			t.Fatalf("%T is not a MeanProblem", p)
		}
		const n = 4
		fast, slow := Independent(p).NewEval(n), Independent(plain{p}).NewEval(n)
		z := make([]float64, n*3)
		rng.NormFill(z, 1)
		w := make([]float64, n*17)
		rng.NormFill(w, 1)
		a, b := make([]float64, len(z)), make([]float64, len(z))
		for _, c := range []float64{0, 0.05} {
			fast.Drift(a, z, c)
			slow.Drift(b, z, c)
			closeAll(t, "Drift", a, b)
		}
		for _, stride := range []int{0, 17} {
			fast.Noise(a, z, w, stride)
			slow.Noise(b, z, w, stride)
			closeAll(t, "Noise", a, b)
		}
	}
}

func closeAll(t *testing.T, name string, a, b []float64) {
	t.Helper()
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-12*(1+math.Abs(b[i])) {
			t.Errorf("%s[%d] = %v, summed over the data %v", name, i, a[i], b[i])
		}
	}
}
