package stat

import "math"

// EnergyDistance returns the energy distance between the empirical measures
// of the clouds x (n points) and y (m points) of dimension d:
//
//	D = sqrt(2 E|X - Y| - E|X - X'| - E|Y - Y'|),
//
// with X, X' independent uniform on x and Y, Y' on y (V-statistics: the
// pairs i = j are included with distance 0). D is a metric on probability
// measures: symmetric, D(x, x) = 0, and D > 0 for different empirical
// measures. In one dimension D^2 = 2 integral (F - G)^2 dt; for two point
// masses D = sqrt(2|a - b|). Values of D^2 below the rounding error of the
// sums, 4(n+m) machine epsilons of 2E|X - Y|, are returned as D = 0. Cost O((n+m)^2 d / 2) square roots, fine for a
// few thousand points.
func EnergyDistance(x, y []float64, d int) (float64, error) {
	const fn = "EnergyDistance"
	n, err := numPoints(fn, x, d)
	if err != nil {
		return 0, err
	}
	m, err := numPoints(fn, y, d)
	if err != nil {
		return 0, err
	}
	if err := checkFinite(fn, "x", x); err != nil {
		return 0, err
	}
	if err := checkFinite(fn, "y", y); err != nil {
		return 0, err
	}
	exy := crossDist(x, y, d) / (float64(n) * float64(m))
	exx := 2 * selfDist(x, d) / (float64(n) * float64(n))
	eyy := 2 * selfDist(y, d) / (float64(m) * float64(m))
	d2 := 2*exy - exx - eyy
	// The three sums are rounded independently; a D^2 within their
	// rounding error of 0 is 0 (so D(x, x) = 0 exactly).
	if d2 <= 4*float64(n+m)*0x1p-52*2*exy {
		return 0, nil
	}
	return math.Sqrt(d2), nil
}

// crossDist returns sum_{i,j} |x_i - y_j|.
func crossDist(x, y []float64, d int) float64 {
	var s float64
	for i := 0; i < len(x); i += d {
		p := x[i : i+d]
		var row float64
		for j := 0; j < len(y); j += d {
			row += dist(p, y[j:j+d])
		}
		s += row
	}
	return s
}

// selfDist returns sum_{i<j} |x_i - x_j|.
func selfDist(x []float64, d int) float64 {
	var s float64
	for i := 0; i < len(x); i += d {
		p := x[i : i+d]
		var row float64
		for j := i + d; j < len(x); j += d {
			row += dist(p, x[j:j+d])
		}
		s += row
	}
	return s
}

func dist(p, q []float64) float64 {
	if len(p) == 2 {
		a, b := p[0]-q[0], p[1]-q[1]
		return math.Sqrt(a*a + b*b)
	}
	var s float64
	for i, v := range p {
		t := v - q[i]
		s += t * t
	}
	return math.Sqrt(s)
}
