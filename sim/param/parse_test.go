package param

import (
	"fmt"
	"strings"
	"testing"

	"smflow/sim"
)

func TestParse(t *testing.T) {
	long := strings.Repeat("sgd,", 10000)
	var manyRows strings.Builder
	for i := range 5000 {
		if i > 0 {
			manyRows.WriteByte(';')
		}
		manyRows.WriteString("1,2")
	}
	wantRows := "points=" + strings.TrimSuffix(strings.Repeat("1,2;", 4096), ";")

	for _, test := range []struct {
		query string
		want  string   // Encode of the result
		warn  []string // each warning's message contains the string at the same index
	}{
		// Good URLs.
		{query: "", want: ""},
		{query: "?", want: ""},
		{query: "  \t", want: ""},
		{query: "&&", want: ""},
		{query: "?scene=flow", want: "scene=flow"},
		{query: "scene=ensemble", want: ""},
		{query: "scene=FLOW", want: "scene=flow"},
		{query: "alpha=0.05&scene=order&T=1", want: "scene=order&alpha=0.05&T=1"},
		{query: "&&alpha=0.2&&", want: "alpha=0.2"},
		{query: "alpha= 0.2 &methods=sgd, gf", want: "alpha=0.2&methods=sgd,gf"},
		{query: "alpha=1e-4", want: "alpha=0.0001"},
		{query: "alpha=1e+0", want: "alpha=1"},
		{query: "alpha=1e%2B0", want: "alpha=1"},
		{query: "alpha=0x1p-2", want: "alpha=0.25"},
		{query: "xim=-0", want: "xim=0"},
		{query: "xis=0.7071067811865476", want: ""},
		{query: "n=1e3", want: "n=1000"},
		{query: "n=64.0", want: "n=64"},
		{query: "seed=18446744073709551615", want: "seed=18446744073709551615"},
		{query: "seed=1e3", want: "seed=1000"},
		{query: "seed=0", want: "seed=0"},
		{query: "scene=flow&methods=gf,SGD", want: "scene=flow&methods=gf,sgd"},
		{query: "methods=sgd%2Cgf", want: "methods=sgd,gf"},
		{query: "points=1%2C2%3B3%2C4", want: "points=1,2;3,4"},
		{query: "points=1,2;3,4;", want: "points=1,2;3,4"},
		{query: "points=-0,1e-300", want: "points=0,1e-300"},
		{query: "points=1,2,3&dim=3", want: "dim=3&points=1,2,3"},
		{query: "problem=linreg&points=1,2", want: "problem=linreg&points=1,2"},
		{query: "problem=tanh2&dim=5&points=1,2", want: "problem=tanh2&dim=5&points=1,2"},
		{query: "scene=meanfield&points=1,2,3", want: "scene=meanfield&points=1,2,3"},
		{query: "scene=fluct&neuron=w&din=2&points=1,2;3,4", want: "scene=fluct&neuron=w&din=2&points=1,2;3,4"},
		{query: "scene=meanfield&M=0", want: "scene=meanfield"}, // M = n is meanfield's default
		{query: "scene=meanfield&M=128", want: "scene=meanfield&M=128"},
		{query: "M=0", want: ""},
		{query: "dpr=0", want: ""},
		{query: "dpr=2", want: "dpr=2"},
		{query: "embed", want: "embed=1"},
		{query: "embed=", want: "embed=1"},
		{query: "embed=true&autoplay=TRUE", want: "autoplay=1&embed=1"},
		{query: "embed=0&autoplay=false", want: ""},
		{query: "preset=demo-1", want: "preset=demo-1"},
		{query: "preset=", want: ""},
		{query: "hide=alpha,n,N,T", want: "hide=alpha,n,N,T"},
		{query: "hide=", want: ""},
		{query: "act=ReLU&target=teacher&teacher=8", want: "act=relu&target=teacher&teacher=8"},
		{query: "speed=0.1&start=1000", want: "speed=0.1&start=1000"},

		// Bad numbers.
		{query: "alpha=NaN", want: "", warn: []string{"alpha=NaN is not a finite number; using 0.1"}},
		{query: "alpha=Inf", want: "", warn: []string{"alpha=Inf is not a finite number; using 0.1"}},
		{query: "T=-infinity", want: "", warn: []string{"T=-infinity is not a finite number; using 4"}},
		{query: "scene=meanfield&n=4096&M=20000&N=10000", want: "scene=meanfield&n=4096&N=512&M=4096", warn: []string{"using M=4096", "using N=512"}},
		{query: "reps=100000&n=2048&dim=8", want: "n=2048&reps=512&dim=8", warn: []string{"using reps=512"}},
		{query: "scene=meanfield&T=+Inf", want: "scene=meanfield", warn: []string{"T=+Inf is not a finite number; using 10"}},
		{query: "alpha=-3", want: "alpha=0.0001", warn: []string{"alpha=-3 is below 0.0001; using 0.0001"}},
		{query: "alpha=1e308", want: "alpha=2", warn: []string{"alpha=1e308 is above 2; using 2"}},
		{query: "alpha=1e400", want: "alpha=2", warn: []string{"alpha=1e400 is above 2; using 2"}},
		{query: "alpha=-1e400", want: "alpha=0.0001", warn: []string{"alpha=-1e400 is below 0.0001"}},
		{query: "alpha=abc", want: "", warn: []string{"alpha=abc is not a number; using 0.1"}},
		{query: "alpha=%zz", want: "", warn: []string{`alpha="%zz" is not a number; using 0.1`}},
		{query: "alpha=1,5", want: "", warn: []string{`alpha="1,5" is not a number`}},
		{query: "alpha=", want: "", warn: []string{"alpha is empty; using 0.1"}},
		{query: "alpha", want: "", warn: []string{"alpha has no value; using 0.1"}},
		{query: "n=-1", want: "", warn: []string{"n=-1 is below 1; using 1"}},
		{query: "n=0", want: "", warn: []string{"n=0 is below 1; using 1"}},
		{query: "n=2.5", want: "n=3", warn: []string{"n=2.5 is not a whole number; using 3"}},
		{query: "n=1e308", want: "n=4096", warn: []string{"n=1e308 is above 4096; using 4096"}},
		{query: "n=99999999999999999999999", want: "n=4096", warn: []string{"above 4096"}},
		{query: "N=NaN", want: "", warn: []string{"N=NaN is not a finite number; using 64"}},
		{query: "din=3", want: "din=2", warn: []string{"din=3 is above 2; using 2"}},
		{query: "seed=-1", want: "seed=0", warn: []string{"seed=-1 is below 0; using 0"}},
		{query: "seed=18446744073709551616", want: "seed=18446744073709551615", warn: []string{"above 18446744073709551615"}},
		{query: "seed=1e300", want: "seed=18446744073709551615", warn: []string{"above 18446744073709551615"}},
		{query: "seed=2.5", want: "seed=3", warn: []string{"seed=2.5 is not a whole number; using 3"}},
		{query: "seed=0x10", want: "", warn: []string{"seed=0x10 is not a number; using 1"}},
		{query: "seed=NaN", want: "", warn: []string{"seed=NaN is not a finite number; using 1"}},
		{query: "dpr=0.2", want: "dpr=0.5", warn: []string{"dpr=0.2 is below 0.5; using 0.5"}},
		{query: "dpr=-1", want: "", warn: []string{"dpr=-1 is below 0; using 0 (device)"}},
		{query: "dpr=5", want: "dpr=4", warn: []string{"dpr=5 is above 4; using 4"}},
		{query: "M=-4", want: "", warn: []string{"M=-4 is below 0; using 0 (same as n)"}},
		{query: "M=0.5", want: "M=1", warn: []string{"M=0.5 is below 1; using 1"}},

		// Unknown keys and choices.
		{query: "foo=1", want: "", warn: []string{"unknown parameter foo; ignored"}},
		{query: "t=3", want: "", warn: []string{"unknown parameter t (did you mean T?); ignored"}},
		{query: "ALPHA=3&alpha=0.5", want: "alpha=0.5", warn: []string{"unknown parameter ALPHA (did you mean alpha?)"}},
		{query: "=5", want: "", warn: []string{"the value 5 has no parameter name; ignored"}},
		{query: "foo=1&foo=2", want: "", warn: []string{"unknown parameter foo"}},
		{query: "scene=bogus", want: "", warn: []string{"scene=bogus is not one of ensemble, flow, meanfield, fluct, order; using ensemble"}},
		{query: "scene=", want: "", warn: []string{"scene is empty; using ensemble"}},
		{query: "scene=bogus&n=7", want: "n=7", warn: []string{"scene=bogus"}},
		{query: "scene=<script>alert(1)</script>", want: "", warn: []string{`scene="<script>alert(1)</script>" is not one of`}},
		{query: "scene=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", want: "", warn: []string{`scene="<img src=x onerror=alert(1)>" is not one of`}},
		{query: "<script>=1", want: "", warn: []string{`unknown parameter "<script>"; ignored`}},
		{query: "scene=\xff\xfe", want: "", warn: []string{`scene="\xff\xfe" is not one of`}},
		{query: "act=softmax", want: "", warn: []string{"act=softmax is not one of identity, tanh, relu, sigmoid; using tanh"}},
		{query: "scheme=", want: "", warn: []string{"scheme is empty; using weak2"}},
		{query: "preset=Demo", want: "", warn: []string{"preset=Demo is not a valid name (at most 40 of a-z, 0-9 and -); using none"}},
		{query: "preset=" + strings.Repeat("a", 41), want: "", warn: []string{"is not a valid name"}},
		{query: "preset=a%20b", want: "", warn: []string{`preset="a b" is not a valid name`}},
		{query: "embed=yes", want: "", warn: []string{"embed=yes is not 1, 0, true or false; using 0"}},

		// Duplicate keys: the last one wins.
		{query: "alpha=0.2&alpha=0.3", want: "alpha=0.3", warn: []string{"alpha is given 2 times; using the last value 0.3"}},
		{query: "scene=flow&scene=order", want: "scene=order", warn: []string{"scene is given 2 times; using the last value order"}},

		// Cross-parameter rules.
		{query: "scene=meanfield&problem=quad", want: "scene=meanfield",
			warn: []string{"problem=quad is not available in scene meanfield (choices: network); using network"}},
		{query: "problem=network", want: "",
			warn: []string{"problem=network is not available in scene ensemble (choices: quad, shift, linreg, logreg, tanh2); using quad"}},
		{query: "problem=network&scene=flow", want: "scene=flow", warn: []string{"not available in scene flow"}},
		// The order scene takes networks; its default methods are then
		// those that run on a network, and methods given before the
		// problem are read after it.
		{query: "problem=network&scene=order", want: "scene=order&problem=network"},
		{query: "scene=order&methods=mfode,ddsmf&problem=network", want: "scene=order&problem=network&methods=mfode,ddsmf"},
		{query: "scene=order&problem=network&methods=gf,ddsmf", want: "scene=order&problem=network&methods=ddsmf", warn: []string{"methods: gf does not run on problem network (choices: sgd, mfode, ddsmf); dropped"}},
		{query: "scene=order&problem=network&methods=gf", want: "scene=order&problem=network", warn: []string{"gf does not run on problem network", "methods: none left; using sgd,mfode,ddsmf"}},
		{query: "methods=mfode", want: "",
			warn: []string{"methods: mfode is not available in scene ensemble (choices: sgd, gf, sme1, sme2, smf); dropped",
				"methods: none left; using sgd,gf,sme1,sme2,smf"}},
		{query: "methods=sgd,sgd,foo", want: "methods=sgd",
			warn: []string{"methods: sgd is listed twice; dropped", "methods: foo is not one of sgd, gf, sme1, sme2, smf; dropped"}},
		{query: "scene=fluct&methods=sgd,gf", want: "scene=fluct&methods=sgd", warn: []string{"methods: gf is not available in scene fluct"}},
		{query: "methods=", want: "", warn: []string{"methods is empty; using sgd,gf,sme1,sme2,smf"}},
		{query: "methods=,,", want: "", warn: []string{"methods is empty"}},
		{query: "hide=alpha,zz,t,alpha", want: "hide=alpha",
			warn: []string{"hide: zz is not a parameter; dropped", "hide: t is not a parameter; dropped", "hide: alpha is listed twice; dropped"}},
		{query: "points=a,b;1,2", want: "points=1,2", warn: []string{`points: row 1 ("a,b") is not a list of numbers; dropped`}},
		{query: "points=NaN,1", want: "", warn: []string{`points: row 1 ("NaN,1") has a coordinate outside -1e+06..1e+06; dropped`}},
		{query: "points=1e7,1;Inf,0;1e400,0", want: "", warn: []string{"outside", "outside", "outside"}},

		// Huge lists.
		{query: "methods=" + long + "gf", want: "methods=sgd,gf", warn: []string{"listed twice", "listed twice", "listed twice", "listed twice", "listed twice", "methods: 9994 more problems not shown"}},
		{query: "points=" + manyRows.String(), want: wantRows, warn: []string{"points: more than 4096 rows; the last 904 are dropped"}},
	} {
		v, ws := Parse(test.query)
		name := test.query
		if len(name) > 60 {
			name = name[:60] + "..."
		}
		if got := Encode(v); got != test.want {
			t.Errorf("Parse(%q): Encode = %q, want %q", name, got, test.want)
		}
		if len(ws) != len(test.warn) {
			t.Errorf("Parse(%q): %d warnings, want %d:", name, len(ws), len(test.warn))
			for _, w := range ws {
				t.Logf("\t%s", w.Message)
			}
			continue
		}
		for i, w := range ws {
			if !strings.Contains(w.Message, test.warn[i]) {
				t.Errorf("Parse(%q): warning %d = %q, want it to contain %q", name, i, w.Message, test.warn[i])
			}
		}
		if ws := v.Check(); len(ws) != 0 {
			t.Errorf("Parse(%q): Check of the result: %v", name, ws)
		}
	}
}

