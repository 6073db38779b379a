package plot

import (
	"image/color"
	"math"
)

// Hist sets dst to the histogram of the values x[off], x[off+stride], ...
// over len(dst) equal bins of [lo, hi] and returns the number of values
// counted. Values outside [lo, hi] and non-finite values are not counted
// (the value hi goes into the last bin).
func Hist(dst, x []float64, off, stride int, lo, hi float64) int {
	clear(dst)
	nb := len(dst)
	if nb == 0 || !(hi > lo) {
		return 0
	}
	stride = max(stride, 1)
	scale := float64(nb) / (hi - lo)
	n := 0
	for i := off; i < len(x); i += stride {
		v := x[i]
		if !(v >= lo && v <= hi) {
			continue
		}
		b := int((v - lo) * scale)
		if b >= nb {
			b = nb - 1
		}
		dst[b]++
		n++
	}
	return n
}

// Hist2 sets dst (nx*ny values, row j = y bin j from the bottom) to the
// cloud-in-cell density of the points (z[k*d+cx], z[k*d+cy]) over the box
// [x0, x1] x [y0, y1]: each point spreads its unit mass bilinearly over the
// four nearest cell centres, which gives a smoother picture than plain bins
// at the same cost. It returns the mass that landed in the grid.
func Hist2(dst []float64, nx, ny int, z []float64, d, cx, cy int, box [4]float64) float64 {
	clear(dst)
	if nx < 1 || ny < 1 || len(dst) < nx*ny || d < 1 || !(box[1] > box[0]) || !(box[3] > box[2]) {
		return 0
	}
	sx := float64(nx) / (box[1] - box[0])
	sy := float64(ny) / (box[3] - box[2])
	var mass float64
	add := func(i, j int, w float64) {
		if i >= 0 && i < nx && j >= 0 && j < ny {
			dst[j*nx+i] += w
			mass += w
		}
	}
	for k := 0; k+d <= len(z); k += d {
		// Cell coordinates relative to cell centres.
		u := (z[k+cx]-box[0])*sx - 0.5
		v := (z[k+cy]-box[2])*sy - 0.5
		if !(u > -1 && u < float64(nx) && v > -1 && v < float64(ny)) {
			continue
		}
		i, j := int(math.Floor(u)), int(math.Floor(v))
		fu, fv := u-float64(i), v-float64(j)
		add(i, j, (1-fu)*(1-fv))
		add(i+1, j, fu*(1-fv))
		add(i, j+1, (1-fu)*fv)
		add(i+1, j+1, fu*fv)
	}
	return mass
}

// Blur smooths the nx*ny grid h in place with passes of the separable
// kernel (1, 2, 1)/4 (edges reflect), using tmp (at least nx*ny values) as
// scratch. Mass is preserved.
func Blur(h, tmp []float64, nx, ny, passes int) {
	if nx < 1 || ny < 1 || len(h) < nx*ny || len(tmp) < nx*ny {
		return
	}
	at := func(i, n int) int { // reflect at the edges
		if i < 0 {
			return 0
		}
		if i >= n {
			return n - 1
		}
		return i
	}
	for p := 0; p < passes; p++ {
		for j := 0; j < ny; j++ {
			r := h[j*nx : (j+1)*nx]
			for i := 0; i < nx; i++ {
				tmp[j*nx+i] = 0.25*r[at(i-1, nx)] + 0.5*r[i] + 0.25*r[at(i+1, nx)]
			}
		}
		for j := 0; j < ny; j++ {
			for i := 0; i < nx; i++ {
				h[j*nx+i] = 0.25*tmp[at(j-1, ny)*nx+i] + 0.5*tmp[j*nx+i] + 0.25*tmp[at(j+1, ny)*nx+i]
			}
		}
	}
}

// DensityPixels writes the nx*ny grid h (row 0 at the bottom) as RGBA pixels
// with premultiplied alpha into pix (4*nx*ny bytes, row 0 at the top, as
// images store them), colouring h/vmax with Ramp(c, .). vmax <= 0 uses the
// largest value of h.
func DensityPixels(pix []byte, h []float64, nx, ny int, c color.RGBA, vmax float64) {
	if len(pix) < 4*nx*ny || len(h) < nx*ny {
		return
	}
	if !(vmax > 0) {
		for _, v := range h[:nx*ny] {
			vmax = max(vmax, v)
		}
	}
	if !(vmax > 0) {
		clear(pix[:4*nx*ny])
		return
	}
	// A 64-level lookup table keeps this cheap.
	var lut [64][4]byte
	for l := range lut {
		col := Ramp(c, float64(l)/float64(len(lut)-1))
		a := float64(col.A) / 255
		lut[l] = [4]byte{byte(float64(col.R)*a + 0.5), byte(float64(col.G)*a + 0.5), byte(float64(col.B)*a + 0.5), col.A}
	}
	for j := 0; j < ny; j++ {
		row := pix[4*nx*(ny-1-j):]
		for i := 0; i < nx; i++ {
			t := h[j*nx+i] / vmax
			l := int(t*float64(len(lut)-1) + 0.5)
			l = max(0, min(l, len(lut)-1))
			copy(row[4*i:4*i+4], lut[l][:])
		}
	}
}
