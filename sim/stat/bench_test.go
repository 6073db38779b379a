package stat

import (
	"fmt"
	"testing"
)

// Sizes the app uses: ensembles and flow particles of up to 4096 points,
// density images of 48 x 48 cells (and a larger one).

func BenchmarkW1(b *testing.B) {
	for _, n := range []int{1024, 4096} {
		x, y := normals(n, 30), normals(n, 31)
		work := make([]float64, 2*n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				_, _ = W1(x, y, work)
			}
		})
	}
}

// The fluct scene's floor: 128 SGD runs, 128 splits, at every recorded time.
func BenchmarkW1Floor(b *testing.B) {
	x := normals(128, 32)
	work := make([]float64, 4*128+128)
	for b.Loop() {
		_, _, _ = W1Floor(x, 128, 128, 128, 0.975, work)
	}
}

func BenchmarkDensity2D(b *testing.B) {
	z := normals(2*4096, 36)
	for _, c := range []int{48, 128} {
		g := Grid{W: c, H: c, X0: -4, X1: 4, Y0: -4, Y1: 4}
		dst := make([]float64, g.W*g.H)
		work := make([]float64, g.W*g.H)
		for _, passes := range []int{0, 3} {
			b.Run(fmt.Sprintf("n=4096/%dx%d/passes=%d", c, c, passes), func(b *testing.B) {
				for b.Loop() {
					_, _ = Density2D(dst, z, 2, g, passes, work)
				}
			})
		}
	}
}

func BenchmarkHistogram(b *testing.B) {
	x := normals(4096, 38)
	dst := make([]float64, 64)
	for b.Loop() {
		_, _ = Histogram(dst, x, -4, 4)
	}
}

func BenchmarkStretch(b *testing.B) {
	u := normals(2*256, 39)
	z := normals(2*256, 40)
	for b.Loop() {
		_, _ = Stretch(z, u, 2, nil)
	}
}
