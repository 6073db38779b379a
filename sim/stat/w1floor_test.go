package stat

import (
	"math"
	"slices"
	"testing"
)

// Closed forms: two values always split apart; {0, 0, 1, 1} splits into
// {0, 0} | {1, 1} (W1 = 1) with probability 1/3 and into {0, 1} | {0, 1}
// (W1 = 0) otherwise, which also checks that the splits are uniform.
func TestW1FloorClosedForm(t *testing.T) {
	m, q, err := W1Floor([]float64{0, 1}, 1, 1, 5, 0.95, nil)
	if err != nil || m != 1 || q != 1 {
		t.Errorf("W1Floor({0, 1}) = %v, %v, %v, want 1, 1", m, q, err)
	}
	const splits = 6000
	m, q, err = W1Floor([]float64{1, 0, 1, 0}, 2, 2, splits, 0.5, nil)
	if se := math.Sqrt(2.0 / 9 / splits); err != nil || math.Abs(m-1.0/3) > 4*se || q != 0 {
		t.Errorf("W1Floor({0, 0, 1, 1}) = %v, %v, %v, want 1/3 -/+ %.2g and median 0", m, q, err, 4*se)
	}
	if _, q, _ := W1Floor([]float64{1, 0, 1, 0}, 2, 2, splits, 0.9, nil); q != 1 {
		t.Errorf("90%% quantile %v, want 1", q)
	}
	// Equal values: no floor at all.
	if m, q, err := W1Floor([]float64{3, 3, 3}, 3, 3, 8, 1, nil); err != nil || m != 0 || q != 0 {
		t.Errorf("W1Floor of equal values = %v, %v, %v", m, q, err)
	}
}

// The splits depend on len(x) only, so changing the sizes n, m scales the
// distances by c = sqrt((1/n + 1/m) / (1/h + 1/(L-h))) and nothing else:
// 1/sqrt(2) from halves to the full size. The input is left alone, the
// result is the same in every call, and nothing is allocated.
func TestW1FloorScaling(t *testing.T) {
	x := normals(129, 40)
	xc := slices.Clone(x)
	work := make([]float64, 4*len(x)+64)
	mh, qh, err := W1Floor(x, 64, 65, 64, 0.95, work) // the halves' own sizes: c = 1
	if err != nil || !(mh > 0) || !(qh > mh) {
		t.Fatalf("halves: %v, %v, %v", mh, qh, err)
	}
	for _, c := range []struct{ n, m int }{{129, 129}, {129, 1000}, {10, 3}} {
		f := math.Sqrt((1/float64(c.n) + 1/float64(c.m)) / (1.0/64 + 1.0/65))
		m, q, err := W1Floor(x, c.n, c.m, 64, 0.95, work)
		if err != nil || !nearRel(m, f*mh, 1e-13) || !nearRel(q, f*qh, 1e-13) {
			t.Errorf("n = %d, m = %d: %v, %v, %v, want %v, %v", c.n, c.m, m, q, err, f*mh, f*qh)
		}
	}
	if !slices.Equal(x, xc) {
		t.Error("W1Floor changed its input")
	}
	if m, q, _ := W1Floor(x, 64, 65, 64, 0.95, nil); m != mh || q != qh {
		t.Errorf("a second call gives %v, %v, want %v, %v", m, q, mh, qh)
	}
	if n := testing.AllocsPerRun(5, func() { _, _, _ = W1Floor(x, 129, 129, 64, 0.95, work) }); n != 0 {
		t.Errorf("W1Floor allocates %v times", n)
	}
}

