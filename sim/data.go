package sim

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"smflow/sim/xmath"
)

// Data is a finite data set D = {xi_1, ..., xi_N}; P is the uniform law on
// it (MATH.md section 1). Scalar data use Xi; regression data use inputs X
// (row j is X[j*Din:(j+1)*Din]) and targets Y; vector data xi in R^d are
// stored as X with Din = d. Each problem says which it takes (Problem.Check).
type Data struct {
	// N is the number of data points.
	N int
	// Xi holds scalar data, or is nil.
	Xi []float64
	// Din is the dimension of an input x (0 if the data are scalar).
	Din int
	// X holds the inputs, N*Din values, row-major.
	X []float64
	// Y holds the targets, N values, or is nil.
	Y []float64
	// Target is the noise-free regression function that generated data
	// were drawn from (y_j = Target(x_j) + noise), or nil when it is unknown
	// (data read from a file).
	Target func(x []float64) float64
}

// ProblemSpec names a problem and its settings, as given by the parameter
// schema.
type ProblemSpec struct {
	// Name is the Name of a problem of Problems.
	Name string
	// Dim is the dimension d of the problems whose points have a free
	// dimension.
	Dim int
	// XiMean and XiSD are the mean and standard deviation of the law that
	// generated scalar (or vector) data.
	XiMean, XiSD float64
	// Noise is the standard deviation of label noise for regression data.
	Noise float64
	// Act is the activation of a network: identity, tanh, relu, sigmoid.
	Act string
	// Neuron is the neuron form: "w" for sigma(w.x) (z = w), "awb" for
	// a sigma(w.x + b) (z = (a, w, b)).
	Neuron string
	// Din is the input dimension of regression data (1 or 2).
	Din int
	// Target names the regression target: "teacher" (a network of Teacher
	// neurons), or a function such as "sin".
	Target string
	// Teacher is the number of neurons of a teacher network.
	Teacher int
}

// MaxDataRows is the largest number of data points N that GenerateData makes
// and ReadCSV accepts.
const MaxDataRows = 100000

// maxDataValues bounds N times the dimension of a data point.
const maxDataValues = 10_000_000

// resizeData returns s with length n, reusing its array when large enough.
func resizeData(s []float64, n int) []float64 {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]float64, n)
}

// GenerateData sets dst to n data points of the problem spec, drawn from rng
// (use a stream of its own, such as xmath.Stream(seed, purpose)) by the
// problem's data law (Problem.Generate; see each problem's file). The random
// numbers drawn do not depend on XiMean, XiSD and Noise, so changing a noise
// level keeps the inputs. dst's slices are reused when large enough.
func GenerateData(dst *Data, spec ProblemSpec, n int, rng *xmath.Rand) error {
	p, err := LookupProblem(spec.Name)
	if err != nil {
		return err
	}
	if n < 1 || n > MaxDataRows {
		return fmt.Errorf("%s: number of data points %d out of range 1..%d", spec.Name, n, MaxDataRows)
	}
	if dst == nil || rng == nil {
		return errors.New("GenerateData: nil destination or random stream")
	}
	for _, s := range []struct {
		name string
		v    float64
	}{{"XiMean", spec.XiMean}, {"XiSD", spec.XiSD}, {"Noise", spec.Noise}} {
		if math.IsNaN(s.v) || math.IsInf(s.v, 0) {
			return fmt.Errorf("%s: %s = %v is not a finite number", spec.Name, s.name, s.v)
		}
		if s.v < 0 && s.name != "XiMean" {
			return fmt.Errorf("%s: %s = %v is negative", spec.Name, s.name, s.v)
		}
	}
	return p.Generate(dst, spec, n, rng)
}

// CheckData reports whether d is a well-formed data set (consistent lengths,
// finite numbers, 1..MaxDataRows points) of the shape that the problem spec
// needs (Problem.Check: scalar data, vectors, or regression data with
// spec.Din inputs).
func CheckData(spec ProblemSpec, d *Data) error {
	p, err := LookupProblem(spec.Name)
	if err != nil {
		return err
	}
	if d == nil {
		return fmt.Errorf("%s: no data", spec.Name)
	}
	if err := validData(d); err != nil {
		return err
	}
	return p.Check(spec, d)
}

