package sim

import "fmt"

// spreadRow puts one neuron's sigma values, computed in the order of the
// inputs (forwardRow1), in their places j = ord[i] and derives the rest
// there: for i < len(ord), with v = u[i],
//
//	row[j] = v,  s1[j] = d = 1 - v^2,  s2[j] = -2 v d,  r[j] += a v,
//
// tanh's derivatives by fill's expressions and the neuron's term of the
// residual sums. ord must be a permutation of 0..len(ord)-1 (Network.xord)
// and u, row, s1, s2, r at least that long. Under WebAssembly the loop is
// hand-written (network_spread_wasm.s, half the time of the compiled loop,
// which bounds-checks every index); elsewhere it is spreadRowGo.
func spreadRow(u []float64, ord []int32, row, s1, s2, r []float64, a float64) {
	n := len(ord)
	if len(u) < n || len(row) < n || len(s1) < n || len(s2) < n || len(r) < n {
		panic(fmt.Sprintf("network: spreadRow over %d places got rows of %d, %d, %d, %d, %d",
			n, len(u), len(row), len(s1), len(s2), len(r)))
	}
	spreadRowArch(u, ord, row, s1, s2, r, a)
}

// spreadRowGo is spreadRow's loop in Go, the reference of the hand-written
// one.
func spreadRowGo(u []float64, ord []int32, row, s1, s2, r []float64, a float64) {
	u = u[:len(ord)]
	for i, j := range ord {
		v := u[i]
		row[j] = v
		d := 1 - v*v
		s1[j] = d
		s2[j] = -2 * v * d
		r[j] += a * v
	}
}
