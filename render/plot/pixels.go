package plot

import "image/color"

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