// TestParseWarningFields checks the Key and Value of warnings, and that
// their texts are cut and valid UTF-8.
func TestParseWarningFields(t *testing.T) {
	_, ws := Parse("alpha=-3&scene=" + strings.Repeat("<b>", 100) + "\xff")
	if len(ws) != 2 {
		t.Fatalf("got %d warnings, want 2: %v", len(ws), ws)
	}
	if w := ws[0]; w.Key != "scene" || !strings.HasPrefix(w.Value, "<b><b>") || len([]rune(w.Value)) > 64 {
		t.Errorf("scene warning: Key %q Value %q", w.Key, w.Value)
	}
	if w := ws[1]; w.Key != "alpha" || w.Value != "-3" || w.Error() != "alpha=-3 is below 0.0001; using 0.0001" {
		t.Errorf("alpha warning: %+v", w)
	}
	for _, w := range ws {
		if len(w.Message) > 300 || strings.ContainsRune(w.Message, '\uFFFD') {
			t.Errorf("message %q too long or not clean", w.Message)
		}
	}
}

// TestParseManyWarnings checks that a huge query gives a bounded report.
func TestParseManyWarnings(t *testing.T) {
	var q strings.Builder
	for i := range 10000 {
		fmt.Fprintf(&q, "&x%d=1&bad%d", i, i)
	}
	v, ws := Parse(q.String())
	if Encode(v) != "" {
		t.Errorf("Encode = %q, want empty", Encode(v))
	}
	if len(ws) != maxWarnings+1 {
		t.Fatalf("got %d warnings, want %d", len(ws), maxWarnings+1)
	}
	if last := ws[len(ws)-1].Message; !strings.HasSuffix(last, "more warnings not shown") {
		t.Errorf("last warning %q", last)
	}
}

