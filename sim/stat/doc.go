// Package stat computes the observables of smflow from simulation output,
// for the scenes, the plots and the command line: sample means with their
// standard errors (MeanOf) and differences of such estimates (Diff),
// two-point statistics of the n-point motion (PairDot, Stretch), histograms
// (Histogram) and density images (Density2D) for drawing, the
// Wasserstein-1 distance in one dimension (W1) with its sampling floor
// (W1Floor) and log-log fits of weak errors against the learning rate
// (FitLogLog).
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
// short is an error. Other nil arguments mean the default: all pairs of
// points for Stretch, an unweighted fit for FitLogLog.
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
// The package uses only + - * /, math.Sqrt, math.Abs and math.Floor
// (exact), sorting, integer random numbers (math/rand/v2's PCG, seeded by
// constants), and smflow/sim/xmath for logarithms, so it computes
// bit-identical results natively and under WebAssembly (with GOAMD64=v1, no
// fused multiply-add). TestDeterministic checks a digest of all observables
// against one constant on both.
package stat
