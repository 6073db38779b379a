package stat

import "math"

// Mean sets dst to the mean vector of the n points of dimension d in z:
//
//	dst_i = (1/n) sum_k z_k[i],  i = 0..d-1.
//
// len(dst) must be d.
func Mean(dst, z []float64, d int) error {
	n, err := numPoints("Mean", z, d)
	if err != nil {
		return err
	}
	if err := checkDst("Mean", "dst", dst, d); err != nil {
		return err
	}
	if err := checkFinite("Mean", "z", z); err != nil {
		return err
	}
	mean(dst, z, d, n)
	return nil
}

func mean(dst, z []float64, d, n int) {
	clear(dst)
	for k := 0; k < n; k++ {
		p := z[k*d : k*d+d]
		for i, v := range p {
			dst[i] += v
		}
	}
	inv := 1 / float64(n)
	for i := range dst {
		dst[i] *= inv
	}
}

// MeanSE sets mean to the mean vector of the n points in z (as Mean) and se
// to the standard errors of its components:
//
//	se_i = sd_i / sqrt(n),  sd_i^2 = (1/(n-1)) sum_k (z_k[i] - mean_i)^2,
//
// +Inf when n = 1. len(mean) and len(se) must be d.
func MeanSE(mean, se, z []float64, d int) error {
	if err := Mean(mean, z, d); err != nil {
		return err
	}
	if err := checkDst("MeanSE", "se", se, d); err != nil {
		return err
	}
	n := len(z) / d
	clear(se)
	for k := 0; k < n; k++ {
		p := z[k*d : k*d+d]
		for i, v := range p {
			dv := v - mean[i]
			se[i] += dv * dv
		}
	}
	for i := range se {
		se[i] = seOf(se[i], n)
	}
	return nil
}

// Covariance sets mean to the mean vector of the n >= 2 points in z and cov
// (d*d, row-major) to their sample covariance matrix
//
//	cov_ij = (1/(n-1)) sum_k (z_k[i] - mean_i)(z_k[j] - mean_j),
//
// computed in two passes. len(cov) must be d*d and len(mean) d.
func Covariance(cov, mean, z []float64, d int) error {
	if err := Mean(mean, z, d); err != nil {
		return err
	}
	if err := checkDst("Covariance", "cov", cov, d*d); err != nil {
		return err
	}
	n := len(z) / d
	if n < 2 {
		return errorf("Covariance: %d point, want at least 2", n)
	}
	clear(cov)
	for k := 0; k < n; k++ {
		p := z[k*d : k*d+d]
		for i := 0; i < d; i++ {
			di := p[i] - mean[i]
			row := cov[i*d : i*d+d]
			for j := i; j < d; j++ {
				row[j] += di * (p[j] - mean[j])
			}
		}
	}
	inv := 1 / float64(n-1)
	for i := 0; i < d; i++ {
		for j := i; j < d; j++ {
			cov[i*d+j] *= inv
			cov[j*d+i] = cov[i*d+j]
		}
	}
	return nil
}

// MeanSqNorm returns the estimate of E|z|^2 over the n points of z (each
// point one sample, e.g. one replica):
//
//	Mean = (1/n) sum_k |z_k|^2,  SE = sd(|z_k|^2) / sqrt(n).
func MeanSqNorm(z []float64, d int) (Estimate, error) {
	n, err := numPoints("MeanSqNorm", z, d)
	if err != nil {
		return Estimate{}, err
	}
	if err := checkFinite("MeanSqNorm", "z", z); err != nil {
		return Estimate{}, err
	}
	var a Acc
	for k := 0; k < n; k++ {
		var s float64
		for _, v := range z[k*d : k*d+d] {
			s += v * v
		}
		a.Add(s)
	}
	e := a.Estimate()
	if math.IsInf(e.Mean, 0) || math.IsNaN(e.Mean) {
		return Estimate{}, errorf("MeanSqNorm: |z|^2 overflows")
	}
	return e, nil
}
