package stat

import (
	"math"
	"testing"
)

func TestPairDot(t *testing.T) {
	z := []float64{1, 2, 3, 4, -1, 0.5}
	for _, c := range []struct {
		a, b int
		want float64
	}{{0, 1, 11}, {1, 0, 11}, {0, 0, 5}, {1, 2, -1}, {2, 2, 1.25}} {
		got, err := PairDot(z, 2, c.a, c.b)
		if err != nil || got != c.want {
			t.Errorf("PairDot(%d, %d) = %v, %v, want %v", c.a, c.b, got, err, c.want)
		}
	}
	_, err := PairDot(z, 2, 0, 3)
	wantErr(t, "pair out of range", err)
	_, err = PairDot(z, 2, -1, 0)
	wantErr(t, "negative index", err)
}

func TestStretch(t *testing.T) {
	rot := func(u []float64, a, vx, vy float64) []float64 {
		z := make([]float64, len(u))
		for k := 0; k < len(u); k += 2 {
			z[k] = math.Cos(a)*u[k] - math.Sin(a)*u[k+1] + vx
			z[k+1] = math.Sin(a)*u[k] + math.Cos(a)*u[k+1] + vy
		}
		return z
	}
	u := []float64{0, 0, 1, 0, 0, 1}
	for _, c := range []struct {
		name  string
		z, u  []float64
		pairs []int32
		want  float64
	}{
		{"identity", u, u, nil, 1},
		{"rigid motion", rot(u, 0.7, 3, -2), u, nil, 1},
		{"scaling", []float64{0, 0, 3, 0, 0, 3}, u, nil, 3},
		{"scaling by -1/2", []float64{0, 0, -0.5, 0, 0, -0.5}, u, nil, 0.5},
		// pairs: (0,1) 2/1, (0,2) 1/1, (1,2) sqrt(5)/sqrt(2)
		{"stretch x", []float64{0, 0, 2, 0, 0, 1}, u, nil, (2 + 1 + math.Sqrt(2.5)) / 3},
		{"stretch x, pairs given", []float64{0, 0, 2, 0, 0, 1}, u, []int32{0, 1, 2, 1}, (2 + math.Sqrt(2.5)) / 2},
		{"one pair, twice", []float64{0, 0, 2, 0, 0, 1}, u, []int32{1, 0, 0, 1}, 2},
		{"collapse", []float64{5, 5, 5, 5, 5, 5}, u, nil, 0},
		// points 0 and 2 start together: only (0,1) 3/1 and (1,2) 1/1 count
		{"coinciding start left out", []float64{0, 0, 3, 0, 2, 0}, []float64{0, 0, 1, 0, 0, 0}, nil, 2},
		{"coinciding start in the pairs", []float64{0, 0, 3, 0, 2, 0}, []float64{0, 0, 1, 0, 0, 0}, []int32{0, 2, 0, 1}, 3},
	} {
		got, err := Stretch(c.z, c.u, 2, c.pairs)
		if err != nil || !nearRel(got, c.want, 1e-14) {
			t.Errorf("%s: Stretch = %v, %v, want %v", c.name, got, err, c.want)
		}
	}
	for _, c := range []struct {
		name  string
		z, u  []float64
		d     int
		pairs []int32
	}{
		{"coinciding starting points", []float64{0, 1, 2, 3}, []float64{1, 1, 1, 1}, 2, nil},
		{"one point", []float64{0, 1}, []float64{1, 1}, 2, nil},
		{"no pairs", u, u, 2, []int32{}},
		{"length mismatch", []float64{0, 1}, []float64{1, 1, 2, 2}, 2, nil},
		{"NaN", []float64{0, 1, math.NaN(), 0}, []float64{1, 1, 2, 2}, 2, nil},
		{"Inf start", u, []float64{0, 0, 1, 0, 0, math.Inf(1)}, 2, nil},
		{"odd pairs", u, u, 2, []int32{0, 1, 2}},
		{"pair out of range", u, u, 2, []int32{0, 3}},
		{"negative index", u, u, 2, []int32{-1, 0}},
		{"dimension 0", u, u, 0, nil},
	} {
		_, err := Stretch(c.z, c.u, c.d, c.pairs)
		wantErr(t, c.name, err)
	}
}
