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
	const exact = 1.0
	errs := make([]float64, len(alphas))
	ses := make([]float64, len(alphas))
	for i, f := range runs {
		e, err := stat.WeakErrorExact(f, exact)
		if err != nil {
			fmt.Println(err)
			return
		}
		errs[i], ses[i] = e.Mean, e.SE
		fmt.Printf("alpha = 1/%v: %v\n", 1/alphas[i], e)
	}
	slope, slopeSE, _ := stat.LogLogSlope(alphas, errs, ses)
	fmt.Printf("order %.2f ± %.2f\n", slope, slopeSE)

	// W1 between two samples.
	w, _ := stat.W1([]float64{0, 1}, []float64{2, 3}, nil)
	fmt.Println("W1 =", w)
	// Output:
	// alpha = 1/8: 0.016 ± 0.00057 (n=5)
	// alpha = 1/16: 0.004 ± 0.00017 (n=5)
	// alpha = 1/32: 0.001 ± 3.5e-05 (n=5)
	// order 2.00 ± 0.04
	// W1 = 2
}

// An accumulator per parallel worker, merged at the end.
func ExampleAcc_Merge() {
	var a, b stat.Acc
	for _, x := range []float64{1, 2, 3} {
		a.Add(x)
	}
	for _, x := range []float64{4, 5} {
		b.Add(x)
	}
	a.Merge(&b)
	fmt.Println(a.Estimate())
	// Output: 3 ± 0.71 (n=5)
}
