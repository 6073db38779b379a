package scene

import (
	"math"
	"strings"
	"testing"

	"smflow/sim"
	"smflow/sim/param"
)

// build returns the simulation of a query.
func build(t *testing.T, query string) *sim.Sim {
	t.Helper()
	v, ws := param.Parse(query)
	if len(ws) > 0 {
		t.Fatalf("%s: %v", query, ws)
	}
	s, _, err := param.Build(&v, nil)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return s
}

// TestEnsembleObsMatchesClosedForm runs SGD on the quadratic and checks the
// recorded E z1 and E |z|^2 against the closed forms of MATH.md section 6
// within 4 standard errors at every recorded time, and that Observe does
// not allocate.
func TestEnsembleObsMatchesClosedForm(t *testing.T) {
	s := build(t, "scene=ensemble&problem=quad&dim=2&alpha=0.1&T=2&reps=4000&N=16&methods=sgd,gf")
	var o ensembleObs
	o.reset(s)
	if !o.exact.ok {
		t.Fatal("no closed form for the quadratic")
	}
	for !s.Done() {
		s.Step()
		o.observe(s)
	}
	b1, b2 := o.rec.bufs[0], o.rec.bufs[1]
	if b1.Len() != s.TotalSteps()+1 {
		t.Errorf("%d points recorded over %d steps", b1.Len(), s.TotalSteps())
	}
	var worst float64
	for k, tk := range b1.T {
		for _, c := range []struct {
			got, se, want float64
		}{{b1.Y[k], b1.SE[k], o.exact.mean(tk)}, {b2.Y[k], b2.SE[k], o.exact.second(tk)}} {
			if k == 0 {
				if math.Abs(c.got-c.want) > 1e-12*math.Abs(c.want) || c.se > 1e-12 {
					t.Errorf("t=0: %v +- %v, want %v exactly", c.got, c.se, c.want)
				}
				continue
			}
			z := math.Abs(c.got-c.want) / c.se
			worst = max(worst, z)
			if z > 4 {
				t.Errorf("t=%v: %v +- %v, closed form %v", tk, c.got, c.se, c.want)
			}
		}
	}
	t.Logf("largest deviation from the closed form: %.2f standard errors", worst)
	// GF is deterministic: one run, standard error 0.
	if g := o.rec.bufs[3]; g.SE[g.Len()-1] != 0 {
		t.Errorf("GF has a standard error %v", g.SE[g.Len()-1])
	}
	if n := testing.AllocsPerRun(20, func() { s.Step(); o.observe(s) }); n != 0 {
		t.Errorf("Step+observe allocates %v times", n)
	}
	ss := o.series()
	if len(ss) != 6 || !strings.Contains(ss[4].Name, "exact") || len(ss[0].T) != len(ss[0].Y) || len(ss[0].SE) != len(ss[0].Y) {
		t.Errorf("series: %d, first %q", len(ss), ss[0].Name)
	}
}

// TestFlowObs checks the two-point statistic of the SGD flow on the
// quadratic against u_a.u_b (1 - 2 alpha m1 + alpha^2 m2)^i, and that the
// mesh of a rigid (shift) flow keeps its shape: SGD's stretch is then the
// deterministic contraction (1 - alpha)^i with no spread.
func TestFlowObs(t *testing.T) {
	s := build(t, "scene=flow&problem=quad&dim=2&alpha=0.1&T=1&n=9&N=16&reps=1500&methods=sgd,sme2")
	var o flowObs
	o.reset(s)
	if o.a == o.b || len(o.edges) != 2*12 {
		t.Fatalf("pair %d, %d; %d edges", o.a, o.b, len(o.edges)/2)
	}
	for !s.Done() {
		s.Step()
		o.observe(s)
	}
	b := o.rec.bufs[0]
	k := b.Len() - 1
	want := o.exact.pair(b.T[k])
	if z := math.Abs(b.Y[k]-want) / b.SE[k]; z > 4 {
		t.Errorf("E z(a).z(b) = %v +- %v, closed form %v", b.Y[k], b.SE[k], want)
	}
	if n := testing.AllocsPerRun(20, func() { s.Step(); o.observe(s) }); n != 0 {
		t.Errorf("Step+observe allocates %v times", n)
	}

	s = build(t, "scene=flow&problem=shift&dim=2&alpha=0.1&T=1&n=9&N=16&reps=20&methods=sgd,sme2")
	o = flowObs{}
	o.reset(s)
	for !s.Done() {
		s.Step()
		o.observe(s)
	}
	st := o.rec.bufs[1]
	k = st.Len() - 1
	if want := math.Pow(0.9, math.Round(st.T[k]/0.1)); math.Abs(st.Y[k]-want) > 1e-9 || st.SE[k] > 1e-9 {
		t.Errorf("SGD stretch under additive noise %v +- %v, want %v exactly", st.Y[k], st.SE[k], want)
	}
	if sme := o.rec.bufs[3]; sme.Y[k] < 1.5*st.Y[k] {
		t.Errorf("SME stretch %v is not well above SGD's %v", sme.Y[k], st.Y[k])
	}
}

