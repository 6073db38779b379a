package sim

import (
	"fmt"
	"math"

	"smflow/sim/xmath"
)

// A Scheme is the integrator of the continuous-time models (MATH.md section 5).
type Scheme int

const (
	// Weak2 is the small-noise weak second-order scheme of Milstein and
	// Tretyakov, with weak error O(h^2 + alpha^2 h):
	//   Ybar = Y + a(Y) h + b(Y) dW
	//   Y'   = Y + (a(Y) + a(Ybar)) h/2 + (b(Y) + b(Y + a(Y) h)) dW/2.
	// Without noise it is Heun's method.
	Weak2 Scheme = iota
	// Euler is the Euler-Maruyama scheme Y' = Y + a(Y) h + b(Y) dW, weak
	// error O(h).
	Euler
)

// String returns the scheme's key: weak2 or euler.
func (s Scheme) String() string {
	if s == Euler {
		return "euler"
	}
	return "weak2"
}

// ParseScheme returns the scheme with the given key.
func ParseScheme(s string) (Scheme, error) {
	switch s {
	case "weak2", "":
		return Weak2, nil
	case "euler":
		return Euler, nil
	}
	return 0, fmt.Errorf("unknown scheme %q (want weak2 or euler)", s)
}

// An integrator advances the configuration of one replica of one
// continuous-time method. Its drift is a(Y) = -(gradR(Y) + c M(Y)) and its
// diffusion b(Y) dW = sqrt(alpha/N) sum_j G(Y, xi_j) dW_j, dW_j ~ N(0, h),
// with dW shared by all points (stride 0) or private to each (stride N).
// A LowRankNoise problem's noise takes r < N weights per family instead
// (stride 0 or r), with the same law.
type integrator struct {
	eval   Eval
	scheme Scheme
	c      float64 // modification weight: alpha/4 or 0
	noisy  bool
	stride int     // 0: shared noise; N: private noise per point
	sd     float64 // standard deviation of one weight: sqrt(alpha h / N)
	h      float64

	a0, a1, b0, b1, y []float64
	w                 []float64
}

func newIntegrator(eval Eval, m Method, scheme Scheme, alpha, h float64, n, d, nData int) *integrator {
	it := &integrator{eval: eval, scheme: scheme, noisy: m.noisy(), h: h}
	if m.modified() {
		it.c = alpha / 4
	}
	nd := n * d
	it.a0, it.a1, it.b0, it.b1, it.y = make([]float64, nd), make([]float64, nd), make([]float64, nd), make([]float64, nd), make([]float64, nd)
	if it.noisy {
		it.sd = math.Sqrt(alpha * h / float64(nData))
		nw := NoiseWeights(eval, nData) // N, or the rank of a LowRankNoise
		if m.sharedNoise() {
			it.w = make([]float64, nw)
		} else {
			it.stride = nw
			it.w = make([]float64, n*nw)
		}
	}
	return it
}

// step advances z by one substep h, drawing the Brownian weights from rng
// (with the opposite sign when neg is set: the antithetic replica).
func (it *integrator) step(z []float64, rng *xmath.Rand, neg bool) {
	if it.noisy {
		rng.NormFill(it.w, it.sd)
		if neg {
			for i, v := range it.w {
				it.w[i] = -v
			}
		}
	}
	it.stepWith(z, it.w)
}

// stepWith advances z by one substep h with the given Brownian weights w
// (already scaled: w_j = sqrt(alpha/N) dW_j). Tests use it to integrate over
// the noise exactly.
func (it *integrator) stepWith(z, w []float64) {
	h := it.h
	a0, a1, b0, b1, y := it.a0, it.a1, it.b0, it.b1, it.y
	it.eval.Drift(a0, z, it.c)
	if it.noisy {
		it.eval.Noise(b0, z, w, it.stride)
	}
	if it.scheme == Euler {
		for i := range z {
			z[i] -= h * a0[i]
			if it.noisy {
				z[i] += b0[i]
			}
		}
		return
	}
	// Ybar = Y + a(Y) h + b(Y) dW, with a = -Drift.
	for i := range y {
		y[i] = z[i] - h*a0[i]
		if it.noisy {
			y[i] += b0[i]
		}
	}
	it.eval.Drift(a1, y, it.c)
	if it.noisy {
		for i := range y {
			y[i] = z[i] - h*a0[i]
		}
		it.eval.Noise(b1, y, w, it.stride)
	}
	for i := range z {
		z[i] -= h / 2 * (a0[i] + a1[i])
		if it.noisy {
			z[i] += (b0[i] + b1[i]) / 2
		}
	}
}
