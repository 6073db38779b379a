//go:build js && browser

// Run in Chromium with wasmbrowsertest:
//
//	PATH=/root/go/smflow-wbt:$PATH GOOS=js GOARCH=wasm go test -tags browser ./app/ -run SeriesCSVOfViews

package app

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"smflow/sim"
)

// The series CSV the page exports (Game.SeriesCSV, the scenes' own series)
// for the query of issue 12 (a single point: its mean stretch has no mesh
// edge, undefined, while every method is fine) and for a run where SGD
// diverges: no cell holds NaN or Inf; every empty value is noted, as
// undefined or as the divergence of its method, which the simulation then
// reports (sim.Status); a method reported ok has values or "undefined".
func TestSeriesCSVOfViews(t *testing.T) {
	for _, c := range []struct {
		q             string
		diverged      string // the method that must diverge, or ""
		wantUndefined bool   // some values are undefined
	}{
		{"scene=flow&problem=linreg&alpha=2&points=1e6,1e6&T=100", "", true},
		{"scene=ensemble&problem=linreg&alpha=2&T=1000&points=1e6,1e6&reps=32", "sgd", false},
	} {
		g := New(c.q, Options{})
		g.Step(g.State().TotalSteps)
		s := g.sim
		if !s.Done() {
			t.Fatalf("%s: %d of %d steps", c.q, s.Steps(), s.TotalSteps())
		}
		status := map[string]sim.Status{} // by label
		for i, tr := range s.Tracks() {
			status[tr.Method.Label()] = s.Status(i)
			if got := s.Status(i).Diverged; got != (tr.Method.String() == c.diverged) {
				t.Errorf("%s: %s diverged: %v", c.q, tr.Method, got)
			}
		}
		rows, err := csv.NewReader(bytes.NewReader(g.SeriesCSV())).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		undefined, diverged := 0, 0
		for _, r := range rows[1:] {
			for _, cell := range r[1:4] {
				if strings.Contains(cell, "NaN") || strings.Contains(cell, "Inf") {
					t.Fatalf("%s: row %q holds %s", c.q, r, cell)
				}
			}
			note := r[4]
			switch {
			case note == "undefined":
				undefined++
				if r[2] != "" && r[3] != "" {
					t.Errorf("%s: row %q noted undefined with a value", c.q, r)
				}
			case strings.HasSuffix(note, " replicas diverged"):
				diverged++
				l := r[0][strings.LastIndex(r[0], "(")+1 : len(r[0])-1]
				st, ok := status[l]
				tt, _ := strconv.ParseFloat(r[1], 64)
				if !ok || !st.Diverged || tt < st.At {
					t.Errorf("%s: row %q notes a divergence; the status of %s is %+v", c.q, r, l, st)
				}
			case note != "":
				t.Errorf("%s: row %q: unknown note", c.q, r)
			case r[2] == "":
				t.Errorf("%s: row %q: an empty value without a note", c.q, r)
			}
		}
		if (undefined > 0) != c.wantUndefined || (diverged > 0) != (c.diverged != "") {
			t.Errorf("%s: %d rows undefined, %d diverged", c.q, undefined, diverged)
		}
		t.Logf("%s: %d rows, %d undefined, %d noting a divergence", c.q, len(rows)-1, undefined, diverged)
	}
}
