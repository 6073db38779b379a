package sim

import "gonum.org/v1/gonum/mat"

// momentSystem is the exact moment dynamics of an AffineProblem (MATH.md
// section 7). In the augmented coordinates zhat = (z, 1) in R^q, q = d + 1,
// every map of the methods is linear: with
//
//	Hhat_j = [[H_j, -c_j], [0, 0]],  hbar = (1/N) sum_j Hhat_j,  Ghat_j = hbar - Hhat_j,
//
// the mean gradient is gradR(z) = (hbar zhat)_{1..d}, the fluctuation is
// G(z, xi_j) = (Ghat_j zhat)_{1..d}, and one SGD step is zhat -> (I - alpha
// Hhat_J) zhat. The second moment M = E zhat_a zhat_b^T of two points a, b
// (a = b for one point) holds the first moments in its last row and column
// and the constant 1 in its corner, and every method moves it by a linear
// map. Maps M -> A M B^T act on the row-major vec(M) as the Kronecker
// product A (x) B, so every map below is a q^2 x q^2 matrix acting on
// vec(M):
//
//	SGD step:      (I - alpha hbar) (x) (I - alpha hbar) + alpha^2 K,
//	SDE generator: -(B (x) I + I (x) B) + alpha K  (shared noise),
//
// with K = (1/N) sum_j Ghat_j (x) Ghat_j, the drift matrix B = hbar +
// 2c hbar^2 (c = alpha/4 for the modified drift gradR + (alpha/2) Hess R
// gradR of SME2 and SMF, c = 0 otherwise) and the noise term present when
// the two points feel the same noise: always for one point (a = b), for
// two points under SMF (one shared noise) but not under SME (independent
// noises, no cross-covariance). The SGD step needs no such distinction: two
// points of SGD share its data index.
type momentSystem struct {
	d, q int
	hbar *mat.Dense // q x q
	k    *mat.Dense // q^2 x q^2: K
	risk *mat.Dense // q x q, symmetric: R(z) = zhat^T risk zhat
}

// newMomentSystem collects the data sums of p: hbar, K and the risk's
// quadratic form [[Hbar/2, -cbar/2], [-cbar^T/2, rbar]] with
// rbar = (1/N) sum_j R(0, xi_j).
func newMomentSystem(p AffineProblem) *momentSystem {
	d, nd := p.Dim(), p.NumData()
	q := d + 1
	s := &momentSystem{d: d, q: q, hbar: mat.NewDense(q, q, nil), k: mat.NewDense(q*q, q*q, nil), risk: mat.NewDense(q, q, nil)}
	h, c := make([]float64, d*d), make([]float64, d)
	hats := make([][]float64, nd) // Hhat_j, row-major q x q
	zero := make([]float64, d)
	rbar := 0.0
	hb := s.hbar.RawMatrix().Data
	for j := range hats {
		p.AffineGrad(h, c, j)
		hj := make([]float64, q*q)
		for a := 0; a < d; a++ {
			copy(hj[a*q:a*q+d], h[a*d:(a+1)*d])
			hj[a*q+d] = -c[a]
		}
		for i, v := range hj {
			hb[i] += v
		}
		hats[j] = hj
		rbar += p.Loss(zero, j)
	}
	inv := 1 / float64(nd)
	for i := range hb {
		hb[i] *= inv
	}
	rbar *= inv
	// K = (1/N) sum_j Ghat_j (x) Ghat_j, summed from the centred Ghat_j (not
	// as the mean of Hhat_j (x) Hhat_j minus hbar (x) hbar, which cancels).
	kd := s.k.RawMatrix().Data
	g := make([]float64, q*q)
	n2 := q * q
	for _, hj := range hats {
		for i := range g {
			g[i] = hb[i] - hj[i]
		}
		// (A (x) B)[(a*q+b), (c*q+e)] = A[a,c] B[b,e]; the last row of
		// Ghat_j is zero.
		for a := 0; a < d; a++ {
			for cc := 0; cc < q; cc++ {
				x := g[a*q+cc] * inv
				if x == 0 {
					continue
				}
				for b := 0; b < d; b++ {
					row := kd[(a*q+b)*n2+cc*q:]
					gb := g[b*q : b*q+q]
					for e, y := range gb {
						row[e] += x * y
					}
				}
			}
		}
	}
	r := s.risk.RawMatrix().Data
	for a := 0; a < d; a++ {
		for b := 0; b < d; b++ {
			r[a*q+b] = hb[a*q+b] / 2
		}
		r[a*q+d] = hb[a*q+d] / 2 // -cbar_a / 2
		r[d*q+a] = hb[a*q+d] / 2
	}
	r[d*q+d] = rbar
	return s
}

