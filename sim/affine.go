package sim

// An AffineProblem is a PointProblem whose per-sample gradient is affine in
// z, so that its risk is quadratic:
//
//	g(z, xi_j) = H_j z - c_j,   R(z, xi_j) = z^T H_j z / 2 - c_j . z + R(0, xi_j),
//
// with a constant symmetric d x d Hessian H_j and a vector c_j in R^d. One
// SGD step is then the random affine map z -> (I - alpha H_J) z + alpha c_J,
// the continuous-time models are linear SDEs whose noise is affine in z,
// and the first and second moments of every method (and of its integrator)
// follow exact linear recursions and ODEs (see Expectations, MATH.md
// section 7). The quadratic problem (H_j = xi_j I, c_j = 0), additive
// noise (H_j = I, c_j = xi_j) and linear regression (H_j = phi_j phi_j^T,
// c_j = y_j phi_j, phi_j = (x_j, 1)) are affine; their catalogue entries
// have Problem.Exact set.
type AffineProblem interface {
	PointProblem
	// AffineGrad sets h (d*d values, row-major) to H_j and c (d values) to
	// c_j of data point j.
	AffineGrad(h, c []float64, j int)
}

// HasExact reports whether the problem named by spec has exact expectations
// (Problem.Exact: its per-sample gradient is affine in z, AffineProblem), so
// that ExactWeakErrors and Expectations apply. It is false for unknown
// problems.
func HasExact(spec ProblemSpec) bool {
	p, err := LookupProblem(spec.Name)
	return err == nil && p.Exact
}
