package param

import (
	"math"
	"math/rand"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/quick"
	"unicode/utf8"

	"smflow/catalog"
)

func nan() float64 { return math.NaN() }

// validValues is a random valid Values, for testing/quick.
type validValues struct{ v Values }

// Generate returns random valid Values: every parameter random within its
// range or choices (often at an end of the range), lists and points
// consistent with the scene and the problem.
func (validValues) Generate(r *rand.Rand, _ int) reflect.Value {
	v := Defaults(catalog.Keys()[r.Intn(len(catalog.Keys()))])
	for i := range Schema {
		p := &Schema[i]
		if p.Name == "scene" || p.Name == "points" || r.Intn(4) == 0 {
			continue // keep the default
		}
		switch x := p.ptr(&v).(type) {
		case *string:
			if p.Type == TypeEnum {
				c := p.Choices(v.Scene)
				*x = c[r.Intn(len(c))]
				continue
			}
			if p.Type == TypeView {
				c := []string{"", "-1,1,-2,2", "0.5,1.5,-3e-07,4"}
				*x = c[r.Intn(len(c))]
				continue
			}
			if p.Type == TypeData {
				c := []string{"", "data/x.csv", "a-b_c~1.csv", "inline:0.2;0.9;1.7", "inline:1,2;-3e-2,4"}
				*x = c[r.Intn(len(c))]
				continue
			}
			const chars = "abcdefghijklmnopqrstuvwxyz0123456789-"
			b := make([]byte, r.Intn(p.MaxLen+1))
			for j := range b {
				b[j] = chars[r.Intn(len(chars))]
			}
			*x = string(b)
		case *float64:
			*x = randIn(r, p)
		case *int:
			*x = int(math.Round(randIn(r, p)))
		case *uint64:
			*x = r.Uint64() >> r.Intn(64)
		case *bool:
			*x = r.Intn(2) == 1
		case *[]string:
			c := slices.Clone(p.ItemChoices(&v))
			r.Shuffle(len(c), func(i, j int) { c[i], c[j] = c[j], c[i] })
			n := r.Intn(len(c) + 1)
			if p.DefaultFor(v.Scene) != "" && n == 0 {
				n = 1
			}
			*x = c[:n:n]
			if n == 0 {
				*x = nil
			}
		}
	}
	if r.Intn(2) == 0 {
		p, _ := Lookup("points")
		dim := PointDim(v)
		rows := make([][]float64, 1+r.Intn(8))
		if r.Intn(100) == 0 {
			rows = make([][]float64, p.MaxLen)
		}
		for i := range rows {
			rows[i] = make([]float64, dim)
			for j := range rows[i] {
				rows[i][j] = randIn(r, p)
			}
		}
		v.Points = rows
	}
	v.Check() // the work limits tie parameters together: repair them
	return reflect.ValueOf(validValues{v})
}

// randIn returns a random number in p's range: an end, 0 if allowed, a
// uniform number, or a number of random magnitude.
func randIn(r *rand.Rand, p *Param) float64 {
	switch r.Intn(6) {
	case 0:
		return p.Min
	case 1:
		return p.Max
	case 2:
		if p.Zero != "" || p.Min <= 0 && p.Max >= 0 {
			return 0
		}
	case 3:
		x := math.Exp(r.Float64()*math.Log(1e300)*2-math.Log(1e300)) * float64(1-2*r.Intn(2))
		if x >= p.Min && x <= p.Max {
			return x
		}
	}
	return math.Min(p.Max, p.Min+r.Float64()*(p.Max-p.Min))
}

// TestRoundTrip checks that Parse(Encode(v)) == v without warnings for
// random valid v.
func TestRoundTrip(t *testing.T) {
	f := func(g validValues) bool {
		v := g.v
		if ws := v.Check(); len(ws) != 0 {
			t.Errorf("generated Values are invalid: %v", ws)
			return false
		}
		s := Encode(v)
		got, ws := Parse(s)
		if len(ws) != 0 || !got.Equal(v) || !reflect.DeepEqual(got, v) {
			t.Errorf("Parse(Encode(v)) != v:\n%q\n%q\n%v", s, Encode(got), ws)
			return false
		}
		if got := Encode(got); got != s {
			t.Errorf("Encode not stable: %q, then %q", s, got)
			return false
		}
		return true
	}
	n := 5000
	if testing.Short() {
		n = 500
	}
	if err := quick.Check(f, &quick.Config{MaxCount: n, Rand: rand.New(rand.NewSource(1))}); err != nil {
		t.Error(err)
	}
}

