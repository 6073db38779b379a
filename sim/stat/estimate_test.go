package stat

import (
	"math"
	"testing"

	"smflow/sim/xmath"
)

func TestMeanOf(t *testing.T) {
	for _, c := range []struct {
		x        []float64
		mean, se float64
	}{
		{[]float64{1, 2, 3, 4}, 2.5, math.Sqrt(5.0 / 3 / 4)},
		{[]float64{7}, 7, math.Inf(1)},
		{[]float64{-1, 1}, 0, 1},
		{[]float64{5, 5, 5}, 5, 0},
		{[]float64{1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4}, 1e9 + 2.5, math.Sqrt(5.0 / 3 / 4)},
	} {
		e, err := MeanOf(c.x)
		if err != nil {
			t.Fatal(err)
		}
		if e.N != len(c.x) || !nearRel(e.Mean, c.mean, 1e-15) || !nearRel(e.SE, c.se, 1e-12) {
			t.Errorf("MeanOf(%v) = %+v, want mean %v se %v", c.x, e, c.mean, c.se)
		}
	}
	_, err := MeanOf(nil)
	wantErr(t, "MeanOf(nil)", err)
	_, err = MeanOf([]float64{1, math.NaN()})
	wantErr(t, "MeanOf(NaN)", err)
}

func TestDiff(t *testing.T) {
	got := Diff(Estimate{Mean: 3, SE: 3, N: 10}, Estimate{Mean: 1, SE: 4, N: 7})
	if got != (Estimate{Mean: 2, SE: 5, N: 7}) {
		t.Errorf("Diff = %+v", got)
	}
	if s := got.String(); s != "2 ± 5 (n=7)" {
		t.Errorf("String = %q", s)
	}
}

// SGD on the closed-form quadratic of MATH.md section 6 (d = 1):
// z_{i+1} = z_i (1 - alpha xi_i), E z_i^2 = z_0^2 (1 - 2 alpha m1 + alpha^2 m2)^i.
// The weak error against the exact value, and against an independent SGD
// ensemble (Diff), is 0 within its standard error.
func TestWeakErrorSGD(t *testing.T) {
	data := []float64{0.5, 1, 2, 0.5, 3}
	var m1, m2 float64
	for _, xi := range data {
		m1 += xi / 5
		m2 += xi * xi / 5
	}
	const R, steps, alpha, z0 = 20000, 32, 1.0 / 16, 1.5
	sgd := func(n int, stream uint64) []float64 {
		f := make([]float64, n)
		for r := range f {
			rng := xmath.Stream(7, stream, uint64(r))
			z := z0
			for i := 0; i < steps; i++ {
				z *= 1 - alpha*data[rng.IntN(len(data))]
			}
			f[r] = z * z
		}
		return f
	}
	ref := z0 * z0 * math.Pow(1-2*alpha*m1+alpha*alpha*m2, steps)
	e, err := MeanOf(sgd(R, 1))
	if err != nil || math.Abs(e.Mean-ref) > 4*e.SE {
		t.Errorf("SGD E z^2 = %v, %v, want the exact %v within 4 SE", e, err, ref)
	}
	g, err := MeanOf(sgd(R/2, 2))
	if d := Diff(e, g); err != nil || math.Abs(d.Mean) > 4*d.SE || !(d.SE > e.SE) || d.N != R/2 {
		t.Errorf("SGD vs SGD = %v, %v, want 0 within 4 SE (SE above %v)", d, err, e.SE)
	}
}

// The standard errors are honest: over many experiments the interval
// mean ± 1.96 SE covers the true value about 95% of the time, for a mean
// (MeanOf), a difference of independent means (Diff) and a mean of paired
// differences.
func TestMeanOfCoverage(t *testing.T) {
	const experiments, R = 1000, 200
	var one, indep, paired int
	d := make([]float64, R)
	for k := 0; k < experiments; k++ {
		f := normals(R, 1000+uint64(k))
		g := normals(R/2, 5000+uint64(k))
		noise := normals(R, 9000+uint64(k))
		for i := range f {
			f[i] = 2 + 3*f[i]
			d[i] = -0.5 + 0.1*noise[i] // f - h for h = f + 0.5 + 0.1 noise
		}
		ef, _ := MeanOf(f)
		eg, _ := MeanOf(g)
		ed, _ := MeanOf(d)
		if math.Abs(ef.Mean-2) < 1.96*ef.SE {
			one++
		}
		if e := Diff(ef, eg); math.Abs(e.Mean-2) < 1.96*e.SE {
			indep++
		}
		if math.Abs(ed.Mean+0.5) < 1.96*ed.SE {
			paired++
		}
	}
	t.Logf("coverage of 1.96 SE: one mean %d, independent difference %d, paired %d of %d", one, indep, paired, experiments)
	// Binomial(1000, 0.95) has sd 6.9: accept 4 sd around 950 (the t
	// distribution with 100 degrees of freedom covers 94.7%).
	for _, c := range []struct {
		name string
		n    int
	}{{"one mean", one}, {"independent", indep}, {"paired", paired}} {
		if math.Abs(float64(c.n)-948) > 28 {
			t.Errorf("%s: coverage %d/1000, want about 950", c.name, c.n)
		}
	}
}

func TestMeanOfNoAlloc(t *testing.T) {
	x := normals(1000, 3)
	if n := testing.AllocsPerRun(100, func() { _, _ = MeanOf(x) }); n != 0 {
		t.Errorf("MeanOf allocates %v times", n)
	}
}
