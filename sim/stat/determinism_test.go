package stat

import (
	"hash/fnv"
	"math"
	"testing"
)

// digestWant is the digest of TestDeterministic, the same natively and
// under WebAssembly.
const digestWant = 0x3ac20653f8c7a958

// Every observable gives bit-identical results on every platform.
func TestDeterministic(t *testing.T) {
	h := fnv.New64a()
	put := func(v ...float64) {
		for _, x := range v {
			b := math.Float64bits(x)
			h.Write([]byte{byte(b), byte(b >> 8), byte(b >> 16), byte(b >> 24), byte(b >> 32), byte(b >> 40), byte(b >> 48), byte(b >> 56)})
		}
	}
	x, y := normals(2*500, 50), normals(2*400, 51)
	for i := range y {
		y[i] = 0.2 + 1.3*y[i]
	}
	mean, cov := make([]float64, 2), make([]float64, 4)
	_ = Covariance(cov, mean, x, 2)
	put(mean...)
	put(cov...)
	e, _ := MeanSqNorm(x, 2)
	put(e.Mean, e.SE)
	s, _ := Stretch(x[:100], y[:100], 2, nil)
	put(s)
	d1 := make([]float64, 97)
	bw, _ := Density1D(d1, x, -3, 3, 0, nil)
	put(bw)
	put(d1...)
	d2 := make([]float64, 40*30)
	m, _ := Density2D(d2, x, 2, Grid{W: 40, H: 30, X0: -3, X1: 3, Y0: -2, Y1: 2}, 3, nil)
	put(m)
	put(d2...)
	w, _ := W1(x, y, nil)
	put(w)
	w, _ = SlicedW1(x, y, 7, nil)
	put(w)
	w, _ = EnergyDistance(x, y, 2)
	put(w)
	f, _ := FitLogLog([]float64{0.5, 0.25, 0.125, 0.0625}, []float64{0.3, 0.07, 0.02, 0.0041}, []float64{0.01, 0.01, 0.003, 0.001})
	put(f.Slope, f.SlopeSE, f.Intercept, f.InterceptSE, f.Chi2)
	if got := h.Sum64(); got != digestWant {
		t.Errorf("digest %#x, want %#x", got, uint64(digestWant))
	}
}
