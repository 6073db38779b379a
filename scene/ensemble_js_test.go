//go:build js && browser

package scene

import (
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/render/plot"
	"smflow/render/rendertest"
	"smflow/sim"
)

// TestEnsembleDrawsPoints: with n points (a grid of n = 3, or two explicit
// points) the plane shows a dot of GF's colour at every point GF is at,
// and a frame allocates nothing once warm.
func TestEnsembleDrawsPoints(t *testing.T) {
	const W, H = 1280, 720
	for _, c := range []struct {
		name, q string
		n       int
	}{
		{"ensemble-n3", "scene=ensemble&problem=quad&dim=2&alpha=0.1&T=4&n=3&N=16&reps=200&methods=sgd,gf", 3},
		{"ensemble-points", "scene=ensemble&problem=quad&dim=2&alpha=0.1&T=4&points=-1,0.5;2,2&N=16&reps=200&methods=sgd,gf", 2},
	} {
		s := build(t, c.q)
		v := New("ensemble").(*ensembleView)
		v.Reset(s)
		for i := 0; i < 10; i++ {
			s.Step()
			v.Observe(s)
		}
		dst := ebiten.NewImage(W, H)
		v.Draw(dst, s, 1)
		pix := make([]byte, 4*W*H)
		dst.ReadPixels(pix)
		rendertest.Shot(t, c.name, dst)
		var gf *sim.Track
		for _, tr := range s.Tracks() {
			if tr.Method == sim.GF {
				gf = tr
			}
		}
		if gf == nil || gf.N != c.n {
			t.Fatalf("%s: GF track with %v points, want %d", c.name, gf, c.n)
		}
		col := plot.MethodColor(sim.GF)
		for k := 0; k < gf.N; k++ {
			z := gf.Z[k*gf.D:]
			x, y := int(v.plane.Tr.Px(z[0])), int(v.plane.Tr.Py(z[1]))
			found := 0
			for dy := -2; dy <= 2; dy++ {
				for dx := -2; dx <= 2; dx++ {
					i := 4 * ((y+dy)*W + x + dx)
					if i >= 0 && i+4 <= len(pix) && rendertest.Near(pix[i:i+4], col, 24) == 1 {
						found++
					}
				}
			}
			if found < 5 {
				t.Errorf("%s: point %d of GF at (%d, %d): %d pixels of its colour", c.name, k+1, x, y, found)
			}
		}
		if got := len(v.Series()); got < 2*2*c.n {
			t.Errorf("%s: %d series, want at least %d", c.name, got, 4*c.n)
		}
		for i := 0; i < 3; i++ {
			v.Draw(dst, s, 1)
		}
		if a := testing.AllocsPerRun(5, func() { s.Step(); v.Observe(s); v.Draw(dst, s, 1) }); a > 4 {
			t.Errorf("%s: a frame allocates %v times", c.name, a)
		}
	}
}

// The density panels' dots of SGD's neurons have a legend entry; the
// particle panels alone do not need one.
func TestMeanfieldLegendDots(t *testing.T) {
	for _, c := range []struct {
		q    string
		want bool
	}{
		{"scene=meanfield&problem=network&act=tanh&neuron=awb&din=1&n=20&M=100&N=20&alpha=0.1&T=1&methods=sgd,mfode,ddsmf", true},
		{"scene=meanfield&problem=network&act=tanh&neuron=awb&din=1&n=20&N=20&alpha=0.1&T=1&methods=sgd", false},
	} {
		v := New("meanfield").(*meanfieldView)
		v.Reset(build(t, c.q))
		got := false
		for _, it := range v.extra {
			if strings.Contains(it.label, "SGD's neurons") {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("%s: legend of SGD's dots %v, want %v", c.q, got, c.want)
		}
	}
}