func TestCheck(t *testing.T) {
	v := Defaults("flow")
	v.Alpha = 0
	v.T = nan()
	v.Methods = []string{"ddsmf"}
	v.Problem = "network"
	v.Points = [][]float64{{1, 2}, {3}, {-0.0, 1}}
	v.Hide = []string{}
	v.NPoints = -5
	v.Preset = "<x>"
	ws := v.Check()
	want := []string{
		`preset="<x>" is not a valid name`,
		"problem=network is not available in scene flow",
		"alpha=0 is below 0.0001",
		"T=NaN is not a finite number; using 4",
		"n=-5 is below 1; using 1",
		"methods: ddsmf is not available in scene flow",
		"methods: none left; using sgd,smf,sme2",
	}
	if len(ws) != len(want) {
		t.Fatalf("got %d warnings, want %d: %v", len(ws), len(want), ws)
	}
	for i, w := range ws {
		if !strings.Contains(w.Message, want[i]) {
			t.Errorf("warning %d = %q, want %q", i, w.Message, want[i])
		}
	}
	if got, want := Encode(v), "scene=flow&alpha=0.0001&n=1&points=1,2;3;0,1"; got != want {
		t.Errorf("after Check: %q, want %q", got, want)
	}
	if ws := v.Check(); len(ws) != 0 {
		t.Errorf("second Check: %v", ws)
	}

	bad := Values{Scene: "nope"}
	if ws := bad.Check(); len(ws) == 0 {
		t.Error("Check of a zero Values found nothing")
	}
	if ws := bad.Check(); len(ws) != 0 {
		t.Errorf("second Check of a zero Values: %v", ws)
	}
}

