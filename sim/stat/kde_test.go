package stat

import (
	"math"
	"testing"
)

func TestSilverman(t *testing.T) {
	fifth := func(n float64) float64 { return math.Pow(n, -0.2) }
	for _, c := range []struct {
		name string
		x    []float64
		want float64
	}{
		// sd = sqrt(2.5) = 1.58, IQR = 4 - 2 = 2, 2/1.34 = 1.49 < sd.
		{"1..5", []float64{5, 1, 4, 2, 3}, 0.9 * 2 / 1.34 * fifth(5)},
		// sd = sqrt(2); quartiles (type 7) -1 + 0.25*2 = -0.5 and 0.5, IQR = 1.
		{"+-1", []float64{-1, 1}, 0.9 / 1.34 * fifth(2)},
		// Bimodal: sd = sqrt(1/3) = 0.577 < IQR/1.34 = 1/1.34 (quartiles 0 and 1).
		{"sd smaller", []float64{1, 0, 1, 0}, 0.9 * math.Sqrt(1.0/3) * fifth(4)},
		// IQR = 0: sd used. mean 0.2, sum of squares 0.8, sd = sqrt(0.2).
		{"IQR 0", []float64{0, 0, 0, 0, 1}, 0.9 * math.Sqrt(0.2) * fifth(5)},
		{"constant", []float64{3, 3, 3}, 0},
	} {
		got, err := Silverman(c.x, make([]float64, len(c.x)))
		if err != nil || !nearRel(got, c.want, 1e-14) {
			t.Errorf("%s: Silverman = %v, %v, want %v", c.name, got, err, c.want)
		}
	}
	_, err := Silverman([]float64{1}, nil)
	wantErr(t, "one value", err)
	_, err = Silverman([]float64{1, 2, 3}, make([]float64, 2))
	wantErr(t, "short work", err)
	_, err = Silverman([]float64{1, math.NaN()}, nil)
	wantErr(t, "NaN", err)
}

// density1DDirect is the defining sum with math.Exp, without truncation.
func density1DDirect(dst, x []float64, lo, hi, h float64) {
	m := len(dst)
	for i := range dst {
		g := lo + float64(i)*(hi-lo)/float64(m-1)
		var s float64
		for _, xk := range x {
			u := (g - xk) / h
			s += math.Exp(-u*u/2) / math.Sqrt(2*math.Pi)
		}
		dst[i] = s / (float64(len(x)) * h)
	}
}

// The recurrence gives the kernel sum to rounding, for bandwidths from well
// below to far above the grid spacing and points inside and outside the grid.
func TestDensity1DExact(t *testing.T) {
	x := normals(300, 7)
	for i := range x {
		x[i] = 0.5 + 1.5*x[i]
	}
	x = append(x, -30, 40, 2.5, -1)
	for _, h := range []float64{0.003, 0.01, 0.05, 0.3, 1, 4, 50} {
		for _, m := range []int{2, 3, 64, 257} {
			got := make([]float64, m)
			want := make([]float64, m)
			if _, err := Density1D(got, x, -2, 3, h, nil); err != nil {
				t.Fatal(err)
			}
			density1DDirect(want, x, -2, 3, h)
			var peak float64
			for _, v := range want {
				peak = max(peak, v)
			}
			for i := range got {
				if !near(got[i], want[i], 1e-12*peak) {
					t.Errorf("h %v m %d: dst[%d] = %v, want %v", h, m, i, got[i], want[i])
					break
				}
			}
		}
	}
}

func TestDensity1DClosedForm(t *testing.T) {
	// One point at 0 with h = 1: the standard normal density on the grid.
	dst := make([]float64, 9)
	if _, err := Density1D(dst, []float64{0}, -4, 4, 1, nil); err != nil {
		t.Fatal(err)
	}
	for i, v := range dst {
		g := float64(i - 4)
		if want := math.Exp(-g*g/2) / math.Sqrt(2*math.Pi); !nearRel(v, want, 1e-13) {
			t.Errorf("dst[%d] = %v, want %v", i, v, want)
		}
	}

	// A N(0,1) sample of n points with bandwidth h: E dst(g) is the N(0, 1+h^2)
	// density and Var dst(g) is about f(g)/(2 sqrt(pi) n h). Silverman's
	// rule picks h = 0.9 min(sd, IQR/1.34) n^(-1/5), about 0.9 * 0.99 * n^(-1/5).
	const n = 20000
	x := normals(n, 8)
	dst = make([]float64, 101)
	h, err := Density1D(dst, x, -5, 5, 0, make([]float64, n))
	if err != nil {
		t.Fatal(err)
	}
	if want := 0.9 * 0.99 * math.Pow(n, -0.2); !nearRel(h, want, 0.05) {
		t.Errorf("Silverman bandwidth %v, want about %v", h, want)
	}
	s2 := 1 + h*h
	var integral float64
	for i, v := range dst {
		g := -5 + 0.1*float64(i)
		want := math.Exp(-g*g/(2*s2)) / math.Sqrt(2*math.Pi*s2)
		sd := math.Sqrt(want / (2 * math.Sqrt(math.Pi) * n * h))
		if !near(v, want, 4*sd+1e-12) {
			t.Errorf("dst(%v) = %v, want %v ± %v", g, v, want, sd)
		}
		w := 0.1
		if i == 0 || i == len(dst)-1 {
			w = 0.05
		}
		integral += w * v
	}
	if !near(integral, 1, 1e-4) {
		t.Errorf("integral of the density = %v, want 1", integral)
	}

	// All values equal: the bandwidth falls back to the grid spacing.
	h, err = Density1D(dst, []float64{1, 1, 1}, -5, 5, 0, nil)
	if err != nil || h != 0.1 {
		t.Errorf("constant sample: h = %v, %v, want 0.1", h, err)
	}
}

func TestDensity1DErrors(t *testing.T) {
	dst := make([]float64, 10)
	x := []float64{1, 2, 3}
	for _, c := range []struct {
		name string
		f    func() error
	}{
		{"one node", func() error { _, err := Density1D(dst[:1], x, 0, 1, 1, nil); return err }},
		{"empty range", func() error { _, err := Density1D(dst, x, 1, 1, 1, nil); return err }},
		{"empty sample", func() error { _, err := Density1D(dst, nil, 0, 1, 1, nil); return err }},
		{"negative h", func() error { _, err := Density1D(dst, x, 0, 1, -1, nil); return err }},
		{"NaN h", func() error { _, err := Density1D(dst, x, 0, 1, math.NaN(), nil); return err }},
		{"NaN x", func() error { _, err := Density1D(dst, []float64{math.NaN()}, 0, 1, 1, nil); return err }},
		{"short work", func() error { _, err := Density1D(dst, x, 0, 1, 0, make([]float64, 1)); return err }},
	} {
		wantErr(t, c.name, c.f())
	}
	work := make([]float64, 3)
	if n := testing.AllocsPerRun(20, func() { _, _ = Density1D(dst, x, 0, 4, 0, work) }); n != 0 {
		t.Errorf("Density1D allocates %v times", n)
	}
}
