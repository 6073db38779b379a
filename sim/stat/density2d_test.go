package stat

import (
	"math"
	"testing"
)

func TestDensity2DBinning(t *testing.T) {
	g := Grid{W: 4, H: 2, X0: 0, X1: 4, Y0: -1, Y1: 1} // unit cells, centres x = 0.5..3.5, y = -0.5, 0.5
	type cell struct {
		i, j int
		v    float64
	}
	for _, c := range []struct {
		name    string
		z       []float64
		want    []cell // density in units of 1/(n dx dy); other cells 0
		outside int
	}{
		{"at a centre", []float64{1.5, 0.5}, []cell{{1, 1, 1}}, 0},
		{"between four centres", []float64{2, 0}, []cell{{1, 0, 0.25}, {2, 0, 0.25}, {1, 1, 0.25}, {2, 1, 0.25}}, 0},
		{"on a vertical edge", []float64{1, 0.5}, []cell{{0, 1, 0.5}, {1, 1, 0.5}}, 0},
		{"a quarter on", []float64{0.75, -0.5}, []cell{{0, 0, 0.75}, {1, 0, 0.25}}, 0},
		{"corner, clamped", []float64{0, -1}, []cell{{0, 0, 1}}, 0},
		{"far corner, clamped", []float64{4, 1}, []cell{{3, 1, 1}}, 0},
		{"two points, one outside", []float64{1.5, 0.5, 5, 0}, []cell{{1, 1, 0.5}}, 1},
		{"outside in y, -Inf", []float64{1, 1.01, math.Inf(-1), 0}, nil, 2},
	} {
		dst := make([]float64, g.W*g.H)
		out, err := Density2D(dst, c.z, g, Blur{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := make([]float64, len(dst))
		for _, w := range c.want {
			want[w.j*g.W+w.i] = w.v
		}
		for i := range dst {
			if !near(dst[i], want[i], 1e-15) || out != c.outside {
				t.Errorf("%s: dst = %v, outside %d, want %v, %d", c.name, dst, out, want, c.outside)
				break
			}
		}
	}
}

// Binning keeps the mass: sum dst dx dy = (points inside)/n; a blur
// normalised on the lattice keeps it too when nothing reaches the border.
func TestDensity2DMass(t *testing.T) {
	const n = 4096
	z := normals(2*n, 9)
	g := Grid{W: 128, H: 96, X0: -3, X1: 3, Y0: -2.5, Y1: 3.5}
	dxdy := (6.0 / 128) * (6.0 / 96)
	dst := make([]float64, g.W*g.H)
	out, err := Density2D(dst, z, g, Blur{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	inside := 0
	for k := 0; k < n; k++ {
		if math.Abs(z[2*k]) <= 3 && z[2*k+1] >= -2.5 && z[2*k+1] <= 3.5 {
			inside++
		}
	}
	if out != n-inside || !nearRel(sum(dst)*dxdy, float64(inside)/n, 1e-12) {
		t.Errorf("mass %v, outside %d; want %v, %d", sum(dst)*dxdy, out, float64(inside)/n, n-inside)
	}
	small := make([]float64, 2*n) // a cloud far from the border
	for i := range small {
		small[i] = 0.3 * z[i]
	}
	for _, b := range []Blur{{BoxBlur, 3}, {GaussianBlur, 2.5}, {GaussianBlur, 0.3}} {
		work := make([]float64, b.WorkLen(g))
		if _, err := Density2D(dst, small, g, b, work); err != nil {
			t.Fatal(err)
		}
		if !nearRel(sum(dst)*dxdy, 1, 1e-12) {
			t.Errorf("%+v: mass %v, want 1", b, sum(dst)*dxdy)
		}
		if n := testing.AllocsPerRun(5, func() { _, _ = Density2D(dst, small, g, b, work) }); n != 0 {
			t.Errorf("%+v: Density2D allocates %v times", b, n)
		}
	}
}

func sum(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s
}

// The blur of one point mass at a cell centre is the separable kernel.
func TestDensity2DBlur(t *testing.T) {
	g := Grid{W: 21, H: 15, X0: 0, X1: 21, Y0: 0, Y1: 15}
	z := []float64{10.5, 7.5} // centre of cell (10, 7)
	gauss := func(s float64) func(int) float64 {
		K := int(math.Ceil(4 * s))
		var norm float64
		for k := -K; k <= K; k++ {
			norm += math.Exp(-float64(k*k) / (2 * s * s))
		}
		return func(k int) float64 {
			if k < -K || k > K {
				return 0
			}
			return math.Exp(-float64(k*k)/(2*s*s)) / norm
		}
	}
	box := func(r int) func(int) float64 {
		return func(k int) float64 {
			if k < -r || k > r {
				return 0
			}
			return 1 / float64(2*r+1)
		}
	}
	for _, c := range []struct {
		b    Blur
		kern func(int) float64
	}{
		{Blur{BoxBlur, 2}, box(2)},
		{Blur{BoxBlur, 0.4}, box(0)},
		{Blur{BoxBlur, 1.6}, box(2)},
		{Blur{GaussianBlur, 1}, gauss(1)},
		{Blur{GaussianBlur, 1.5}, gauss(1.5)},
		{Blur{GaussianBlur, 0}, box(0)},
		{Blur{NoBlur, 7}, box(0)},
	} {
		dst := make([]float64, g.W*g.H)
		if _, err := Density2D(dst, z, g, c.b, nil); err != nil {
			t.Fatal(err)
		}
		for j := 0; j < g.H; j++ {
			for i := 0; i < g.W; i++ {
				if want := c.kern(i-10) * c.kern(j-7); !near(dst[j*g.W+i], want, 1e-15) {
					t.Fatalf("%+v: cell (%d, %d) = %v, want %v", c.b, i, j, dst[j*g.W+i], want)
				}
			}
		}
	}
}

func TestDensity2DErrors(t *testing.T) {
	g := Grid{W: 4, H: 3, X0: 0, X1: 1, Y0: 0, Y1: 1}
	dst := make([]float64, 12)
	z := []float64{0.5, 0.5}
	for _, c := range []struct {
		name string
		dst  []float64
		z    []float64
		g    Grid
		b    Blur
		work []float64
	}{
		{"dst size", dst[:11], z, g, Blur{}, nil},
		{"odd z", dst, []float64{1, 2, 3}, g, Blur{}, nil},
		{"no points", dst, nil, g, Blur{}, nil},
		{"NaN point", dst, []float64{0.5, math.NaN()}, g, Blur{}, nil},
		{"empty grid", nil, z, Grid{W: 0, H: 3, X0: 0, X1: 1, Y0: 0, Y1: 1}, Blur{}, nil},
		{"flat rectangle", dst, z, Grid{W: 4, H: 3, X0: 0, X1: 1, Y0: 1, Y1: 1}, Blur{}, nil},
		{"infinite rectangle", dst, z, Grid{W: 4, H: 3, X0: 0, X1: math.Inf(1), Y0: 0, Y1: 1}, Blur{}, nil},
		{"negative radius", dst, z, g, Blur{GaussianBlur, -1}, nil},
		{"NaN radius", dst, z, g, Blur{BoxBlur, math.NaN()}, nil},
		{"huge radius", dst, z, g, Blur{GaussianBlur, 1e9}, nil},
		{"unknown blur", dst, z, g, Blur{Kind: 9}, nil},
		{"short work", dst, z, g, Blur{GaussianBlur, 1}, make([]float64, 3)},
	} {
		_, err := Density2D(c.dst, c.z, c.g, c.b, c.work)
		wantErr(t, c.name, err)
	}
}
