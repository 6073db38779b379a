package input

// StretchGrid returns pts (rows of coordinates, at least 2 each) after
// moving the corner point to (x, y) with the opposite corner anchor fixed:
// an affine map per coordinate c of the first two,
// p_c -> a_c + (p_c - a_c) (t_c - a_c) / (q_c - a_c), where a is the
// anchor, q the corner and t the target. A coordinate along which the
// corner and the anchor coincide is moved by t_c - q_c instead. Further
// coordinates are kept. pts is not modified.
func StretchGrid(pts [][]float64, anchor, corner int, x, y float64) [][]float64 {
	out := make([][]float64, len(pts))
	for i, r := range pts {
		out[i] = append([]float64(nil), r...)
	}
	if anchor < 0 || corner < 0 || anchor >= len(pts) || corner >= len(pts) {
		return out
	}
	a, q := pts[anchor], pts[corner]
	to := [2]float64{x, y}
	for c := 0; c < 2 && c < len(a) && c < len(q); c++ {
		for _, r := range out {
			if c >= len(r) {
				continue
			}
			if q[c] == a[c] {
				r[c] += to[c] - q[c]
			} else {
				r[c] = a[c] + (r[c]-a[c])*(to[c]-a[c])/(q[c]-a[c])
			}
		}
	}
	return out
}

// Translate returns pts moved by (dx, dy) in their first two coordinates.
// pts is not modified.
func Translate(pts [][]float64, dx, dy float64) [][]float64 {
	out := make([][]float64, len(pts))
	for i, r := range pts {
		out[i] = append([]float64(nil), r...)
		if len(r) > 0 {
			out[i][0] += dx
		}
		if len(r) > 1 {
			out[i][1] += dy
		}
	}
	return out
}

// Opposite returns the corner of corners (four indices in the order
// bottom-left, bottom-right, top-left, top-right of a grid, or two of a
// chain) opposite to corners[i].
func Opposite(corners []int, i int) int {
	switch len(corners) {
	case 4:
		return corners[3-i]
	case 2:
		return corners[1-i]
	}
	return -1
}
