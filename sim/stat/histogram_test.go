package stat

import (
	"math"
	"slices"
	"testing"
)

func TestHistogram(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, c := range []struct {
		name    string
		x       []float64
		bins    int
		lo, hi  float64
		want    []float64
		counted int
	}{
		{"unit bins", []float64{0, 0.5, 1, 1.5, 2.9, 3, 3.99, 4}, 4, 0, 4, []float64{2, 2, 1, 3}, 8},
		{"outside", []float64{-1, -0.001, 0, 4.0001, 5, inf, -inf, nan}, 4, 0, 4, []float64{1, 0, 0, 0}, 1},
		{"one bin", []float64{-2, -1, 0, 1, 2, 3}, 1, -1, 2, []float64{4}, 4},
		{"empty sample", nil, 3, 0, 1, []float64{0, 0, 0}, 0},
		{"negative range", []float64{-0.75, -0.5, -0.25}, 2, -1, 0, []float64{1, 2}, 3},
		{"quarter bins", []float64{0, 0.1, 0.5, 0.99, 1, 2, nan, -0.1}, 4, 0, 1, []float64{2, 0, 1, 2}, 5},
	} {
		dst := make([]float64, c.bins)
		for i := range dst {
			dst[i] = 99 // overwritten, not added to
		}
		counted, err := Histogram(dst, c.x, c.lo, c.hi)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(dst, c.want) || counted != c.counted {
			t.Errorf("%s: Histogram = %v, %d, want %v, %d", c.name, dst, counted, c.want, c.counted)
		}
	}
	// Counts of a normal sample agree with the bin probabilities within 4 SE.
	x := normals(100000, 6)
	dst := make([]float64, 8)
	counted, err := Histogram(dst, x, -2, 2)
	if err != nil {
		t.Fatal(err)
	}
	Phi := func(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }
	for i, v := range dst {
		p := Phi(-2+0.5*float64(i+1)) - Phi(-2+0.5*float64(i))
		want := p * float64(len(x))
		if sd := math.Sqrt(want * (1 - p)); !near(v, want, 4*sd) {
			t.Errorf("bin %d: %v, want %v ± %v", i, v, want, sd)
		}
	}
	p := 2 * Phi(-2) // outside [-2, 2]
	if want, sd := (1-p)*float64(len(x)), math.Sqrt(p*(1-p)*float64(len(x))); !near(float64(counted), want, 4*sd) {
		t.Errorf("counted %d, want %v", counted, want)
	}
	if n := testing.AllocsPerRun(10, func() { _, _ = Histogram(dst, x[:1000], -2, 2) }); n != 0 {
		t.Errorf("Histogram allocates %v times", n)
	}
	_, err = Histogram(nil, x, 0, 1)
	wantErr(t, "no bins", err)
	_, err = Histogram(dst, x, 1, 1)
	wantErr(t, "empty range", err)
	_, err = Histogram(dst, x, 0, inf)
	wantErr(t, "infinite range", err)
	_, err = Histogram(dst, x, nan, 1)
	wantErr(t, "NaN range", err)
}
