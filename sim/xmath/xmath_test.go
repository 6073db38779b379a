package xmath

import (
	"math"
	"testing"
)

// The pure-Go functions agree with the standard library to an ulp or two
// (the standard library may use assembly here).
func TestAgainstStdlib(t *testing.T) {
	for _, x := range []float64{-800, -745, -30, -1.5, -0.7, -0.3, -1e-9, 0, 1e-12, 0.2, 0.625, 1, 3.7, 20, 44, 700, 710} {
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"Exp", Exp(x), math.Exp(x)},
			{"Tanh", Tanh(x), math.Tanh(x)},
			{"Sigmoid", Sigmoid(x), 1 / (1 + math.Exp(-x))},
		} {
			if !close(c.got, c.want) {
				t.Errorf("%s(%v) = %v, want %v", c.name, x, c.got, c.want)
			}
		}
		if x > 0 {
			if got, want := Log(x), math.Log(x); !close(got, want) {
				t.Errorf("Log(%v) = %v, want %v", x, got, want)
			}
		}
	}
	if !math.IsNaN(Log(-1)) || !math.IsInf(Log(0), -1) || !math.IsNaN(Exp(math.NaN())) {
		t.Error("special cases")
	}
}

func close(a, b float64) bool {
	if a == b || math.Abs(a-b) < 1e-300 {
		return true
	}
	return math.Abs(a-b) <= 4e-16*math.Max(math.Abs(a), math.Abs(b))
}

// Golden values fix the streams: they must be the same natively and under
// WebAssembly (the test runs on both).
func TestStreamGolden(t *testing.T) {
	r := Stream(42, 1, 2)
	var h uint64
	for i := 0; i < 1000; i++ {
		h = h*31 + math.Float64bits(r.Norm())
		h = h*31 + uint64(r.IntN(7))
	}
	h2 := math.Float64bits(Exp(0.3)) ^ math.Float64bits(Log(3.3)) ^ math.Float64bits(Tanh(0.9))
	const want, want2 = uint64(0x95d6250d42233f18), uint64(0x3fe068a27c1abdbc)
	t.Logf("stream hash %#x, functions %#x", h, h2)
	if h != want || h2 != want2 {
		t.Errorf("golden hashes changed: %#x %#x", h, h2)
	}
}

// The normal sampler has the right first four moments (tolerances of four
// standard errors for 1e6 draws).
func TestNormMoments(t *testing.T) {
	r := Stream(7)
	const n = 1000000
	var m1, m2, m3, m4 float64
	for i := 0; i < n; i++ {
		x := r.Norm()
		m1 += x
		m2 += x * x
		m3 += x * x * x
		m4 += x * x * x * x
	}
	m1 /= n
	m2 /= n
	m3 /= n
	m4 /= n
	// standard deviations of the estimators: sqrt(Var X^p / n)
	for _, c := range []struct {
		name      string
		got, want float64
		sd        float64
	}{
		{"E X", m1, 0, 1},
		{"E X^2", m2, 1, math.Sqrt(2)},
		{"E X^3", m3, 0, math.Sqrt(15)},
		{"E X^4", m4, 3, math.Sqrt(96)},
	} {
		if se := c.sd / math.Sqrt(n); math.Abs(c.got-c.want) > 4*se {
			t.Errorf("%s = %v, want %v +- %v", c.name, c.got, c.want, 4*se)
		}
	}
}

func TestIntNUniform(t *testing.T) {
	r := Stream(3)
	const n, k = 700000, 7
	var counts [k]int
	for i := 0; i < n; i++ {
		counts[r.IntN(k)]++
	}
	// each count is Binomial(n, 1/k)
	sd := math.Sqrt(n * (1.0 / k) * (1 - 1.0/k))
	for i, c := range counts {
		if math.Abs(float64(c)-n/k) > 4*sd {
			t.Errorf("count %d = %d, want %v +- %v", i, c, n/k, 4*sd)
		}
	}
}

func BenchmarkNorm(b *testing.B) {
	r := Stream(1)
	s := 0.0
	for i := 0; i < b.N; i++ {
		s += r.Norm()
	}
	_ = s
}

// The normal sampler's tail beyond the ziggurat's base strip (|X| > 3.4426)
// and its central bins have the right probabilities (4 standard errors of
// binomial counts, 4e6 draws).
func TestNormTailAndBins(t *testing.T) {
	r := Stream(11)
	const n = 4000000
	edges := []float64{-zigR, -2, -1, 0, 1, 2, zigR}
	counts := make([]int, len(edges)+1)
	for i := 0; i < n; i++ {
		x := r.Norm()
		k := 0
		for k < len(edges) && x >= edges[k] {
			k++
		}
		counts[k]++
	}
	cdf := func(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }
	for k := range counts {
		lo, hi := math.Inf(-1), math.Inf(1)
		if k > 0 {
			lo = edges[k-1]
		}
		if k < len(edges) {
			hi = edges[k]
		}
		p := cdf(hi) - cdf(lo)
		sd := math.Sqrt(n * p * (1 - p))
		if math.Abs(float64(counts[k])-n*p) > 4*sd {
			t.Errorf("bin [%v, %v): %d draws, want %.0f +- %.0f", lo, hi, counts[k], n*p, 4*sd)
		}
	}
}
