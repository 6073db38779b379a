//go:build !amd64 && !wasm

package sim

// gradSums4Arch is gradSums4Go where no kernel exists.
func gradSums4Arch(t *[12]float64, s, p, c, x []float64) { gradSums4Go(t, s, p, c, x) }
