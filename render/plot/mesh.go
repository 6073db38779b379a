package plot

// MeshEdges appends to dst the edges of the grid of n points laid out in
// rows of gw (point k at column k%gw, row k/gw; the last row may be
// short), as pairs of point indices: every point joined to its right and
// lower neighbour. With gw <= 0 there is no grid and nothing is appended.
func MeshEdges(dst []int32, gw, n int) []int32 {
	if gw <= 0 {
		return dst
	}
	for k := 0; k < n; k++ {
		if i := k % gw; i+1 < gw && k+1 < n {
			dst = append(dst, int32(k), int32(k+1))
		}
		if k+gw < n {
			dst = append(dst, int32(k), int32(k+gw))
		}
	}
	return dst
}
