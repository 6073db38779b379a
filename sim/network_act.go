package sim

import (
	"fmt"

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
func (a activation) fill(s, s1, s2 []float64) {
	switch {
	case s1 == nil:
		for i, u := range s {
			s[i], _, _ = a.eval(u)
		}
	case s2 == nil:
		s1 = s1[:len(s)]
		for i, u := range s {
			s[i], s1[i], _ = a.eval(u)
		}
	default:
		s1, s2 = s1[:len(s)], s2[:len(s)]
		for i, u := range s {
			s[i], s1[i], s2[i] = a.eval(u)
		}
	}
}
