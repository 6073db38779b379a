package stat

import (
	"math"
	"testing"
)

func TestSlicedW1(t *testing.T) {
	const n = 1000
	x := normals(2*n, 12)
	for i := 1; i < len(x); i += 2 {
		x[i] = 0.3*x[i] + 0.5*x[i-1] // an anisotropic cloud
	}
	work := make([]float64, 2*n)
	for _, K := range []int{1, 2, 3, 8, 64} {
		got, err := SlicedW1(x, x, K, work)
		if err != nil || got != 0 {
			t.Errorf("K %d: SW1(x, x) = %v, %v, want 0", K, got, err)
		}
		for _, v := range [][2]float64{{1, 0}, {0, 1}, {0.3, -0.4}, {-2, 5}} {
			y := make([]float64, len(x))
			for i := range y {
				y[i] = x[i] + v[i%2]
			}
			// Closed form: mean_k |v . theta_k|.
			var want float64
			for k := 0; k < K; k++ {
				c, s := Direction(k, K)
				want += math.Abs(v[0]*c + v[1]*s)
			}
			want /= float64(K)
			got, err := SlicedW1(x, y, K, work)
			if err != nil || !near(got, want, 1e-13) {
				t.Errorf("K %d, v %v: SW1 = %v, %v, want %v", K, v, got, err, want)
			}
			back, _ := SlicedW1(y, x, K, work)
			if back != got {
				t.Errorf("K %d, v %v: not symmetric, %v != %v", K, v, back, got)
			}
			if K == 64 {
				if lim := 2 * math.Hypot(v[0], v[1]) / math.Pi; !nearRel(got, lim, 1e-3) {
					t.Errorf("v %v: SW1 = %v, want about 2|v|/pi = %v", v, got, lim)
				}
			}
		}
	}
	// K = 1 is W1 of the first coordinates, also for clouds of different sizes.
	y := normals(2*700, 13)
	x1, y1 := make([]float64, n), make([]float64, 700)
	for i := range x1 {
		x1[i] = x[2*i]
	}
	for i := range y1 {
		y1[i] = y[2*i]
	}
	want, _ := W1(x1, y1, nil)
	got, err := SlicedW1(x, y, 1, nil)
	if err != nil || !nearRel(got, want, 1e-14) {
		t.Errorf("K = 1: SW1 = %v, %v, want W1 of x-coordinates %v", got, err, want)
	}
	if c, s := Direction(1, 4); !near(c, math.Sqrt(0.5), 2e-16) || !near(s, math.Sqrt(0.5), 2e-16) {
		t.Errorf("Direction(1, 4) = %v, %v", c, s)
	}
	if a := testing.AllocsPerRun(3, func() { _, _ = SlicedW1(x, x, 4, work) }); a != 0 {
		t.Errorf("SlicedW1 allocates %v times", a)
	}
	for _, c := range []struct {
		name string
		x, y []float64
		K    int
		work []float64
	}{
		{"K = 0", x, x, 0, nil},
		{"odd length", x[:3], x, 4, nil},
		{"empty", nil, x, 4, nil},
		{"NaN", x, []float64{0, math.NaN()}, 4, nil},
		{"short work", x, x, 4, make([]float64, 10)},
	} {
		_, err := SlicedW1(c.x, c.y, c.K, c.work)
		wantErr(t, c.name, err)
	}
}