// driftMatrix returns B = hbar + 2c hbar^2: the drift of a method is -B zhat,
// gradR(z) + c grad|gradR|^2(z) = gradR(z) + 2c Hess R gradR(z). (hbar^2 =
// [[Hbar^2, -Hbar cbar], [0, 0]] is Hess R applied to gradR.)
func (s *momentSystem) driftMatrix(c float64) *mat.Dense {
	var b mat.Dense
	b.Mul(s.hbar, s.hbar)
	b.Scale(2*c, &b)
	b.Add(&b, s.hbar)
	return &b
}

// modification returns c of the drift of m: alpha/4 for the modified flows
// (SME2, SMF), 0 otherwise.
func modification(m Method, alpha float64) float64 {
	if m.modified() {
		return alpha / 4
	}
	return 0
}

// sharesNoise reports whether the noise term enters the moment of two
// points under m: for one point (pair false) whenever m is noisy, for two
// points only under a shared noise (SMF).
func sharesNoise(m Method, pair bool) bool {
	return m.noisy() && (!pair || m.sharedNoise())
}

// sgdStep returns the map of vec(M) of one SGD step,
// (I - alpha hbar) (x) (I - alpha hbar) + alpha^2 K: the mean over the data
// of (I - alpha Hhat_j) (x) (I - alpha Hhat_j).
func (s *momentSystem) sgdStep(alpha float64) *mat.Dense {
	e := s.eye()
	e.Sub(e, scaled(alpha, s.hbar))
	var op mat.Dense
	op.Kronecker(e, e)
	op.Add(&op, scaled(alpha*alpha, s.k))
	return &op
}

// generator returns the generator L of the moment ODE d vec(M)/dt = L vec(M)
// of the continuous-time method m: -(B (x) I + I (x) B), plus alpha K when
// the points share the noise (sharesNoise). GF has no noise; SME1 has B =
// hbar; SME2 and SMF have B = hbar + (alpha/2) hbar^2.
func (s *momentSystem) generator(m Method, alpha float64, pair bool) *mat.Dense {
	b := s.driftMatrix(modification(m, alpha))
	e := s.eye()
	var l, t mat.Dense
	l.Kronecker(b, e)
	t.Kronecker(e, b)
	l.Add(&l, &t)
	l.Scale(-1, &l)
	if sharesNoise(m, pair) {
		l.Add(&l, scaled(alpha, s.k))
	}
	return &l
}

