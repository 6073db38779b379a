// Package stat computes the observables of smflow from simulation output:
// moments of point clouds with standard errors, streaming mean estimates,
// two-point statistics of the n-point motion, histograms and kernel density
// estimates for drawing, Wasserstein-1 distances in one dimension, the sliced
// Wasserstein-1 and energy distances between point clouds, weak-error
// estimates with standard errors and log-log slope fits.
//
// # Conventions
//
// A configuration (or point cloud) of n points of dimension d is one flat
// slice z of length n*d with point k at z[k*d : (k+1)*d], as in package sim.
//
// Functions are pure: they read their inputs and write only their dst
// arguments. The destination comes first, and when a dst or work slice of
// sufficient length is given nothing is allocated. A work slice may be nil,
// in which case the function allocates one; a non-nil work slice that is too
// short is an error.
//
// Bad input (mismatched lengths, empty samples, NaN where a number is needed,
// an empty range) returns an error that names the function and the problem;
// nothing here panics on user data.
//
// Standard errors are those of a sample mean, SE = sd / sqrt(n) with the
// sample standard deviation sd (denominator n-1). They are +Inf when fewer
// than two values are available.
//
// # Determinism
//
// The package uses only + - * /, math.Sqrt, math.Abs, math.Floor and
// math.Ceil (exact), math.Cos and math.Sin (pure Go on every platform) and
// smflow/sim/xmath for exponentials and logarithms, so it computes
// bit-identical results natively and under WebAssembly (with GOAMD64=v1, no
// fused multiply-add). TestDeterministic checks a digest of all observables
// against one constant on both.
package stat
