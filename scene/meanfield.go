//go:build js

package scene

import (
	"math"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/catalog"
	"smflow/render"
	"smflow/render/plot"
	"smflow/sim"
	"smflow/sim/stat"
)

// Sizes of the density images and of the network function's grid, and the
// smoothing of the density images (stat.Density2D).
const (
	densityCells  = 48
	densityPasses = 3
	curvePoints   = 48
)

// A predictor evaluates the network f(x) = (1/n) sum_k Phi(z_k, x) of the
// neurons z (n points) at the input x.
type predictor interface {
	Predict(z, x []float64) float64
}

// A batchPredictor evaluates the network at many inputs at once, bit for
// bit as Predict at each: dst_i = f_z(x_i) for the len(dst) inputs
// x[i*Din:(i+1)*Din], with scratch tmp of length len(dst) (sim.Network's
// PredictBatch).
type batchPredictor interface {
	PredictBatch(dst, z, x, tmp []float64)
}

// A targeter knows the regression target f(x) the data were drawn from
// (nil when it is unknown).
type targeter interface {
	TargetFunc() func(x []float64) float64
}

// meanfieldView draws scene 3: one panel per method with its particles (the
// network's neurons with short trails; the measure nu_t of the DD-SMF and the
// mean-field ODE, M flow particles, as a density image with the SGD neurons
// on top), the network function of every method against the data and the
// target, and the risk over time on a log scale.
type meanfieldView struct {
	frame
	obs  meanfieldObs
	d    int
	din  int
	pred predictor
	targ func(x []float64) float64

	parts      []render.Axes
	fn, risk   render.Axes
	ax, ay     plot.AutoRange // particle planes
	fy, fx, ry plot.AutoRange
	dens       []*densityImage // per track, nil for neuron tracks
	sgd        int             // index of the SGD track, or -1
	xgrid      []float64
	curves     [][]float64
	curveStep  []int // the step at which each curve was computed, or -1
	rr         int   // the track whose curve is updated first
	x1         [1]float64
	ctmp       []float64 // scratch of PredictBatch
	hist       []float64
	xmin, xmax float64
}

// densityImage is the picture of a cloud of particles: a grid of
// densities (and scratch space for smoothing it).
type densityImage struct {
	h, tmp []float64
}

func newDensityImage() *densityImage {
	n := densityCells
	return &densityImage{h: make([]float64, n*n), tmp: make([]float64, n*n)}
}

func newMeanfieldView() *meanfieldView {
	v := &meanfieldView{hist: make([]float64, 48)}
	v.initFrame(catalog.Meanfield)
	v.risk.Title, v.risk.XLabel = "risk (bands: -/+ 2 SE over runs)", "t = alpha * steps"
	v.ry.Axis.Log = true
	v.fn.Title = "network function, data and target"
	return v
}

