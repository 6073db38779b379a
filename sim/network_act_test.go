package sim

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"smflow/sim/xmath"
)

// actTestValues returns arguments covering every branch and edge of the
// inlined activations: 0, -0, tiny and subnormal values, the branch points
// of xmath.Tanh (0.625, maxlog/2) and of xmath.Exp (2^-28, the rounding of
// k, +-700, over- and underflow) and their neighbours, +-Inf, NaN, and many
// random values on several scales.
func actTestValues() []float64 {
	edges := []float64{
		0, 5e-324, 1e-310, math.SmallestNonzeroFloat64, 1e-300, 1e-20, 1.0 / (1 << 28), 1e-8, 1e-3,
		0.1, 0.5, 0.625, 0.7, 1, math.Ln2 / 2, math.Ln2, 1.5, 2, 3, 10, 20,
		0.5 * tanhMaxlog, 44, 45, 88, 100, 700, 708, 709.78, 710, 745, 746, 1e10, 1e300,
		math.MaxFloat64, math.Inf(1),
	}
	var v []float64
	for _, e := range edges {
		for _, x := range []float64{e, math.Nextafter(e, 0), math.Nextafter(e, math.Inf(1))} {
			v = append(v, x, -x)
		}
	}
	// The points where Exp's k = int(log2e*2z + 0.5) changes, for tanh.
	for k := 1; k < 130; k++ {
		x := (float64(k) - 0.5) / 1.44269504088896338700e+00
		for _, y := range []float64{x / 2, x, math.Nextafter(x/2, 0), math.Nextafter(x/2, 1e9), math.Nextafter(x, 0), math.Nextafter(x, 1e9)} {
			v = append(v, y, -y)
		}
	}
	v = append(v, math.NaN(), math.Float64frombits(0x7ff8000000000001), math.Float64frombits(0xfff0000000000001))
	rng := rand.New(rand.NewPCG(1, 2))
	for _, scale := range []float64{1e-6, 0.1, 1, 3, 30, 1000} {
		for i := 0; i < 20000; i++ {
			v = append(v, scale*rng.NormFloat64())
		}
	}
	for i := 0; i < 20000; i++ { // random bit patterns: every exponent
		v = append(v, math.Float64frombits(rng.Uint64()))
	}
	return v
}

// The inlined tanh and sigmoid give exactly xmath's bits, and fill gives
// exactly eval's bits for every activation and derivative order.
func TestActivationFillBits(t *testing.T) {
	v := actTestValues()
	same := func(a, b float64) bool {
		return math.Float64bits(a) == math.Float64bits(b) || (a != a && b != b)
	}
	s := append([]float64(nil), v...)
	tanhFill(s)
	for i, x := range v {
		if want := xmath.Tanh(x); math.Float64bits(s[i]) != math.Float64bits(want) && !(want != want && s[i] != s[i]) {
			t.Fatalf("tanhFill(%v) = %v (%#x), xmath.Tanh = %v (%#x)", x, s[i], math.Float64bits(s[i]), want, math.Float64bits(want))
		}
	}
	s = append(s[:0], v...)
	sigmoidFill(s)
	for i, x := range v {
		if want := xmath.Sigmoid(x); !same(s[i], want) {
			t.Fatalf("sigmoidFill(%v) = %v (%#x), xmath.Sigmoid = %v (%#x)", x, s[i], math.Float64bits(s[i]), want, math.Float64bits(want))
		}
	}
	for a := actIdentity; a <= actSigmoid; a++ {
		for order := 0; order <= 2; order++ {
			s := append([]float64(nil), v...)
			var s1, s2 []float64
			if order >= 1 {
				s1 = make([]float64, len(v)+3) // longer than s, as allowed
			}
			if order >= 2 {
				s2 = make([]float64, len(v)+3)
			}
			a.fill(s, s1, s2)
			for i, x := range v {
				w, w1, w2 := a.eval(x)
				if !same(s[i], w) || order >= 1 && !same(s1[i], w1) || order >= 2 && !same(s2[i], w2) {
					t.Fatalf("%v order %d at %v: fill gives %v %v %v, eval %v %v %v", a, order, x, s[i], s1, s2, w, w1, w2)
				}
			}
		}
	}
}

// NaN stays NaN and the tanh edges are exact.
func TestActivationFillEdges(t *testing.T) {
	s := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1), 45, -45}
	tanhFill(s)
	if s[0] == s[0] || s[1] != 1 || s[2] != -1 || math.Float64bits(s[3]) != 0 || !math.Signbit(s[4]) || s[4] != 0 || s[5] != 1 || s[6] != -1 {
		t.Errorf("tanhFill edges: %v", s)
	}
}

// BenchmarkTanhFill times tanh per element on pre-activations spread like
// a network's (normal, standard deviation 1.5), in random order and sorted
// in rows of 64 (as forwardRow1 takes them), through tanhFill (the SIMD
// kernel where there is one) and through the scalar code tanhAffineGo, for
// comparison with BenchmarkMathTanh.
func BenchmarkTanhFill(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	u := make([]float64, 16384)
	for i := range u {
		u[i] = 1.5 * rng.NormFloat64()
	}
	sorted := slices.Clone(u)
	for r := 0; r < len(sorted); r += 64 {
		slices.Sort(sorted[r : r+64])
	}
	for _, order := range []struct {
		name string
		u    []float64
	}{{"random", u}, {"sorted", sorted}} {
		for _, f := range []struct {
			name string
			fill func([]float64)
		}{{"fill", tanhFill}, {"scalar", func(s []float64) { tanhAffineGo(s, s, negZero, 1) }}} {
			b.Run(order.name+"/"+f.name, func(b *testing.B) {
				s := make([]float64, len(u))
				for b.Loop() {
					copy(s, order.u)
					f.fill(s)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(u)), "ns/elem")
			})
		}
	}
}
