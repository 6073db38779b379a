package sim

import (
	"math"
	"testing"
)

// PredictBatch gives exactly Predict's bits at every input, for every
// activation, neuron form and input dimension, with and without neurons, at
// the data and at inputs that hit the edges of the activations (0, -0,
// large).
func TestNetworkPredictBatch(t *testing.T) {
	for _, c := range netCases() {
		m, z := newTestNetwork(t, c, 9, 17, 5)
		x := append([]float64(nil), m.data.X...)
		extra := []float64{0, math.Copysign(0, -1), 1e-9, 0.3, -0.7, 40, -1e3}
		for _, v := range extra {
			for i := 0; i < m.din; i++ {
				x = append(x, v)
			}
		}
		np := len(x) / m.din
		z0 := append([]float64(nil), z...)
		z0[0] = math.Copysign(0, -1) // a -0 weight or output weight
		for _, zz := range [][]float64{z, z0, z[:m.d], nil} {
			dst, tmp := make([]float64, np), make([]float64, np)
			m.PredictBatch(dst, zz, x, tmp)
			for i := range dst {
				want := m.Predict(zz, x[i*m.din:(i+1)*m.din])
				if math.Float64bits(dst[i]) != math.Float64bits(want) {
					t.Fatalf("%v n=%d: input %d: batch %v, Predict %v", c, len(zz)/m.d, i, dst[i], want)
				}
			}
		}
	}
}

// BenchmarkPredict times the meanfield scene's network function, 48 grid
// inputs of n = 320 neurons (tanh, awb, Din = 1), per point by Predict and
// in one batch by PredictBatch.
func BenchmarkPredict(b *testing.B) {
	m, z := newTestNetwork(b, netCase{"tanh", "awb", 1}, 320, 32, 1)
	x := make([]float64, 48)
	for i := range x {
		x[i] = -3 + 6*float64(i)/47
	}
	dst, tmp := make([]float64, len(x)), make([]float64, len(x))
	b.Run("point", func(b *testing.B) {
		for b.Loop() {
			for i := range x {
				dst[i] = m.Predict(z, x[i:i+1])
			}
		}
	})
	b.Run("batch", func(b *testing.B) {
		for b.Loop() {
			m.PredictBatch(dst, z, x, tmp)
		}
	})
}
