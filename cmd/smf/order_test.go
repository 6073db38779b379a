package main

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// orderRow is one CSV row of smf order -csv, by column name.
type orderRow map[string]string

// num returns the column as a number.
func (r orderRow) num(t *testing.T, col string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(r[col], 64)
	if err != nil {
		t.Fatalf("column %s: %v", col, err)
	}
	return v
}

// orderCSV runs smf with args and parses its CSV output; the header must
// start with want.
func orderCSV(t *testing.T, want string, args ...string) []orderRow {
	t.Helper()
	out, stderr, err := runSmf(args...)
	if err != nil {
		t.Fatalf("%v: %v\n%s", args, err, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || !strings.HasPrefix(strings.Join(rows[0], ","), want) {
		t.Fatalf("%v: output %q, want a header starting %q", args, out, want)
	}
	var res []orderRow
	for _, r := range rows[1:] {
		m := orderRow{}
		for i, c := range rows[0] {
			m[c] = r[i]
		}
		res = append(res, m)
	}
	return res
}

// smf order -exact -csv on the quadratic problem with data xi in {0.5, 1.5}
// (m1 = 1, m2 = 1.25, s^2 = 0.25): one row per method and rate, grouped by
// method, with the closed forms of MATH.md section 6 for SGD, GF and SMF,
// error = value - sgd and scheme_error = scheme - value.
func TestOrderExactCSV(t *testing.T) {
	f := filepath.Join(t.TempDir(), "xi.csv")
	os.WriteFile(f, []byte("xi\n0.5\n1.5\n"), 0o644)
	rows := orderCSV(t, "method,alpha,value,sgd,error,scheme,scheme_error",
		"order", "-exact", "-csv", "-alphas", "0.25,0.125,0.1", "-f", "sq", "-data", f,
		"problem=quad&dim=2&T=1&points=1,0.5&methods=sgd,gf,sme2,smf")
	if len(rows) != 9 {
		t.Fatalf("%d rows, want 3 methods x 3 rates", len(rows))
	}
	u2 := 1.25
	for i, r := range rows {
		m, a := r["method"], r.num(t, "alpha")
		if want := []string{"gf", "sme2", "smf"}[i/3]; m != want || a != []float64{0.25, 0.125, 0.1}[i%3] {
			t.Fatalf("row %d: %s %v, want %s", i, m, a, want)
		}
		steps := math.Ceil(1/a - 1e-9)
		tt := a * steps
		sgd := u2 * math.Pow(1-2*a+1.25*a*a, steps)
		value := map[string]float64{
			"gf":   u2 * math.Exp(-2*tt),
			"sme2": u2 * math.Exp(tt*(-2-a+0.25*a)),
			"smf":  u2 * math.Exp(tt*(-2-a+0.25*a)),
		}[m]
		for _, c := range []struct {
			col  string
			want float64
		}{
			{"sgd", sgd}, {"value", value}, {"error", r.num(t, "value") - r.num(t, "sgd")},
			{"scheme_error", r.num(t, "scheme") - r.num(t, "value")},
		} {
			if got := r.num(t, c.col); math.Abs(got-c.want) > 1e-9*math.Abs(c.want) {
				t.Errorf("%s alpha=%v %s = %v, want %v", m, a, c.col, got, c.want)
			}
		}
		if se := math.Abs(r.num(t, "scheme_error")); se == 0 || se > 1e-3 {
			t.Errorf("%s alpha=%v: the integrator's error %v", m, a, se)
		}
	}
}

// Monte Carlo and exact expectations through the command line on linear
// regression with two points: both give the columns
// method,alpha,value,sgd,error, Monte Carlo a standard error se and the
// column resolved, and the Monte Carlo error agrees with the exact error of
// the integrator (scheme - sgd) within 4 standard errors. SGD's side is
// exact under Monte Carlo too, so GF's error is exact (se 0).
func TestOrderCSVMonteCarloAgainstExact(t *testing.T) {
	for _, obs := range []string{"pair", "risk"} {
		query := "problem=linreg&din=1&N=16&T=0.5&n=2&points=0.5,-1;-1,0.8&reps=3000&methods=sgd,gf,sme2,smf"
		args := []string{"order", "-csv", "-alphas", "0.25,0.125", "-f", obs, "-workers", "2", query}
		mc := orderCSV(t, "method,alpha,value,sgd,error,se,resolved", args...)
		ex := orderCSV(t, "method,alpha,value,sgd,error,scheme", append([]string{"order", "-exact"}, args[1:]...)...)
		if len(mc) != 6 || len(ex) != 6 {
			t.Fatalf("%d and %d rows, want 6", len(mc), len(ex))
		}
		for i, r := range mc {
			e := ex[i]
			if r["method"] != e["method"] || r["alpha"] != e["alpha"] {
				t.Fatalf("row %d: %v vs %v", i, r, e)
			}
			got, se := r.num(t, "error"), r.num(t, "se")
			want := e.num(t, "scheme") - e.num(t, "sgd")
			t.Logf("%s %-4s alpha=%s: Monte Carlo %.5f ± %.5f, exact scheme %.5f, exact model %.5f", obs, r["method"], r["alpha"], got, se, want, e.num(t, "error"))
			if r["method"] == "gf" {
				if se != 0 || math.Abs(got-want) > 1e-9*math.Abs(want) || r["resolved"] != "1" {
					t.Errorf("%s gf alpha=%s: error %v ± %v (resolved %s), want exactly %v", obs, r["alpha"], got, se, r["resolved"], want)
				}
				continue
			}
			if resolved := math.Abs(got) >= 2*se; r["resolved"] != map[bool]string{true: "1", false: "0"}[resolved] {
				t.Errorf("%s %s alpha=%s: resolved %q for %v ± %v", obs, r["method"], r["alpha"], r["resolved"], got, se)
			}
			if !(se > 0) || math.Abs(got-want) > 4*se {
				t.Errorf("%s %s alpha=%s: Monte Carlo error %v ± %v, exact %v", obs, r["method"], r["alpha"], got, se, want)
			}
			if d := got - (r.num(t, "value") - r.num(t, "sgd")); math.Abs(d) > 1e-12 {
				t.Errorf("Monte Carlo error is not value - sgd: %v", d)
			}
		}
	}
}

// Without -csv, -exact prints the exact errors with their local slopes and
// a fitted slope per method.
func TestOrderExactTable(t *testing.T) {
	out, _, err := runSmf("order", "-exact", "-alphas", "0.0078125,0.00390625", "-f", "pair",
		"problem=quad&dim=2&xim=1&xis=1&T=1&n=2&methods=sgd,sme2,smf")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"exact weak error", "local slope", "order sme2  : fitted slope 1.0", "order smf   : fitted slope 2.0"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// -exact on a problem without exact expectations, or with pair on one
// point, fails with a clear message.
func TestOrderExactErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"order", "-exact", "-csv", "problem=tanh2&T=0.5"}, "problem tanh2 has no exact expectations; use Monte Carlo (drop -exact)"},
		{[]string{"order", "-exact", "problem=logreg&T=0.5"}, "problem logreg has no exact expectations; use Monte Carlo (drop -exact)"},
		{[]string{"order", "-exact", "-f", "pair", "problem=quad&T=0.5&n=1"}, "two points"},
		{[]string{"order", "-exact", "-alphas", "0.1", "problem=quad&T=0.5"}, "at least two"},
	} {
		out, stderr, err := runSmf(c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v (%s), want %q", c.args, err, stderr, c.want)
		}
		if out != "" {
			t.Errorf("%v: output %q", c.args, out)
		}
	}
}

