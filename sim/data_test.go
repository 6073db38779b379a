package sim

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"smflow/sim/xmath"
)

// dsMeanSD returns the mean and standard deviation of x.
func dsMeanSD(x []float64) (m, sd float64) {
	for _, v := range x {
		m += v
	}
	m /= float64(len(x))
	for _, v := range x {
		sd += (v - m) * (v - m)
	}
	return m, math.Sqrt(sd / float64(len(x)-1))
}

func TestGenerateData(t *testing.T) {
	const n = 4000
	for _, spec := range []ProblemSpec{
		{Name: "quad", Dim: 2, XiMean: 1, XiSD: 0.7},
		{Name: "shift", Dim: 3, XiMean: -0.5, XiSD: 2},
		{Name: "shift", Dim: 1, XiMean: 0.5, XiSD: 1},
		{Name: "linreg", Din: 1, Noise: 0.3},
		{Name: "linreg", Din: 2, Noise: 0.3},
		{Name: "linreg", Noise: 0},
		{Name: "tanh2", Noise: 0.2},
	} {
		t.Run(fmt.Sprintf("%s/%d/%d", spec.Name, spec.Dim, spec.Din), func(t *testing.T) {
			d := &Data{}
			if err := GenerateData(d, spec, n, xmath.Stream(5, 2)); err != nil {
				t.Fatal(err)
			}
			if err := CheckData(spec, d); err != nil {
				t.Fatalf("generated data do not fit: %v", err)
			}
			// The same stream gives the same data; the inputs do not depend
			// on the noise levels.
			d2 := &Data{}
			spec2 := spec
			spec2.Noise, spec2.XiSD = 2*spec.Noise+1, 2*spec.XiSD+1
			GenerateData(d2, spec, n, xmath.Stream(5, 2))
			if !slices.Equal(d.Xi, d2.Xi) || !slices.Equal(d.X, d2.X) || !slices.Equal(d.Y, d2.Y) {
				t.Error("same seed, different data")
			}
			if spec.Name == "linreg" || spec.Name == "tanh2" {
				GenerateData(d2, spec2, n, xmath.Stream(5, 2))
				if !slices.Equal(d.X, d2.X) {
					t.Error("the inputs change with the noise level")
				}
			}

			// Moments within 5 standard errors.
			near := func(what string, got, want, se float64) {
				t.Helper()
				if math.Abs(got-want) > 5*se {
					t.Errorf("%s = %.4g, want %.4g +- %.2g", what, got, want, 5*se)
				}
			}
			switch spec.Name {
			case "quad", "shift":
				xs := scalarData(d)
				if xs == nil {
					xs = d.X
				}
				m, sd := dsMeanSD(xs)
				near("mean", m, spec.XiMean, spec.XiSD/math.Sqrt(float64(len(xs))))
				near("sd", sd, spec.XiSD, spec.XiSD/math.Sqrt(2*float64(len(xs))))
			case "linreg", "tanh2":
				res := make([]float64, n)
				for j := range n {
					x := d.X[j*d.Din : (j+1)*d.Din]
					f := tanh2A * xmath.Tanh(tanh2W*x[0])
					if spec.Name == "linreg" {
						f = linregW1*x[0] + linregB
						if d.Din == 2 {
							f += linregW2 * x[1]
						}
					}
					res[j] = d.Y[j] - f
				}
				m, sd := dsMeanSD(res)
				near("mean residual", m, 0, spec.Noise/math.Sqrt(n))
				near("residual sd", sd, spec.Noise, spec.Noise/math.Sqrt(2*n))
				xm, xsd := dsMeanSD(d.X)
				if spec.Name == "tanh2" {
					near("mean x", xm, 0, 4/math.Sqrt(12*n))
					near("sd x", xsd, 4/math.Sqrt(12), 0.02)
					if lo, hi := slices.Min(d.X), slices.Max(d.X); lo < -2 || hi >= 2 {
						t.Errorf("x in [%v, %v], want [-2, 2)", lo, hi)
					}
				} else {
					near("mean x", xm, 0, 1/math.Sqrt(float64(len(d.X))))
					near("sd x", xsd, 1, 1/math.Sqrt(2*float64(len(d.X))))
				}
			}
		})
	}
}

func TestGenerateDataReuse(t *testing.T) {
	d := &Data{}
	GenerateData(d, ProblemSpec{Name: "linreg", Din: 2}, 100, xmath.Stream(1))
	x := &d.X[0]
	GenerateData(d, ProblemSpec{Name: "linreg", Din: 1}, 100, xmath.Stream(1))
	if &d.X[0] != x || d.N != 100 || len(d.X) != 100 || d.Din != 1 {
		t.Errorf("slices not reused: N=%d len(X)=%d Din=%d", d.N, len(d.X), d.Din)
	}
	GenerateData(d, ProblemSpec{Name: "quad"}, 10, xmath.Stream(1))
	if d.X != nil || d.Y != nil || d.Din != 0 || len(d.Xi) != 10 {
		t.Errorf("quad data after linreg: %+v", d)
	}
}

