package sim

import "math"

// QuadSGDFactors returns the factors by which i steps of SGD with learning
// rate alpha multiply the expectations of the quadratic problem of MATH.md
// section 6, R(z, xi) = xi |z|^2 / 2 on scalar data with empirical moments
// m1 = E xi and m2 = E xi^2. A step is z_{i+1} = (1 - alpha xi_i) z_i with
// xi_i drawn uniformly from the data, so
//
//	E z_i                  = z_0 mean,       mean   = (1 - alpha m1)^i,
//	E |z_i|^2              = |z_0|^2 second, second = (1 - 2 alpha m1 + alpha^2 m2)^i,
//	E z^(a)_i . z^(b)_i    = u_a . u_b second,
//
// the last for two points u_a, u_b moved by the same xi_i (the n-point
// motion of SGD). The number of steps i need not be whole (i = t/alpha
// draws the curves smooth between the steps); mean is NaN for a fractional
// i when 1 - alpha m1 < 0.
func QuadSGDFactors(m1, m2, alpha, i float64) (mean, second float64) {
	return math.Pow(1-alpha*m1, i), math.Pow(1-2*alpha*m1+alpha*alpha*m2, i)
}

// exactSGD returns E f(z_T) of SGD in closed form when it is known: the
// quadratic problem with scalar data and the observables sq, z1 and pair of
// the starting configuration u (n points), after the simulation's number of
// steps i (QuadSGDFactors):
//
//	sq:   (1/n) sum_k |u_k|^2 second,
//	z1:   (1/n) sum_k u_k1 mean,
//	pair: u_1 . u_2 second.
func (s *Sim) exactSGD(obs string) (float64, bool) {
	q, ok := ProblemOf(s.model).(*Quad)
	if !ok {
		return 0, false
	}
	m1, m2 := q.Moments()
	mean, second := QuadSGDFactors(m1, m2, s.cfg.Alpha, float64(s.total))
	d := s.model.Dim()
	u := s.start
	n := float64(len(u) / d)
	switch obs {
	case "sq":
		return dotSelf(u) / n * second, true
	case "z1":
		sum := 0.0
		for k := 0; k < len(u); k += d {
			sum += u[k]
		}
		return sum / n * mean, true
	case "pair":
		if len(u) < 2*d {
			return 0, false
		}
		p := 0.0
		for j := 0; j < d; j++ {
			p += u[j] * u[d+j]
		}
		return p * second, true
	}
	return 0, false
}
