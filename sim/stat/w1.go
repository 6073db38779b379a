package stat

import "slices"

// W1 returns the Wasserstein-1 distance between the empirical measures of
// the samples x (n values) and y (m values), possibly of different sizes:
//
//	W1 = integral |F_n(t) - G_m(t)| dt,
//
// where F_n and G_m are the empirical distribution functions. It is computed
// exactly by merging the sorted samples: between consecutive values of the
// merged sample, |F_n - G_m| = |i m - j n| / (n m) with the integer counts i,
// j of values passed. work holds the sorted copies: nil (allocated) or
// len(work) >= n + m. Cost O((n+m) log(n+m)).
func W1(x, y, work []float64) (float64, error) {
	if len(x) == 0 || len(y) == 0 {
		return 0, errorf("W1: empty sample (len(x) = %d, len(y) = %d)", len(x), len(y))
	}
	if err := checkFinite("W1", "x", x); err != nil {
		return 0, err
	}
	if err := checkFinite("W1", "y", y); err != nil {
		return 0, err
	}
	w, err := workSlice("W1", work, len(x)+len(y))
	if err != nil {
		return 0, err
	}
	xs, ys := w[:len(x)], w[len(x):]
	copy(xs, x)
	copy(ys, y)
	slices.Sort(xs)
	slices.Sort(ys)
	return w1Sorted(xs, ys), nil
}

// w1Sorted merges the sorted samples x and y and integrates |F - G|.
func w1Sorted(x, y []float64) float64 {
	n, m := len(x), len(y)
	var i, j int // values of x, y passed: F = i/n, G = j/m
	var s float64
	prev := min(x[0], y[0])
	for i < n || j < m {
		var t float64
		if j == m || (i < n && x[i] <= y[j]) {
			t = x[i]
		} else {
			t = y[j]
		}
		if t > prev {
			diff := i*m - j*n
			if diff < 0 {
				diff = -diff
			}
			s += float64(diff) * (t - prev)
			prev = t
		}
		// Pass every value equal to t in both samples.
		for i < n && x[i] == t {
			i++
		}
		for j < m && y[j] == t {
			j++
		}
	}
	return s / (float64(n) * float64(m))
}
