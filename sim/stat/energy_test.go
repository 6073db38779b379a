package stat

import (
	"math"
	"slices"
	"testing"
)

// energy1D returns 2 integral (F - G)^2 dt, the square of the energy
// distance in one dimension, exactly from the merged sorted samples.
func energy1D(x, y []float64) float64 {
	x, y = slices.Clone(x), slices.Clone(y)
	slices.Sort(x)
	slices.Sort(y)
	all := slices.Sorted(slices.Values(append(slices.Clone(x), y...)))
	var s float64
	for k := 0; k+1 < len(all); k++ {
		t := all[k]
		F := float64(countLE(x, t)) / float64(len(x))
		G := float64(countLE(y, t)) / float64(len(y))
		s += (F - G) * (F - G) * (all[k+1] - t)
	}
	return 2 * s
}

func countLE(s []float64, t float64) int {
	n := 0
	for _, v := range s {
		if v <= t {
			n++
		}
	}
	return n
}

func TestEnergyDistance(t *testing.T) {
	for _, c := range []struct {
		name string
		x, y []float64
		d    int
		want float64
	}{
		{"point masses", []float64{1, 1}, []float64{4, 5}, 2, math.Sqrt(2 * 5)},
		{"on a line", []float64{0, 1}, []float64{2, 3}, 1, math.Sqrt(3)},
		{"same", []float64{1, 2, 3, 4, 5, 6}, []float64{4, 5, 6, 1, 2, 3}, 3, 0},
		{"3-D point masses", []float64{0, 0, 0}, []float64{1, 2, 2}, 3, math.Sqrt(6)},
	} {
		got, err := EnergyDistance(c.x, c.y, c.d)
		back, _ := EnergyDistance(c.y, c.x, c.d)
		if err != nil || !nearRel(got, c.want, 1e-15) || back != got {
			t.Errorf("%s: EnergyDistance = %v (back %v), %v, want %v", c.name, got, back, err, c.want)
		}
	}

	// Clouds on a rotated line in the plane: D^2 = 2 integral (F - G)^2 of
	// the positions along the line.
	s1, s2 := normals(300, 14), normals(250, 15)
	for i := range s2 {
		s2[i] = 0.3 + 1.2*s2[i]
	}
	c, s := math.Cos(0.8), math.Sin(0.8)
	embed := func(p []float64) []float64 {
		z := make([]float64, 2*len(p))
		for i, v := range p {
			z[2*i], z[2*i+1] = 1+c*v, -2+s*v
		}
		return z
	}
	x, y := embed(s1), embed(s2)
	got, err := EnergyDistance(x, y, 2)
	if want := math.Sqrt(energy1D(s1, s2)); err != nil || !nearRel(got, want, 1e-10) {
		t.Errorf("on a line: %v, %v, want %v", got, err, want)
	}
	back, _ := EnergyDistance(y, x, 2)
	if !nearRel(back, got, 1e-13) {
		t.Errorf("not symmetric: %v, %v", back, got)
	}
	// A cloud against itself, and against a copy in another order.
	big := normals(2*2000, 16)
	perm := make([]float64, len(big)) // the points in reverse order
	for k := 0; k < len(big)/2; k++ {
		copy(perm[2*k:2*k+2], big[len(big)-2*k-2:])
	}
	for _, y := range [][]float64{big, perm} {
		if got, err := EnergyDistance(big, y, 2); err != nil || got != 0 {
			t.Errorf("EnergyDistance(x, x) = %v, %v, want 0", got, err)
		}
	}
	if a := testing.AllocsPerRun(3, func() { _, _ = EnergyDistance(x, y, 2) }); a != 0 {
		t.Errorf("EnergyDistance allocates %v times", a)
	}
	for _, c := range []struct {
		name string
		x, y []float64
		d    int
	}{
		{"d = 0", x, y, 0},
		{"odd length", x[:3], y, 2},
		{"empty", x, nil, 2},
		{"Inf", x, []float64{0, math.Inf(1)}, 2},
	} {
		_, err := EnergyDistance(c.x, c.y, c.d)
		wantErr(t, c.name, err)
	}
}
