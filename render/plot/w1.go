package plot

import "slices"

// W1 returns the Wasserstein-1 distance between the empirical measures of
// the samples x and y (sizes n and m >= 1, finite values):
//
//	W1 = integral |F_n(t) - G_m(t)| dt,
//
// with the empirical distribution functions F_n and G_m; between
// consecutive values of the merged sample |F_n - G_m| = |i m - j n| / (n m)
// for the counts i, j of values passed. work must hold n + m values (the
// sorted copies); nothing is allocated. It returns 0 for an empty sample.
func W1(x, y, work []float64) float64 {
	n, m := len(x), len(y)
	if n == 0 || m == 0 || len(work) < n+m {
		return 0
	}
	xs, ys := work[:n], work[n:n+m]
	copy(xs, x)
	copy(ys, y)
	slices.Sort(xs)
	slices.Sort(ys)
	var s float64
	i, j := 0, 0
	prev := min(xs[0], ys[0])
	for i < n || j < m {
		var t float64
		if j >= m || (i < n && xs[i] <= ys[j]) {
			t = xs[i]
		} else {
			t = ys[j]
		}
		d := i*m - j*n
		if d < 0 {
			d = -d
		}
		s += float64(d) * (t - prev)
		prev = t
		for i < n && xs[i] == t {
			i++
		}
		for j < m && ys[j] == t {
			j++
		}
	}
	return s / (float64(n) * float64(m))
}
