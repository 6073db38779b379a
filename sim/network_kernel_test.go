package sim

import (
	"math"
	"testing"

	"smflow/sim/xmath"
)

// The fused kernels (Din = 1) give exactly the general code's bits: Drift
// with and without the modification, Noise with shared and private
// weights, for every activation, both neuron forms, and neuron counts that
// are and are not multiples of 4. Din = 2 runs the general code on both
// sides, which checks the switch.
func TestNetworkKernelBits(t *testing.T) {
	for _, c := range netCases() {
		for _, n := range []int{1, 4, 7, 13} {
			m, z := newTestNetwork(t, c, n, 23, uint64(3+n))
			nd, d := m.data.N, m.d
			fast := m.NewEval(n).(*netEval)
			gen := m.NewEval(n).(*netEval)
			gen.generic = true
			w := make([]float64, n*nd)
			xmath.Stream(9, uint64(n)).NormFill(w, 1)
			for _, cm := range []float64{0, 0.05} {
				a, b := make([]float64, n*d), make([]float64, n*d)
				fast.Drift(a, z, cm)
				gen.Drift(b, z, cm)
				netSameBits(t, c.String()+" Drift", n, a, b)
				for _, stride := range []int{0, nd} {
					fast.Noise(a, z, w, stride)
					gen.Noise(b, z, w, stride)
					netSameBits(t, c.String()+" Noise", n, a, b)
				}
			}
		}
	}
}

// netSameBits fails unless a and b hold the same float64 bits.
func netSameBits(t *testing.T, what string, n int, a, b []float64) {
	t.Helper()
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			t.Fatalf("%s n=%d: entry %d: fused %v, general %v", what, n, i, a[i], b[i])
		}
	}
}

// BenchmarkNetEval times the parts of a network step at the sizes of
// BenchmarkStep/network (tanh, awb, Din = 1, n = 256, N = 64) per
// (particle x datum): the forward pass alone, Drift without and with the
// modification (one forward pass each), and Noise at a cached
// configuration.
func BenchmarkNetEval(b *testing.B) {
	m, z := newTestNetwork(b, netCase{"tanh", "awb", 1}, 256, 64, 1)
	e := m.NewEval(256).(*netEval)
	dst := make([]float64, len(z))
	w := make([]float64, 64)
	xmath.Stream(9, 1).NormFill(w, 1)
	per := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*256*64), "ns/(particle*datum)")
	}
	b.Run("forward1", func(b *testing.B) {
		for b.Loop() {
			e.cached = false
			e.forward(z, 1)
		}
		per(b)
	})
	b.Run("drift0", func(b *testing.B) {
		for b.Loop() {
			e.cached = false
			e.Drift(dst, z, 0)
		}
		per(b)
	})
	b.Run("drift", func(b *testing.B) {
		for b.Loop() {
			e.cached = false
			e.Drift(dst, z, 0.05)
		}
		per(b)
	})
	b.Run("noise", func(b *testing.B) {
		for b.Loop() {
			e.Noise(dst, z, w, 0)
		}
		per(b)
	})
}