// TestMeanfieldObs checks the recorded risk against the model's own risk
// at the start, that trails fill up and that Observe does not allocate.
func TestMeanfieldObs(t *testing.T) {
	s := build(t, "scene=meanfield&problem=network&act=tanh&neuron=awb&din=1&target=sin&n=20&M=100&N=30&alpha=0.05&T=2&methods=sgd,mfode,ddsmf")
	var o meanfieldObs
	o.reset(s)
	for i, tr := range s.Tracks() {
		want := s.Model().NewEval(tr.N).Risk(tr.Replica(0))
		if got := o.rec.bufs[i].Y[0]; got != want {
			t.Errorf("%v: risk at 0 %v, want %v", tr.Method, got, want)
		}
		if (o.trails[i] == nil) != isFlow(tr.Method) {
			t.Errorf("%v: trails %v", tr.Method, o.trails[i] != nil)
		}
	}
	for !s.Done() {
		s.Step()
		o.observe(s)
	}
	if l := o.trails[0].Len(); l != trailLen {
		t.Errorf("trail holds %d positions, want %d", l, trailLen)
	}
	r0, r1 := o.rec.bufs[1].Y[0], o.rec.bufs[1].Y[o.rec.bufs[1].Len()-1]
	if !(r1 < r0) {
		t.Errorf("MF ODE risk went from %v to %v", r0, r1)
	}
	if n := testing.AllocsPerRun(10, func() { s.Step(); o.observe(s) }); n != 0 {
		t.Errorf("Step+observe allocates %v times", n)
	}
}

// TestRecorderThins runs past T: the buffers thin out instead of growing.
func TestRecorderThins(t *testing.T) {
	var r recorder
	r.reset(1, 2)
	for i := 0; i <= 10*recordPoints; i++ {
		tt := float64(i) / recordPoints // ten times T
		if r.due(tt) {
			r.bufs[0].Add(tt, 1, 0)
			r.bufs[1].Add(tt, 2, 0)
		}
	}
	b := r.bufs[0]
	if b.Len() > recordPoints+16 || b.Len() < recordPoints/4 || b.T[b.Len()-1] < 9 {
		t.Errorf("%d points up to t = %v", b.Len(), b.T[b.Len()-1])
	}
	for i := 1; i < b.Len(); i++ {
		if b.T[i] <= b.T[i-1] {
			t.Fatalf("times not increasing at %d", i)
		}
	}
}

func TestTimeDecimalsAndMeanSE(t *testing.T) {
	for _, c := range []struct {
		alpha float64
		want  int
	}{{0.1, 1}, {0.25, 2}, {0.05, 2}, {0.001, 3}, {1.0 / 64, 4}, {2, 1}} {
		if got := timeDecimals(c.alpha); got != c.want {
			t.Errorf("timeDecimals(%v) = %d, want %d", c.alpha, got, c.want)
		}
	}
	m, se := meanSE([]float64{1, 2, 3, 100, math.NaN()}, []bool{true, true, true, false, true})
	if m != 2 || math.Abs(se-math.Sqrt(1.0/3)) > 1e-15 {
		t.Errorf("meanSE = %v, %v", m, se)
	}
	// One run: standard error 0; no finite value: NaN.
	if m, se := meanSE([]float64{7, math.Inf(1)}, nil); m != 7 || se != 0 {
		t.Errorf("one value: %v, %v", m, se)
	}
	if m, se := meanSE([]float64{math.NaN(), 1}, []bool{true, false}); !math.IsNaN(m) || !math.IsNaN(se) {
		t.Errorf("no value: %v, %v", m, se)
	}
}

