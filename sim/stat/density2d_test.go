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
		name string
		z    []float64
		want []cell // density in units of 1/(n dx dy); other cells 0
		mass float64
	}{
		{"at a centre", []float64{1.5, 0.5}, []cell{{1, 1, 1}}, 1},
		{"between four centres", []float64{2, 0}, []cell{{1, 0, 0.25}, {2, 0, 0.25}, {1, 1, 0.25}, {2, 1, 0.25}}, 1},
		{"on a vertical edge", []float64{1, 0.5}, []cell{{0, 1, 0.5}, {1, 1, 0.5}}, 1},
		{"a quarter on", []float64{0.75, -0.5}, []cell{{0, 0, 0.75}, {1, 0, 0.25}}, 1},
		{"on a border centre", []float64{3.5, -0.5}, []cell{{3, 0, 1}}, 1},
		{"corner: 3/4 off the grid", []float64{0, -1}, []cell{{0, 0, 0.25}}, 0.25},
		{"far corner", []float64{4, 1}, []cell{{3, 1, 0.25}}, 0.25},
		{"outside, within half a cell", []float64{-0.25, 0.5}, []cell{{0, 1, 0.25}}, 0.25},
		{"two points, one far outside", []float64{1.5, 0.5, 5, 0}, []cell{{1, 1, 0.5}}, 0.5},
		{"outside in y, -Inf, NaN", []float64{1, 1.5, math.Inf(-1), 0, math.NaN(), 0}, nil, 0},
	} {
		dst := make([]float64, g.W*g.H)
		mass, err := Density2D(dst, c.z, 2, g, 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := make([]float64, len(dst))
		for _, w := range c.want {
			want[w.j*g.W+w.i] = w.v
		}
		for i := range dst {
			if !near(dst[i], want[i], 1e-15) || !near(mass, c.mass, 1e-15) {
				t.Errorf("%s: dst = %v, mass %v, want %v, %v", c.name, dst, mass, want, c.mass)
				break
			}
		}
	}
}