// smf order on a network: problem=network without a scene takes the scene
// order; M is set to n (said on standard error with -csv, in the table
// without); the rows are the MF ODE's and the DD-SMF's, with the column
// resolved; the table says how each side was estimated.
func TestOrderNetwork(t *testing.T) {
	_, stderr, err := runSmf("order", "-csv", "-alphas", "0.5,0.25", "-f", "risk", "-workers", "2", "problem=network&n=4&M=8&N=8&T=0.5&reps=8")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	for _, want := range []string{"M = n = 4", "M = 8 of the query replaced by n"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("standard error lacks %q:\n%s", want, stderr)
		}
	}
	rows := orderCSV(t, "method,alpha,value,sgd,error,se,resolved", "order", "-csv", "-alphas", "0.5,0.25", "-f", "risk", "problem=network&n=4&N=8&T=0.5&reps=8")
	if len(rows) != 4 || rows[0]["method"] != "mfode" || rows[3]["method"] != "ddsmf" {
		t.Fatalf("rows %v", rows)
	}
	for _, r := range rows {
		if res := r["resolved"]; res != "0" && res != "1" {
			t.Errorf("resolved %q", res)
		}
		if r.num(t, "se") <= 0 {
			t.Errorf("row %v: se", r)
		}
	}
	out, stderr, err := runSmf("order", "-alphas", "0.5,0.25", "-f", "risk", "scene=fluct&n=4&N=8&T=0.5&reps=7")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	for _, want := range []string{
		"network: M = n = 4: mean-field SGD, the MF ODE and the DD-SMF start from the same 4 neurons",
		"Monte Carlo: 8 replicas of each noisy continuous model (antithetic pairs), 64 of SGD, control variates",
		"deterministic", "antithetic+control", "order mfode : ", "order ddsmf : ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// -plain, -antithetic=false and -control=false switch the variance
// reductions off; -sgdreps sets SGD's replicas.
func TestOrderVarianceFlags(t *testing.T) {
	q := "problem=tanh2&T=0.5&reps=16&methods=sgd,smf"
	for _, c := range []struct {
		args         []string
		want         []string
		method, sgdc string
	}{
		{[]string{"-plain"}, []string{"no variance reduction (-plain)", "16 of SGD"}, "plain", "plain"},
		{[]string{"-antithetic=false"}, []string{"128 of SGD"}, "control", "control"},
		{[]string{"-control=false", "-sgdreps", "20"}, []string{"(antithetic pairs), 20 of SGD"}, "antithetic", "plain"},
	} {
		args := append(append([]string{"order", "-alphas", "0.25,0.125", "-f", "risk"}, c.args...), q)
		out, stderr, err := runSmf(args...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", c.args, err, stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q:\n%s", c.args, w, out)
			}
		}
		rows := 0
		for _, line := range strings.Split(out, "\n") {
			// alpha, method, error, se, method side, SGD side, resolved
			if f := strings.Fields(line); len(f) == 7 && f[1] == "smf" {
				rows++
				if f[4] != c.method || f[5] != c.sgdc {
					t.Errorf("%v: row %q, want sides %s and %s", c.args, line, c.method, c.sgdc)
				}
			}
		}
		if rows != 2 {
			t.Errorf("%v: %d rows of smf:\n%s", c.args, rows, out)
		}
	}
	if _, _, err := runSmf("order", "-sgdreps", "-1", q); err == nil || !strings.Contains(err.Error(), "-sgdreps") {
		t.Errorf("-sgdreps -1: %v", err)
	}
}
