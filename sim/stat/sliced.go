package stat

import (
	"math"
	"slices"
)

// Direction returns theta_k = (cos(pi k/K), sin(pi k/K)), the k-th of the K
// equally spaced directions of SlicedW1 (angles 0, pi/K, ..., (K-1)pi/K; a
// half circle suffices since W1 does not change when a projection is
// mirrored).
func Direction(k, K int) (c, s float64) {
	a := math.Pi * float64(k) / float64(K)
	return math.Cos(a), math.Sin(a)
}

// SlicedW1 returns the sliced Wasserstein-1 distance between the clouds x
// (n points) and y (m points) in the plane (dimension 2), with the K >= 1
// fixed, equally spaced directions theta_k of Direction:
//
//	SW1 = (1/K) sum_{k=0}^{K-1} W1(theta_k . x, theta_k . y),
//
// each term the exact one-dimensional W1 of the projected samples (see W1).
// It is deterministic, symmetric, 0 for identical clouds, and for a
// translate y = x + v it equals (1/K) sum_k |v . theta_k| exactly (which
// tends to 2|v|/pi as K grows; for K = 1 it is |v_1|). work is nil
// (allocated) or of length at least n + m. Cost O(K (n+m) log(n+m)).
func SlicedW1(x, y []float64, K int, work []float64) (float64, error) {
	const fn = "SlicedW1"
	n, err := numPoints(fn, x, 2)
	if err != nil {
		return 0, err
	}
	m, err := numPoints(fn, y, 2)
	if err != nil {
		return 0, err
	}
	if K < 1 {
		return 0, errorf("%s: K = %d directions, want K >= 1", fn, K)
	}
	if err := checkFinite(fn, "x", x); err != nil {
		return 0, err
	}
	if err := checkFinite(fn, "y", y); err != nil {
		return 0, err
	}
	w, err := workSlice(fn, work, n+m)
	if err != nil {
		return 0, err
	}
	px, py := w[:n], w[n:]
	var s float64
	for k := 0; k < K; k++ {
		c, sn := Direction(k, K)
		for i := range px {
			px[i] = c*x[2*i] + sn*x[2*i+1]
		}
		for i := range py {
			py[i] = c*y[2*i] + sn*y[2*i+1]
		}
		slices.Sort(px)
		slices.Sort(py)
		s += w1Sorted(px, py)
	}
	return s / float64(K), nil
}
