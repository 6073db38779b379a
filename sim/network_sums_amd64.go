package sim

// gradSums4Arch is gradSums4's pass in SSE2 (network_sums_amd64.s).
//
//go:noescape
func gradSums4Arch(t *[12]float64, s, p, c, x []float64)