// schemeStep returns the map of vec(M) of one substep h of the integrator
// sc of the method m. With the drift a(Y) = -B Yhat and the noise
// b(Y) dW = sum_j Ghat_j Yhat w_j, w_j ~ N(0, alpha h / N) independent, one
// substep is Yhat' = (A0 + sum_j w_j A1_j) Yhat with
//
//	weak2: A0 = I - h B + (h^2/2) B^2,  A1_j = Ghat_j - (h/2)(B Ghat_j + Ghat_j B),
//	euler: A0 = I - h B,                A1_j = Ghat_j,
//
// (weak2 of integrate.go: Ybar = Y + a h + b dW, Y' = Y + (a(Y) + a(Ybar))
// h/2 + (b(Y) + b(Y + a h)) dW/2, affine in Y and linear in w), so
// E Yhat'_a Yhat'_b^T maps by A0 (x) A0 + alpha h (1/N) sum_j A1_j (x) A1_j,
// the second term when the two points share the noise. For weak2, with
// X = I - (h/2) B, A1_j = X Ghat_j - (h/2) Ghat_j B and
//
//	(1/N) sum_j A1_j (x) A1_j = (X (x) X) K - (h/2)(X (x) I) K (I (x) B)
//	                            - (h/2)(I (x) X) K (B (x) I) + (h^2/4) K (B (x) B).
//
// The law of the noise is all that matters: the quadratic problem's
// LowRankNoise draws one normal per family instead of N, with the same law.
func (s *momentSystem) schemeStep(m Method, sc Scheme, alpha, h float64, pair bool) *mat.Dense {
	b := s.driftMatrix(modification(m, alpha))
	a0 := s.eye()
	a0.Sub(a0, scaled(h, b))
	if sc == Weak2 {
		var b2 mat.Dense
		b2.Mul(b, b)
		a0.Add(a0, scaled(h*h/2, &b2))
	}
	var op mat.Dense
	op.Kronecker(a0, a0)
	if !sharesNoise(m, pair) {
		return &op
	}
	if sc == Euler {
		op.Add(&op, scaled(alpha*h, s.k))
		return &op
	}
	e := s.eye()
	x := s.eye()
	x.Sub(x, scaled(h/2, b))
	var xx, xi, ix, ib, bi, bb, t, sum mat.Dense
	xx.Kronecker(x, x)
	xi.Kronecker(x, e)
	ix.Kronecker(e, x)
	ib.Kronecker(e, b)
	bi.Kronecker(b, e)
	bb.Kronecker(b, b)
	sum.Mul(&xx, s.k)
	t.Mul(&xi, s.k)
	t.Mul(&t, &ib)
	sum.Add(&sum, scaled(-h/2, &t))
	t.Mul(&ix, s.k)
	t.Mul(&t, &bi)
	sum.Add(&sum, scaled(-h/2, &t))
	t.Mul(s.k, &bb)
	sum.Add(&sum, scaled(h*h/4, &t))
	op.Add(&op, scaled(alpha*h, &sum))
	return &op
}

// eye returns the q x q identity.
func (s *momentSystem) eye() *mat.Dense {
	e := mat.NewDense(s.q, s.q, nil)
	for i := 0; i < s.q; i++ {
		e.Set(i, i, 1)
	}
	return e
}

// scaled returns f a as a new matrix.
func scaled(f float64, a mat.Matrix) *mat.Dense {
	var m mat.Dense
	m.Scale(f, a)
	return &m
}

// powVec returns op^n v by repeated squaring (about log2 n matrix products).
func powVec(op *mat.Dense, n int, v []float64) []float64 {
	x := mat.NewVecDense(len(v), append([]float64(nil), v...))
	p := mat.DenseCopyOf(op)
	var y mat.VecDense
	var sq mat.Dense
	for n > 0 {
		if n&1 == 1 {
			y.MulVec(p, x)
			x.CopyVec(&y)
		}
		n >>= 1
		if n > 0 {
			sq.Mul(p, p)
			p.Copy(&sq)
		}
	}
	return x.RawVector().Data
}

// expVec returns exp(t L) v (gonum's Pade approximant with scaling and
// squaring).
func expVec(l *mat.Dense, t float64, v []float64) []float64 {
	var e mat.Dense
	e.Exp(scaled(t, l))
	var y mat.VecDense
	y.MulVec(&e, mat.NewVecDense(len(v), append([]float64(nil), v...)))
	return y.RawVector().Data
}

// frobenius returns sum_i f_i m_i, the value tr(F^T M) of the linear
// functional F on the moment M (both as q*q values, row-major). Entries of
// F that are 0 are skipped, so an infinite moment there does not make NaN.
func frobenius(f, m []float64) float64 {
	s := 0.0
	for i, v := range f {
		if v != 0 {
			s += v * m[i]
		}
	}
	return s
}
