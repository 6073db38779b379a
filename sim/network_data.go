package sim

import (
	"errors"
	"fmt"
	"math"

	"smflow/sim/xmath"
)

// The input domain of generated network data is [-netXMax, netXMax]^Din.
const netXMax = 2

// Scales of the teacher law (see generateNetworkData).
const (
	teacherA = 2   // output weights a* ~ N(0, teacherA^2)
	teacherW = 1.5 // input weights w* ~ N(0, teacherW^2 I)
	teacherB = 1   // biases b* ~ N(0, teacherB^2)
)

// generateNetworkData sets dst to n regression data points (x_j, y_j) for a
// network problem, drawn from rng (a stream of its own):
//
//	x_j ~ U([-2, 2]^Din) (independent uniform coordinates, not a grid),
//	y_j = target(x_j) + Noise eta_j,  eta_j ~ N(0, 1),
//
// with Din = spec.Din (0 meaning 1; 1 or 2) and the target spec.Target:
//
//   - "teacher": a network f*(x) = (1/m) sum_k Phi(z*_k, x) of m = spec.Teacher
//     neurons of the form and activation of the student (spec.Neuron,
//     spec.Act). Its neurons are drawn first from rng: for "w",
//     w* ~ N(0, 1.5^2 I); for "awb", a* ~ N(0, 2^2), w* ~ N(0, 1.5^2 I),
//     b* ~ N(0, 1), each neuron's coordinates in order;
//   - "sin": sin(pi x_1 / 2) for Din = 1 (one period on [-2, 2]),
//     sin(pi x_1 / 2) cos(pi x_2 / 4) for Din = 2;
//   - "step": 1 if x_1 + ... + x_Din >= 0, else -1 (a jump across the
//     diagonal for Din = 2);
//   - "abs": the Euclidean norm |x| (|x_1| for Din = 1).
//
// Then for each j in turn the Din coordinates of x_j and eta_j are drawn, so
// the inputs do not depend on Noise or on the target (besides the teacher's
// draws). dst's slices are reused when large enough.
func generateNetworkData(dst *Data, spec ProblemSpec, n int, rng *xmath.Rand) error {
	if dst == nil {
		return errors.New("network data: nil destination")
	}
	if rng == nil {
		return errors.New("network data: nil random stream")
	}
	if n < 1 || n > MaxDataRows {
		return fmt.Errorf("network data: number of data points %d out of range 1..%d", n, MaxDataRows)
	}
	din := spec.inputDim()
	if din < 1 || din > 2 {
		return fmt.Errorf("network data: input dimension %d out of range 1..2", din)
	}
	if math.IsNaN(spec.Noise) || math.IsInf(spec.Noise, 0) || spec.Noise < 0 {
		return fmt.Errorf("network data: label noise %v is not a finite number >= 0", spec.Noise)
	}
	var target func(x []float64) float64
	switch spec.Target {
	case "teacher":
		if spec.Teacher < 1 || spec.Teacher > maxTeacher {
			return fmt.Errorf("network data: teacher size %d out of range 1..%d", spec.Teacher, maxTeacher)
		}
		t, err := newNetworkForm(spec.Act, spec.Neuron, din)
		if err != nil {
			return err
		}
		zt := make([]float64, spec.Teacher*t.d)
		t.teacherNeurons(zt, rng)
		target = func(x []float64) float64 { return t.Predict(zt, x) }
	case "sin":
		target = func(x []float64) float64 {
			y := math.Sin(math.Pi / 2 * x[0])
			if len(x) > 1 {
				y *= math.Cos(math.Pi / 4 * x[1])
			}
			return y
		}
	case "step":
		target = func(x []float64) float64 {
			s := 0.0
			for _, v := range x {
				s += v
			}
			if s >= 0 {
				return 1
			}
			return -1
		}
	case "abs":
		target = func(x []float64) float64 {
			s := 0.0
			for _, v := range x {
				s += v * v
			}
			return math.Sqrt(s)
		}
	default:
		return fmt.Errorf("network data: unknown target %q (want teacher, sin, step or abs)", spec.Target)
	}
	*dst = Data{N: n, Din: din, X: resizeData(dst.X, n*din), Y: resizeData(dst.Y, n), Target: target}
	for j := range n {
		x := dst.X[j*din : (j+1)*din]
		for i := range x {
			x[i] = netXMax * (2*rng.Float64() - 1)
		}
		dst.Y[j] = target(x) + spec.Noise*rng.Norm()
	}
	return nil
}

// maxTeacher bounds the number of teacher neurons.
const maxTeacher = 10000

// teacherNeurons sets z (a multiple of d long) to teacher neurons drawn from
// rng, coordinate by coordinate: for "w", w* ~ N(0, 1.5^2 I); for "awb",
// a* ~ N(0, 2^2), w* ~ N(0, 1.5^2 I), b* ~ N(0, 1).
func (m *Network) teacherNeurons(z []float64, rng *xmath.Rand) {
	for k := 0; k+m.d <= len(z); k += m.d {
		zk := z[k : k+m.d]
		if !m.awb {
			rng.NormFill(zk, teacherW)
			continue
		}
		zk[0] = teacherA * rng.Norm()
		rng.NormFill(zk[1:1+m.din], teacherW)
		zk[1+m.din] = teacherB * rng.Norm()
	}
}

// networkProblem is the one-hidden-layer network in the mean-field scaling
// in the catalogue: its points are the neurons z_k, d = Din for neuron=w
// (z = w) and Din + 2 for neuron=awb (z = (a, w, b)); its data law is
// generateNetworkData.
var networkProblem = Problem{
	Name:     "network",
	Doc:      "one-hidden-layer network in the mean-field scaling",
	Network:  true,
	Settings: []string{"noise", "act", "neuron", "din", "target", "teacher"},
	Columns:  "x1[,x2],y",
	PointDim: func(spec ProblemSpec) int {
		if spec.Neuron == "w" {
			return spec.inputDim()
		}
		return spec.inputDim() + 2
	},
	Generate: generateNetworkData,
	Check:    func(spec ProblemSpec, d *Data) error { return checkRegression("network", spec.inputDim(), d) },
	New:      newNetworkModel,
}
