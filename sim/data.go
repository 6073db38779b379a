package sim

// Data is a finite data set D = {xi_1, ..., xi_N}; P is the uniform law on
// it (MATH.md section 1). Scalar data (the quadratic and shift problems) use
// Xi; regression data use inputs X (row j is X[j*Din:(j+1)*Din]) and targets
// Y. Vector data xi in R^d (shift with d > 1) are stored as X with Din = d.
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
	// Name is one of quad, shift, linreg, tanh2, network.
	Name string
	// Dim is d for quad and shift.
	Dim int
	// XiMean and XiSD are the mean and standard deviation of the law that
	// generated scalar (or shift) data.
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
