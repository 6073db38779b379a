package sim

import (
	"errors"
	"fmt"
	"strings"

	"smflow/sim/xmath"
)

// A Problem is one entry of the catalogue of problems, after gonum/optimize's
// Problem: a value that names a risk R(z, xi) and says how to make its data
// and its Model. The parameter schema, the page's controls and the README
// derive their lists of problems from Problems; adding a problem is one file
// that defines its Problem value and one entry in the table of Problems.
type Problem struct {
	// Name is the problem's key in URLs (problem=Name) and on the command
	// line.
	Name string
	// Doc says in one line what the risk is, e.g. "xi |z|^2/2".
	Doc string
	// Network is true for a one-hidden-layer network in the mean-field
	// scaling (its points are the interacting neurons; methods sgd, mfode,
	// ddsmf), false for a point problem (independent points; methods sgd,
	// gf, sme1, sme2, smf).
	Network bool
	// Settings lists the ProblemSpec settings the problem reads, by their
	// keys in URLs (dim, xim, xis, noise, act, neuron, din, target,
	// teacher).
	Settings []string
	// Columns names the CSV columns of its data, e.g. "x1[,x2],y".
	Columns string
	// PointDim returns the number of coordinates of one point (a starting
	// point or a neuron) for the settings spec.
	PointDim func(spec ProblemSpec) int
	// Generate sets dst to n data points drawn from rng (the data law).
	Generate func(dst *Data, spec ProblemSpec, n int, rng *xmath.Rand) error
	// Check reports whether the well-formed data set d has the shape the
	// problem needs (validData has been checked before).
	Check func(spec ProblemSpec, d *Data) error
	// Fit, if not nil, returns spec adapted to the data set d that was read
	// from a file (for example the dimension taken from the columns).
	Fit func(spec ProblemSpec, d *Data) ProblemSpec
	// New returns the Model of the problem on the checked data d.
	New func(spec ProblemSpec, d *Data) (Model, error)
}

// problems is the catalogue, in the order of the page's choices.
var problems = []*Problem{&quadProblem, &shiftProblem, &linregProblem, &logregProblem, &tanh2Problem, &networkProblem}

// Problems returns the catalogue of problems in order. The caller must not
// modify the values.
func Problems() []*Problem { return problems }

// LookupProblem returns the problem named name.
func LookupProblem(name string) (*Problem, error) {
	for _, p := range problems {
		if p.Name == name {
			return p, nil
		}
	}
	return nil, unknownProblem(name)
}

// Applies reports whether method m runs on the problem: SGD on every
// problem, GF, SME1, SME2 and SMF on the point problems, the mean-field ODE
// and the DD-SMF on networks.
func (p *Problem) Applies(m Method) bool {
	if p.Network {
		return m.ForNetwork()
	}
	return m.ForPoints()
}

// Uses reports whether the problem reads the setting with the given key.
func (p *Problem) Uses(key string) bool {
	for _, s := range p.Settings {
		if s == key {
			return true
		}
	}
	return false
}

// unknownProblem is the error for a problem name that does not exist.
func unknownProblem(name string) error {
	names := make([]string, len(problems))
	for i, p := range problems {
		names[i] = p.Name
	}
	return fmt.Errorf("unknown problem %q (want %s or %s)", name,
		strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
}

// PointDim returns the number of coordinates of one point of spec's problem.
func (spec ProblemSpec) PointDim() (int, error) {
	p, err := LookupProblem(spec.Name)
	if err != nil {
		return 0, err
	}
	return p.PointDim(spec), nil
}

// Fit returns spec adapted to the data set d (nil: generated data, spec is
// returned as it is): the input dimension Din of d, and what the problem's
// Fit takes from the data (such as the dimension of vector data).
func (spec ProblemSpec) Fit(d *Data) ProblemSpec {
	if d == nil {
		return spec
	}
	if d.Din > 0 {
		spec.Din = d.Din
	}
	if p, err := LookupProblem(spec.Name); err == nil && p.Fit != nil {
		spec = p.Fit(spec, d)
	}
	return spec
}

// NewModel returns the Model of the problem spec on the data d, after
// CheckData.
func NewModel(spec ProblemSpec, d *Data) (Model, error) {
	p, err := LookupProblem(spec.Name)
	if err != nil {
		return nil, err
	}
	if err := CheckData(spec, d); err != nil {
		return nil, err
	}
	return p.New(spec, d)
}

// NewPointProblem returns the PointProblem of a point problem on the data d,
// after CheckData: a *Quad, *Shift, *LinReg, *LogReg or *Tanh2. Every one of
// them is also a Viewer.
func NewPointProblem(spec ProblemSpec, d *Data) (PointProblem, error) {
	p, err := LookupProblem(spec.Name)
	if err != nil {
		return nil, err
	}
	if p.Network {
		return nil, fmt.Errorf("problem %q is not a point problem", spec.Name)
	}
	m, err := NewModel(spec, d)
	if err != nil {
		return nil, err
	}
	return ProblemOf(m), nil
}

// pointModel returns the Model of the PointProblem pp (or err).
func pointModel(pp PointProblem, err error) (Model, error) {
	if err != nil {
		return nil, err
	}
	return Independent(pp), nil
}

// BuildModel returns the model of spec over the data set d, or, when d is
// nil, over N data points generated from rng by the problem's data law. It
// returns the data it used.
func BuildModel(spec ProblemSpec, d *Data, N int, rng *xmath.Rand) (Model, *Data, error) {
	if d == nil {
		if rng == nil {
			return nil, nil, errors.New("BuildModel: no data and no random stream")
		}
		d = &Data{}
		if err := GenerateData(d, spec, N, rng); err != nil {
			return nil, nil, err
		}
	}
	m, err := NewModel(spec, d)
	return m, d, err
}

// pointDim returns spec.Dim, with 0 standing for the default 2.
func (spec ProblemSpec) pointDim() int {
	if spec.Dim == 0 {
		return 2
	}
	return spec.Dim
}

// inputDim returns spec.Din, with 0 standing for the default 1.
func (spec ProblemSpec) inputDim() int {
	if spec.Din == 0 {
		return 1
	}
	return spec.Din
}
