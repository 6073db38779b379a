package stat_test

import (
	"fmt"

	"smflow/sim/stat"
)

// The weak error of a method against an exact reference, and the order of
// convergence fitted on log-log axes.
func Example() {
	// Per-replica values f(Z^(r)) of a method at three step sizes.
	alphas := []float64{1.0 / 8, 1.0 / 16, 1.0 / 32}
	runs := [][]float64{
		{1.0160, 1.0150, 1.0170, 1.0145, 1.0175},
		{1.0040, 1.0035, 1.0045, 1.0038, 1.0042},
		{1.0010, 1.0009, 1.0011, 1.00095, 1.00105},
	}
	exact := stat.Estimate{Mean: 1.0} // E f(z_T) of the reference, known exactly
	errs := make([]float64, len(alphas))
	ses := make([]float64, len(alphas))
	for i, f := range runs {
		e, err := stat.MeanOf(f)
		if err != nil {
			fmt.Println(err)
			return
		}
		w := stat.Diff(e, exact)
		errs[i], ses[i] = w.Mean, w.SE
		fmt.Printf("alpha = 1/%v: E f = %v, weak error %.3g ± %.2g\n", 1/alphas[i], e, w.Mean, w.SE)
	}
	fit, err := stat.FitLogLog(alphas, errs, ses)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("order %.2f ± %.2f\n", fit.Slope, fit.SlopeSE)

	// W1 between two samples.
	w, _ := stat.W1([]float64{0, 1}, []float64{2, 3}, nil)
	fmt.Println("W1 =", w)
	// Output:
	// alpha = 1/8: E f = 1.016 ± 0.00057 (n=5), weak error 0.016 ± 0.00057
	// alpha = 1/16: E f = 1.004 ± 0.00017 (n=5), weak error 0.004 ± 0.00017
	// alpha = 1/32: E f = 1.001 ± 3.5e-05 (n=5), weak error 0.001 ± 3.5e-05
	// order 2.00 ± 0.04
	// W1 = 2
}