// TestFluctObs checks the spread statistics of the risk: the mean and the
// standard deviation over replicas, the W1 distance to SGD's law (zero for
// SGD against itself at the start, when every replica starts alike), and
// that Observe does not allocate.
func TestFluctObs(t *testing.T) {
	s := build(t, "scene=fluct&problem=network&act=tanh&neuron=awb&din=1&target=sin&n=10&N=20&alpha=0.1&T=1&reps=20&methods=sgd,mfode,ddsmf")
	var o fluctObs
	o.reset(s)
	if len(o.rec.bufs) != 2*3+2+2+2 { // + the floor and its band, + the within flags
		t.Fatalf("%d series", len(o.rec.bufs))
	}
	// At t = 0 all replicas of a method coincide: no spread, and DD-SMF
	// (started from the same neurons, M = n) has SGD's law.
	for i := range s.Tracks() {
		if sd := o.rec.bufs[2*i+1].Y[0]; sd > 1e-12 {
			t.Errorf("track %d: spread %v at t = 0", i, sd)
		}
	}
	if w := o.rec.bufs[o.w1[2]].Y[0]; w > 1e-12 {
		t.Errorf("W1(SGD, DD-SMF) = %v at t = 0", w)
	}
	for !s.Done() {
		s.Step()
		o.observe(s)
	}
	k := o.rec.bufs[0].Len() - 1
	if sd := o.rec.bufs[1].Y[k]; !(sd > 0) {
		t.Errorf("SGD's risk does not spread: sd %v", sd)
	}
	if sd := o.rec.bufs[3].Y[k]; sd != 0 {
		t.Errorf("the MF ODE's risk spreads: sd %v", sd)
	}
	// W1 to a point mass is the mean absolute deviation: at most the rms.
	var mad float64
	for _, v := range o.risk[0][:o.n[0]] {
		mad += math.Abs(v - o.risk[1][0])
	}
	mad /= float64(o.n[0])
	if w := o.rec.bufs[o.w1[1]].Y[k]; math.Abs(w-mad) > 1e-12 {
		t.Errorf("W1(SGD, MF ODE) = %v, want the mean absolute deviation %v", w, mad)
	}
	if n := testing.AllocsPerRun(10, func() { s.Step(); o.observe(s) }); n != 0 {
		t.Errorf("Step+observe allocates %v times", n)
	}
}

// TestObserveOtherSim feeds observers a simulation other than the one they
// were reset for (or none): they must ignore it, not panic.
func TestObserveOtherSim(t *testing.T) {
	small := build(t, "scene=flow&problem=quad&dim=2&alpha=0.1&T=1&n=4&N=8&reps=2&methods=sgd")
	big := build(t, "scene=flow&problem=quad&dim=2&alpha=0.1&T=1&n=9&N=8&reps=5&methods=sgd,smf")
	net := build(t, "scene=meanfield&problem=network&n=5&M=10&N=8&alpha=0.1&T=1&reps=3&methods=sgd,mfode,ddsmf")
	var (
		e ensembleObs
		f flowObs
		m meanfieldObs
		u fluctObs
	)
	e.reset(small)
	f.reset(small)
	m.reset(net)
	u.reset(net)
	for _, s := range []*sim.Sim{big, net, nil} {
		if s != nil {
			s.Step()
		}
		e.observe(s)
		f.observe(s)
		if s != net {
			m.observe(s)
			u.observe(s)
		}
	}
	m.observe(small)
	u.observe(small)
	if e.rec.bufs[0].Len() != 1 || f.rec.bufs[0].Len() != 1 || m.rec.bufs[0].Len() != 1 || u.rec.bufs[0].Len() != 1 {
		t.Error("an observer recorded another simulation")
	}
}

// TestEnsembleObsPoints: with n points (a grid, or explicit points) the
// ensemble observes every point: a pair of series per method and point,
// each starting at its point's E z1 and |z|^2, and for SGD on the
// quadratic matching its point's closed form; Observe does not allocate.
func TestEnsembleObsPoints(t *testing.T) {
	for _, q := range []string{
		"scene=ensemble&problem=quad&dim=2&alpha=0.1&T=1&reps=2000&N=16&n=3&methods=sgd,gf",
		"scene=ensemble&problem=quad&dim=2&alpha=0.1&T=1&reps=2000&N=16&points=-1,0.5;2,2&methods=sgd,gf",
	} {
		s := build(t, q)
		var o ensembleObs
		o.reset(s)
		n := s.Tracks()[0].N
		if o.n != n || n < 2 {
			t.Fatalf("%s: observes %d points of %d", q, o.n, n)
		}
		if got, want := len(o.rec.bufs), 2*2*n; got != want {
			t.Fatalf("%s: %d series, want %d", q, got, want)
		}
		start, _ := s.Start()
		d := s.Model().Dim()
		for k := 0; k < n; k++ {
			u := start[k*d : (k+1)*d]
			if got := o.buf(1, k, 0).Y[0]; got != u[0] {
				t.Errorf("%s: GF point %d starts at E z1 = %v, want %v", q, k+1, got, u[0])
			}
		}
		for !s.Done() {
			s.Step()
			o.observe(s)
		}
		for k := 0; k < n; k++ {
			b := o.buf(0, k, 1)
			last := b.Len() - 1
			want := o.exactAt(k, 1, b.T[last])
			if z := math.Abs(b.Y[last]-want) / b.SE[last]; z > 4 {
				t.Errorf("%s: SGD point %d: E |z|^2 = %v +- %v, closed form %v", q, k+1, b.Y[last], b.SE[last], want)
			}
		}
		names := 0
		for _, sr := range o.series() {
			if strings.Contains(sr.Name, "point 2") {
				names++
			}
		}
		if names < 4 {
			t.Errorf("%s: %d series of point 2, want 4 and more", q, names)
		}
		s2 := build(t, q)
		o.reset(s2)
		if a := testing.AllocsPerRun(10, func() { s2.Step(); o.observe(s2) }); a != 0 {
			t.Errorf("%s: Step+observe allocates %v times", q, a)
		}
	}
}
