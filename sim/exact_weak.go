package sim

import (
	"fmt"
	"math"
)

// An ExactPoint is the exact weak error of one continuous-time method
// against SGD at one learning rate (ExactWeakErrors).
type ExactPoint struct {
	// Alpha is the learning rate.
	Alpha float64
	// Method is the method compared with SGD.
	Method Method
	// Value is E f(Z_t) of the continuous-time model itself (no
	// integrator) at t = alpha * steps.
	Value float64
	// SGD is E f(z_i) of SGD after i = steps steps.
	SGD float64
	// Error is the weak error Value - SGD.
	Error float64
	// Scheme is E f under the integrator of the configuration (Config.K
	// substeps of Config.Scheme per step) after the same steps: what the
	// simulation's ensembles estimate. Scheme - Value is the integrator's
	// share of the error.
	Scheme float64
}

// ExactWeakErrors is the exact counterpart of WeakErrors for the problems
// with exact expectations (HasExact): for every
// learning rate alpha of alphas and every method of base.Methods other than
// SGD it returns E f of the method, of SGD and of the method's integrator
// for the observable obs, computed exactly from the data set and starting
// configuration of base (Expectations). The number of steps is that of a
// Sim, i = ceil(T/alpha), and the time t = alpha i. Points are ordered by
// learning rate, then by method as in base.Methods. A problem without
// exact expectations gives an error that says so.
func ExactWeakErrors(base Config, alphas []float64, obs Observable) ([]ExactPoint, error) {
	if len(alphas) == 0 {
		return nil, fmt.Errorf("no learning rates")
	}
	for _, a := range alphas {
		if !(a > 0) || math.IsInf(a, 0) {
			return nil, fmt.Errorf("learning rate %v must be a positive number", a)
		}
	}
	var methods []Method
	for _, m := range base.Methods {
		if m != SGD {
			methods = append(methods, m)
		}
	}
	cfg := base
	cfg.Alpha = alphas[0]
	cfg.Methods = append([]Method{SGD}, methods...)
	cfg.Reps = 1
	if _, err := New(cfg); err != nil { // checks T, K, the methods, the data
		return nil, err
	}
	e, err := NewExpectations(cfg)
	if err != nil {
		return nil, err
	}
	if _, _, _, err := e.functional(obs); err != nil {
		return nil, err
	}
	var pts []ExactPoint
	for _, a := range alphas {
		steps := int(math.Ceil(base.T/a - 1e-9))
		sgd, err := e.SGD(obs, a, steps)
		if err != nil {
			return nil, err
		}
		for _, m := range methods {
			p := ExactPoint{Alpha: a, Method: m, SGD: sgd}
			if p.Value, err = e.Continuous(m, obs, a, a*float64(steps)); err != nil {
				return nil, err
			}
			if p.Scheme, err = e.Scheme(m, base.Scheme, obs, a, base.K, steps); err != nil {
				return nil, err
			}
			p.Error = p.Value - sgd
			pts = append(pts, p)
		}
	}
	return pts, nil
}
