// Package sim is the mathematics of smflow: stochastic gradient descent and
// its continuous-time models on a finite data set, as in the talk
// "Stochastic Modified Flows, Mean-Field Limits and Dynamics of SGD" (Gess,
// Gvalani, Kassing, Konarovskyi) and MATH.md. It is pure Go and gonum, with
// no browser, URL or drawing code, and deterministic: the same Config gives
// bit-identical states natively and under WebAssembly (the random streams
// and exp, log, tanh are the project's own, package xmath).
//
// The parts:
//
//   - Problems: the catalogue of problems (Problem: name, point dimension,
//     data law, data check, constructor), one file each (problem_*.go,
//     network*.go); Data, ReadCSV and WriteCSV for data sets.
//   - Model and Eval: the risk over a data set and its vector fields (the
//     mean gradient, the modified drift, the exact finite-data noise);
//     Independent turns a PointProblem into a Model, Network is the
//     one-hidden-layer network in the mean-field scaling.
//   - Method: SGD, GF, SME1, SME2, SMF, the mean-field ODE and the DD-SMF;
//     Scheme: the weak second-order integrator and Euler-Maruyama.
//   - Sim: several methods of one problem side by side on one clock, in
//     replicas, stepped whole (Step), in parts that fit a frame (StepPart)
//     or on all cores (RunTo); Hash and HashReport pin its state.
//   - WeakErrors and the order sweep (OrderRun): weak errors against alpha,
//     by Monte Carlo with the variance reductions of MCOptions (the exact
//     SGD side, antithetic increments, control variates of the linearised
//     noise), resolved points marked and fitted (FitWeakOrder); on a
//     network, DD-SMF and the MF ODE against mean-field SGD with M = n.
//   - Expectations and ExactWeakErrors: exact expectations, without Monte
//     Carlo, of SGD, the continuous-time models and their integrators on
//     the affine problems (AffineProblem, Problem.Exact), from the
//     linear recursions and ODEs of their first and second moments.
//
// The parameter schema (package sim/param) turns URL query strings into a
// Config; sim does not depend on it.
package sim
