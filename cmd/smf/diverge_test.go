package main

import (
	"encoding/csv"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"smflow/sim"
	"smflow/sim/param"
)

// divergeQuery is a run where SGD (alpha = 2, past its stability limit)
// diverges in every replica while GF does not.
const divergeQuery = "scene=ensemble&problem=linreg&alpha=2&T=1000&points=1e6,1e6&reps=8&methods=sgd,gf"

// smf run writes no NaN or Inf: a diverged replica's rows have empty
// coordinates and the note "diverged at t = X", from the snapshot at or
// after X on, where X is when that replica diverged (the message on
// stderr gives the earliest); the other rows have coordinates and no note.
func TestRunDiverged(t *testing.T) {
	out, errOut, err := runSmf("run", "-every", "100", divergeQuery)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`sgd diverged at t = (\S+) in 8 of 8 replicas`).FindStringSubmatch(errOut)
	if m == nil {
		t.Fatalf("stderr %q does not report SGD's divergence in its 8 replicas", errOut)
	}
	first, _ := strconv.ParseFloat(m[1], 64)
	if strings.Contains(errOut, "gf diverged") {
		t.Errorf("stderr %q: GF diverged", errOut)
	}
	if strings.Contains(out, "NaN") || strings.Contains(out, "Inf") {
		t.Error("the CSV holds NaN or Inf")
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h := strings.Join(rows[0], ","); h != "method,rep,point,t,z1,z2,note" {
		t.Fatalf("header %s", h)
	}
	at := map[string]float64{} // replica -> when it diverged, from the notes
	noted := 0
	for _, r := range rows[1:] {
		tt, _ := strconv.ParseFloat(r[3], 64)
		note, ok := strings.CutPrefix(r[6], "diverged at t = ")
		if !ok {
			if r[6] != "" || r[4] == "" || r[5] == "" {
				t.Errorf("row %q: want coordinates and no note", r)
			}
			if r[0] == "sgd" && at[r[1]] > 0 {
				t.Errorf("row %q: replica %s diverged at t = %v", r, r[1], at[r[1]])
			}
			continue
		}
		x, err := strconv.ParseFloat(note, 64)
		if r[0] != "sgd" || err != nil || x > tt || x < first || r[4] != "" || r[5] != "" {
			t.Errorf("row %q: want an SGD replica diverged at %v <= X <= t, with empty coordinates", r, first)
		}
		if prev, ok := at[r[1]]; ok && prev != x {
			t.Errorf("row %q: replica %s diverged at t = %v before", r, r[1], prev)
		}
		at[r[1]] = x
		noted++
	}
	if len(at) != 8 {
		t.Errorf("%d SGD replicas noted diverged, want 8", len(at))
	}
	t.Logf("first divergence at t = %v; %d rows, %d of them diverged", first, len(rows)-1, noted)
}

// The final state smf run writes equals the page's state CSV
// (sim.AppendStateHeader, AppendStateRows: what the page exports) of the same query, diverged replicas included.
func TestRunMatchesPageCSV(t *testing.T) {
	out, _, err := runSmf("run", divergeQuery)
	if err != nil {
		t.Fatal(err)
	}
	s, _, ws, err := param.FromQuery(divergeQuery, nil)
	if err != nil || len(ws) > 0 {
		t.Fatal(err, ws)
	}
	s.RunTo(s.TotalSteps(), 1, nil)
	if page := string(sim.AppendStateRows(sim.AppendStateHeader(nil, s), s)); out != page {
		t.Errorf("smf run:\n%s\npage:\n%s", out, page)
	}
}
