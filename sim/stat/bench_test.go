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

func BenchmarkSlicedW1(b *testing.B) {
	x, y := normals(2*4096, 32), normals(2*4096, 33)
	work := make([]float64, 2*4096)
	for _, K := range []int{8, 32} {
		b.Run(fmt.Sprintf("n=4096/K=%d", K), func(b *testing.B) {
			for b.Loop() {
				_, _ = SlicedW1(x, y, K, work)
			}
		})
	}
}

func BenchmarkEnergyDistance(b *testing.B) {
	for _, n := range []int{1024, 4096} {
		x, y := normals(2*n, 34), normals(2*n, 35)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				_, _ = EnergyDistance(x, y, 2)
			}
		})
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

func BenchmarkDensity1D(b *testing.B) {
	x := normals(4096, 37)
	dst := make([]float64, 256)
	work := make([]float64, len(x))
	b.Run("n=4096/m=256/silverman", func(b *testing.B) {
		for b.Loop() {
			_, _ = Density1D(dst, x, -4, 4, 0, work)
		}
	})
	b.Run("n=4096/m=256/h=0.2", func(b *testing.B) {
		for b.Loop() {
			_, _ = Density1D(dst, x, -4, 4, 0.2, nil)
		}
	})
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
