package sim

// gradSums4Arch is gradSums4's pass hand-written in WebAssembly
// (network_sums_wasm.s).
//
//go:noescape
func gradSums4Arch(t *[12]float64, s, p, c, x []float64)
