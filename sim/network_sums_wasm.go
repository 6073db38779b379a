package sim

// gradSums4Arch is gradSums4's pass hand-written in WebAssembly
// (network_sums_wasm.s).
//
//go:noescape
func gradSums4Arch(t *[12]float64, s, p, c, x []float64)

// t1SumsArch is t1Sums's pass hand-written in WebAssembly
// (network_sums_wasm.s).
//
//go:noescape
func t1SumsArch(t *[3]float64, q, s, s1, s2, r, x []float64, a, va, vw, vb float64)
