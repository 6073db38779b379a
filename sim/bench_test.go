package sim_test

import (
	"fmt"
	"math"
	"testing"

	"smflow/sim"
	"smflow/sim/param"
)

// BenchmarkStep times one SGD step (K = 4 substeps for the continuous
// models) of every method on one replica, and reports the cost per
// (particle x data point) of one step. Run natively and under WASM:
//
//	go test -bench Step -run '^$' ./sim/
func BenchmarkStep(b *testing.B) {
	for _, c := range []struct {
		name, query string
		methods     []string
	}{
		// T = 100 for the quadratic problem: its state decays like e^-t,
		// and from t of about 370 on its squares, and then the state
		// itself, are subnormal numbers, whose arithmetic is many times
		// slower natively; a run that ends starts again (untimed).
		{"quad", "scene=flow&n=64&N=64&reps=1&k=4&T=100", []string{"sgd", "gf", "sme1", "sme2", "smf"}},
		{"network", "scene=meanfield&n=256&M=256&N=64&k=4&T=1000", []string{"sgd", "mfode", "ddsmf"}},
	} {
		for _, m := range c.methods {
			b.Run(c.name+"/"+m, func(b *testing.B) {
				build := func() *sim.Sim {
					s, _, warns, err := param.FromQuery(c.query+"&methods="+m, nil)
					if err != nil || len(warns) > 0 {
						b.Fatal(err, warns)
					}
					return s
				}
				s := build()
				s.Step() // create the scratch space
				tr := s.Tracks()[0]
				allocs := testing.AllocsPerRun(3, s.Step)
				if allocs != 0 {
					b.Errorf("%d allocations per step", int(allocs))
				}
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if s.Done() {
						b.StopTimer()
						s = build()
						b.StartTimer()
					}
					s.Step()
				}
				per := float64(b.Elapsed().Nanoseconds()) / float64(b.N) / float64(tr.N*s.Model().NumData())
				b.ReportMetric(per, "ns/(particle*datum)")
				b.ReportMetric(allocs, "allocs/step")
				if c.name == "network" {
					ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
					b.ReportMetric(ns/float64(tr.N*netEvals(tr.Method, s.Config().K, s.Model().NumData())), "ns/(particle*datum*eval)")
				}
			})
		}
	}
}

// netEvals returns the (datum x evaluation) pairs per particle of one
// network step with k substeps of the weak2 scheme: SGD evaluates one
// neuron's gradient at one datum; the MF ODE (Heun) two drifts per substep,
// each over the N data, 2 k N; the DD-SMF three forward passes per substep
// (the drift at the step's start, shared with the noise, the drift at the
// predictor and the noise at the noise-free predictor), 3 k N.
func netEvals(m sim.Method, k, n int) int {
	switch m {
	case sim.MFODE:
		return 2 * k * n
	case sim.DDSMF:
		return 3 * k * n
	}
	return 1
}

// Example runs the closed-form case of MATH.md section 6 from a query
// string, as the browser and `smf run` do, and prints E|z_T|^2 per method.
func Example() {
	s, _, warns, err := param.FromQuery("problem=quad&alpha=0.1&T=1&reps=20000&methods=sgd,gf,smf", nil)
	if err != nil || len(warns) > 0 {
		fmt.Println(err, warns)
		return
	}
	s.RunTo(s.TotalSteps(), 2, nil)
	for _, tr := range s.Tracks() {
		sum := 0.0
		for r := 0; r < tr.Reps; r++ {
			z := tr.Replica(r)
			sum += z[0]*z[0] + z[1]*z[1]
		}
		fmt.Printf("%-4s t=%.1f E|z|^2 = %.3f\n", tr.Method, s.Time(), sum/float64(tr.Reps))
	}
	// Output:
	// sgd  t=1.0 E|z|^2 = 0.262
	// gf   t=1.0 E|z|^2 = 0.262
	// smf  t=1.0 E|z|^2 = 0.258
}

// tanhSink keeps BenchmarkMathTanh's results alive.
var tanhSink float64

// BenchmarkMathTanh times one math.Tanh call on arguments spread like the
// network's pre-activations, the unit in which the README states the
// network kernels' cost per (particle x datum):
//
//	go test -bench 'Step/network|MathTanh' -run '^$' ./sim/
func BenchmarkMathTanh(b *testing.B) {
	var u [64]float64
	for i := range u {
		u[i] = -3 + 6*float64(i)/float64(len(u)-1)
	}
	s := 0.0
	for i := 0; i < b.N; i++ {
		s += math.Tanh(u[i&63])
	}
	tanhSink = s
}
