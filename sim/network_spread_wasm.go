package sim

// spreadRowArch is spreadRowGo's loop hand-written in WebAssembly
// (network_spread_wasm.s); spreadRow checks the lengths.
//
//go:noescape
func spreadRowArch(u []float64, ord []int32, row, s1, s2, r []float64, a float64)
