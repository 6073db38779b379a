package stat

import (
	"math"
	"testing"

	"smflow/sim/xmath"
)

func TestWeakErrorClosedForm(t *testing.T) {
	f := []float64{1, 2, 3, 4}
	g := []float64{0, 2}
	e, err := WeakErrorExact(f, 2)
	if want := math.Sqrt(5.0 / 3 / 4); err != nil || e.Mean != 0.5 || !nearRel(e.SE, want, 1e-15) || e.N != 4 {
		t.Errorf("WeakErrorExact = %+v, %v, want 0.5 ± %v", e, err, want)
	}
	e, err = WeakError(f, g)
	// SE_f^2 = 5/12, SE_g^2 = 2/2 = 1.
	if want := math.Sqrt(5.0/12 + 1); err != nil || e.Mean != 1.5 || !nearRel(e.SE, want, 1e-15) || e.N != 2 {
		t.Errorf("WeakError = %+v, %v, want 1.5 ± %v", e, err, want)
	}
	e, err = PairedDiff([]float64{1, 2, 3}, []float64{0.5, 1.5, 2})
	if err != nil || !nearRel(e.Mean, 2.0/3, 1e-15) || !nearRel(e.SE, 1.0/6, 1e-14) || e.N != 3 {
		t.Errorf("PairedDiff = %+v, %v, want 2/3 ± 1/6", e, err)
	}
	for _, c := range []struct {
		name string
		f    func() error
	}{
		{"exact: empty", func() error { _, err := WeakErrorExact(nil, 0); return err }},
		{"exact: NaN ref", func() error { _, err := WeakErrorExact(f, math.NaN()); return err }},
		{"exact: Inf value", func() error { _, err := WeakErrorExact([]float64{math.Inf(1)}, 0); return err }},
		{"empty g", func() error { _, err := WeakError(f, nil); return err }},
		{"NaN f", func() error { _, err := WeakError([]float64{math.NaN()}, g); return err }},
		{"paired: lengths", func() error { _, err := PairedDiff(f, g); return err }},
		{"paired: empty", func() error { _, err := PairedDiff(nil, nil); return err }},
		{"paired: NaN", func() error { _, err := PairedDiff([]float64{1}, []float64{math.NaN()}); return err }},
	} {
		wantErr(t, c.name, c.f())
	}
}

// SGD on the closed-form quadratic of MATH.md section 6 (d = 1):
// z_{i+1} = z_i (1 - alpha xi_i), E z_i^2 = z_0^2 (1 - 2 alpha m1 + alpha^2 m2)^i.
// The weak error against the exact value is 0 within its standard error.
func TestWeakErrorSGD(t *testing.T) {
	data := []float64{0.5, 1, 2, 0.5, 3}
	var m1, m2 float64
	for _, xi := range data {
		m1 += xi / 5
		m2 += xi * xi / 5
	}
	const R, steps, alpha, z0 = 20000, 32, 1.0 / 16, 1.5
	f := make([]float64, R)
	for r := range f {
		rng := xmath.Stream(7, 1, uint64(r))
		z := z0
		for i := 0; i < steps; i++ {
			z *= 1 - alpha*data[rng.IntN(len(data))]
		}
		f[r] = z * z
	}
	ref := z0 * z0 * math.Pow(1-2*alpha*m1+alpha*alpha*m2, steps)
	e, err := WeakErrorExact(f, ref)
	if err != nil || math.Abs(e.Mean) > 4*e.SE {
		t.Errorf("SGD E z^2 - exact = %v, %v, want 0 within 4 SE", e, err)
	}
	// The same ensemble against an independent one: 0 within 4 SE.
	g := make([]float64, R/2)
	for r := range g {
		rng := xmath.Stream(7, 2, uint64(r))
		z := z0
		for i := 0; i < steps; i++ {
			z *= 1 - alpha*data[rng.IntN(len(data))]
		}
		g[r] = z * z
	}
	e2, err := WeakError(f, g)
	if err != nil || math.Abs(e2.Mean) > 4*e2.SE || !(e2.SE > e.SE) {
		t.Errorf("SGD vs SGD = %v, %v, want 0 within 4 SE (SE above %v)", e2, err, e.SE)
	}
}

// The standard errors are honest: over many experiments the interval
// mean ± 1.96 SE covers the true difference about 95% of the time.
func TestWeakErrorCoverage(t *testing.T) {
	const experiments, R = 1000, 200
	var exact, indep, paired int
	for k := 0; k < experiments; k++ {
		f := normals(R, 1000+uint64(k))
		g := normals(R/2, 5000+uint64(k))
		h := make([]float64, R) // h = f + 0.1 noise + 0.5: paired difference -0.5
		noise := normals(R, 9000+uint64(k))
		for i := range h {
			f[i] = 2 + 3*f[i]
			h[i] = f[i] + 0.5 + 0.1*noise[i]
		}
		if e, _ := WeakErrorExact(f, 2); math.Abs(e.Mean) < 1.96*e.SE {
			exact++
		}
		if e, _ := WeakError(f, g); math.Abs(e.Mean-2) < 1.96*e.SE {
			indep++
		}
		if e, _ := PairedDiff(f, h); math.Abs(e.Mean+0.5) < 1.96*e.SE {
			paired++
		}
	}
	t.Logf("coverage of 1.96 SE: exact %d, independent %d, paired %d of %d", exact, indep, paired, experiments)
	// Binomial(1000, 0.95) has sd 6.9: accept 4 sd around 950 (the t
	// distribution with 100 degrees of freedom covers 94.7%).
	for _, c := range []struct {
		name string
		n    int
	}{{"exact", exact}, {"independent", indep}, {"paired", paired}} {
		if math.Abs(float64(c.n)-948) > 28 {
			t.Errorf("%s: coverage %d/1000, want about 950", c.name, c.n)
		}
	}
}
