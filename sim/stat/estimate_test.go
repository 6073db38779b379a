package stat

import (
	"math"
	"testing"
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

// Welford's streaming estimate agrees with the two-pass estimate, also for
// data with a large offset (where the textbook one-pass formula fails).
func TestAccWelfordVsTwoPass(t *testing.T) {
	for _, offset := range []float64{0, 1, 1e3, 1e6} {
		x := normals(10000, 1)
		for i := range x {
			x[i] = offset + 0.1*x[i]
		}
		var a Acc
		for _, v := range x {
			a.Add(v)
		}
		want, _ := MeanOf(x)
		got := a.Estimate()
		// Agreement far inside the statistical error (the rounding of
		// Welford's running mean grows with the offset).
		if got.N != want.N || !near(got.Mean, want.Mean, 1e-5*want.SE) || !nearRel(got.SE, want.SE, 1e-5) {
			t.Errorf("offset %g: Welford %.17g %.17g, two-pass %.17g %.17g", offset, got.Mean, got.SE, want.Mean, want.SE)
		}
		if !nearRel(a.Var(), want.SE*want.SE*float64(want.N), 1e-5) {
			t.Errorf("offset %g: Var %v", offset, a.Var())
		}
	}
}

// Merging accumulators of parts gives the one-pass accumulator of the whole.
func TestAccMerge(t *testing.T) {
	x := normals(1000, 2)
	for i := range x {
		x[i] = 3 + 2*x[i]
	}
	var whole Acc
	for _, v := range x {
		whole.Add(v)
	}
	want := whole.Estimate()
	for _, cuts := range [][]int{
		{0}, {1000}, {1}, {500}, {999}, {100, 200, 700}, {0, 0, 1000}, {10, 11, 12, 13},
	} {
		var total Acc
		prev := 0
		for _, c := range append(cuts, len(x)) {
			var part Acc
			for _, v := range x[prev:c] {
				part.Add(v)
			}
			total.Merge(&part)
			prev = c
		}
		got := total.Estimate()
		if got.N != want.N || !nearRel(got.Mean, want.Mean, 1e-14) || !nearRel(got.SE, want.SE, 1e-12) {
			t.Errorf("cuts %v: merged %+v, one pass %+v", cuts, got, want)
		}
	}
}

func TestAccSpecial(t *testing.T) {
	var a Acc
	if e := a.Estimate(); e.N != 0 || !math.IsNaN(e.Mean) || !math.IsInf(e.SE, 1) {
		t.Errorf("empty: %+v", e)
	}
	a.Add(2)
	if e := a.Estimate(); e.N != 1 || e.Mean != 2 || !math.IsInf(e.SE, 1) || !math.IsNaN(a.Var()) {
		t.Errorf("one value: %+v", e)
	}
	a.Add(math.NaN())
	if e := a.Estimate(); !math.IsNaN(e.Mean) || !math.IsNaN(e.SE) {
		t.Errorf("after NaN: %+v", e)
	}
	var b Acc
	b.Add(1)
	b.Merge(&a)
	if !math.IsNaN(b.Mean()) {
		t.Error("Merge does not carry the NaN")
	}
	a.Reset()
	if a.N() != 0 || !math.IsNaN(a.Mean()) {
		t.Error("Reset")
	}
}

func TestAccNoAlloc(t *testing.T) {
	var a, b Acc
	b.Add(1)
	if n := testing.AllocsPerRun(100, func() { a.Add(0.5); a.Merge(&b); _ = a.Estimate() }); n != 0 {
		t.Errorf("Acc allocates %v times", n)
	}
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