func TestPointDim(t *testing.T) {
	for _, test := range []struct {
		query string
		want  int
	}{
		{"", 2},
		{"dim=5", 5},
		{"problem=shift&dim=1", 1},
		{"problem=linreg&dim=5", 2},
		{"problem=linreg&din=2", 3},
		{"problem=logreg&din=2", 3},
		{"problem=tanh2", 2},
		{"scene=meanfield", 3},
		{"scene=meanfield&din=2", 4},
		{"scene=fluct&neuron=w", 1},
		{"scene=fluct&neuron=w&din=2", 2},
	} {
		v, ws := Parse(test.query)
		if len(ws) != 0 {
			t.Fatalf("Parse(%q): %v", test.query, ws)
		}
		if got := PointDim(v); got != test.want {
			t.Errorf("PointDim(%q) = %d, want %d", test.query, got, test.want)
		}
	}
	if got := PointDim(Values{Problem: "x"}); got != 0 {
		t.Errorf("PointDim of an unknown problem = %d", got)
	}
}

// TestConfigPoints: the number of coordinates of a point is checked once the
// data set is known; other rows are dropped with a warning each; n becomes
// the number of points kept.
func TestConfigPoints(t *testing.T) {
	d3 := &sim.Data{N: 2, Din: 3, X: []float64{1, 2, 3, 4, 5, 6}}
	for _, c := range []struct {
		query string
		data  *sim.Data
		want  string // Encode after Config
		warn  []string
	}{
		{"points=1,2,3", nil, "", []string{`points: row 1 ("1,2,3") has 3 coordinates, but a point has 2 here; dropped`}},
		{"points=1,2;3", nil, "points=1,2", []string{"points: row 2 (3) has 1 coordinate, but a point has 2 here; dropped"}},
		{"dim=3&points=1,2", nil, "dim=3", []string{"has 2 coordinates, but a point has 3 here"}},
		{"scene=meanfield&neuron=w&points=1,2,3;4", nil, "scene=meanfield&n=1&neuron=w&points=4", []string{"has 3 coordinates, but a point has 1 here"}},
		{"problem=linreg&din=2&points=1,2,3", nil, "problem=linreg&din=2&points=1,2,3", nil},
		// A CSV of vectors xi1..xi3 makes shift three-dimensional.
		{"problem=shift&points=1,2,3", d3, "problem=shift&points=1,2,3", nil},
		{"problem=shift&points=1,2", d3, "problem=shift", []string{"has 2 coordinates, but a point has 3 here"}},
		{"scene=ensemble&points=-1,0.5;2,2", nil, "n=2&points=-1,0.5;2,2", nil},
	} {
		v, ws := Parse(c.query)
		if len(ws) > 0 {
			t.Fatalf("Parse(%q): %v", c.query, ws)
		}
		cfg, ws, err := Config(&v, c.data)
		if err != nil {
			t.Fatalf("Config(%q): %v", c.query, err)
		}
		if got := Encode(v); got != c.want {
			t.Errorf("Config(%q): Encode = %q, want %q", c.query, got, c.want)
		}
		if len(ws) != len(c.warn) {
			t.Errorf("Config(%q): warnings %v, want %d", c.query, ws, len(c.warn))
			continue
		}
		for i, w := range ws {
			if !strings.Contains(w.Message, c.warn[i]) {
				t.Errorf("Config(%q): warning %q, want %q", c.query, w.Message, c.warn[i])
			}
		}
		if len(cfg.Points) != len(v.Points) {
			t.Errorf("Config(%q): %d points, values have %d", c.query, len(cfg.Points), len(v.Points))
		}
		if c.data != nil {
			if _, _, err := Build(&v, c.data); err != nil {
				t.Errorf("Build(%q): %v", c.query, err)
			}
		}
	}
}
