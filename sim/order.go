package sim

import (
	"fmt"
	"math"
	"strings"

	"smflow/sim/stat"
)

// An Observable is a test function f of the configuration of one replica,
// whose expectation E f(Z_T) the weak error compares between methods.
type Observable struct {
	// Name is the key of the observable: sq, z1, pair or risk.
	Name string
	// Doc says what f is.
	Doc string
	f   func(ev Eval, z []float64, d int) float64
}

// Observables lists the test functions of weak-error experiments.
var Observables = []Observable{
	{"sq", "mean over the points of |z_k|^2 (one-point)", func(_ Eval, z []float64, d int) float64 {
		return dotSelf(z) / float64(len(z)/d)
	}},
	{"z1", "mean over the points of the first coordinate (one-point)", func(_ Eval, z []float64, d int) float64 {
		s := 0.0
		for k := 0; k < len(z); k += d {
			s += z[k]
		}
		return s / float64(len(z)/d)
	}},
	{"pair", "z_1 . z_2, the product of the first two points (two-point; n >= 2)", func(_ Eval, z []float64, d int) float64 {
		s := 0.0
		for i := 0; i < d; i++ {
			s += z[i] * z[d+i]
		}
		return s
	}},
	{"risk", "the full-data risk of the configuration", func(ev Eval, z []float64, _ int) float64 {
		return ev.Risk(z)
	}},
}

func dotSelf(z []float64) float64 {
	s := 0.0
	for _, v := range z {
		s += v * v
	}
	return s
}

// ObservableByName returns the observable with the given name.
func ObservableByName(name string) (Observable, error) {
	var names []string
	for _, o := range Observables {
		if o.Name == name {
			return o, nil
		}
		names = append(names, o.Name)
	}
	return Observable{}, fmt.Errorf("unknown observable %q (want %s)", name, strings.Join(names, ", "))
}

// A WeakPoint is the estimated weak error E f(Z_T) - E f(z_T) of one method
// Z against SGD z at one learning rate.
type WeakPoint struct {
	// Alpha is the learning rate.
	Alpha float64
	// Method is the method compared with SGD.
	Method Method
	// Err is the weak error with its standard error.
	Err stat.Estimate
	// Value is E f(Z_T) of the method's ensemble (one replica for a
	// deterministic method), SGD is E f(z_T) of SGD (exact, with no
	// standard error, when Exact is set): Err = Value - SGD.
	Value, SGD stat.Estimate
	// Exact reports that E f(z_T) of SGD was known in closed form.
	Exact bool
	// Diverged reports that a replica of the method or of SGD diverged (the
	// point is then left out of fits).
	Diverged bool
}

// WeakErrors runs the configuration base at every learning rate of alphas
// (same seeds, so the random streams are reused across step sizes) to time
// base.T and estimates the weak error of every method of base.Methods other
// than SGD against SGD for the observable obs. For the quadratic problem
// with observables sq, z1 and pair the SGD side is exact (MATH.md section 6);
// otherwise SGD runs as an ensemble of its own. Replicas run on up to
// workers goroutines; progress, if not nil, gets the fraction done.
func WeakErrors(base Config, alphas []float64, obs Observable, workers int, progress func(float64)) ([]WeakPoint, error) {
	o, err := NewOrderRun(base, alphas, obs)
	if err != nil {
		return nil, err
	}
	for !o.Done() {
		i := o.cur
		o.sim.RunTo(o.sim.total, workers, func(f float64) {
			if progress != nil {
				progress((float64(i) + f) / float64(len(alphas)))
			}
		})
		if err := o.finish(); err != nil {
			return nil, err
		}
	}
	return o.Points(), nil
}

// An OrderRun is a weak-error experiment (see WeakErrors) that advances in
// small pieces, so that a page can compute it while it stays responsive.
type OrderRun struct {
	base   Config
	alphas []float64
	obs    Observable
	cur    int  // index of the learning rate being run
	sim    *Sim // its simulation
	exact  bool
	ref    float64
	points []WeakPoint
	track  int // the track and replica that Advance runs next
	rep    int
	work   int // SGD steps times replicas done so far
	total  int // SGD steps times replicas of the whole experiment
}

