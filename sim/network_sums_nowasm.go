//go:build !wasm

package sim

// t1SumsArch is t1SumsGo where no hand-written pass exists.
func t1SumsArch(t *[3]float64, q, s, s1, s2, r, x []float64, a, va, vw, vb float64) {
	t1SumsGo(t, q, s, s1, s2, r, x, a, va, vw, vb)
}
