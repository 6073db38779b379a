package sim

// A Model is the risk R(z, xi) of one problem over its finite data set
// D = {xi_1, ..., xi_N} (MATH.md sections 1 and 4). The simulation state of
// one replica is a configuration of n points z_1..z_n in R^d, stored as one
// slice z with z_k = z[k*d : (k+1)*d]. For an ordinary problem the points are
// independent starting points; for a mean-field network (MeanField true) they
// are the neurons of one network and interact through the measure
// mu^n = (1/n) sum_k delta_{z_k}.
type Model interface {
	// Dim returns d, the dimension of one point.
	Dim() int
	// NumData returns N, the size of the data set.
	NumData() int
	// MeanField reports whether the points interact as the neurons of one
	// network in the mean-field scaling.
	MeanField() bool
	// NewEval returns an evaluator for configurations of n points. Each
	// evaluator owns its scratch space; use one per goroutine.
	NewEval(n int) Eval
}

// An Eval evaluates the vector fields of a Model on configurations of a fixed
// number n of points. Its methods do not allocate, must not modify z, and are
// not safe for concurrent use. dst never aliases z.
type Eval interface {
	// SampleGrad sets dst_k = g(z_k, xi_j), the per-sample gradient of
	// data point j at every point k. For a network,
	// g(z_k, xi_j) = grad_z R(z_k, mu^n, xi_j) = -r_mu(xi_j) grad_z Phi(z_k, x_j).
	SampleGrad(dst, z []float64, j int)

	// Drift sets dst_k = gradR(z_k) + c M_k(z), where gradR is the mean of
	// the per-sample gradients over the data and M is the modification of the
	// modified flows: M_k = grad |gradR|^2 (z_k) = 2 Hess R(z_k) gradR(z_k) for
	// independent points, and M_k = T1(z_k, mu^n) + T2(z_k, mu^n) for a
	// network. SME2, SMF and DD-SMF use c = alpha/4; GF, SME1 and the
	// mean-field ODE use c = 0 (then M need not be computed).
	Drift(dst, z []float64, c float64)

	// Noise sets dst_k = sum_j G(z_k, xi_j) w[k*stride + j] for j = 0..N-1,
	// where G(z, xi) = gradR(z) - g(z, xi) is the fluctuation of the
	// per-sample gradient. stride = 0 drives every point by one family of
	// weights (SMF, DD-SMF: one shared noise); stride = N gives each point its
	// own family (SME: independent noises). For a LowRankNoise problem a
	// family has r weights instead of N (stride 0 or r; see NoiseWeights).
	Noise(dst, z, w []float64, stride int)

	// Risk returns the full-data risk of the configuration: the mean over
	// the points of R(z_k) = (1/N) sum_j R(z_k, xi_j) for independent
	// points, the network's risk (1/2N) sum_j r_mu(xi_j)^2 for a network.
	Risk(z []float64) float64
}

// A PointProblem is a risk R(z, xi) whose points do not interact: one
// parameter vector z in R^d and data indexed j = 0..N-1. Independent turns it
// into a Model.
type PointProblem interface {
	// Dim returns d.
	Dim() int
	// NumData returns N.
	NumData() int
	// Loss returns R(z, xi_j).
	Loss(z []float64, j int) float64
	// Grad sets dst = g(z, xi_j) = grad_z R(z, xi_j).
	Grad(dst, z []float64, j int)
	// HessVec sets dst = Hess_z R(z, xi_j) v.
	HessVec(dst, z, v []float64, j int)
}

// A MeanProblem is a PointProblem whose data enter through a few sums, so
// that full-data sums cost O(d) or one pass over scalars instead of N
// gradient calls. Independent uses these methods when they are present.
type MeanProblem interface {
	PointProblem
	// MeanGrad sets dst = gradR(z) = (1/N) sum_j g(z, xi_j).
	MeanGrad(dst, z []float64)
	// MeanHessVec sets dst = Hess R(z) v = (1/N) sum_j Hess R(z, xi_j) v.
	MeanHessVec(dst, z, v []float64)
	// WeightedGrad sets dst = sum_j w_j g(z, xi_j) for N weights w.
	WeightedGrad(dst, z, w []float64)
}

// A Viewer is implemented by models that know a good default region of the
// plane to draw (coordinates 0 and 1 of z) and a default starting point.
type Viewer interface {
	// Box returns xmin, xmax, ymin, ymax of the default view.
	Box() [4]float64
	// Start returns the default starting point z_0 (length d).
	Start() []float64
}

// A LowRankNoise problem writes its gradient noise with r < N weights: for
// independent weights v_k ~ N(0, s^2), RankedNoise(dst, z, v) has the law
// of sum_j G(z, xi_j) w_j with independent w_j ~ N(0, s^2), jointly for
// every z evaluated with the same weights (so a scheme that evaluates the
// noise at several points with one draw keeps its law, and so does the
// n-point motion of a shared noise). The integrators then draw r normals
// per family instead of N: the same law, not the same numbers.
type LowRankNoise interface {
	PointProblem
	// NoiseRank returns r, the number of weights of the noise.
	NoiseRank() int
	// RankedNoise sets dst = sum_k H_k(z) v_k for the r weights v.
	RankedNoise(dst, z, v []float64)
}

// NoiseWeights returns the number of weights of one noise family of an
// Eval: the rank of a LowRankNoise problem's noise, or the number of data.
func NoiseWeights(e Eval, nData int) int {
	if r, ok := e.(interface{ noiseWeights() int }); ok {
		return r.noiseWeights()
	}
	return nData
}
