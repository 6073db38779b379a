package stat

import (
	"math"
	"testing"
)

func TestMomentsClosedForm(t *testing.T) {
	for _, c := range []struct {
		name      string
		z         []float64
		d         int
		mean, cov []float64
		sqNorm    Estimate
	}{
		{
			name: "square", d: 2,
			z:      []float64{0, 0, 2, 0, 0, 2, 2, 2},
			mean:   []float64{1, 1},
			cov:    []float64{4.0 / 3, 0, 0, 4.0 / 3},
			sqNorm: Estimate{Mean: 4, SE: math.Sqrt(32.0 / 3 / 4), N: 4}, // |z|^2 = 0, 4, 4, 8
		},
		{
			name: "diagonal", d: 2,
			z:      []float64{0, 0, 1, 1, 2, 2},
			mean:   []float64{1, 1},
			cov:    []float64{1, 1, 1, 1},
			sqNorm: Estimate{Mean: 10.0 / 3, SE: math.Sqrt((100.0/9 + 16.0/9 + 196.0/9) / 2 / 3), N: 3}, // 0, 2, 8
		},
		{
			name: "1-D", d: 1,
			z:      []float64{1, 2, 3, 4},
			mean:   []float64{2.5},
			cov:    []float64{5.0 / 3},
			sqNorm: Estimate{Mean: 7.5, SE: math.Sqrt((42.25 + 12.25 + 2.25 + 72.25) / 3 / 4), N: 4}, // 1, 4, 9, 16
		},
		{
			name: "3-D", d: 3,
			z:      []float64{1, 0, -1, -1, 0, 1},
			mean:   []float64{0, 0, 0},
			cov:    []float64{2, 0, -2, 0, 0, 0, -2, 0, 2},
			sqNorm: Estimate{Mean: 2, SE: 0, N: 2},
		},
	} {
		mean := make([]float64, c.d)
		se := make([]float64, c.d)
		cov := make([]float64, c.d*c.d)
		if err := Covariance(cov, mean, c.z, c.d); err != nil {
			t.Fatal(err)
		}
		n := len(c.z) / c.d
		for i := range mean {
			if !near(mean[i], c.mean[i], 1e-15) {
				t.Errorf("%s: mean = %v, want %v", c.name, mean, c.mean)
			}
		}
		for i := range cov {
			if !near(cov[i], c.cov[i], 1e-15) {
				t.Errorf("%s: cov = %v, want %v", c.name, cov, c.cov)
			}
		}
		if err := MeanSE(mean, se, c.z, c.d); err != nil {
			t.Fatal(err)
		}
		for i := range se {
			if want := math.Sqrt(c.cov[i*c.d+i] / float64(n)); !near(se[i], want, 1e-15) {
				t.Errorf("%s: se = %v, want sqrt(diag(cov)/n)", c.name, se)
			}
		}
		e, err := MeanSqNorm(c.z, c.d)
		if err != nil {
			t.Fatal(err)
		}
		if e.N != c.sqNorm.N || !near(e.Mean, c.sqNorm.Mean, 1e-14) || !near(e.SE, c.sqNorm.SE, 1e-14) {
			t.Errorf("%s: MeanSqNorm = %+v, want %+v", c.name, e, c.sqNorm)
		}
	}
}

// A Gaussian cloud z = m + L w has mean m, covariance L L^T and E|z|^2 =
// |m|^2 + tr(L L^T); the estimates agree within their standard errors.
func TestMomentsGaussian(t *testing.T) {
	const n = 20000
	m := []float64{1, -2}
	L := []float64{1, 0, 0.5, 0.3} // lower triangular
	w := normals(2*n, 3)
	z := make([]float64, 2*n)
	for k := 0; k < n; k++ {
		z[2*k] = m[0] + L[0]*w[2*k]
		z[2*k+1] = m[1] + L[2]*w[2*k] + L[3]*w[2*k+1]
	}
	mean, se, cov := make([]float64, 2), make([]float64, 2), make([]float64, 4)
	if err := MeanSE(mean, se, z, 2); err != nil {
		t.Fatal(err)
	}
	wantCov := []float64{1, 0.5, 0.5, 0.25 + 0.09}
	for i := range mean {
		if !near(mean[i], m[i], 4*se[i]) {
			t.Errorf("mean[%d] = %v ± %v, want %v", i, mean[i], se[i], m[i])
		}
		if !nearRel(se[i], math.Sqrt(wantCov[3*i]/n), 0.05) {
			t.Errorf("se[%d] = %v, want about %v", i, se[i], math.Sqrt(wantCov[3*i]/n))
		}
	}
	if err := Covariance(cov, mean, z, 2); err != nil {
		t.Fatal(err)
	}
	// SE of a sample covariance entry: sqrt((s_ii s_jj + s_ij^2)/n) for a Gaussian.
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			sij := wantCov[2*i+j]
			tol := 4 * math.Sqrt((wantCov[3*i]*wantCov[3*j]+sij*sij)/n)
			if !near(cov[2*i+j], sij, tol) {
				t.Errorf("cov[%d][%d] = %v, want %v ± %v", i, j, cov[2*i+j], sij, tol)
			}
		}
	}
	e, err := MeanSqNorm(z, 2)
	if err != nil {
		t.Fatal(err)
	}
	if want := 5 + 1 + 0.34; !near(e.Mean, want, 4*e.SE) {
		t.Errorf("E|z|^2 = %v, want %v", e, want)
	}
}

func TestMomentsErrors(t *testing.T) {
	two := make([]float64, 2)
	for _, c := range []struct {
		name string
		err  error
	}{
		{"d = 0", Mean(two, []float64{1, 2}, 0)},
		{"not a multiple of d", Mean(two, []float64{1, 2, 3}, 2)},
		{"no points", Mean(two, nil, 2)},
		{"dst too short", Mean(two[:1], []float64{1, 2}, 2)},
		{"NaN", Mean(two, []float64{1, math.NaN()}, 2)},
		{"Inf", Mean(two, []float64{1, math.Inf(1)}, 2)},
		{"se too short", MeanSE(two, two[:1], []float64{1, 2}, 2)},
		{"cov too short", Covariance(two, two, []float64{1, 2, 3, 4}, 2)},
		{"cov one point", Covariance(make([]float64, 4), two, []float64{1, 2}, 2)},
	} {
		wantErr(t, c.name, c.err)
	}
	_, err := MeanSqNorm([]float64{1e200, 1e200}, 1)
	wantErr(t, "MeanSqNorm overflow", err)
}

func TestMomentsNoAlloc(t *testing.T) {
	z := normals(300, 4)
	mean, se, cov := make([]float64, 3), make([]float64, 3), make([]float64, 9)
	if n := testing.AllocsPerRun(20, func() {
		_ = MeanSE(mean, se, z, 3)
		_ = Covariance(cov, mean, z, 3)
		_, _ = MeanSqNorm(z, 3)
	}); n != 0 {
		t.Errorf("moments allocate %v times", n)
	}
}