// newRegressionData sets dst to n rows of k = spec.Din (0 meaning 1) inputs
// and a target each, for the problem named name, reusing dst's slices, and
// returns k; 1 <= k <= 2.
func newRegressionData(dst *Data, name string, spec ProblemSpec, n int) (int, error) {
	k := spec.inputDim()
	if k < 1 || k > 2 {
		return 0, fmt.Errorf("%s: input dimension %d out of range 1..2", name, k)
	}
	*dst = Data{N: n, Din: k, X: resizeData(dst.X, n*k), Y: resizeData(dst.Y, n)}
	return k, nil
}

// checkDim reports whether d is a dimension of points of the problem named
// name, 1..MaxDim.
func checkDim(name string, d int) error {
	if d < 1 || d > MaxDim {
		return fmt.Errorf("%s: dimension %d out of range 1..%d", name, d, MaxDim)
	}
	return nil
}

// checkRegression reports whether d are regression data x1[,x2],y with k
// inputs, 1 <= k <= 2, for the problem named name.
func checkRegression(name string, k int, d *Data) error {
	if k < 1 || k > 2 {
		return fmt.Errorf("%s: input dimension %d out of range 1..2", name, k)
	}
	if d.Y == nil || d.Din != k {
		return fmt.Errorf("%s needs regression data %s, got %s", name, regressionHeader(k), describeData(d))
	}
	return nil
}

// validData reports whether d is internally consistent: 1..MaxDataRows
// points stored either as scalar data Xi or as rows X of Din values with or
// without targets Y, all finite.
func validData(d *Data) error {
	if d.N < 1 {
		return errors.New("data: no data points")
	}
	if d.N > MaxDataRows {
		return fmt.Errorf("data: %d data points, at most %d allowed", d.N, MaxDataRows)
	}
	if d.Xi != nil {
		if d.X != nil || d.Y != nil || d.Din != 0 {
			return errors.New("data: both scalar data Xi and inputs X or targets Y")
		}
		if len(d.Xi) != d.N {
			return fmt.Errorf("data: %d values Xi for N = %d", len(d.Xi), d.N)
		}
		return finiteValues("xi", d.Xi, 1)
	}
	if d.Din < 1 || d.Din > MaxDim {
		return fmt.Errorf("data: input dimension Din = %d out of range 1..%d", d.Din, MaxDim)
	}
	if d.N*d.Din > maxDataValues {
		return fmt.Errorf("data: %d rows of %d values are too many (at most %d values)", d.N, d.Din, maxDataValues)
	}
	if len(d.X) != d.N*d.Din {
		return fmt.Errorf("data: %d values X for N = %d rows of Din = %d", len(d.X), d.N, d.Din)
	}
	if d.Y != nil && len(d.Y) != d.N {
		return fmt.Errorf("data: %d targets Y for N = %d", len(d.Y), d.N)
	}
	name := "xi"
	if d.Y != nil {
		name = "x"
	}
	if err := finiteValues(name, d.X, d.Din); err != nil {
		return err
	}
	return finiteValues("y", d.Y, 1)
}

// finiteValues reports an error naming row and column of the first value of x
// (rows of k values) that is not finite.
func finiteValues(name string, x []float64, k int) error {
	for i, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			col := name
			if k > 1 || name == "x" {
				col = name + strconv.Itoa(i%k+1)
			}
			return fmt.Errorf("data: row %d, column %s: %v is not a finite number", i/k+1, col, v)
		}
	}
	return nil
}

// scalarData returns the scalar data of d: Xi, or X when the data are rows
// of one value without targets; otherwise nil.
func scalarData(d *Data) []float64 {
	if d.Xi != nil {
		return d.Xi
	}
	if d.Din == 1 && d.Y == nil {
		return d.X
	}
	return nil
}

// describeData names the shape of d for error messages.
func describeData(d *Data) string {
	switch {
	case d.Xi != nil:
		return "scalar data (column xi)"
	case d.Y != nil:
		return "regression data " + regressionHeader(d.Din)
	case d.Din == 1:
		return "vector data xi1"
	default:
		return fmt.Sprintf("vector data xi1..xi%d", d.Din)
	}
}

// regressionHeader returns "x1,y" or "x1,x2,y" (for k inputs).
func regressionHeader(k int) string {
	var b strings.Builder
	for i := 1; i <= k; i++ {
		fmt.Fprintf(&b, "x%d,", i)
	}
	b.WriteString("y")
	return b.String()
}
