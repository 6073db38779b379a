package stat

import "math"

// A Grid is an image of W x H cells covering the rectangle [X0, X1] x [Y0, Y1].
// Cell (i, j), in column i and row j, has width dx = (X1-X0)/W, height
// dy = (Y1-Y0)/H and centre (x_i, y_j) = (X0 + (i+1/2) dx, Y0 + (j+1/2) dy);
// it is stored at index j*W + i. Row 0 is at the bottom (smallest y): flip
// the rows to draw the grid as an image with y pointing up.
type Grid struct {
	W, H           int
	X0, X1, Y0, Y1 float64
}

func (g Grid) check(fn string) error {
	if g.W < 1 || g.H < 1 {
		return errorf("%s: grid of %d x %d cells, want at least 1 x 1", fn, g.W, g.H)
	}
	if !(g.X0 < g.X1) || !(g.Y0 < g.Y1) || math.IsInf(g.X0, 0) || math.IsInf(g.X1, 0) ||
		math.IsInf(g.Y0, 0) || math.IsInf(g.Y1, 0) {
		return errorf("%s: grid rectangle [%v, %v] x [%v, %v] is not finite with X0 < X1, Y0 < Y1",
			fn, g.X0, g.X1, g.Y0, g.Y1)
	}
	return nil
}

// Density2D sets dst (len g.W*g.H) to a density estimate of the n points of
// dimension d >= 2 in z on the grid g, from their first two coordinates
// (x_k, y_k). Each point spreads its mass 1/n over the four cell centres
// around it by bilinear weights (cloud-in-cell binning, the tent kernel L at
// the cell centres):
//
//	dst_ij = 1/(n dx dy) sum_k L((x_k - x_i)/dx) L((y_k - y_j)/dy),  L(u) = max(0, 1 - |u|).
//
// Then passes >= 0 times, the rows and then the columns are smoothed with the
// kernel (1, 2, 1)/4, the border cell repeated outside the grid: this keeps
// the mass, and away from the border p passes convolve with the binomial
// kernel C(2p, p+k)/4^p, k = -p..p, in each direction (variance p/2 cells^2).
//
// Mass that falls on centres outside the grid is lost (a point inside the
// rectangle but less than half a cell from its border loses some; a point
// outside but less than half a cell from it keeps some), and non-finite
// points are left out. The mass on the grid is returned:
//
//	mass = sum_ij dst_ij dx dy,
//
// 1 when every point lies at least half a cell inside the rectangle. work is
// nil (allocated) or of length at least g.W*g.H; it is not used when
// passes = 0.
//
// Use it to draw the measure nu_t as an image. Cost O(n + passes W H).
func Density2D(dst, z []float64, d int, g Grid, passes int, work []float64) (mass float64, err error) {
	const fn = "Density2D"
	if err := g.check(fn); err != nil {
		return 0, err
	}
	W, H := g.W, g.H
	if err := checkDst(fn, "dst", dst, W*H); err != nil {
		return 0, err
	}
	if d < 2 {
		return 0, errorf("%s: dimension d = %d, want d >= 2", fn, d)
	}
	n, err := numPoints(fn, z, d)
	if err != nil {
		return 0, err
	}
	if passes < 0 {
		return 0, errorf("%s: %d smoothing passes, want passes >= 0", fn, passes)
	}
	var tmp []float64
	if passes > 0 {
		if tmp, err = workSlice(fn, work, W*H); err != nil {
			return 0, err
		}
	}

	clear(dst)
	sx := float64(W) / (g.X1 - g.X0) // 1/dx
	sy := float64(H) / (g.Y1 - g.Y0)
	add := func(i, j int, w float64) {
		if i >= 0 && i < W && j >= 0 && j < H {
			dst[j*W+i] += w
			mass += w
		}
	}
	for k := 0; k+d <= len(z); k += d {
		// Coordinates in cells, relative to the centre of cell (0, 0).
		u := (z[k]-g.X0)*sx - 0.5
		v := (z[k+1]-g.Y0)*sy - 0.5
		if !(u > -1 && u < float64(W) && v > -1 && v < float64(H)) {
			continue // no centre within reach, or not finite
		}
		i, j := int(math.Floor(u)), int(math.Floor(v))
		fu, fv := u-float64(i), v-float64(j)
		add(i, j, (1-fu)*(1-fv))
		add(i+1, j, fu*(1-fv))
		add(i, j+1, (1-fu)*fv)
		add(i+1, j+1, fu*fv)
	}
	smooth(dst, tmp, W, H, passes)
	scale := sx * sy / float64(n)
	for i := range dst {
		dst[i] *= scale
	}
	return mass / float64(n), nil
}

// smooth applies passes times the kernel (1, 2, 1)/4 to the rows and then
// the columns of the W x H grid h, the border cell repeated outside, with
// tmp (len W*H) as scratch.
func smooth(h, tmp []float64, W, H, passes int) {
	at := func(i, n int) int { return min(max(i, 0), n-1) }
	for p := 0; p < passes; p++ {
		for j := 0; j < H; j++ {
			r := h[j*W : (j+1)*W]
			for i := 0; i < W; i++ {
				tmp[j*W+i] = 0.25*r[at(i-1, W)] + 0.5*r[i] + 0.25*r[at(i+1, W)]
			}
		}
		for j := 0; j < H; j++ {
			for i := 0; i < W; i++ {
				h[j*W+i] = 0.25*tmp[at(j-1, H)*W+i] + 0.5*tmp[j*W+i] + 0.25*tmp[at(j+1, H)*W+i]
			}
		}
	}
}
