package stat

import (
	"math"

	"smflow/sim/xmath"
)

// A Grid is an image of W x H cells covering the rectangle [X0, X1] x [Y0, Y1].
// Cell (i, j), in column i and row j, has width dx = (X1-X0)/W, height
// dy = (Y1-Y0)/H and centre (X0 + (i+1/2) dx, Y0 + (j+1/2) dy); it is stored
// at index j*W + i. Row 0 is at the bottom (smallest y): flip the rows to
// draw the grid as an image with y pointing up.
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

// BlurKind selects the smoothing of Density2D.
type BlurKind int

const (
	// NoBlur leaves the bilinearly binned density as it is.
	NoBlur BlurKind = iota
	// BoxBlur averages over 2r+1 cells in each direction, r = round(Radius).
	BoxBlur
	// GaussianBlur convolves with a Gaussian of standard deviation Radius
	// cells in each direction, cut at 4 standard deviations and normalised
	// to sum 1 on the cell lattice.
	GaussianBlur
)

// A Blur is the smoothing applied by Density2D after binning: separable in x
// and y, with zero padding outside the grid (mass blurred off the grid is
// lost). Radius is measured in cells.
type Blur struct {
	Kind   BlurKind
	Radius float64
}

// halfWidth returns K, the kernel reaching from -K to K cells.
func (b Blur) halfWidth() int {
	switch b.Kind {
	case BoxBlur:
		return int(math.Floor(b.Radius + 0.5))
	case GaussianBlur:
		return int(math.Ceil(4 * b.Radius))
	}
	return 0
}

// WorkLen returns the length of the work slice Density2D needs for the grid
// g: max(W, H) + 2K + 1 where K is the reach of the kernel in cells (0 for
// NoBlur).
func (b Blur) WorkLen(g Grid) int {
	if b.Kind == NoBlur {
		return 0
	}
	return max(g.W, g.H) + 2*b.halfWidth() + 1
}

// Density2D sets dst (len g.W*g.H) to a density estimate of the n points of
// dimension 2 in z on the grid g: each point inside the rectangle spreads
// its mass 1/n over the four cells whose centres surround it by bilinear
// weights (cells past the border take the border cell's share), and the
// result is divided by the cell area, so that
//
//	sum_ij dst_ij dx dy = (points inside the rectangle) / n
//
// before blurring. Then the blur b is applied. Points outside the rectangle
// are not drawn; their number is returned. work is nil (allocated) or of
// length at least b.WorkLen(g).
//
// Use it to draw the measure nu_t as an image. Cost O(n + W H K).
func Density2D(dst, z []float64, g Grid, b Blur, work []float64) (outside int, err error) {
	const fn = "Density2D"
	if err := g.check(fn); err != nil {
		return 0, err
	}
	if err := checkDst(fn, "dst", dst, g.W*g.H); err != nil {
		return 0, err
	}
	n, err := numPoints(fn, z, 2)
	if err != nil {
		return 0, err
	}
	for i, v := range z {
		if v != v {
			return 0, errorf("%s: z[%d] is NaN", fn, i)
		}
	}
	switch b.Kind {
	case NoBlur:
	case BoxBlur, GaussianBlur:
		if !(b.Radius >= 0) || b.Radius > float64(4*max(g.W, g.H)) {
			return 0, errorf("%s: blur radius %v cells, want 0 <= radius <= %d", fn, b.Radius, 4*max(g.W, g.H))
		}
	default:
		return 0, errorf("%s: unknown blur kind %d", fn, b.Kind)
	}
	w, err := workSlice(fn, work, b.WorkLen(g))
	if err != nil {
		return 0, err
	}

	clear(dst)
	W, H := g.W, g.H
	dx := (g.X1 - g.X0) / float64(W)
	dy := (g.Y1 - g.Y0) / float64(H)
	for k := 0; k < n; k++ {
		x, y := z[2*k], z[2*k+1]
		if x < g.X0 || x > g.X1 || y < g.Y0 || y > g.Y1 {
			outside++
			continue
		}
		fx := (x-g.X0)/dx - 0.5
		fy := (y-g.Y0)/dy - 0.5
		i0 := int(math.Floor(fx))
		j0 := int(math.Floor(fy))
		tx, ty := fx-float64(i0), fy-float64(j0)
		i1, j1 := min(i0+1, W-1), min(j0+1, H-1)
		i0, j0 = max(i0, 0), max(j0, 0)
		dst[j0*W+i0] += (1 - tx) * (1 - ty)
		dst[j0*W+i1] += tx * (1 - ty)
		dst[j1*W+i0] += (1 - tx) * ty
		dst[j1*W+i1] += tx * ty
	}
	scale := 1 / (float64(n) * dx * dy)
	for i := range dst {
		dst[i] *= scale
	}

	K := b.halfWidth()
	if b.Kind == NoBlur || K == 0 {
		return outside, nil
	}
	line, kern := w[:max(W, H)], w[max(W, H):max(W, H)+2*K+1]
	switch b.Kind {
	case BoxBlur:
		for i := range kern {
			kern[i] = 1 / float64(2*K+1)
		}
	case GaussianBlur:
		var s float64
		for i := range kern {
			u := float64(i-K) / b.Radius
			kern[i] = xmath.Exp(-u * u / 2)
			s += kern[i]
		}
		for i := range kern {
			kern[i] /= s
		}
	}
	for j := 0; j < H; j++ { // rows
		convolve(dst[j*W:], 1, W, line[:W], kern)
	}
	for i := 0; i < W; i++ { // columns
		convolve(dst[i:], W, H, line[:H], kern)
	}
	return outside, nil
}

// convolve replaces the m values a[0], a[s], ..., a[(m-1)s] by their
// convolution with kern (odd length 2K+1, centred), zero padded, using line
// (len m) as a copy of the input.
func convolve(a []float64, s, m int, line, kern []float64) {
	for i := range line {
		line[i] = a[i*s]
	}
	K := len(kern) / 2
	for i := 0; i < m; i++ {
		lo, hi := max(i-K, 0), min(i+K, m-1)
		var v float64
		for l := lo; l <= hi; l++ {
			v += kern[l-i+K] * line[l]
		}
		a[i*s] = v
	}
}