func TestGenerateDataErrors(t *testing.T) {
	rng := xmath.Stream(1)
	for _, c := range []struct {
		spec ProblemSpec
		n    int
		want string
	}{
		{ProblemSpec{Name: "network"}, 10, `network data: unknown target "" (want teacher, sin, step or abs)`},
		{ProblemSpec{Name: "bar"}, 10, `unknown problem "bar" (want quad, shift, linreg, logreg, tanh2 or network)`},
		{ProblemSpec{Name: "quad"}, 0, "quad: number of data points 0 out of range 1..100000"},
		{ProblemSpec{Name: "quad"}, 100001, "quad: number of data points 100001 out of range 1..100000"},
		{ProblemSpec{Name: "quad", XiSD: -1}, 10, "quad: XiSD = -1 is negative"},
		{ProblemSpec{Name: "tanh2", Noise: math.NaN()}, 10, "tanh2: Noise = NaN is not a finite number"},
		{ProblemSpec{Name: "shift", Dim: 1001}, 10, "shift: dimension 1001 out of range 1..1000"},
		{ProblemSpec{Name: "shift", Dim: 1000}, 100000, "shift: 100000 data points of dimension 1000 are too many (at most 10000000 values)"},
		{ProblemSpec{Name: "linreg", Din: 3}, 10, "linreg: input dimension 3 out of range 1..2"},
	} {
		err := GenerateData(&Data{}, c.spec, c.n, rng)
		if err == nil || err.Error() != c.want {
			t.Errorf("GenerateData(%+v, %d): error %v, want %q", c.spec, c.n, err, c.want)
		}
	}
	if err := GenerateData(nil, ProblemSpec{Name: "quad"}, 1, rng); err == nil {
		t.Error("nil destination: no error")
	}
}

func TestCSVRoundTrip(t *testing.T) {
	for _, spec := range []ProblemSpec{
		{Name: "quad", XiMean: 1, XiSD: 0.7},
		{Name: "shift", Dim: 3, XiSD: 1e-300},
		{Name: "shift", Dim: 1, XiMean: 1e300, XiSD: 1e299},
		{Name: "linreg", Din: 1, Noise: 0.3},
		{Name: "linreg", Din: 2, Noise: 0.3},
		{Name: "tanh2", Noise: 0.1},
	} {
		d := &Data{}
		if err := GenerateData(d, spec, 300, xmath.Stream(9)); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WriteCSV(&buf, d); err != nil {
			t.Fatal(err)
		}
		text := buf.String()
		got, err := ReadCSV(&buf)
		if err != nil {
			t.Fatalf("%s: %v", spec.Name, err)
		}
		if got.N != d.N || got.Din != d.Din || !slices.Equal(got.Xi, d.Xi) || !slices.Equal(got.X, d.X) || !slices.Equal(got.Y, d.Y) {
			t.Errorf("%s: round trip changed the data; header %q", spec.Name, text[:strings.IndexByte(text, '\n')])
		}
		if err := CheckData(spec, got); err != nil {
			t.Errorf("%s: %v", spec.Name, err)
		}
	}
}

func TestReadCSVForms(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       Data
	}{
		{"scalar", "xi\n1\n2.5\n", Data{N: 2, Xi: []float64{1, 2.5}}},
		{"BOM CRLF spaces", "\uFEFF XI \r\n 1 \r\n\r\n-2e-3\r\n", Data{N: 2, Xi: []float64{1, -0.002}}},
		{"comments", "# my data\nxi\n# a comment\n3\n\n4\n", Data{N: 2, Xi: []float64{3, 4}}},
		{"vector order", "xi2,xi1\n1,2\n3,4\n", Data{N: 2, Din: 2, X: []float64{2, 1, 4, 3}}},
		{"xi1 alone", "xi1\n5\n", Data{N: 1, Din: 1, X: []float64{5}}},
		{"x alias", "x,y\n1,2\n", Data{N: 1, Din: 1, X: []float64{1}, Y: []float64{2}}},
		{"regression order", "y,x2,x1\n1,2,3\n4,5,6\n", Data{N: 2, Din: 2, X: []float64{3, 2, 6, 5}, Y: []float64{1, 4}}},
		{"quoted", "\"x1\",\"y\"\n\"1.5\",2\n", Data{N: 1, Din: 1, X: []float64{1.5}, Y: []float64{2}}},
	} {
		d, err := ReadCSV(strings.NewReader(c.text))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if d.N != c.want.N || d.Din != c.want.Din || !slices.Equal(d.Xi, c.want.Xi) || !slices.Equal(d.X, c.want.X) || !slices.Equal(d.Y, c.want.Y) {
			t.Errorf("%s: got %+v, want %+v", c.name, *d, c.want)
		}
	}
	// xi1 alone is scalar data for quad and shift with d = 1.
	d, _ := ReadCSV(strings.NewReader("xi1\n5\n6\n"))
	for _, spec := range []ProblemSpec{{Name: "quad"}, {Name: "shift", Dim: 1}} {
		if _, err := NewModel(spec, d); err != nil {
			t.Errorf("%s on xi1 data: %v", spec.Name, err)
		}
	}
}

