package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"smflow/sim/xmath"
)

// tanhAffine (the SSE2 kernel on amd64, the scalar code elsewhere) gives
// exactly xmath.Tanh(b + w x) for every argument of actTestValues, unsorted
// (pairs across every branch point) and sorted (long runs of one branch),
// for lengths and offsets that leave an odd last element, in place and
// not, and for affine maps that do and do not keep x (b = -0, w = 1).
func TestTanhAffineBits(t *testing.T) {
	v := actTestValues()
	sorted := slices.Clone(v)
	slices.SortFunc(sorted, func(a, b float64) int {
		switch {
		case a < b:
			return -1
		case a > b:
			return 1
		}
		return 0
	})
	maps := [][2]float64{{negZero, 1}, {0, 1}, {0.3, -1.7}, {-2, 0.5}, {0, 0}, {1e300, 1e10}, {0.1, math.Inf(1)}}
	for _, xs := range [][]float64{v, sorted} {
		for _, bw := range maps {
			b, w := bw[0], bw[1]
			for _, off := range []int{0, 1} {
				x := xs[off:]
				for _, n := range []int{0, 1, 2, 3, 7, len(x)} {
					dst := make([]float64, n)
					tanhAffine(dst, x, b, w)
					checkTanh(t, "tanhAffine", dst, x, b, w)
					in := slices.Clone(x[:n])
					tanhAffine(in, in, b, w)
					checkTanh(t, "tanhAffine in place", in, x, b, w)
				}
			}
		}
	}
	s := slices.Clone(sorted)
	tanhFill(s)
	checkTanh(t, "tanhFill", s, sorted, negZero, 1)
}

// checkTanh fails unless got[i] is xmath.Tanh(b + w x[i]) bit for bit (any
// NaN for a NaN).
func checkTanh(t *testing.T, what string, got, x []float64, b, w float64) {
	t.Helper()
	for i, g := range got {
		want := xmath.Tanh(b + w*x[i])
		if math.Float64bits(g) != math.Float64bits(want) && !(g != g && want != want) {
			t.Fatalf("%s(b=%v, w=%v) at x=%v (index %d of %d): %v (%#x), xmath.Tanh %v (%#x)",
				what, b, w, x[i], i, len(got), g, math.Float64bits(g), want, math.Float64bits(want))
		}
	}
}

// spreadRow (hand-written under WebAssembly) gives spreadRowGo's bits, and
// refuses rows shorter than the permutation.
func TestSpreadRowBits(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 5))
	for _, n := range []int{0, 1, 5, 64, 100} {
		u := make([]float64, n)
		for i := range u {
			u[i] = math.Tanh(3 * rng.NormFloat64())
		}
		ord := make([]int32, n)
		for i, p := range rng.Perm(n) {
			ord[i] = int32(p)
		}
		rows := func() [4][]float64 {
			var r [4][]float64
			src := rand.New(rand.NewPCG(uint64(n), 6))
			for k := range r {
				r[k] = make([]float64, n)
				for i := range r[k] {
					r[k][i] = src.NormFloat64()
				}
			}
			return r
		}
		got, want := rows(), rows()
		spreadRow(u, ord, got[0], got[1], got[2], got[3], 0.7)
		spreadRowGo(u, ord, want[0], want[1], want[2], want[3], 0.7)
		for k := range got {
			sameFloatBits(t, fmt.Sprintf("spreadRow n=%d row %d", n, k), got[k], want[k])
		}
	}
	mustPanic(t, "spreadRow with a short row", func() {
		spreadRow(make([]float64, 4), []int32{0, 1, 2, 3}, make([]float64, 4), make([]float64, 3), make([]float64, 4), make([]float64, 4), 1)
	})
}

// Network.xord lists the inputs in increasing order and xs holds them so.
func TestNetworkInputOrder(t *testing.T) {
	m, _ := newTestNetwork(t, netCases()[0], 3, 40, 7)
	if len(m.xord) != m.data.N || len(m.xs) != m.data.N {
		t.Fatalf("xord has %d, xs %d entries for %d inputs", len(m.xord), len(m.xs), m.data.N)
	}
	seen := make([]bool, m.data.N)
	for i, j := range m.xord {
		if seen[j] {
			t.Fatalf("index %d twice in xord", j)
		}
		seen[j] = true
		if m.xs[i] != m.data.X[j] || i > 0 && m.xs[i] < m.xs[i-1] {
			t.Fatalf("xs[%d] = %v, x_%d = %v, previous %v", i, m.xs[i], j, m.data.X[j], m.xs[max(i-1, 0)])
		}
	}
}

// gradSums4 (SSE2 on amd64, hand-written under WebAssembly) gives
// gradSums4Go's bits for data counts that fill no, one and several
// registers' worth, and refuses rows shorter than four neurons' worth.
func TestGradSums4Bits(t *testing.T) {
	fill := wideNormals(rand.New(rand.NewPCG(7, 8)))
	for _, n := range []int{0, 1, 2, 3, 17, 64} {
		s, p, c, x := fill(4*n+3), fill(4*n), fill(n), fill(n+1)
		var got, want [12]float64
		gradSums4(&got, s, p, c, x)
		gradSums4Go(&want, s, p, c, x)
		sameFloatBits(t, fmt.Sprintf("gradSums4 n=%d", n), got[:], want[:])
	}
	mustPanic(t, "gradSums4 with short rows", func() {
		var out [12]float64
		gradSums4(&out, make([]float64, 7), make([]float64, 8), make([]float64, 2), make([]float64, 2))
	})
}

// t1Sums (hand-written under WebAssembly) gives t1SumsGo's bits, q
// included, and refuses short rows.
func TestT1SumsBits(t *testing.T) {
	fill := wideNormals(rand.New(rand.NewPCG(9, 10)))
	for _, n := range []int{0, 1, 5, 64} {
		s, s1, s2, r, x, q := fill(n), fill(n), fill(n+1), fill(n), fill(n+2), fill(n)
		q2 := slices.Clone(q)
		var got, want [3]float64
		t1Sums(&got, q, s, s1, s2, r, x, 0.3, -1.1, 2.5, 0.7)
		t1SumsGo(&want, q2, s, s1, s2, r, x, 0.3, -1.1, 2.5, 0.7)
		sameFloatBits(t, fmt.Sprintf("t1Sums n=%d", n), got[:], want[:])
		sameFloatBits(t, fmt.Sprintf("t1Sums n=%d q", n), q, q2)
	}
	mustPanic(t, "t1Sums with a short row", func() {
		var out [3]float64
		t1Sums(&out, make([]float64, 3), make([]float64, 3), make([]float64, 2), make([]float64, 3), make([]float64, 3), make([]float64, 3), 1, 1, 1, 1)
	})
}

// wideNormals returns a function that draws n normals of scales spread
// over many orders of magnitude (exp of 3 standard normals), so that sums
// of them round at every step.
func wideNormals(rng *rand.Rand) func(n int) []float64 {
	return func(n int) []float64 {
		v := make([]float64, n)
		for i := range v {
			v[i] = rng.NormFloat64() * math.Exp(3*rng.NormFloat64())
		}
		return v
	}
}

// sameFloatBits fails unless got and want hold the same float64 bits.
func sameFloatBits(t *testing.T, what string, got, want []float64) {
	t.Helper()
	for i := range got {
		if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
			t.Fatalf("%s: entry %d is %v, the Go loop's %v", what, i, got[i], want[i])
		}
	}
}

// mustPanic fails unless f panics.
func mustPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Errorf("%s did not panic", what)
		}
	}()
	f()
}