// What the floor stands for: over many trials, the W1 between x and an
// independent sample y of the same law (sizes n and m) has the mean that
// W1Floor(x) estimates from x alone (to the 3-5% of the asymptotic
// scaling), and exceeds W1Floor's 97.5% quantile in about 5% of the
// trials, not 2.5%: the quantile is estimated from x, which is one of the
// two samples. Checked for a normal and a skewed law (squares of normals),
// for equal and unequal sizes.
func TestW1FloorCalibrated(t *testing.T) {
	const trials = 400
	for _, c := range []struct {
		name   string
		n, m   int
		skewed bool
	}{
		{"normal 128 vs 128", 128, 128, false},
		{"chi2 128 vs 128", 128, 128, true},
		{"normal 64 vs 256", 64, 256, false},
	} {
		var sumD, sumF, sumD2, sumF2 float64
		above := 0
		work := make([]float64, 4*c.n+c.m+128)
		for k := 0; k < trials; k++ {
			x := normals(c.n, uint64(1000+2*k))
			y := normals(c.m, uint64(1001+2*k))
			if c.skewed {
				for i := range x {
					x[i] *= x[i]
				}
				for i := range y {
					y[i] *= y[i]
				}
			}
			d, _ := W1(x, y, work)
			f, q, err := W1Floor(x, c.n, c.m, 128, 0.975, work)
			if err != nil {
				t.Fatal(err)
			}
			sumD, sumD2, sumF, sumF2 = sumD+d, sumD2+d*d, sumF+f, sumF2+f*f
			if d > q {
				above++
			}
		}
		mD, mF := sumD/trials, sumF/trials
		se := math.Sqrt((sumD2/trials-mD*mD)/trials + (sumF2/trials-mF*mF)/trials)
		// 4 standard errors, and 6% for the asymptotic scaling.
		if math.Abs(mF-mD) > 4*se+0.06*mD {
			t.Errorf("%s: mean W1 %.4g, mean floor %.4g (se of the difference %.2g)", c.name, mD, mF, se)
		}
		// 5% of 400 is 20 -/+ 4.4.
		if above < 6 || above > 36 {
			t.Errorf("%s: W1 above the 97.5%% quantile in %d of %d trials, want about 20", c.name, above, trials)
		}
		t.Logf("%s: mean W1 %.4g, mean floor %.4g -/+ %.2g; above the 97.5%% quantile %d/%d", c.name, mD, mF, se, above, trials)
	}
}

func TestW1FloorErrors(t *testing.T) {
	x := []float64{1, 2, 3}
	for _, c := range []struct {
		name string
		f    func() error
	}{
		{"one value", func() error { _, _, err := W1Floor([]float64{1}, 1, 1, 1, 0.5, nil); return err }},
		{"NaN", func() error { _, _, err := W1Floor([]float64{1, math.NaN()}, 1, 1, 1, 0.5, nil); return err }},
		{"Inf", func() error { _, _, err := W1Floor([]float64{math.Inf(1), 1}, 1, 1, 1, 0.5, nil); return err }},
		{"n = 0", func() error { _, _, err := W1Floor(x, 0, 1, 1, 0.5, nil); return err }},
		{"m = 0", func() error { _, _, err := W1Floor(x, 1, 0, 1, 0.5, nil); return err }},
		{"no split", func() error { _, _, err := W1Floor(x, 1, 1, 0, 0.5, nil); return err }},
		{"q < 0", func() error { _, _, err := W1Floor(x, 1, 1, 1, -0.1, nil); return err }},
		{"q NaN", func() error { _, _, err := W1Floor(x, 1, 1, 1, math.NaN(), nil); return err }},
		{"short work", func() error { _, _, err := W1Floor(x, 1, 1, 2, 0.5, make([]float64, 13)); return err }},
	} {
		wantErr(t, c.name, c.f())
	}
}

// w1FloorWant is W1Floor of TestW1FloorDeterministic, natively and under
// WebAssembly.
var w1FloorWant = [2]uint64{0x3fc002ef4e978314, 0x3fcb1f0597473b73}

// The floor is bit-identical on every platform.
func TestW1FloorDeterministic(t *testing.T) {
	x := normals(301, 41)
	m, q, err := W1Floor(x, 301, 200, 50, 0.95, nil)
	got := [2]uint64{math.Float64bits(m), math.Float64bits(q)}
	if err != nil || got != w1FloorWant {
		t.Errorf("W1Floor = %v, %v (bits %#x), %v, want bits %#x", m, q, got, err, w1FloorWant)
	}
}