func TestReadCSVErrors(t *testing.T) {
	var tooMany strings.Builder
	tooMany.WriteString("xi\n")
	for range MaxDataRows + 1 {
		tooMany.WriteString("1\n")
	}
	const want = "(want xi; or xi1, xi2, ...; or x1, y or x1, x2, y)"
	for _, c := range []struct {
		name, text, err string
	}{
		{"empty", "", "data.csv: empty file (want a header line such as xi, or x1,y)"},
		{"blank", "\n\n# only a comment\n", "data.csv: empty file (want a header line such as xi, or x1,y)"},
		{"header only", "x1,y\n", "data.csv: no data rows after the header line"},
		{"no header", "1,2\n3,4\n", "data.csv line 1: no header line " + want},
		{"unknown column", "x1,z\n1,2\n", `data.csv line 1: unknown column "z" ` + want},
		{"bad index", "xi0\n1\n", `data.csv line 1: unknown column "xi0" ` + want},
		{"empty name", "x1,,y\n1,2,3\n", "data.csv line 1: column 2 has no name " + want},
		{"duplicate", "x1,x1,y\n1,2,3\n", "data.csv line 1: column x1 appears twice"},
		{"x and x1", "x,x1,y\n1,2,3\n", "data.csv line 1: column x1 appears twice"},
		{"mixed", "xi,y\n1,2\n", "data.csv line 1: columns xi and y do not go together " + want},
		{"xi not alone", "xi,xi1\n1,2\n", "data.csv line 1: columns xi and xi1 do not go together " + want},
		{"gap", "xi1,xi3\n1,2\n", "data.csv line 1: column xi2 is missing"},
		{"no y", "x1,x2\n1,2\n", "data.csv line 1: column y is missing"},
		{"no x", "y\n1\n", "data.csv line 1: column x1 is missing"},
		{"three inputs", "x1,x2,x3,y\n1,2,3,4\n", "data.csv line 1: column x3: at most 2 inputs x1, x2 are allowed"},
		{"missing x1", "x2,y\n1,2\n", "data.csv line 1: column x1 is missing"},
		{"header after comment", "# c\nfoo\n1\n", `data.csv line 2: unknown column "foo" ` + want},
		{"few fields", "x1,y\n1,2\n3\n", "data.csv line 3: 1 fields, want 2 (x1,y)"},
		{"many fields", "xi\n1\n2,3\n", "data.csv line 3: 2 fields, want 1 (xi)"},
		{"not a number", "x1,y\n1,2\n3,4\n5,6\n7,8\n9,10\n11,abc\n", `data.csv line 7: column y: "abc" is not a number`},
		{"comma decimal", "xi\n\"1,5\"\n", `data.csv line 2: column xi: "1,5" is not a number`},
		{"empty field", "x1,y\n,2\n", "data.csv line 2: column x1: empty field"},
		{"NaN", "xi1,xi2\n1,NaN\n", `data.csv line 2: column xi2: "NaN" is not a finite number`},
		{"Inf", "xi\n-Inf\n", `data.csv line 2: column xi: "-Inf" is not a finite number`},
		{"overflow", "xi\n1e999\n", `data.csv line 2: column xi: "1e999" is not a finite number`},
		{"blank lines counted", "xi\n\n\n1\nx\n", `data.csv line 5: column xi: "x" is not a number`},
		{"bad quote", "xi\n1\"2\n", `data.csv line 2: bare " in non-quoted-field`},
		{"too many rows", tooMany.String(), "data.csv line 100002: more than 100000 data rows"},
		{"long field", "xi\n1\n" + strings.Repeat("9", 5<<20) + "z\n", `data.csv line 3: column xi: "` + strings.Repeat("9", 40) + `"… is not a number`},
		{"long quoted field", "x1,y\n1,\"" + strings.Repeat("é", 1e6) + "\"\n", `data.csv line 2: column y: "` + strings.Repeat("é", 40) + `"… is not a number`},
		{"long column", "xi," + strings.Repeat("q", 5<<20) + "\n1\n", `data.csv line 1: unknown column "` + strings.Repeat("q", 40) + `"… ` + want},
		{"long duplicate", strings.Repeat("x", 1000) + "," + strings.Repeat("x", 1000) + "\n1,2\n", `data.csv line 1: unknown column "` + strings.Repeat("x", 40) + `"… ` + want},
	} {
		d, err := ReadCSV(strings.NewReader(c.text))
		if err == nil {
			t.Errorf("%s: no error, data %+v", c.name, d)
			continue
		}
		if err.Error() != c.err {
			t.Errorf("%s: error\n\t%s\nwant\n\t%s", c.name, err, c.err)
		}
		var ce *CSVError
		if !errors.As(err, &ce) {
			t.Errorf("%s: error %T is not a *CSVError", c.name, err)
		}
	}

	// The caller can name the file.
	_, err := ReadCSV(strings.NewReader("xi\nq\n"))
	var ce *CSVError
	if errors.As(err, &ce) {
		ce.Name = "points.csv"
	}
	if got := err.Error(); got != `points.csv line 2: column xi: "q" is not a number` {
		t.Errorf("renamed error: %s", got)
	}
}