func (v *meanfieldView) Reset(s *sim.Sim) {
	v.resetFrame(s)
	v.obs.reset(s)
	v.d = s.Model().Dim()
	v.pred, _ = s.Model().(predictor)
	v.targ = nil
	if t, ok := s.Model().(targeter); ok {
		v.targ = t.TargetFunc()
	}
	data := s.Data()
	v.din = 0
	if data != nil {
		v.din = data.Din
	}
	tracks := s.Tracks()
	v.parts = make([]render.Axes, len(tracks))
	for len(v.dens) < len(tracks) {
		v.dens = append(v.dens, nil)
	}
	v.sgd = -1
	xl, yl := "z1", "z2"
	if s.Config().Problem.Neuron == "awb" {
		xl, yl = "a (output weight)", "w (input weight)"
	}
	for i, tr := range tracks {
		a := &v.parts[i]
		a.XLabel, a.YLabel = xl, yl
		if v.d == 1 {
			a.XLabel, a.YLabel = "z", "density"
		}
		switch {
		case isFlow(tr.Method):
			name := "nu_t of the DD-SMF"
			if tr.Method == sim.MFODE {
				name = "mean-field ODE"
			}
			a.Title = name + ": M = " + strconv.Itoa(tr.N) + " particles"
			if v.dens[i] == nil {
				v.dens[i] = newDensityImage()
			}
		default:
			a.Title = tr.Method.Label() + ": n = " + strconv.Itoa(tr.N) + " neurons"
			if tr.Method == sim.SGD && v.sgd < 0 {
				v.sgd = i
				if v.d >= 2 {
					a.Title += ", with trails"
				}
			}
		}
	}
	for _, ar := range []*plot.AutoRange{&v.ax, &v.ay, &v.fy, &v.fx, &v.ry} {
		ar.Reset()
	}
	v.fy.Axis.Log = false
	// The input grid of the network function: the data's range, padded.
	v.xgrid = v.xgrid[:0]
	v.xmin, v.xmax = -1, 1
	if data != nil && data.Din == 1 && data.N > 0 {
		lo, hi := plot.MinMax(data.X, 0, 1)
		if lo < hi {
			pad := 0.05 * (hi - lo)
			v.xmin, v.xmax = lo-pad, hi+pad
		}
	}
	for k := 0; k < curvePoints; k++ {
		v.xgrid = append(v.xgrid, v.xmin+(v.xmax-v.xmin)*float64(k)/(curvePoints-1))
	}
	v.curves = v.curves[:0]
	v.curveStep = v.curveStep[:0]
	for range tracks {
		v.curves = append(v.curves, make([]float64, max(curvePoints, dataN(data))))
		v.curveStep = append(v.curveStep, -1)
	}
	v.fn.Title, v.fn.XLabel, v.fn.YLabel = "network function, data and target", "x", "y"
	if v.din >= 2 {
		v.fn.Title = "network output at the data against the target"
		v.fn.XLabel, v.fn.YLabel = "target y_j", "network f(x_j)"
	}
	if v.targ != nil {
		v.extra = append(v.extra, legendItem{label: "target", c: plot.Muted})
	}
	// The density panels draw SGD's neurons over the measure as dots
	// (overlaySGD): the legend names them.
	if v.sgd >= 0 && v.d >= 2 {
		for _, tr := range tracks {
			if isFlow(tr.Method) {
				v.extra = append(v.extra, legendItem{label: "dots on the densities: SGD's neurons", c: plot.Fade(v.colors[v.sgd], 0.7)})
				break
			}
		}
	}
	if v.pred != nil && data != nil && data.N > 0 && v.din >= 1 {
		v.updateCurves(s, math.MaxInt)
	}
}

func dataN(d *sim.Data) int {
	if d == nil {
		return 0
	}
	return d.N
}

func (v *meanfieldView) Observe(s *sim.Sim) { v.obs.observe(s) }

func (v *meanfieldView) Series() []Series { return v.obs.series() }

func (v *meanfieldView) Draw(dst *ebiten.Image, s *sim.Sim, scale float64) {
	v.begin(dst, s, scale)
	defer v.end()
	if !fits(s, len(v.obs.rec.bufs), len(v.obs.vals)) || len(v.parts) != len(s.Tracks()) {
		return // no simulation, or not the one of the last Reset
	}
	n := len(v.parts)
	rs := v.panels(n+2, 1.2)
	v.particleRange(s)
	for i := range v.parts {
		if v.dens[i] != nil && isFlow(s.Tracks()[i].Method) && v.d >= 2 {
			v.drawDensity(s, i, rs[i])
		} else {
			v.drawParticles(s, i, rs[i])
		}
	}
	v.drawFunction(s, rs[n])
	v.drawRisk(s, rs[n+1])
}

// robust returns a range of coordinate c of the points in z (d coordinates
// each) that ignores far outliers: mean -/+ 4 standard deviations, cut to
// the smallest and largest value.
func robust(z []float64, c, d int) (lo, hi float64) {
	var m, q float64
	var n int
	for i := c; i < len(z); i += d {
		if x := z[i]; x-x == 0 {
			m += x
			q += x * x
			n++
		}
	}
	if n == 0 {
		return math.NaN(), math.NaN()
	}
	m /= float64(n)
	sd := math.Sqrt(max(q/float64(n)-m*m, 0))
	l, h := plot.MinMax(z, c, d)
	return max(l, m-4*sd), min(h, m+4*sd)
}

