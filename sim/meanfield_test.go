package sim

import (
	"math"
	"testing"
)

// linearNet is the identity-activation network z = w, Din = 1, on data
// {(x_j, beta x_j)}: every neuron moves by the same amount and the mean
// v = mean(w) - beta follows the quadratic problem with xi = x^2 (the
// network's T2 is then the whole modification). Its schemes are affine in
// the Brownian weights, so their expectations are computed exactly.
func linearNet(t *testing.T) (*Network, []float64, float64) {
	const beta = 0.5
	x := []float64{0.6, 1.3}
	d := &Data{N: 2, Din: 1, X: x, Y: []float64{beta * x[0], beta * x[1]}}
	m, err := newNetworkModel(ProblemSpec{Name: "network", Act: "identity", Neuron: "w", Din: 1}, d)
	if err != nil {
		t.Fatal(err)
	}
	return m.(*Network), x, beta
}

// TestDDSMFWeakOrder: DD-SMF matches mean-field SGD to O(alpha^2) where the
// mean-field ODE misses by O(alpha), measured on E (mean w_T - beta)^2 with
// exact expectations of the schemes, alpha = 2^-2..2^-6, T = 1.
func TestDDSMFWeakOrder(t *testing.T) {
	nw, x, beta := linearNet(t)
	z0 := []float64{1.5, 2.5, 0.8} // three neurons, mean 1.6
	mean := func(z []float64) float64 { return (z[0] + z[1] + z[2]) / 3 }
	f := func(z []float64) float64 { v := mean(z) - beta; return v * v }
	v0 := mean(z0) - beta
	alphas := []float64{1.0 / 4, 1.0 / 8, 1.0 / 16, 1.0 / 32, 1.0 / 64}
	for _, c := range []struct {
		m     Method
		order float64
	}{{MFODE, 1}, {DDSMF, 2}} {
		var errs []float64
		for _, a := range alphas {
			const T, k = 1.0, 4
			steps := int(math.Round(T / a))
			it := newIntegrator(nw.NewEval(3), c.m, Weak2, a, a/k, 3, 1, 2)
			e := math.Pow(expectStep(it, z0, f)/(v0*v0), float64(steps*k))
			// SGD: v <- (1 - a x_j^2) v with j uniform.
			g := 0.0
			for _, xj := range x {
				g += (1 - a*xj*xj) * (1 - a*xj*xj) / 2
			}
			sgd := math.Pow(g, float64(steps))
			errs = append(errs, math.Abs(e-sgd))
		}
		s := slope(alphas, errs)
		t.Logf("%-5v errors %s slope %.2f", c.m, fmtErrs(errs), s)
		if math.Abs(s-c.order) > 0.3 {
			t.Errorf("%v: slope %.2f, want %v", c.m, s, c.order)
		}
	}
}

// TestMeanFieldMonteCarlo: on a tanh network started from the empirical
// measure of its neurons, E of the risk at T under DD-SMF agrees with
// mean-field SGD within the Monte Carlo error, while the mean-field ODE
// misses it by many standard errors.
func TestMeanFieldMonteCarlo(t *testing.T) {
	if testing.Short() {
		t.Skip("Monte Carlo")
	}
	s, err := New(Config{
		Problem: ProblemSpec{Name: "network", Act: "tanh", Neuron: "awb", Din: 1, Target: "sin", Noise: 0},
		Alpha:   0.25, T: 1, Seed: 1, NPoints: 8, NData: 8, Reps: 20000, K: 4, Scheme: Weak2,
		Methods: []Method{SGD, MFODE, DDSMF},
	})
	if err != nil {
		t.Fatal(err)
	}
	s.RunTo(s.TotalSteps(), 2, nil)
	ev := s.Model().NewEval(s.Tracks()[0].N)
	est := map[Method][2]float64{}
	for _, tr := range s.Tracks() {
		var sum, sum2 float64
		for r := 0; r < tr.Reps; r++ {
			v := ev.Risk(tr.Replica(r))
			sum += v
			sum2 += v * v
		}
		n := float64(tr.Reps)
		m := sum / n
		se := 0.0
		if tr.Reps > 1 {
			se = math.Sqrt((sum2/n - m*m) / (n - 1))
		}
		est[tr.Method] = [2]float64{m, se}
		t.Logf("%-6v E risk(T) = %.5f +- %.5f", tr.Method, m, se)
	}
	sgd, dd, ode := est[SGD], est[DDSMF], est[MFODE]
	if d := math.Abs(dd[0] - sgd[0]); d > 4*math.Hypot(dd[1], sgd[1]) {
		t.Errorf("DD-SMF misses SGD: %v vs %v", dd, sgd)
	}
	if d := math.Abs(ode[0] - sgd[0]); d < 4*sgd[1] {
		t.Errorf("MF ODE should miss SGD by O(alpha): %v vs %v", ode, sgd)
	}
}
