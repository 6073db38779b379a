package stat

// Weak-error estimates: the difference E f(Z_T) - E f(z_T) between a method
// Z and a reference z (SGD), estimated from per-replica values with its
// standard error (MATH.md section 5).

// WeakErrorExact returns the estimate of E f(Z) - ref from the per-replica
// values f_r = f(Z^(r)) of a method and an exactly known reference value ref:
//
//	Mean = (1/R) sum_r f_r - ref,  SE = sd(f) / sqrt(R).
func WeakErrorExact(f []float64, ref float64) (Estimate, error) {
	if ref != ref || ref-ref != 0 {
		return Estimate{}, errorf("WeakErrorExact: reference value %v is not finite", ref)
	}
	e, err := ensembleMean("WeakErrorExact", "f", f)
	if err != nil {
		return Estimate{}, err
	}
	e.Mean -= ref
	return e, nil
}

// WeakError returns the estimate of E f(Z) - E f(z) from the per-replica
// values f of a method and g of another, independent ensemble (possibly of a
// different size):
//
//	Mean = mean(f) - mean(g),  SE = sqrt(SE_f^2 + SE_g^2),  N = min(len(f), len(g)).
func WeakError(f, g []float64) (Estimate, error) {
	ef, err := ensembleMean("WeakError", "f", f)
	if err != nil {
		return Estimate{}, err
	}
	eg, err := ensembleMean("WeakError", "g", g)
	if err != nil {
		return Estimate{}, err
	}
	return Diff(ef, eg), nil
}

// PairedDiff returns the estimate of E f - E g from paired values (f_r, g_r)
// computed with the same random numbers in replica r (for example the same
// seeds at two step sizes h and h/2), from the differences:
//
//	Mean = (1/R) sum_r (f_r - g_r),  SE = sd(f - g) / sqrt(R).
//
// Correlated pairs give a much smaller SE than WeakError would.
func PairedDiff(f, g []float64) (Estimate, error) {
	if len(f) != len(g) {
		return Estimate{}, errorf("PairedDiff: len(f) = %d, len(g) = %d, want equal", len(f), len(g))
	}
	if len(f) == 0 {
		return Estimate{}, errorf("PairedDiff: no replicas")
	}
	if err := checkFinite("PairedDiff", "f", f); err != nil {
		return Estimate{}, err
	}
	if err := checkFinite("PairedDiff", "g", g); err != nil {
		return Estimate{}, err
	}
	var a Acc
	for r, v := range f {
		a.Add(v - g[r])
	}
	return finiteEstimate("PairedDiff", a.Estimate())
}

// ensembleMean returns MeanOf(v) after checking that v is a non-empty
// sample of finite values.
func ensembleMean(fn, name string, v []float64) (Estimate, error) {
	if len(v) == 0 {
		return Estimate{}, errorf("%s: no replicas in %s", fn, name)
	}
	if err := checkFinite(fn, name, v); err != nil {
		return Estimate{}, err
	}
	e, err := MeanOf(v)
	if err != nil {
		return Estimate{}, err
	}
	return finiteEstimate(fn, e)
}
