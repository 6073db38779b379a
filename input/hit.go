package input

import "math"

// Nearest returns the index of the point of pts (x and y of each in turn,
// data coordinates of panel p) nearest to the pixel (px, py), measured in
// pixels, if it is within radius pixels: the k minimising
// (ToPixel(pts[2k], pts[2k+1]) - (px, py))^2 with that distance <= radius.
// It returns -1 when no point is that near.
func Nearest(p *Panel, pts []float64, px, py, radius float64) int {
	best, bestD := -1, radius*radius
	for k := 0; 2*k+1 < len(pts); k++ {
		qx, qy := p.ToPixel(pts[2*k], pts[2*k+1])
		d := (qx-px)*(qx-px) + (qy-py)*(qy-py)
		if d <= bestD && !math.IsNaN(d) {
			best, bestD = k, d
		}
	}
	return best
}
