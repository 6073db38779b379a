package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runSmf(args ...string) (stdout, stderr string, err error) {
	var o, e bytes.Buffer
	err = run(args, &o, &e)
	return o.String(), e.String(), err
}

func TestRunCSV(t *testing.T) {
	out, _, err := runSmf("run", "-reps", "3", "-every", "0.5", "problem=quad&T=1&methods=sgd,smf")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "method,rep,point,t,z1,z2,note" {
		t.Errorf("header %v", rows[0])
	}
	// times 0, 0.5, 1; two methods; three replicas; one point
	if len(rows)-1 != 3*2*3 {
		t.Errorf("%d rows", len(rows)-1)
	}
	if last := rows[len(rows)-1]; last[0] != "smf" || last[1] != "2" || last[3] != "1" {
		t.Errorf("last row %v", last)
	}
}

// The hash of a query does not depend on the number of workers and equals
// the library's report.
func TestHashWorkers(t *testing.T) {
	a, _, err := runSmf("hash", "-workers", "1", "scene=flow&T=0.3&reps=5")
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := runSmf("hash", "-workers", "4", "scene=flow&T=0.3&reps=5")
	if a != b || !strings.HasPrefix(a, "sgd ") {
		t.Errorf("hashes differ or malformed:\n%s\n%s", a, b)
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("x1,y\n1,2\n3,abc\n"), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "problem=nope"}, "problem"},
		{[]string{"run", "alpha=-1"}, "alpha=-1 is below"},
		{[]string{"run", "alpha=0"}, "alpha=0 is below"},
		{[]string{"hash", "-data", bad, "problem=linreg"}, "bad.csv line 3"},
		{[]string{"hash", "-data", filepath.Join(dir, "missing.csv"), "T=1"}, "missing.csv"},
		{[]string{"run"}, "QUERY"},
		{[]string{"frobnicate"}, "unknown command"},
		{[]string{"run", "-every", "-1", "T=1"}, "-every"},
		{[]string{"run", "T=NaN"}, "not a finite number"},
	} {
		_, stderr, err := runSmf(c.args...)
		if err == nil {
			t.Errorf("%v: no error", c.args)
			continue
		}
		if msg := err.Error() + stderr; !strings.Contains(msg, c.want) {
			t.Errorf("%v: message %q lacks %q", c.args, msg, c.want)
		}
	}
	// -lenient runs as the browser does.
	if _, _, err := runSmf("hash", "-lenient", "alpha=-1&T=0.01"); err != nil {
		t.Errorf("-lenient: %v", err)
	}
}

func TestDataCSV(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "d.csv")
	os.WriteFile(f, []byte("x1,y\n-1,-2\n0,0.1\n1,2.1\n2,3.9\n"), 0o644)
	out, stderr, err := runSmf("run", "-data", f, "problem=linreg&T=0.5&reps=2&methods=sgd,gf")
	if err != nil {
		t.Fatal(err, stderr)
	}
	if !strings.Contains(out, "gf,0,0,0.5,") {
		t.Errorf("output %q", out)
	}
}

// `smf hash` prints the same text natively and under WebAssembly (make
// test runs this package both ways); the values are those of sim's golden
// test.
func TestHashGolden(t *testing.T) {
	for _, c := range []struct{ query, want string }{
		{"scene=flow&T=0.5", "sgd bc5fa5860ec5081b\nsmf 85483ee8c54ae65b\nsme2 948f68c69a7eae84\nsteps 5\n"},
		{"scene=meanfield&T=0.3", "sgd 9c89e06fcf1058ca\nmfode 4d59b659b4aca716\nddsmf fbb75535aa9acd93\nsteps 6\n"},
	} {
		got, _, err := runSmf("hash", c.query)
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("smf hash %q:\n%s\nwant\n%s", c.query, got, c.want)
		}
	}
}

// Points are checked once the data set is known: a CSV of vectors xi1..xi3
// makes the shift problem three-dimensional, so a point has 3 coordinates.
func TestDataSetsPointDim(t *testing.T) {
	f := filepath.Join(t.TempDir(), "d3.csv")
	os.WriteFile(f, []byte("xi1,xi2,xi3\n1,2,3\n0,1,0\n-1,0,2\n"), 0o644)
	out, stderr, err := runSmf("hash", "-data", f, "problem=shift&T=0.2&points=1,2,3")
	if err != nil || !strings.Contains(out, "steps 2") {
		t.Fatalf("%v %s %s", err, out, stderr)
	}
	if _, stderr, err := runSmf("hash", "-data", f, "problem=shift&T=0.2&points=1,2"); err == nil || !strings.Contains(stderr, "a point has 3 here") {
		t.Errorf("a 2-D point on 3-D data: %v %s", err, stderr)
	}
}

// Every parameter is a flag too, overriding the query's key.
func TestParamFlags(t *testing.T) {
	a, _, err := runSmf("hash", "-alpha", "0.2", "-reps", "3", "T=0.4&alpha=0.1")
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := runSmf("hash", "alpha=0.2&T=0.4&reps=3")
	if a != b || !strings.Contains(a, "steps 2") {
		t.Errorf("flags: %q, query: %q", a, b)
	}
}

// Logistic regression runs from generated data and from a CSV with labels
// -1 and 1; other labels are refused with the row.
func TestLogReg(t *testing.T) {
	if _, stderr, err := runSmf("hash", "problem=logreg&T=0.5&reps=4"); err != nil {
		t.Fatal(err, stderr)
	}
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "good.csv"), filepath.Join(dir, "bad.csv")
	os.WriteFile(good, []byte("x1,y\n-1,-1\n0.5,1\n2,1\n-0.3,1\n"), 0o644)
	os.WriteFile(bad, []byte("x1,y\n-1,-1\n0.5,0.5\n"), 0o644)
	if _, stderr, err := runSmf("run", "-data", good, "problem=logreg&T=0.3&reps=2"); err != nil {
		t.Fatal(err, stderr)
	}
	if _, _, err := runSmf("run", "-data", bad, "problem=logreg&T=0.3"); err == nil || !strings.Contains(err.Error(), "row 2") {
		t.Errorf("bad labels: %v", err)
	}
}
