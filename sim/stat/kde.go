package stat

import (
	"math"
	"slices"

	"smflow/sim/xmath"
)

// kernelCut is the truncation of the Gaussian kernel in bandwidths: points
// farther than kernelCut*h from a grid node do not contribute to it
// (exp(-kernelCut^2/2) = 1.3e-14).
const kernelCut = 8

// invSqrt2Pi is 1/sqrt(2 pi).
const invSqrt2Pi = 0.398942280401432677939946059934381868475858631164934657665925829670657925899

// Silverman returns Silverman's rule-of-thumb bandwidth of the sample x
// (n >= 2 values) for a Gaussian kernel:
//
//	h = 0.9 min(sd, IQR/1.34) n^(-1/5),
//
// with the sample standard deviation sd and the interquartile range IQR
// (quartiles by linear interpolation between order statistics,
// q(p) = x_(floor(t)) + frac(t)(x_(floor(t)+1) - x_(floor(t))), t = (n-1)p,
// counting from 0). If IQR = 0, sd is used; the result is 0 only if all
// values are equal. work holds the sorted copy: nil, or len(work) >= len(x).
func Silverman(x, work []float64) (float64, error) {
	n := len(x)
	if n < 2 {
		return 0, errorf("Silverman: %d value, want at least 2", n)
	}
	if err := checkFinite("Silverman", "x", x); err != nil {
		return 0, err
	}
	s, err := workSlice("Silverman", work, n)
	if err != nil {
		return 0, err
	}
	copy(s, x)
	slices.Sort(s)
	var m float64
	for _, v := range s {
		m += v
	}
	m /= float64(n)
	var ss float64
	for _, v := range s {
		ss += (v - m) * (v - m)
	}
	sd := math.Sqrt(ss / float64(n-1))
	iqr := quantileSorted(s, 0.75) - quantileSorted(s, 0.25)
	spread := sd
	if iqr > 0 && iqr/1.34 < sd {
		spread = iqr / 1.34
	}
	return 0.9 * spread * xmath.Exp(-xmath.Log(float64(n))/5), nil
}

// quantileSorted returns the p-quantile of the sorted sample s by linear
// interpolation between order statistics (R's type 7).
func quantileSorted(s []float64, p float64) float64 {
	t := float64(len(s)-1) * p
	i := int(t)
	if i >= len(s)-1 {
		return s[len(s)-1]
	}
	f := t - float64(i)
	return s[i] + f*(s[i+1]-s[i])
}

// Density1D sets dst to the Gaussian kernel density estimate of the sample x
// on the m = len(dst) >= 2 equally spaced nodes g_i = lo + i (hi-lo)/(m-1):
//
//	dst_i = (1/(n h)) sum_k phi((g_i - x_k)/h),  phi(u) = exp(-u^2/2)/sqrt(2 pi),
//
// with the kernel cut at |u| = 8 (a relative error below 1.3e-14). Points
// outside [lo, hi] still contribute their tails. If h = 0, the bandwidth is
// Silverman's rule (see Silverman; work as there), falling back to the grid
// spacing if there is one value or all values are equal; otherwise work is
// not used and may be nil.
// It returns the bandwidth used.
//
// Cost O(n (16h/spacing + 3)): the kernel values along the grid come from the
// recurrence exp(-(u+delta)^2/2) = exp(-u^2/2) exp(-u delta - delta^2/2), so
// each point costs three exponentials.
func Density1D(dst, x []float64, lo, hi, h float64, work []float64) (float64, error) {
	m := len(dst)
	if m < 2 {
		return 0, errorf("Density1D: len(dst) = %d, want at least 2 grid nodes", m)
	}
	if !(lo < hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return 0, errorf("Density1D: range [%v, %v] is not a finite interval with lo < hi", lo, hi)
	}
	if len(x) == 0 {
		return 0, errorf("Density1D: empty sample")
	}
	if !(h >= 0) || math.IsInf(h, 1) {
		return 0, errorf("Density1D: bandwidth h = %v, want h > 0 (or 0 for Silverman's rule)", h)
	}
	if err := checkFinite("Density1D", "x", x); err != nil {
		return 0, err
	}
	dx := (hi - lo) / float64(m-1)
	if h == 0 {
		if len(x) >= 2 {
			var err error
			if h, err = Silverman(x, work); err != nil {
				return 0, err
			}
		}
		if h == 0 {
			h = dx
		}
	}
	clear(dst)
	delta := dx / h
	q := xmath.Exp(-delta * delta)
	reach := kernelCut * h
	for _, xk := range x {
		iLo := int(math.Ceil((xk - reach - lo) / dx))
		iHi := int(math.Floor((xk + reach - lo) / dx))
		iLo = max(iLo, 0)
		iHi = min(iHi, m-1)
		if iLo > iHi {
			continue
		}
		c := int(math.Floor((xk-lo)/dx + 0.5))
		c = min(max(c, iLo), iHi)
		u := (lo + float64(c)*dx - xk) / h
		vc := xmath.Exp(-u * u / 2)
		dst[c] += vc
		v, r := vc, xmath.Exp(-u*delta-delta*delta/2)
		for i := c + 1; i <= iHi; i++ {
			v *= r
			r *= q
			dst[i] += v
		}
		v, r = vc, xmath.Exp(u*delta-delta*delta/2)
		for i := c - 1; i >= iLo; i-- {
			v *= r
			r *= q
			dst[i] += v
		}
	}
	scale := invSqrt2Pi / (float64(len(x)) * h)
	for i := range dst {
		dst[i] *= scale
	}
	return h, nil
}
