package sim

// tanhPairs (network_tanh_amd64.s) sets dst[i] = xmath.Tanh(b + w x[i]),
// bit for bit, two at a time in SSE2; len(dst) must be even and x at least
// as long.
//
//go:noescape
func tanhPairs(dst, x []float64, b, w float64)

// tanhAffine sets dst[i] = xmath.Tanh(b + w x[i]) for i < len(dst): the
// pairs in the SSE2 kernel tanhPairs, an odd last element in tanhAffineGo.
func tanhAffine(dst, x []float64, b, w float64) {
	x = x[:len(dst)]
	n := len(dst) &^ 1
	tanhPairs(dst[:n], x[:n], b, w)
	tanhAffineGo(dst[n:], x[n:], b, w)
}
