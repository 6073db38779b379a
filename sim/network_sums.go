package sim

import "fmt"

// gradSums4 sets, for four neurons k = 0..3 whose rows of sigma and sigma'
// follow each other in s and p (row k at s[k*N:(k+1)*N], N = len(c)),
//
//	t[k] = sum_j c_j s_kj,   t[4+k] = sum_j q_kj x_j,   t[8+k] = sum_j q_kj,
//	q_kj = c_j p_kj,
//
// every sum in the order of j from 0, term by term as gradPhiDot forms it,
// so that the sums are bit-identical to it: the twelve sums of the form
// "awb" with Din = 1 in one pass over the data (gradPhiDots). On amd64 the
// pass is SSE2 with two neurons per register, under WebAssembly a
// hand-written loop; gradSums4Go is the reference.
func gradSums4(t *[12]float64, s, p, c, x []float64) {
	n := len(c)
	if len(s) < 4*n || len(p) < 4*n || len(x) < n {
		panic(fmt.Sprintf("network: gradSums4 over %d data got %d, %d and %d entries", n, len(s), len(p), len(x)))
	}
	gradSums4Arch(t, s, p, c, x)
}

// gradSums4Go is gradSums4's pass in Go.
func gradSums4Go(t *[12]float64, s, p, c, x []float64) {
	n := len(c)
	x = x[:n]
	s0, s1, s2, s3 := s[:n], s[n:2*n], s[2*n:3*n], s[3*n:4*n]
	p0, p1, p2, p3 := p[:n], p[n:2*n], p[2*n:3*n], p[3*n:4*n]
	var a0, a1, a2, a3 float64 // sum_j c_j sigma_kj
	var b0, b1, b2, b3 float64 // sum_j q_kj x_j
	var e0, e1, e2, e3 float64 // sum_j q_kj
	for j, cj := range c {
		xj := x[j]
		a0 += cj * s0[j]
		a1 += cj * s1[j]
		a2 += cj * s2[j]
		a3 += cj * s3[j]
		q0, q1, q2, q3 := cj*p0[j], cj*p1[j], cj*p2[j], cj*p3[j]
		b0 += q0 * xj
		b1 += q1 * xj
		b2 += q2 * xj
		b3 += q3 * xj
		e0 += q0
		e1 += q1
		e2 += q2
		e3 += q3
	}
	*t = [12]float64{a0, a1, a2, a3, b0, b1, b2, b3, e0, e1, e2, e3}
}

// t1Sums is t1Fused's pass for the form "awb" (Din = 1): with
// xv_j = vb + vw x_j and cs_j = r_j (s1_j va + a s2_j xv_j) it adds
// s_j va + a s1_j xv_j to q_j and sets
//
//	t = (sum_j r_j s1_j xv_j, sum_j cs_j x_j, sum_j cs_j),
//
// every sum in the order of j from 0, term by term as Drift's general code
// forms it. Under WebAssembly the pass is hand-written (network_sums_wasm.s),
// elsewhere it is t1SumsGo.
func t1Sums(t *[3]float64, q, s, s1, s2, r, x []float64, a, va, vw, vb float64) {
	n := len(r)
	if len(q) < n || len(s) < n || len(s1) < n || len(s2) < n || len(x) < n {
		panic(fmt.Sprintf("network: t1Sums over %d data got rows of %d, %d, %d, %d, %d",
			n, len(q), len(s), len(s1), len(s2), len(x)))
	}
	t1SumsArch(t, q, s, s1, s2, r, x, a, va, vw, vb)
}

// t1SumsGo is t1Sums's pass in Go.
func t1SumsGo(t *[3]float64, q, s, s1, s2, r, x []float64, a, va, vw, vb float64) {
	n := len(r)
	q, s, s1, s2, x = q[:n], s[:n], s1[:n], s2[:n], x[:n]
	var t0, t1, t2 float64
	for j, rj := range r {
		xj := x[j]
		xv := vb + vw*xj
		q[j] += s[j]*va + a*s1[j]*xv
		t0 += rj * s1[j] * xv
		cs := rj * (s1[j]*va + a*s2[j]*xv)
		t1 += cs * xj
		t2 += cs
	}
	*t = [3]float64{t0, t1, t2}
}
