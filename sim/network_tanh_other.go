//go:build !amd64

package sim

// tanhAffine sets dst[i] = xmath.Tanh(b + w x[i]) for i < len(dst) with
// the scalar code where no SIMD kernel exists.
func tanhAffine(dst, x []float64, b, w float64) { tanhAffineGo(dst, x, b, w) }
