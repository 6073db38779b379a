//go:build !wasm

package sim

// spreadRowArch is spreadRowGo where no hand-written loop exists.
func spreadRowArch(u []float64, ord []int32, row, s1, s2, r []float64, a float64) {
	spreadRowGo(u, ord, row, s1, s2, r, a)
}
