package stat

import (
	"hash/fnv"
	"math"
	"testing"
)

// digestWant is the digest of TestDeterministic, the same natively and
// under WebAssembly.
const digestWant = 0x7784ec59cfce87f9

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
	e, _ := MeanOf(x)
	put(e.Mean, e.SE)
	s, _ := Stretch(x[:100], y[:100], 2, nil)
	put(s)
	hist := make([]float64, 37)
	_, _ = Histogram(hist, x, -3, 3)
	put(hist...)
	d2 := make([]float64, 40*30)
	m, _ := Density2D(d2, x, 2, Grid{W: 40, H: 30, X0: -3, X1: 3, Y0: -2, Y1: 2}, 3, nil)
	put(m)
	put(d2...)
	w, _ := W1(x, y, nil)
	put(w)
	f, _ := FitLogLog([]float64{0.5, 0.25, 0.125, 0.0625}, []float64{0.3, 0.07, 0.02, 0.0041}, []float64{0.01, 0.01, 0.003, 0.001})
	put(f.Slope, f.SlopeSE, f.Intercept, f.InterceptSE, f.Chi2)
	if got := h.Sum64(); got != digestWant {
		t.Errorf("digest %#x, want %#x", got, uint64(digestWant))
	}
}
