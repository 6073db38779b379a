package sim

import "fmt"

// NewModel returns the Model of the problem spec on the data d. The point
// problems quad, shift, linreg and tanh2 become Independent models of the
// PointProblem that NewPointProblem builds. The network is not built here.
func NewModel(spec ProblemSpec, d *Data) (Model, error) {
	p, err := NewPointProblem(spec, d)
	if err != nil {
		return nil, err
	}
	return Independent(p), nil
}

// NewPointProblem returns the PointProblem named by spec.Name on the data d,
// after CheckData: a *Quad, *Shift, *LinReg or *Tanh2. Every one of them is
// also a Viewer.
func NewPointProblem(spec ProblemSpec, d *Data) (PointProblem, error) {
	if err := CheckData(spec, d); err != nil {
		return nil, err
	}
	switch spec.Name {
	case "quad":
		return NewQuad(spec.pointDim(), scalarData(d))
	case "shift":
		if xi := scalarData(d); xi != nil && spec.pointDim() == 1 {
			return NewShift(1, xi)
		}
		return NewShift(spec.pointDim(), d.X)
	case "linreg":
		return NewLinReg(d.Din, d.X, d.Y)
	case "tanh2":
		return NewTanh2(d.X, d.Y)
	case "network":
		return nil, fmt.Errorf("problem %q is not a point problem", spec.Name)
	}
	return nil, unknownProblem(spec.Name)
}

// unknownProblem is the error for a problem name that does not exist.
func unknownProblem(name string) error {
	return fmt.Errorf("unknown problem %q (want quad, shift, linreg, tanh2 or network)", name)
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
