package stat

import (
	"math"

	"smflow/sim/xmath"
)

// A LineFit is a straight line y = Intercept + Slope x fitted by least
// squares, with the standard errors of its coefficients, the weighted sum of
// squared residuals Chi2 and the number N of points.
type LineFit struct {
	Slope, SlopeSE         float64
	Intercept, InterceptSE float64
	Chi2                   float64
	N                      int
}

// FitLogLog fits |err| = exp(Intercept) alpha^Slope, a straight line through
// the points (x_i, y_i) = (log alpha_i, log |err_i|), by least squares.
//
// With standard errors se (len(se) = len(alpha), se_i > 0), each point is
// weighted by w_i = 1/sigma_i^2 with sigma_i = se_i/|err_i| (the standard
// error of log|err_i| to first order), and the errors are taken as known:
//
//	xbar = sum w x / sum w,  ybar = sum w y / sum w,  Sxx = sum w (x - xbar)^2,
//	Slope = sum w (x - xbar) y / Sxx,  SlopeSE = 1/sqrt(Sxx),
//	Intercept = ybar - Slope xbar,  InterceptSE = sqrt(1/sum w + xbar^2/Sxx),
//	Chi2 = sum w (y - Intercept - Slope x)^2  (about N-2 if the model fits).
//
// With se nil or all zero (a deterministic method), w_i = 1 and the standard
// errors come from the residuals, s^2 = Chi2/(N-2): SlopeSE = s/sqrt(Sxx),
// InterceptSE = s sqrt(1/N + xbar^2/Sxx); they are NaN for N = 2.
//
// Errors: fewer than two points, lengths that differ, alpha_i <= 0,
// err_i = 0 or not finite, se_i < 0 or not finite, se with some entries 0 and
// others positive, or all alpha_i equal.
func FitLogLog(alpha, err, se []float64) (LineFit, error) {
	const fn = "FitLogLog"
	n := len(alpha)
	if n < 2 {
		return LineFit{}, errorf("%s: %d point, want at least 2", fn, n)
	}
	if len(err) != n {
		return LineFit{}, errorf("%s: len(alpha) = %d, len(err) = %d, want equal", fn, n, len(err))
	}
	weighted := false
	if se != nil {
		if len(se) != n {
			return LineFit{}, errorf("%s: len(alpha) = %d, len(se) = %d, want equal (or se nil)", fn, n, len(se))
		}
		zeros := 0
		for i, s := range se {
			if !(s >= 0) || math.IsInf(s, 1) {
				return LineFit{}, errorf("%s: se[%d] = %v, want finite and >= 0", fn, i, s)
			}
			if s == 0 {
				zeros++
			}
		}
		switch zeros {
		case n:
		case 0:
			weighted = true
		default:
			return LineFit{}, errorf("%s: se has %d zero and %d positive entries, want all positive or all zero", fn, zeros, n-zeros)
		}
	}
	for i := 0; i < n; i++ {
		if !(alpha[i] > 0) || math.IsInf(alpha[i], 1) {
			return LineFit{}, errorf("%s: alpha[%d] = %v, want finite and > 0", fn, i, alpha[i])
		}
		if err[i] == 0 || err[i] != err[i] || math.IsInf(err[i], 0) {
			return LineFit{}, errorf("%s: err[%d] = %v, want finite and nonzero", fn, i, err[i])
		}
	}
	point := func(i int) (x, y, w float64) {
		x = xmath.Log(alpha[i])
		a := math.Abs(err[i])
		y = xmath.Log(a)
		w = 1
		if weighted {
			s := se[i] / a
			w = 1 / (s * s)
		}
		return x, y, w
	}
	var sw, swx, swy float64
	for i := 0; i < n; i++ {
		x, y, w := point(i)
		sw += w
		swx += w * x
		swy += w * y
	}
	xbar, ybar := swx/sw, swy/sw
	var sxx, sxy float64
	for i := 0; i < n; i++ {
		x, y, w := point(i)
		dx := x - xbar
		sxx += w * dx * dx
		sxy += w * dx * (y - ybar)
	}
	if !(sxx > 0) || math.IsInf(sxx, 1) {
		return LineFit{}, errorf("%s: the alpha values do not spread (all equal), no slope", fn)
	}
	f := LineFit{Slope: sxy / sxx, N: n}
	f.Intercept = ybar - f.Slope*xbar
	for i := 0; i < n; i++ {
		x, y, w := point(i)
		r := y - f.Intercept - f.Slope*x
		f.Chi2 += w * r * r
	}
	if weighted {
		f.SlopeSE = math.Sqrt(1 / sxx)
		f.InterceptSE = math.Sqrt(1/sw + xbar*xbar/sxx)
	} else if n > 2 {
		s2 := f.Chi2 / float64(n-2)
		f.SlopeSE = math.Sqrt(s2 / sxx)
		f.InterceptSE = math.Sqrt(s2 * (1/float64(n) + xbar*xbar/sxx))
	} else {
		f.SlopeSE, f.InterceptSE = math.NaN(), math.NaN()
	}
	return f, nil
}
