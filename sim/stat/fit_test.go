package stat

import (
	"math"
	"testing"
)

func TestFitLogLogExact(t *testing.T) {
	alphas := []float64{1.0 / 4, 1.0 / 8, 1.0 / 16, 1.0 / 32, 1.0 / 64}
	for _, c := range []struct {
		name     string
		c, p     float64
		sign     float64
		weighted bool
	}{
		{"c alpha^2", 0.7, 2, 1, false},
		{"c alpha^2 weighted", 0.7, 2, 1, true},
		{"alpha^1", 3, 1, 1, false},
		{"negative errors", 1e-3, 2, -1, true},
		{"alpha^0.5", 2, 0.5, 1, true},
	} {
		err := make([]float64, len(alphas))
		var se []float64
		for i, a := range alphas {
			err[i] = c.sign * c.c * math.Pow(a, c.p)
			if c.weighted {
				se = append(se, 0.1*math.Abs(err[i])*float64(i+1))
			}
		}
		f, e := FitLogLog(alphas, err, se)
		if e != nil || !near(f.Slope, c.p, 1e-13) || !near(f.Intercept, math.Log(c.c), 1e-12) || f.N != 5 || !near(f.Chi2, 0, 1e-24) {
			t.Errorf("%s: fit %+v, %v, want slope %v intercept %v", c.name, f, e, c.p, math.Log(c.c))
		}
		if !c.weighted && (!near(f.SlopeSE, 0, 1e-13) || !near(f.InterceptSE, 0, 1e-12)) {
			t.Errorf("%s: exact data, SE %v %v, want 0", c.name, f.SlopeSE, f.InterceptSE)
		}
	}
	// Known errors: relative se 0.1 at two points one octave apart:
	// sigma = 0.1, x spread ln 2: SlopeSE = 1/sqrt(sum w (x - xbar)^2) = 0.1 sqrt(2)/ln 2.
	f, e := FitLogLog([]float64{0.5, 0.25}, []float64{0.25, 0.0625}, []float64{0.025, 0.00625})
	if want := 0.1 * math.Sqrt(2) / math.Ln2; e != nil || !nearRel(f.SlopeSE, want, 1e-14) || !near(f.Slope, 2, 1e-14) {
		t.Errorf("two points: %+v, %v, want SE %v", f, e, want)
	}
	// Two points without errors: the slope is exact, its SE undefined.
	f, e = FitLogLog([]float64{0.5, 0.25}, []float64{0.25, 0.0625}, []float64{0, 0})
	if e != nil || !near(f.Slope, 2, 1e-14) || !math.IsNaN(f.SlopeSE) {
		t.Errorf("two points unweighted: %+v, %v", f, e)
	}
}

// Noisy power laws: with known errors the t statistic (slope - 2)/SE is
// standard normal; with errors from the residuals it is Student's t with
// N - 2 degrees of freedom.
func TestFitLogLogNoisy(t *testing.T) {
	alphas := []float64{1.0 / 2, 1.0 / 4, 1.0 / 8, 1.0 / 16, 1.0 / 32, 1.0 / 64, 1.0 / 128, 1.0 / 256}
	const experiments = 2000
	tw, tw2 := make([]float64, experiments), make([]float64, experiments)
	inside := 0
	err := make([]float64, len(alphas))
	se := make([]float64, len(alphas))
	for k := 0; k < experiments; k++ {
		eps := normals(len(alphas), 20000+uint64(k))
		for i, a := range alphas {
			s := 0.05 * float64(i+1) // log-scale noise, larger at small alpha
			err[i] = 0.3 * a * a * math.Exp(s*eps[i])
			se[i] = s * err[i]
		}
		f, e := FitLogLog(alphas, err, se)
		if e != nil {
			t.Fatal(e)
		}
		z := (f.Slope - 2) / f.SlopeSE
		tw[k], tw2[k] = z, z*z
		for i, a := range alphas {
			err[i] = 0.3 * a * a * math.Exp(0.2*eps[i])
		}
		f, e = FitLogLog(alphas, err, nil)
		if e != nil {
			t.Fatal(e)
		}
		if math.Abs(f.Slope-2) < 2.446912*f.SlopeSE { // t_{0.975} with 6 degrees of freedom
			inside++
		}
	}
	m, _ := MeanOf(tw)
	v, _ := MeanOf(tw2)
	t.Logf("weighted: E t = %v, E t^2 = %v; unweighted coverage %d/%d", m, v, inside, experiments)
	if math.Abs(m.Mean) > 4*m.SE {
		t.Errorf("weighted: mean of t = %v, want 0", m)
	}
	if math.Abs(v.Mean-1) > 4*v.SE {
		t.Errorf("weighted: mean of t^2 = %v, want 1", v)
	}
	if sd := math.Sqrt(0.95 * 0.05 * experiments); math.Abs(float64(inside)-0.95*experiments) > 4*sd {
		t.Errorf("unweighted: coverage %d/%d, want 95%%", inside, experiments)
	}
}

func TestFitLogLogErrors(t *testing.T) {
	a := []float64{0.5, 0.25, 0.125}
	e := []float64{1, 2, 3}
	for _, c := range []struct {
		name          string
		alpha, err, s []float64
	}{
		{"one point", a[:1], e[:1], nil},
		{"lengths", a, e[:2], nil},
		{"se length", a, e, []float64{1, 1}},
		{"alpha 0", []float64{0.5, 0, 0.1}, e, nil},
		{"alpha negative", []float64{0.5, -1, 0.1}, e, nil},
		{"alpha NaN", []float64{0.5, math.NaN(), 0.1}, e, nil},
		{"err 0", a, []float64{1, 0, 3}, nil},
		{"err Inf", a, []float64{1, math.Inf(-1), 3}, nil},
		{"se negative", a, e, []float64{1, -1, 1}},
		{"se NaN", a, e, []float64{1, math.NaN(), 1}},
		{"se mixed zero", a, e, []float64{1, 0, 1}},
		{"equal alphas", []float64{0.5, 0.5, 0.5}, e, nil},
	} {
		_, err := FitLogLog(c.alpha, c.err, c.s)
		wantErr(t, c.name, err)
	}
}