func TestDefaults(t *testing.T) {
	for _, s := range catalog.Keys() {
		d := Defaults(s)
		want := "scene=" + s
		if s == Schema[0].Default {
			want = ""
		}
		if got := Encode(d); got != want {
			t.Errorf("Encode(Defaults(%s)) = %q, want %q", s, got, want)
		}
		if ws := d.Check(); len(ws) != 0 {
			t.Errorf("Defaults(%s) are invalid: %v", s, ws)
		}
		v, ws := Parse(want)
		if len(ws) != 0 || !reflect.DeepEqual(v, d) {
			t.Errorf("Parse(%q) = %v, %v; want the defaults", want, v, ws)
		}
	}
	// Spot checks against the brief.
	for _, test := range []struct {
		scene string
		got   any
		want  any
	}{
		{"ensemble", Defaults("ensemble").Methods, []string{"sgd", "gf", "sme1", "sme2", "smf"}},
		{"flow", Defaults("flow").NPoints, 121},
		{"meanfield", Defaults("meanfield").NFlow, 0}, // M = n
		{"meanfield", Defaults("meanfield").T, 10.0},
		{"fluct", Defaults("fluct").Problem, "network"},
		{"fluct", Defaults("fluct").Reps, 128},
		{"order", Defaults("order").Reps, 4096},
		{"order", Defaults("order").Methods, []string{"gf", "sme1", "sme2", "smf"}},
		{"ensemble", Defaults("ensemble").XiSD, 1 / math.Sqrt2},
		{"unknown", Defaults("unknown").Scene, "ensemble"},
	} {
		if !reflect.DeepEqual(test.got, test.want) {
			t.Errorf("%s: got %v, want %v", test.scene, test.got, test.want)
		}
	}
	// Defaults returns fresh slices.
	d := Defaults("ensemble")
	d.Methods[0] = "changed"
	if Defaults("ensemble").Methods[0] != "sgd" {
		t.Error("Defaults shares its Methods slice")
	}
}

// FuzzParse checks that Parse never panics and that its result is valid,
// re-encodes and re-parses to itself without warnings.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "?scene=flow&alpha=0.05", "alpha=NaN&n=1e3&seed=-1", "scene=<script>alert(1)</script>",
		"scene=meanfield&problem=quad&points=1,2,3;4,5", "methods=sgd,sgd,mfode&hide=alpha,zz",
		"points=1,2;3,4&dim=2&embed&dpr=0.2", "alpha=%zz&=5&t=3", "seed=18446744073709551616",
		"scene=fluct&neuron=w&din=2&points=1e400,2;-0,1", "preset=a-b&xim=-0&M=0.5",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		v, ws := Parse(q)
		if len(ws) > maxWarnings+11 {
			t.Fatalf("%d warnings", len(ws))
		}
		for _, w := range ws {
			if w.Message == "" || !utf8.ValidString(w.Message) || !utf8.ValidString(w.Value) || !utf8.ValidString(w.Key) {
				t.Fatalf("bad warning %+v", w)
			}
		}
		c := v.clone()
		if ws := c.Check(); len(ws) != 0 {
			t.Fatalf("Check of Parse(%q): %v", q, ws)
		}
		s := Encode(v)
		v2, ws2 := Parse(s)
		if len(ws2) != 0 {
			t.Fatalf("Parse(Encode(Parse(%q))) = Parse(%q) warns: %v", q, s, ws2)
		}
		if !v2.Equal(v) || !reflect.DeepEqual(v2, v) {
			t.Fatalf("Parse(%q) = %q, re-parsed to %q", q, s, Encode(v2))
		}
		if s2 := Encode(v2); s2 != s {
			t.Fatalf("Encode not stable: %q, %q", s, s2)
		}
	})
}

