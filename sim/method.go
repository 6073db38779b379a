package sim

import (
	"fmt"
	"strings"
)

// A Method is one of the dynamics of MATH.md that the simulator runs.
type Method int

// The methods. GF, SME1, SME2 and SMF are the continuous-time models of one
// parameter vector (MATH.md section 3); MFODE and DDSMF are the mean-field
// ODE and the distribution-dependent SMF of a network (section 4). On a
// network, SGD is mean-field SGD.
const (
	SGD   Method = iota // z <- z - alpha g(z, xi_i), one xi_i for all points of a replica
	GF                  // dZ = -gradR(Z) dt
	SME1                // dZ = -gradR dt + sqrt(alpha) Sigma^{1/2} dB, one B per point
	SME2                // SME1 with the drift -grad(R + (alpha/4)|gradR|^2)
	SMF                 // SME2's drift, noise sqrt(alpha) sum_j G(Z, xi_j) dW_j/sqrt(N) shared by all points
	MFODE               // dZ^k = -gradR(Z^k, nu_t) dt
	DDSMF               // dZ = -(gradR + (alpha/4)(T1 + T2)) dt + sqrt(alpha) sum_j G dW_j/sqrt(N), shared W
	numMethods
)

// methodTable holds each method's key in URLs, its label in legends, a
// one-line description and the problems it runs on.
var methodTable = [numMethods]struct {
	key, label, doc string
	points, network bool
}{
	SGD:   {"sgd", "SGD", "stochastic gradient descent (mean-field SGD on a network)", true, true},
	GF:    {"gf", "GF", "gradient flow", true, false},
	SME1:  {"sme1", "SME1", "first-order modified SDE", true, false},
	SME2:  {"sme2", "SME2", "second-order modified SDE", true, false},
	SMF:   {"smf", "SMF", "stochastic modified flow (one shared noise)", true, false},
	MFODE: {"mfode", "MF ODE", "mean-field ODE", false, true},
	DDSMF: {"ddsmf", "DD-SMF", "distribution-dependent SMF (the SPDE's measure)", false, true},
}

// String returns the method's key in URLs: sgd, gf, sme1, sme2, smf, mfode, ddsmf.
func (m Method) String() string {
	if m < 0 || m >= numMethods {
		return fmt.Sprintf("method(%d)", int(m))
	}
	return methodTable[m].key
}

// Label returns the method's name for legends, e.g. "MF ODE".
func (m Method) Label() string {
	if m < 0 || m >= numMethods {
		return m.String()
	}
	return methodTable[m].label
}

// Doc returns a one-line description of the method, e.g. "gradient flow".
func (m Method) Doc() string {
	if m < 0 || m >= numMethods {
		return m.String()
	}
	return methodTable[m].doc
}

// ForPoints reports whether the method runs on point problems.
func (m Method) ForPoints() bool { return m >= 0 && m < numMethods && methodTable[m].points }

// ForNetwork reports whether the method runs on networks.
func (m Method) ForNetwork() bool { return m >= 0 && m < numMethods && methodTable[m].network }

// ParseMethod returns the method with the given URL key.
func ParseMethod(s string) (Method, error) {
	keys := make([]string, numMethods)
	for i, t := range methodTable {
		if strings.EqualFold(s, t.key) {
			return Method(i), nil
		}
		keys[i] = t.key
	}
	return 0, fmt.Errorf("unknown method %q (want one of %s)", s, strings.Join(keys, ", "))
}

// AllMethods lists every method in order.
func AllMethods() []Method {
	ms := make([]Method, numMethods)
	for i := range ms {
		ms[i] = Method(i)
	}
	return ms
}

// modified reports whether the drift carries the (alpha/4) modification.
func (m Method) modified() bool { return m == SME2 || m == SMF || m == DDSMF }

// noisy reports whether the method has a diffusion term.
func (m Method) noisy() bool { return m == SME1 || m == SME2 || m == SMF || m == DDSMF }

// sharedNoise reports whether one noise family drives every point of a replica.
func (m Method) sharedNoise() bool { return m == SMF || m == DDSMF }

// Deterministic reports whether the method has no randomness (GF, MFODE): one
// replica represents them all.
func (m Method) Deterministic() bool { return m == GF || m == MFODE }

// flow reports whether the method runs on the flow particles of the measure
// nu_t (M of them) rather than on the network's n neurons.
func (m Method) flow() bool { return m == MFODE || m == DDSMF }
