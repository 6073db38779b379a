package stat

import (
	"math"
	"slices"
	"testing"
)

func TestW1ClosedForm(t *testing.T) {
	for _, c := range []struct {
		name string
		x, y []float64
		want float64
	}{
		{"disjoint pairs", []float64{0, 1}, []float64{2, 3}, 2},
		{"unsorted", []float64{1, 0}, []float64{3, 2}, 2},
		{"points", []float64{-1.5}, []float64{2}, 3.5},
		{"identical", []float64{3, 1, 2}, []float64{2, 3, 1}, 0},
		{"sizes 1 and 2", []float64{0}, []float64{0, 1}, 0.5},
		{"sizes 2 and 1", []float64{0, 2}, []float64{1}, 1},
		{"ties", []float64{1, 1, 2}, []float64{1, 2, 2}, 1.0 / 3},
		{"duplicated sample", []float64{0.3, -2, 5}, []float64{5, 0.3, -2, -2, 0.3, 5}, 0},
		// F - G = 1/2 on [0,1), 1/6 on [1,2), -1/2 on [2,4).
		{"sizes 2 and 3", []float64{0, 4}, []float64{1, 2, 2}, 0.5 + 1.0/6 + 1},
		{"a shift by 1", []float64{3, 1, 2}, []float64{2, 3, 4}, 1},
		{"against a point: mean |x - 0.5|", []float64{0, 0, 1, 1}, []float64{0.5}, 0.5},
		{"|F - G| = 1/4 on [0, 1]", []float64{0, 1}, []float64{0, 0, 0, 1}, 0.25},
	} {
		for _, swap := range []bool{false, true} {
			x, y := c.x, c.y
			if swap {
				x, y = y, x
			}
			xc, yc := slices.Clone(x), slices.Clone(y)
			got, err := W1(x, y, make([]float64, len(x)+len(y)+3))
			if err != nil || !near(got, c.want, 1e-15) {
				t.Errorf("%s (swap %v): W1 = %v, %v, want %v", c.name, swap, got, err, c.want)
			}
			if !slices.Equal(x, xc) || !slices.Equal(y, yc) {
				t.Errorf("%s: W1 changed its inputs", c.name)
			}
		}
	}
}

// W1 between a sample and its translate by c is |c|; between equal-size
// samples it is the mean distance of the order statistics; against a
// point mass it is the mean absolute deviation.
func TestW1Sample(t *testing.T) {
	x := normals(4096, 10)
	y := normals(4000, 11)
	work := make([]float64, 2*len(x))
	for _, c := range []float64{0, 1e-3, 0.5, -2, 10} {
		xc := make([]float64, len(x))
		for i, v := range x {
			xc[i] = v + c
		}
		got, err := W1(x, xc, work)
		if err != nil || !near(got, math.Abs(c), 1e-13) {
			t.Errorf("W1(x, x + %v) = %v, %v", c, got, err)
		}
	}
	xs := slices.Clone(x)
	ys := slices.Clone(y[:len(x)-96])
	ys = append(ys, x[:96]...)
	slices.Sort(xs)
	slices.Sort(ys)
	var want float64
	for i := range xs {
		want += math.Abs(xs[i] - ys[i])
	}
	want /= float64(len(xs))
	got, err := W1(x, ys, work)
	if err != nil || !nearRel(got, want, 1e-12) {
		t.Errorf("W1 of equal sizes = %v, %v, want %v", got, err, want)
	}
	// Against a point mass c: the mean absolute deviation (1/n) sum |x_k - c|.
	for _, c := range []float64{0, 0.7, -5} {
		var mad float64
		for _, v := range x {
			mad += math.Abs(v - c)
		}
		mad /= float64(len(x))
		if got, err := W1(x, []float64{c}, nil); err != nil || !nearRel(got, mad, 1e-12) {
			t.Errorf("W1(x, point %v) = %v, %v, want %v", c, got, err, mad)
		}
	}
	if n := testing.AllocsPerRun(5, func() { _, _ = W1(x, y, work) }); n != 0 {
		t.Errorf("W1 allocates %v times", n)
	}
}

func TestW1Errors(t *testing.T) {
	x := []float64{1, 2}
	for _, c := range []struct {
		name string
		f    func() error
	}{
		{"empty x", func() error { _, err := W1(nil, x, nil); return err }},
		{"empty y", func() error { _, err := W1(x, nil, nil); return err }},
		{"NaN", func() error { _, err := W1(x, []float64{math.NaN()}, nil); return err }},
		{"Inf", func() error { _, err := W1([]float64{math.Inf(-1)}, x, nil); return err }},
		{"short work", func() error { _, err := W1(x, x, make([]float64, 3)); return err }},
	} {
		wantErr(t, c.name, c.f())
	}
}
