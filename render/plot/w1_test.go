package plot

import (
	"math"
	"math/rand/v2"
	"testing"

	"smflow/sim/stat"
)

// TestW1MatchesStat compares W1 with the simulator's statistics package on
// random samples of different sizes.
func TestW1MatchesStat(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for k := 0; k < 20; k++ {
		x := make([]float64, 1+rng.IntN(60))
		y := make([]float64, 1+rng.IntN(60))
		for i := range x {
			x[i] = rng.NormFloat64()
		}
		for i := range y {
			y[i] = 0.5 + 2*rng.NormFloat64()
			if i%7 == 0 && len(x) > 0 {
				y[i] = x[0] // ties across the samples
			}
		}
		want, err := stat.W1(x, y, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := W1(x, y, make([]float64, len(x)+len(y)))
		if math.Abs(got-want) > 1e-12*max(1, want) {
			t.Errorf("sizes %d, %d: W1 = %v, stat.W1 = %v", len(x), len(y), got, want)
		}
	}
}