func TestWriteCSVErrors(t *testing.T) {
	for _, c := range []struct {
		d    *Data
		want string
	}{
		{nil, "WriteCSV: no data"},
		{&Data{}, "data: no data points"},
		{&Data{N: 2, Xi: []float64{1}}, "data: 1 values Xi for N = 2"},
		{&Data{N: 1, Xi: []float64{1}, Y: []float64{1}}, "data: both scalar data Xi and inputs X or targets Y"},
		{&Data{N: 1, Din: 2, X: []float64{1, math.Inf(-1)}, Y: []float64{0}}, "data: row 1, column x2: -Inf is not a finite number"},
		{&Data{N: 2, Din: 0, X: []float64{1, 2}}, "data: input dimension Din = 0 out of range 1..1000"},
	} {
		err := WriteCSV(&bytes.Buffer{}, c.d)
		if err == nil || err.Error() != c.want {
			t.Errorf("WriteCSV(%+v): error %v, want %q", c.d, err, c.want)
		}
	}
}

func TestCheckData(t *testing.T) {
	gen := func(spec ProblemSpec) *Data {
		d := &Data{}
		if err := GenerateData(d, spec, 10, xmath.Stream(1)); err != nil {
			t.Fatal(err)
		}
		return d
	}
	specs := []ProblemSpec{
		{Name: "quad", Dim: 2}, {Name: "shift", Dim: 1}, {Name: "shift", Dim: 2},
		{Name: "linreg", Din: 1}, {Name: "linreg", Din: 2}, {Name: "tanh2"},
	}
	// Data generated for spec a fit spec b exactly when the shapes agree.
	fits := map[[2]int]bool{}
	for i := range specs {
		fits[[2]int{i, i}] = true
	}
	fits[[2]int{0, 1}], fits[[2]int{1, 0}] = true, true // scalar data
	fits[[2]int{3, 5}], fits[[2]int{5, 3}] = true, true // x1,y
	for i, a := range specs {
		d := gen(a)
		for j, b := range specs {
			err := CheckData(b, d)
			if (err == nil) != fits[[2]int{i, j}] {
				t.Errorf("data of %+v for %+v: error %v", a, b, err)
			}
		}
	}
	// Regression data with the right number of inputs also suit a network.
	if err := CheckData(ProblemSpec{Name: "network", Din: 2}, gen(specs[4])); err != nil {
		t.Error(err)
	}
}

// TestGenerateDataGolden pins the generated data bit for bit, so that the
// native and the WebAssembly builds (and later versions) draw the same data
// from the same seed.
func TestGenerateDataGolden(t *testing.T) {
	for _, c := range []struct {
		spec ProblemSpec
		want uint64
	}{
		{ProblemSpec{Name: "quad", Dim: 2, XiMean: 1, XiSD: 0.7}, 0xd7dbf9bf98023226},
		{ProblemSpec{Name: "shift", Dim: 3, XiMean: 0.5, XiSD: 1}, 0xaaa35aefcde0646a},
		{ProblemSpec{Name: "linreg", Din: 2, Noise: 0.3}, 0x13fb8aad6a9e3453},
		{ProblemSpec{Name: "tanh2", Noise: 0.1}, 0x172f12fafc6a10f1},
	} {
		d := &Data{}
		if err := GenerateData(d, c.spec, 1000, xmath.Stream(42, 1)); err != nil {
			t.Fatal(err)
		}
		h := uint64(14695981039346656037) // FNV-1a over the float64 bits
		for _, s := range [][]float64{d.Xi, d.X, d.Y} {
			for _, v := range s {
				b := math.Float64bits(v)
				for i := 0; i < 8; i++ {
					h = (h ^ (b >> (8 * i) & 0xff)) * 1099511628211
				}
			}
		}
		if h != c.want {
			t.Errorf("%s: hash of the data %#x, want %#x", c.spec.Name, h, c.want)
		}
	}
}