// NewOrderRun prepares the experiment; nothing runs yet.
func NewOrderRun(base Config, alphas []float64, obs Observable) (*OrderRun, error) {
	if len(alphas) == 0 {
		return nil, fmt.Errorf("no learning rates")
	}
	o := &OrderRun{base: base, alphas: alphas, obs: obs}
	for _, a := range alphas {
		if !(a > 0) || math.IsInf(a, 0) {
			return nil, fmt.Errorf("learning rate %v must be a positive number", a)
		}
		o.total += int(math.Ceil(base.T/a-1e-9)) * (len(base.Methods) + 1) * max(base.Reps, 1)
	}
	if err := o.start(); err != nil {
		return nil, err
	}
	return o, nil
}

// start builds the simulation of the current learning rate.
func (o *OrderRun) start() error {
	cfg := o.base
	cfg.Alpha = o.alphas[o.cur]
	cfg.Methods = []Method{SGD}
	for _, m := range o.base.Methods {
		if m != SGD {
			cfg.Methods = append(cfg.Methods, m)
		}
	}
	s, err := New(cfg)
	if err != nil {
		return err
	}
	if o.obs.Name == "pair" && s.tracks[0].N < 2 {
		return fmt.Errorf("observable pair needs at least two points (n >= 2 or two rows in points)")
	}
	o.sim = s
	o.ref, o.exact = s.exactSGD(o.obs.Name)
	if o.exact {
		s.tracks[0].Reps = 0 // SGD's ensemble is not needed
	}
	return nil
}

// Done reports whether every learning rate has been run.
func (o *OrderRun) Done() bool { return o.cur >= len(o.alphas) }

// Progress returns the fraction of the work done.
func (o *OrderRun) Progress() float64 {
	if o.Done() || o.total == 0 {
		return 1
	}
	return math.Min(1, float64(o.work)/float64(o.total))
}

// Points returns the weak errors of the learning rates finished so far; the
// caller must not modify them.
func (o *OrderRun) Points() []WeakPoint { return o.points }

// Current returns the learning rate being run and its simulation (nil when
// done); the caller must not modify it.
func (o *OrderRun) Current() (float64, *Sim) {
	if o.Done() {
		return 0, nil
	}
	return o.alphas[o.cur], o.sim
}

// Advance runs up to units replicas of the current learning rate, one
// method's replica at a time from 0 to T (a unit costs T/alpha steps of one
// replica), and when every replica is done records the weak errors and moves
// to the next learning rate. The results equal those of WeakErrors bit for
// bit.
func (o *OrderRun) Advance(units int) error {
	if o.Done() {
		return nil
	}
	s := o.sim
	for u := 0; u < units && o.track < len(s.tracks); u++ {
		tr := s.tracks[o.track]
		if o.rep < tr.Reps {
			s.advance(tr, o.rep, s.worker(tr, 0), 0, s.total)
			o.work += s.total
			o.rep++
		}
		if o.rep >= tr.Reps {
			o.track, o.rep = o.track+1, 0
		}
	}
	if o.track < len(s.tracks) {
		return nil
	}
	s.step = s.total
	return o.finish()
}

// finish records the weak errors of the finished simulation and starts the
// next learning rate.
func (o *OrderRun) finish() error {
	if err := o.record(); err != nil {
		return err
	}
	o.cur++
	o.track, o.rep = 0, 0
	if o.Done() {
		o.sim = nil
		return nil
	}
	return o.start()
}

// record computes the weak errors of the finished simulation.
func (o *OrderRun) record() error {
	s := o.sim
	vals := make([][]float64, len(s.tracks))
	for i, tr := range s.tracks {
		ev := s.model.NewEval(tr.N)
		for r := 0; r < tr.Reps; r++ {
			vals[i] = append(vals[i], o.obs.f(ev, tr.Replica(r), tr.D))
		}
	}
	var sgd stat.Estimate
	var err error
	if o.exact {
		sgd = stat.Estimate{Mean: o.ref}
	} else if sgd, err = stat.MeanOf(vals[0]); err != nil {
		return err
	}
	for i := 1; i < len(s.tracks); i++ {
		tr := s.tracks[i]
		p := WeakPoint{Alpha: s.cfg.Alpha, Method: tr.Method, Exact: o.exact}
		p.Diverged = s.Status(i).Diverged || s.Status(0).Diverged && !o.exact
		var e stat.Estimate
		if tr.Reps == 1 {
			e = stat.Estimate{Mean: vals[i][0], N: 1}
		} else if e, err = stat.MeanOf(vals[i]); err != nil {
			return err
		}
		p.Value, p.SGD = e, sgd
		p.Err = stat.Diff(e, sgd)
		o.points = append(o.points, p)
	}
	return nil
}
