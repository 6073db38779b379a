package sim

import "math"

// tanhFill replaces every s[i] by xmath.Tanh(s[i]), bit for bit:
// tanhAffine with b = -0 and w = 1, since -0 + 1 x is x for every x (+-0,
// Inf and NaN included).
func tanhFill(s []float64) { tanhAffine(s, s, negZero, 1) }

// negZero is -0.
var negZero = math.Copysign(0, -1)

// tanhAffineGo sets dst[i] = xmath.Tanh(b + w x[i]) for i < len(dst) (x at
// least as long; dst may be x), bit for bit, one at a time: xmath.Tanh
// inlined, with xmath.Exp's algorithm specialised to the arguments it
// takes. For 0.625 <= |x| <= maxlog/2 xmath.Tanh takes Exp(2|x|) with 2|x|
// in [1.25, 88.03]: no NaN, no overflow and not near zero, so Exp's
// reduction has k = int(log2e*x + 0.5) in [2, 127], which is
// math.Trunc(log2e*x + 0.5) (a positive argument), and its final
// Ldexp(y, k) (y in [0.7, 1.5], a normal result) is exactly the product
// y * 2^k. The exponent bits k + 1023 of 2^k are the low mantissa bits of
// the float k + 2^52 + 1023, shifted up by 52; this avoids the conversions
// between float and int, which WebAssembly engines make slow. The other
// branches (|x| > maxlog/2 and Inf: +-1; |x| < 0.625, +-0 and NaN: the
// rational function, NaN staying NaN) are xmath.Tanh's. It is the
// reference of the SIMD kernels and the code where there is none.
func tanhAffineGo(dst, x []float64, b, w float64) {
	x = x[:len(dst)]
	for i, xi := range x {
		u := b + w*xi
		z := math.Abs(u)
		switch {
		case z > 0.5*tanhMaxlog:
			if u < 0 {
				z = -1
			} else {
				z = 1
			}
		case z >= 0.625:
			e := 2 * z
			k := math.Trunc(expLog2e*e + 0.5)
			hi := e - k*expLn2Hi
			lo := k * expLn2Lo
			r := hi - lo
			t := r * r
			c := r - t*(expP1+t*(expP2+t*(expP3+t*(expP4+t*expP5))))
			y := 1 - ((lo - (r*c)/(2-c)) - hi)
			e = y * math.Float64frombits(math.Float64bits(k+(1<<52+1023))<<52)
			z = 1 - 2/(e+1)
			if u < 0 {
				z = -z
			}
		case u == 0:
			z = u
		default:
			q := u * u
			z = u + u*q*((-9.64399179425052238628e-1*q+-9.92877231001918586564e1)*q+-1.61468768441708447952e3)/
				(((q+1.12811678491632931402e2)*q+2.23548839060100448583e3)*q+4.84406305325125486048e3)
		}
		dst[i] = z
	}
}
