package sim

import (
	"fmt"
	"math"

	"smflow/sim/xmath"
)

// activation is the activation sigma of a network neuron together with its
// first two derivatives.
//
//	identity: sigma(u) = u,              sigma' = 1,                sigma'' = 0
//	tanh:     sigma(u) = tanh(u),        sigma' = 1 - sigma^2,      sigma'' = -2 sigma sigma'
//	relu:     sigma(u) = max(u, 0),      sigma' = 1 if u > 0 else 0 (so relu'(0) = 0), sigma'' = 0
//	sigmoid:  sigma(u) = 1/(1 + e^(-u)), sigma' = sigma (1 - sigma), sigma'' = sigma' (1 - 2 sigma)
//
// tanh and sigmoid use xmath, so the values are bit-identical on every
// platform.
type activation int

const (
	actIdentity activation = iota
	actTanh
	actReLU
	actSigmoid
)

// activationNames lists the accepted names of activations, in the order of
// the constants.
var activationNames = [...]string{"identity", "tanh", "relu", "sigmoid"}

// parseActivation returns the activation called name.
func parseActivation(name string) (activation, error) {
	for i, s := range activationNames {
		if s == name {
			return activation(i), nil
		}
	}
	return 0, fmt.Errorf("network: unknown activation %q (want one of identity, tanh, relu, sigmoid)", name)
}

// String returns the name of the activation.
func (a activation) String() string { return activationNames[a] }

// eval returns sigma(u), sigma'(u) and sigma”(u).
func (a activation) eval(u float64) (s, s1, s2 float64) {
	switch a {
	case actTanh:
		s = xmath.Tanh(u)
		s1 = 1 - s*s
		return s, s1, -2 * s * s1
	case actReLU:
		if u > 0 {
			return u, 1, 0
		}
		return 0, 0, 0
	case actSigmoid:
		s = xmath.Sigmoid(u)
		s1 = s * (1 - s)
		return s, s1, s1 * (1 - 2*s)
	}
	return u, 1, 0
}

// fill replaces every pre-activation u = s[i] by sigma(u) and, if s1 (s2) is
// not nil, sets s1[i] = sigma'(u) (s2[i] = sigma”(u)). s1 and s2, if not
// nil, must be at least as long as s.
//
// The values are bit-identical to eval's: tanh and sigmoid are xmath.Tanh
// and xmath.Sigmoid inlined into the loop with xmath.Exp's algorithm
// specialised to the arguments they take (see tanhFill and sigmoidFill), and
// the derivatives are computed from sigma by eval's expressions in a second
// pass.
func (a activation) fill(s, s1, s2 []float64) {
	switch a {
	case actTanh:
		tanhFill(s)
		switch {
		case s1 == nil:
		case s2 == nil:
			s1 = s1[:len(s)]
			for i, v := range s {
				s1[i] = 1 - v*v
			}
		default:
			s1, s2 = s1[:len(s)], s2[:len(s)]
			for i, v := range s {
				d := 1 - v*v
				s1[i] = d
				s2[i] = -2 * v * d
			}
		}
	case actSigmoid:
		sigmoidFill(s)
		switch {
		case s1 == nil:
		case s2 == nil:
			s1 = s1[:len(s)]
			for i, v := range s {
				s1[i] = v * (1 - v)
			}
		default:
			s1, s2 = s1[:len(s)], s2[:len(s)]
			for i, v := range s {
				d := v * (1 - v)
				s1[i] = d
				s2[i] = d * (1 - 2*v)
			}
		}
	case actReLU:
		for i, u := range s {
			if !(u > 0) {
				s[i] = 0
			}
		}
		if s1 != nil {
			s1 = s1[:len(s)]
			for i, v := range s {
				if v > 0 {
					s1[i] = 1
				} else {
					s1[i] = 0
				}
			}
		}
		if s2 != nil {
			clear(s2[:len(s)])
		}
	default:
		if s1 != nil {
			s1 = s1[:len(s)]
			for i := range s1 {
				s1[i] = 1
			}
		}
		if s2 != nil {
			clear(s2[:len(s)])
		}
	}
}

// The constants of xmath.Exp and xmath.Tanh.
const (
	expLn2Hi    = 6.93147180369123816490e-01
	expLn2Lo    = 1.90821492927058770002e-10
	expLog2e    = 1.44269504088896338700e+00
	expP1       = 1.66666666666666657415e-01
	expP2       = -2.77777777770155933842e-03
	expP3       = 6.61375632143793436117e-05
	expP4       = -1.65339022054652515390e-06
	expP5       = 4.13813679705723846039e-08
	expNearZero = 1.0 / (1 << 28)
	tanhMaxlog  = 8.8029691931113054295988e+01
)

// sigmoidFill replaces every s[i] by xmath.Sigmoid(s[i]), bit for bit.
// Sigmoid takes Exp(v) with v = -|x| (and v = NaN for NaN); for
// -700 <= v < -2^-28 Exp's reduction has k in [-1010, -1], so its final
// Ldexp(y, k) is a normal number and exactly y * 2^k. Other arguments
// (|x| near 0, |x| > 700, NaN) go through xmath.Exp.
func sigmoidFill(s []float64) {
	for i, x := range s {
		v := x
		if x >= 0 {
			v = -x
		}
		var e float64
		if v >= -700 && v < -expNearZero {
			k := int(expLog2e*v - 0.5)
			hi := v - float64(k)*expLn2Hi
			lo := float64(k) * expLn2Lo
			r := hi - lo
			t := r * r
			c := r - t*(expP1+t*(expP2+t*(expP3+t*(expP4+t*expP5))))
			y := 1 - ((lo - (r*c)/(2-c)) - hi)
			e = y * math.Float64frombits(uint64(k+1023)<<52)
		} else {
			e = xmath.Exp(v)
		}
		if x >= 0 {
			s[i] = 1 / (1 + e)
		} else {
			s[i] = e / (1 + e)
		}
	}
}
