package sim

// The reductions over the data points of a network with input dimension
// Din = 1, the common case, fused: one pass over j computes every sum of a
// neuron (and of four neurons at once in gradPhiDots), so that the sums'
// dependent chains of additions overlap instead of running one after the
// other. Each sum still runs over j = 0..N-1 in order from 0, with the same
// expression per term as the general code (gradPhiDot, Drift), so the
// results are bit-identical to it; TestNetworkKernelBits checks that.

// fastKernels reports whether the fused Din = 1 kernels apply (tests switch
// them off with e.generic to compare with the general code).
func (e *netEval) fastKernels() bool { return e.m.din == 1 && !e.generic }

// gradPhiDots sets, for the neurons k = 0..n-1 of z (Din = 1),
//
//	out_k = sc sum_j c_j grad_z Phi(z_k, x_j)
//
// (or adds it to out_k if add is set), where out_k = dst[k*d:(k+1)*d] and
// grad_z Phi(z, x) = sigma'(w x) x for the form "w" and
// (sigma(u), a sigma'(u) x, a sigma'(u)), u = w x + b, for "awb". With
// cs_j = c_j sigma'_kj:
//
//	"w":   out_k = sc sum_j cs_j x_j,
//	"awb": out_k = (sc sum_j c_j sigma_kj, sc a_k sum_j cs_j x_j, sc a_k sum_j cs_j).
//
// Four neurons go through one pass over j together: 4 (or 12) independent
// sums.
func (e *netEval) gradPhiDots(dst, z, c []float64, n int, sc float64, add bool) {
	nd := e.m.data.N
	x := e.m.xt[:nd]
	c = c[:nd]
	if !e.m.awb {
		k := 0
		for ; k+4 <= n; k += 4 {
			p0, p1, p2, p3 := e.s1[k*nd:][:nd], e.s1[(k+1)*nd:][:nd], e.s1[(k+2)*nd:][:nd], e.s1[(k+3)*nd:][:nd]
			var t0, t1, t2, t3 float64
			for j, cj := range c {
				xj := x[j]
				t0 += cj * p0[j] * xj
				t1 += cj * p1[j] * xj
				t2 += cj * p2[j] * xj
				t3 += cj * p3[j] * xj
			}
			o := dst[k : k+4]
			if add {
				o[0] += sc * t0
				o[1] += sc * t1
				o[2] += sc * t2
				o[3] += sc * t3
			} else {
				o[0] = sc * t0
				o[1] = sc * t1
				o[2] = sc * t2
				o[3] = sc * t3
			}
		}
		for ; k < n; k++ {
			p := e.s1[k*nd:][:nd]
			t := 0.0
			for j, cj := range c {
				t += cj * p[j] * x[j]
			}
			if add {
				dst[k] += sc * t
			} else {
				dst[k] = sc * t
			}
		}
		return
	}
	k := 0
	for ; k+4 <= n; k += 4 {
		var t [12]float64
		gradSums4(&t, e.s[k*nd:(k+4)*nd], e.s1[k*nd:(k+4)*nd], c, x)
		for i := range 4 {
			gradOut(dst[3*(k+i):3*(k+i)+3], sc, z[3*(k+i)], t[i], t[4+i], t[8+i], add)
		}
	}
	for ; k < n; k++ {
		s, p := e.s[k*nd:][:nd], e.s1[k*nd:][:nd]
		var a, b, f float64
		for j, cj := range c {
			a += cj * s[j]
			q := cj * p[j]
			b += q * x[j]
			f += q
		}
		gradOut(dst[3*k:3*k+3], sc, z[3*k], a, b, f, add)
	}
}

// gradOut sets (or adds to) out = (sc a, sc ak b, sc ak f) for the form
// "awb" with Din = 1, as gradPhiDot does.
func gradOut(out []float64, sc, ak, a, b, f float64, add bool) {
	out = out[:3]
	sa := sc * ak
	if add {
		out[0] += sc * a
		out[1] += sa * b
		out[2] += sa * f
		return
	}
	out[0] = sc * a
	out[1] = sa * b
	out[2] = sa * f
}

// t1Fused adds sc T1-sums to g and the neuron's terms to q for Din = 1, in
// one pass over j: the loop of Drift for neuron k (see there) with
// xv_j = x_j vw + vb,
//
//	"w":   q_j += s1_j xv_j,                 t = sum_j (r_j s2_j xv_j) x_j,
//	"awb": q_j += s_j va + a s1_j xv_j,     t = (sum_j r_j s1_j xv_j, sum_j cs_j x_j, sum_j cs_j),
//	       cs_j = r_j (s1_j va + a s2_j xv_j),
//
// then g += sc t.
func (e *netEval) t1Fused(g, zk []float64, k int, sc float64) {
	nd := e.m.data.N
	x, r, q := e.m.xt[:nd], e.r[:nd], e.q[:nd]
	s, s1, s2 := e.s[k*nd:][:nd], e.s1[k*nd:][:nd], e.s2[k*nd:][:nd]
	if !e.m.awb {
		g = g[:1]
		vw, vb := g[0], 0.0
		t := 0.0
		for j, rj := range r {
			xv := vb + vw*x[j]
			q[j] += s1[j] * xv
			t += rj * s2[j] * xv * x[j]
		}
		g[0] += sc * t
		return
	}
	g = g[:3]
	var t [3]float64
	t1Sums(&t, q, s, s1, s2, r, x, zk[0], g[0], g[1], g[2])
	g[0] += sc * t[0]
	g[1] += sc * t[1]
	g[2] += sc * t[2]
}

// forwardRow1 is forward's work on neuron k for Din = 1. For tanh it runs
// in the order of the inputs, xs = x sorted (Network.xord): tanhAffine
// takes sigma(b + w xs_i), whose arguments are monotone in i (rounding is
// monotone), so that all but a few of its pairs lie on one side of
// xmath.Tanh's branch points and the scalar code's branches are
// predictable; spreadRow puts the values in their places j = xord_i with
// sigma's derivatives (fill's expressions sigma' = 1 - s^2,
// sigma” = -2 s sigma', whatever order asks) and the neuron's term of
// r_j += a sigma(u_j). Every one of these is a function of its own j, so
// the order changes no bit. Other activations take the rows in the order
// of j: u_j, then fill, then r_j.
func (e *netEval) forwardRow1(k int, a, w, b float64, order int) {
	nd := e.m.data.N
	x, r := e.m.xt[:nd], e.r[:nd]
	row := e.s[k*nd:][:nd]
	if e.m.act != actTanh {
		for j, xj := range x {
			row[j] = b + w*xj
		}
		switch order {
		case 0:
			e.m.act.fill(row, nil, nil)
		case 1:
			e.m.act.fill(row, e.s1[k*nd:][:nd], nil)
		default:
			e.m.act.fill(row, e.s1[k*nd:][:nd], e.s2[k*nd:][:nd])
		}
		for j, v := range row {
			r[j] += a * v
		}
		return
	}
	u := e.u[:nd]
	tanhAffine(u, e.m.xs, b, w)
	spreadRow(u, e.m.xord[:nd], row, e.s1[k*nd:][:nd], e.s2[k*nd:][:nd], r, a)
}