// Points of dimension d > 2 are binned by their first two coordinates.
func TestDensity2DDimension(t *testing.T) {
	g := Grid{W: 5, H: 4, X0: -1, X1: 1.5, Y0: 0, Y1: 2}
	z3 := []float64{0.1, 1.2, 9, -0.7, 0.3, -9, 1.4, 1.9, 0}
	z2 := []float64{0.1, 1.2, -0.7, 0.3, 1.4, 1.9}
	a, b := make([]float64, 20), make([]float64, 20)
	ma, err := Density2D(a, z3, 3, g, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	mb, _ := Density2D(b, z2, 2, g, 1, nil)
	for i := range a {
		if a[i] != b[i] || ma != mb {
			t.Fatalf("d = 3: %v (mass %v), d = 2: %v (mass %v)", a, ma, b, mb)
		}
	}
}

// The mass on the grid is sum dst dx dy, before and after smoothing (which
// keeps it, also when the cloud reaches the border), and 1 for a cloud at
// least half a cell inside the rectangle.
func TestDensity2DMass(t *testing.T) {
	const n = 4096
	z := normals(2*n, 9)
	g := Grid{W: 128, H: 96, X0: -3, X1: 3, Y0: -2.5, Y1: 3.5}
	dxdy := (6.0 / 128) * (6.0 / 96)
	small := make([]float64, 2*n) // a cloud far from the border
	for i := range small {
		small[i] = 0.3 * z[i]
	}
	dst := make([]float64, g.W*g.H)
	work := make([]float64, g.W*g.H)
	for _, passes := range []int{0, 1, 3} {
		mass, err := Density2D(dst, z, 2, g, passes, work)
		if err != nil {
			t.Fatal(err)
		}
		if !(mass > 0.9 && mass < 1) || !nearRel(sum(dst)*dxdy, mass, 1e-12) {
			t.Errorf("%d passes: mass %v, sum dst dx dy = %v", passes, mass, sum(dst)*dxdy)
		}
		if mass, _ = Density2D(dst, small, 2, g, passes, work); !nearRel(mass, 1, 1e-12) || !nearRel(sum(dst)*dxdy, 1, 1e-12) {
			t.Errorf("%d passes: mass %v of a cloud inside, sum dst dx dy = %v", passes, mass, sum(dst)*dxdy)
		}
		if n := testing.AllocsPerRun(5, func() { _, _ = Density2D(dst, z, 2, g, passes, work) }); n != 0 {
			t.Errorf("%d passes: Density2D allocates %v times", passes, n)
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

// The smoothing of one point mass at a cell centre is the binomial kernel
// C(2p, p+k)/4^p in each direction; at the border, the repeated border cell
// folds the kernel back: one pass of (1, 2, 1)/4 gives (3/4, 1/4).
func TestDensity2DSmoothing(t *testing.T) {
	g := Grid{W: 21, H: 15, X0: 0, X1: 21, Y0: 0, Y1: 15}
	binom := func(p int) func(int) float64 {
		return func(k int) float64 {
			if k < -p || k > p {
				return 0
			}
			c := 1.0 // C(2p, p+k)
			for i := 1; i <= p-abs(k); i++ {
				c = c * float64(p+abs(k)+i) / float64(i)
			}
			return c / math.Pow(4, float64(p))
		}
	}
	border := func(k int) float64 {
		switch k {
		case 0:
			return 0.75
		case 1:
			return 0.25
		}
		return 0
	}
	for _, c := range []struct {
		name   string
		z      []float64
		i0, j0 int
		passes int
		kern   func(int) float64
	}{
		{"no smoothing", []float64{10.5, 7.5}, 10, 7, 0, binom(0)},
		{"one pass", []float64{10.5, 7.5}, 10, 7, 1, binom(1)},
		{"three passes", []float64{10.5, 7.5}, 10, 7, 3, binom(3)},
		{"five passes", []float64{10.5, 7.5}, 10, 7, 5, binom(5)},
		{"one pass at the corner", []float64{0.5, 0.5}, 0, 0, 1, border},
	} {
		dst := make([]float64, g.W*g.H)
		if _, err := Density2D(dst, c.z, 2, g, c.passes, nil); err != nil {
			t.Fatal(err)
		}
		for j := 0; j < g.H; j++ {
			for i := 0; i < g.W; i++ {
				if want := c.kern(i-c.i0) * c.kern(j-c.j0); !near(dst[j*g.W+i], want, 1e-15) {
					t.Fatalf("%s: cell (%d, %d) = %v, want %v", c.name, i, j, dst[j*g.W+i], want)
				}
			}
		}
	}
}

func abs(k int) int { return max(k, -k) }

func TestDensity2DErrors(t *testing.T) {
	g := Grid{W: 4, H: 3, X0: 0, X1: 1, Y0: 0, Y1: 1}
	dst := make([]float64, 12)
	z := []float64{0.5, 0.5}
	for _, c := range []struct {
		name   string
		dst    []float64
		z      []float64
		d      int
		g      Grid
		passes int
		work   []float64
	}{
		{"dst size", dst[:11], z, 2, g, 0, nil},
		{"odd z", dst, []float64{1, 2, 3}, 2, g, 0, nil},
		{"dimension 1", dst, z, 1, g, 0, nil},
		{"no points", dst, nil, 2, g, 0, nil},
		{"empty grid", nil, z, 2, Grid{W: 0, H: 3, X0: 0, X1: 1, Y0: 0, Y1: 1}, 0, nil},
		{"flat rectangle", dst, z, 2, Grid{W: 4, H: 3, X0: 0, X1: 1, Y0: 1, Y1: 1}, 0, nil},
		{"infinite rectangle", dst, z, 2, Grid{W: 4, H: 3, X0: 0, X1: math.Inf(1), Y0: 0, Y1: 1}, 0, nil},
		{"NaN rectangle", dst, z, 2, Grid{W: 4, H: 3, X0: math.NaN(), X1: 1, Y0: 0, Y1: 1}, 0, nil},
		{"negative passes", dst, z, 2, g, -1, nil},
		{"short work", dst, z, 2, g, 1, make([]float64, 11)},
	} {
		_, err := Density2D(c.dst, c.z, c.d, c.g, c.passes, c.work)
		wantErr(t, c.name, err)
	}
}