// TestSchema checks the table: unique names, field types that match the
// Type, valid defaults and choices.
func TestSchema(t *testing.T) {
	types := map[string]string{
		TypeEnum: "*string", TypeText: "*string", TypeFloat: "*float64", TypeInt: "*int",
		TypeUint: "*uint64", TypeBool: "*bool", TypeList: "*[]string", TypePoints: "*[][]float64", TypeData: "*string", TypeView: "*string",
	}
	seen := map[string]bool{}
	fields := map[uintptr]bool{}
	var v Values
	for i := range Schema {
		p := &Schema[i]
		if seen[p.Name] {
			t.Errorf("%s: duplicate name", p.Name)
		}
		seen[p.Name] = true
		ptr := reflect.ValueOf(p.ptr(&v))
		if got := ptr.Type().String(); got != types[p.Type] {
			t.Errorf("%s: field type %s, Type %s", p.Name, got, p.Type)
		}
		if fields[ptr.Pointer()] {
			t.Errorf("%s: field shared with another parameter", p.Name)
		}
		fields[ptr.Pointer()] = true
		if p.Doc == "" || p.Group == "" {
			t.Errorf("%s: no Doc or Group", p.Name)
		}
		if (p.Type == TypeFloat || p.Type == TypeInt || p.Type == TypePoints) && !(p.Min < p.Max) {
			t.Errorf("%s: range %v..%v", p.Name, p.Min, p.Max)
		}
		for s := range p.SceneDefaults {
			if !slices.Contains(catalog.Keys(), s) {
				t.Errorf("%s: default for unknown scene %s", p.Name, s)
			}
			if p.SceneDefaults[s] == p.Default {
				t.Errorf("%s: scene default for %s equals the default", p.Name, s)
			}
		}
		for s, c := range p.SceneEnum {
			if !slices.Contains(catalog.Keys(), s) {
				t.Errorf("%s: choices for unknown scene %s", p.Name, s)
			}
			for _, x := range c {
				if !slices.Contains(p.Enum, x) {
					t.Errorf("%s: choice %s of scene %s not in Enum", p.Name, x, s)
				}
			}
		}
		if len(p.SceneEnum) > 0 && len(p.SceneEnum) != len(catalog.Keys()) {
			t.Errorf("%s: SceneEnum does not cover every scene", p.Name)
		}
	}
	if n := reflect.TypeFor[Values]().NumField(); n != len(Schema) {
		t.Errorf("Values has %d fields, Schema %d parameters", n, len(Schema))
	}
	for _, name := range []string{"scene", "problem", "alpha", "T", "seed", "n", "N", "reps", "k", "scheme", "methods", "points"} {
		if _, ok := Lookup(name); !ok {
			t.Errorf("no parameter %s", name)
		}
	}
	if _, ok := Lookup("nope"); ok {
		t.Error("Lookup(nope) found something")
	}
}

func TestEncodeEscapes(t *testing.T) {
	v := Defaults("ensemble")
	v.Preset = "a b+c&d=e<f>"
	got := Encode(v)
	if want := "preset=a%20b%2Bc%26d%3De%3Cf%3E"; got != want {
		t.Errorf("Encode = %q, want %q", got, want)
	}
	w, ws := Parse(got)
	if len(ws) != 1 || w.Preset != "" || !strings.Contains(ws[0].Message, `preset="a b+c&d=e<f>"`) {
		t.Errorf("Parse(%q) = %q, %v", got, w.Preset, ws)
	}
	// Shortest round-trip floats.
	v = Defaults("ensemble")
	a, b := 0.1, 0.2
	v.Alpha = a + b
	v.XiMean = -1e-7
	if got, want := Encode(v), "alpha=0.30000000000000004&xim=-1e-07"; got != want {
		t.Errorf("Encode = %q, want %q", got, want)
	}
	if _, err := strconv.ParseFloat("0.30000000000000004", 64); err != nil {
		t.Fatal(err)
	}
}
