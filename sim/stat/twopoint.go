package stat

import "math"

// Two-point statistics of the n-point motion (MATH.md section 2): one
// configuration z of n points per replica, started from the configuration u.

// PairDot returns the inner product of points a and b of the configuration
// z of points of dimension d:
//
//	z_a . z_b = sum_i z_a[i] z_b[i],  i = 0..d-1.
//
// Its mean over replicas is the two-point correlation E z^(a) . z^(b); for
// the closed-form quadratic of MATH.md section 6 the SGD value is
// u_a . u_b (1 - 2 alpha m1 + alpha^2 m2)^i.
func PairDot(z []float64, d, a, b int) (float64, error) {
	n, err := numPoints("PairDot", z, d)
	if err != nil {
		return 0, err
	}
	if a < 0 || a >= n || b < 0 || b >= n {
		return 0, errorf("PairDot: pair (%d, %d) out of range for %d points", a, b, n)
	}
	return dot(z[a*d:a*d+d], z[b*d:b*d+d]), nil
}

func dot(x, y []float64) float64 {
	var s float64
	for i, v := range x {
		s += v * y[i]
	}
	return s
}

// Stretch returns the mean stretch of the configuration z relative to the
// starting configuration u (both n points of dimension d) over the pairs of
// points (a_k, b_k) = (pairs[2k], pairs[2k+1]), or over all pairs a < b if
// pairs is nil: the mean ratio of distances
//
//	S = (1/P) sum_k |z_a - z_b| / |u_a - u_b|
//
// over the P pairs whose starting points differ (for u_a = u_b there is no
// ratio; the pair is left out). S = 1 for a rigid motion, S = |c| for z = c u.
// A flow that keeps its points together (SGD flow, SMF) stretches little;
// independent noises (SME) tear nearby points apart, which makes S large for
// close pairs: the edges of a mesh of the starting points show it best.
// Cost O(P d). Non-finite coordinates, an index out of range and no pair of
// distinct starting points are errors.
func Stretch(z, u []float64, d int, pairs []int32) (float64, error) {
	const fn = "Stretch"
	n, err := numPoints(fn, u, d)
	if err != nil {
		return 0, err
	}
	if len(z) != len(u) {
		return 0, errorf("%s: len(z) = %d, len(u) = %d, want equal", fn, len(z), len(u))
	}
	if len(pairs)%2 != 0 {
		return 0, errorf("%s: len(pairs) = %d is odd, want index pairs", fn, len(pairs))
	}
	if err := checkFinite(fn, "z", z); err != nil {
		return 0, err
	}
	if err := checkFinite(fn, "u", u); err != nil {
		return 0, err
	}
	var s float64
	var p int
	add := func(a, b int) {
		du := dist2(u[a*d:a*d+d], u[b*d:b*d+d])
		if du > 0 {
			s += math.Sqrt(dist2(z[a*d:a*d+d], z[b*d:b*d+d])) / math.Sqrt(du)
			p++
		}
	}
	if pairs == nil {
		for a := 0; a < n; a++ {
			for b := a + 1; b < n; b++ {
				add(a, b)
			}
		}
	}
	for k := 0; k < len(pairs); k += 2 {
		a, b := int(pairs[k]), int(pairs[k+1])
		if a < 0 || a >= n || b < 0 || b >= n {
			return 0, errorf("%s: pair (%d, %d) out of range for %d points", fn, a, b, n)
		}
		add(a, b)
	}
	if p == 0 {
		return 0, errorf("%s: no pair of distinct starting points", fn)
	}
	return s / float64(p), nil
}

// dist2 returns |x - y|^2.
func dist2(x, y []float64) float64 {
	var s float64
	for i, v := range x {
		t := v - y[i]
		s += t * t
	}
	return s
}