// particleRange updates the shared ranges of the particle panels.
func (v *meanfieldView) particleRange(s *sim.Sim) {
	for c, ar := range [2]*plot.AutoRange{&v.ax, &v.ay} {
		if c >= v.d {
			break
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, tr := range s.Tracks() {
			l, h := robust(tr.Replica(0), c, tr.D)
			if l == l {
				lo, hi = min(lo, l), max(hi, h)
			}
		}
		ar.Update(lo, hi)
	}
}

// placePlane lays out particle panel i with the shared ranges.
func (v *meanfieldView) placePlane(i int, r plot.Rect) *render.Axes {
	a := &v.parts[i]
	a.Place(r, v.em)
	a.Tr.X, a.Tr.Y = v.ax.Axis, v.ay.Axis
	if !a.Tr.X.Valid() {
		a.Tr.X = plot.Axis{Min: -1, Max: 1}
	}
	if !a.Tr.Y.Valid() {
		a.Tr.Y = plot.Axis{Min: -1, Max: 1}
	}
	a.Equal = true
	a.Tr.Equal()
	v.notePlane(a, i, true)
	a.Layout(v.p, v.em)
	return a
}

func (v *meanfieldView) drawDensity(s *sim.Sim, i int, r plot.Rect) {
	a, p := v.placePlane(i, r), v.p
	tr := s.Tracks()[i]
	di := v.dens[i]
	// Cells centred on the shading points, which run from edge to edge.
	n := densityCells
	dx := (a.Tr.X.Max - a.Tr.X.Min) / float64(n-1)
	dy := (a.Tr.Y.Max - a.Tr.Y.Min) / float64(n-1)
	g := stat.Grid{W: n, H: n, X0: a.Tr.X.Min - dx/2, X1: a.Tr.X.Max + dx/2, Y0: a.Tr.Y.Min - dy/2, Y1: a.Tr.Y.Max + dy/2}
	if _, err := stat.Density2D(di.h, tr.Replica(0), tr.D, g, densityPasses, di.tmp); err != nil {
		clear(di.h) // not a valid grid: nothing to shade
	}
	p.Shade(a.Area(), n, n, di.h, 0, v.colors[i])
	a.Draw(p, v.em, v.s)
	v.overlaySGD(s, a)
	v.diverged(s, i, a.Area())
}

// overlaySGD draws the SGD neurons as small dots over a panel, for
// comparison with a measure.
func (v *meanfieldView) overlaySGD(s *sim.Sim, a *render.Axes) {
	if v.sgd < 0 {
		return
	}
	tr := s.Tracks()[v.sgd]
	z := tr.Replica(0)
	p := v.p
	p.Clip(a.Area())
	c := plot.Fade(v.colors[v.sgd], 0.7)
	for k := 0; k < tr.N; k++ {
		p.Dot(a.Tr.Px(z[k*tr.D]), a.Tr.Py(z[k*tr.D+1]), 1.5*v.s, c)
	}
	p.NoClip()
}

func (v *meanfieldView) drawParticles(s *sim.Sim, i int, r plot.Rect) {
	p, em := v.p, v.em
	tr := s.Tracks()[i]
	c := v.colors[i]
	z := tr.Replica(0)
	if v.d == 1 {
		v.drawLaw1(s, i, r)
		return
	}
	a := v.placePlane(i, r)
	a.Draw(p, em, v.s)
	p.Clip(a.Area())
	if tl := v.obs.trails[i]; tl != nil {
		// Each neuron's trail, oldest position first, fading in.
		L := tl.Len()
		for k := 0; k < tl.N() && L > 1; k++ {
			xs := v.xs[:0]
			for age := L - 1; age >= 0; age-- {
				x, y := tl.At(k, age)
				xs = append(xs, a.Tr.Px(x), a.Tr.Py(y))
			}
			p.PolylineFade(xs, 1.2*v.s, c, 0, 0.6)
			v.xs = xs
		}
	}
	rad := 2.2 * v.s
	if tr.N > 200 {
		rad = 1.6 * v.s
	}
	for k := 0; k < tr.N; k++ {
		p.Dot(a.Tr.Px(z[k*tr.D]), a.Tr.Py(z[k*tr.D+1]), rad, c)
	}
	p.NoClip()
	v.diverged(s, i, a.Area())
}

// drawLaw1 draws one-dimensional particles as a density histogram with a
// rug of the particles below it.
func (v *meanfieldView) drawLaw1(s *sim.Sim, i int, r plot.Rect) {
	a, p, em := &v.parts[i], v.p, v.em
	tr := s.Tracks()[i]
	a.Place(r, em)
	a.Tr.X = v.ax.Axis
	if !a.Tr.X.Valid() {
		a.Tr.X = plot.Axis{Min: -1, Max: 1}
	}
	lo, hi := a.Tr.X.Min, a.Tr.X.Max
	width := (hi - lo) / float64(len(v.hist))
	stat.Histogram(v.hist, tr.Replica(0), lo, hi) // lo < hi: the axis is valid
	top := 0.0
	for _, h := range v.hist {
		top = max(top, h/(float64(tr.N)*width))
	}
	lo2, hi2 := 0.0, max(top, 1e-9)*1.1
	a.Tr.Y = plot.Axis{Min: lo2, Max: hi2}
	a.Draw(p, em, v.s)
	p.Clip(a.Area())
	c := v.colors[i]
	v.drawHistogram(a, v.hist, float64(tr.N), lo, hi, c)
	y0 := a.Tr.Py(0)
	z := tr.Replica(0)
	for k := 0; k < tr.N && k < 2000; k++ {
		x := a.Tr.Px(z[k])
		p.Line(x, y0, x, y0-0.5*em, v.s, plot.Fade(c, 0.5))
	}
	p.NoClip()
	v.diverged(s, i, a.Area())
}

func (v *meanfieldView) drawFunction(s *sim.Sim, r plot.Rect) {
	a, p, em := &v.fn, v.p, v.em
	a.Place(r, em)
	data := s.Data()
	if v.pred == nil || data == nil || data.N == 0 || v.din < 1 {
		a.Tr.X, a.Tr.Y = plot.Axis{Min: 0, Max: 1}, plot.Axis{Min: 0, Max: 1}
		a.Draw(p, em, v.s)
		p.Text("(no network to evaluate)", a.Area().X+a.Area().W/2, a.Area().Y+a.Area().H/2, em, plot.Muted, render.Center, render.Middle)
		return
	}
	tracks := s.Tracks()
	v.updateCurves(s, curveBudget)
	lo, hi := plot.MinMax(data.Y, 0, 1)
	m := data.N
	if v.din == 1 {
		m = len(v.xgrid)
	}
	for i := range tracks {
		l, h := plot.MinMax(v.curves[i][:m], 0, 1)
		if l == l {
			lo, hi = min(lo, l), max(hi, h)
		}
	}
	v.fy.Update(lo, hi)
	if v.din == 1 {
		a.Tr.X = plot.Axis{Min: v.xmin, Max: v.xmax}
		a.Tr.Y = v.fy.Axis
		a.Draw(p, em, v.s)
		p.Clip(a.Area())
		for j := 0; j < data.N; j++ {
			p.Dot(a.Tr.Px(data.X[j]), a.Tr.Py(data.Y[j]), 1.8*v.s, plot.Fade(plot.Muted, 0.6))
		}
		if v.targ != nil {
			xs := v.xs[:0]
			for _, x := range v.xgrid {
				v.x1[0] = x
				xs = append(xs, a.Tr.Px(x), a.Tr.Py(v.targ(v.x1[:])))
			}
			p.Polyline(xs, 1.2*v.s, plot.Muted)
			v.xs = xs
		}
		for i := len(tracks) - 1; i >= 0; i-- {
			xs := v.xs[:0]
			for k, x := range v.xgrid {
				xs = append(xs, a.Tr.Px(x), a.Tr.Py(v.curves[i][k]))
			}
			p.Polyline(xs, 1.8*v.s, v.colors[i])
			v.xs = xs
		}
		p.NoClip()
		return
	}
	// Inputs of two or more dimensions: f(x_j) against y_j.
	a.Tr.X, a.Tr.Y = v.fy.Axis, v.fy.Axis
	a.Draw(p, em, v.s)
	p.Clip(a.Area())
	p.Line(a.Tr.Px(a.Tr.X.Min), a.Tr.Py(a.Tr.X.Min), a.Tr.Px(a.Tr.X.Max), a.Tr.Py(a.Tr.X.Max), v.s, plot.Muted)
	for i := len(tracks) - 1; i >= 0; i-- {
		c := plot.Fade(v.colors[i], 0.7)
		for j := 0; j < data.N; j++ {
			p.Dot(a.Tr.Px(data.Y[j]), a.Tr.Py(v.curves[i][j]), 1.8*v.s, c)
		}
	}
	p.NoClip()
}

// curveBudget bounds the neuron evaluations spent on the network function
// per frame (at least one curve is brought up to date per frame).
const curveBudget = 80000

// updateCurves brings the network function of the tracks up to date with
// the simulation's step, round robin, within curveBudget evaluations per
// frame: on the grid of inputs in one dimension, at the data otherwise. A
// curve is at most a few frames behind while the simulation runs and
// catches up when it pauses.
func (v *meanfieldView) updateCurves(s *sim.Sim, budget int) {
	tracks := s.Tracks()
	data := s.Data()
	spent := 0
	for q := 0; q < len(tracks); q++ {
		i := (v.rr + q) % len(tracks)
		if v.curveStep[i] == s.Steps() {
			continue
		}
		tr := tracks[i]
		cost := tr.N * len(v.xgrid)
		if v.din != 1 {
			cost = tr.N * data.N
		}
		if spent > 0 && spent+cost > budget {
			v.rr = i
			return
		}
		spent += cost
		z := tr.Replica(0)
		if bp, ok := v.pred.(batchPredictor); ok {
			v.batchCurve(bp, v.curves[i], z, data)
		} else if v.din == 1 {
			for k, x := range v.xgrid {
				v.x1[0] = x
				v.curves[i][k] = v.pred.Predict(z, v.x1[:])
			}
		} else {
			for j := 0; j < data.N; j++ {
				v.curves[i][j] = v.pred.Predict(z, data.X[j*data.Din:(j+1)*data.Din])
			}
		}
		v.curveStep[i] = s.Steps()
	}
	v.rr = 0
}

// batchCurve sets curve to the network function of the neurons z in one
// batch: on the input grid in one dimension, at the data otherwise.
func (v *meanfieldView) batchCurve(bp batchPredictor, curve, z []float64, data *sim.Data) {
	x := v.xgrid
	if v.din != 1 {
		x = data.X[:data.N*data.Din]
	}
	np := len(x) / max(v.din, 1)
	if cap(v.ctmp) < np {
		v.ctmp = make([]float64, np)
	}
	bp.PredictBatch(curve[:np], z, x, v.ctmp[:np])
}

func (v *meanfieldView) drawRisk(s *sim.Sim, r plot.Rect) {
	a, p, em := &v.risk, v.p, v.em
	a.Place(r, em)
	a.Tr.X = timeAxis(s)
	a.Tr.Y = seriesRange(&v.ry, v.obs.rec.bufs...)
	a.Draw(p, em, v.s)
	bufs := v.obs.rec.bufs
	for i := len(bufs) - 1; i >= 0; i-- {
		b := bufs[i]
		v.xs, v.lo, v.hi = a.Series(p, b.T, b.Y, b.SE, 2, 1.8*v.s, v.colors[i], v.xs, v.lo, v.hi)
	}
}
