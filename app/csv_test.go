package app

import (
	"bytes"
	"encoding/csv"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"smflow/sim"
	"smflow/sim/stat"
)

func TestStateCSV(t *testing.T) {
	s, err := sim.New(sim.Config{
		Problem: sim.ProblemSpec{Name: "quad"},
		Alpha:   0.1, T: 1, Seed: 1, NPoints: 3, NData: 16, Reps: 2, K: 1,
		Methods: []sim.Method{sim.SGD, sim.GF},
	})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		s.Step()
	}
	b := AppendStateCSV(nil, s)
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	d := s.Tracks()[0].D
	if got, want := len(rows[0]), 5+d; got != want {
		t.Fatalf("header %v has %d cells, want %d", rows[0], got, want)
	}
	// SGD: 2 replicas x 3 points; GF: 1 replica x 3 points.
	if got, want := len(rows)-1, 2*3+3; got != want {
		t.Fatalf("%d rows, want %d", got, want)
	}
	for _, r := range rows[1:] {
		tt, err := strconv.ParseFloat(r[3], 64)
		if err != nil || tt != s.Time() {
			t.Errorf("row %v: t = %q, want %v", r, r[3], s.Time())
		}
	}
	// Every value reads back exactly.
	tr := s.Tracks()[0]
	rep, _ := strconv.Atoi(rows[1+3+1][1])
	pt, _ := strconv.Atoi(rows[1+3+1][2])
	z, _ := strconv.ParseFloat(rows[1+3+1][4], 64)
	if want := tr.Replica(rep)[pt*tr.D]; z != want {
		t.Errorf("z1 = %v, want %v", z, want)
	}
}

func TestSeriesCSV(t *testing.T) {
	b := AppendSeriesCSV(nil, []Series{
		{Name: "E f, SGD", T: []float64{0, 0.1}, Y: []float64{1, 0.5}, SE: []float64{0, 0.01}},
		{Name: `say "gf"`, T: []float64{0}, Y: []float64{2}},
	})
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"series", "t", "y", "se", "note"},
		{"E f, SGD", "0", "1", "0", ""},
		{"E f, SGD", "0.1", "0.5", "0.01", ""},
		{`say "gf"`, "0", "2", "", ""},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows %q", rows)
	}
	for i := range want {
		for j := range want[i] {
			if rows[i][j] != want[i][j] {
				t.Errorf("cell %d,%d = %q, want %q", i, j, rows[i][j], want[i][j])
			}
		}
	}
}

// The state CSV names its columns after the model's coordinates.
func TestStateCSVColumns(t *testing.T) {
	for _, c := range []struct{ q, want string }{
		{"scene=ensemble&problem=quad", "method,rep,point,t,z1,z2,note"},
		{"scene=meanfield&neuron=awb&din=1", "method,rep,point,t,a,w,b,note"},
		{"scene=meanfield&neuron=awb&din=2", "method,rep,point,t,a,w1,w2,b,note"},
		{"scene=meanfield&neuron=w&din=1", "method,rep,point,t,w,note"},
		{"scene=meanfield&neuron=w&din=2", "method,rep,point,t,w1,w2,note"},
	} {
		s := newSim(t, c.q)
		b := AppendStateCSV(nil, s)
		header, _, _ := bytes.Cut(b, []byte("\n"))
		if string(header) != c.want {
			t.Errorf("%s: header %s, want %s", c.q, header, c.want)
		}
	}
}

// A series over the learning rate names its columns so.
func TestSeriesCSVNames(t *testing.T) {
	b := AppendSeriesCSV(nil, []Series{{Name: "GF", T: []float64{0.5}, Y: []float64{0.1}, SE: []float64{0.01}, XName: "alpha", YName: "weak_error"}})
	if header, _, _ := bytes.Cut(b, []byte("\n")); string(header) != "series,alpha,weak_error,se,note" {
		t.Errorf("header %q", header)
	}
	if header, _, _ := bytes.Cut(AppendSeriesCSV(nil, nil), []byte("\n")); string(header) != "series,t,y,se,note" {
		t.Errorf("empty: header %q", header)
	}
}

// A value that is not finite is an empty cell noted "undefined", never
// NaN or Inf.
func TestSeriesCSVNotFinite(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	b := AppendSeriesCSV(nil, []Series{
		{Name: "mean stretch (SGD)", T: []float64{0, 1, 2}, Y: []float64{nan, 2, inf}, SE: []float64{nan, 0.1, 0}},
	})
	rows := readCSV(t, b)
	want := [][]string{
		{"series", "t", "y", "se", "note"},
		{"mean stretch (SGD)", "0", "", "", "undefined"},
		{"mean stretch (SGD)", "1", "2", "0.1", ""},
		{"mean stretch (SGD)", "2", "", "0", "undefined"},
	}
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("rows\n%q\nwant\n%q", rows, want)
	}
}

// readCSV parses b as CSV with the same number of cells in every row.
func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	return rows
}

// notes when it diverged; the others have no note.
func TestStateCSVDiverged(t *testing.T) {
	s := newSim(t, "scene=ensemble&problem=linreg&alpha=2&T=1000&points=1e6,1e6&reps=8&methods=sgd,gf")
	s.RunTo(s.TotalSteps(), 1, nil)
	rows := readCSV(t, AppendStateCSV(nil, s))
	if st := s.Status(0); !st.Diverged || st.Reps != 8 {
		t.Fatalf("SGD status %+v, want 8 diverged replicas", st)
	}
	for _, r := range rows[1:] {
		rep, _ := strconv.Atoi(r[1])
		switch r[0] {
		case "sgd":
			want := "diverged at t = " + strconv.FormatFloat(2*float64(s.Tracks()[0].DivergedAt[rep]), 'g', -1, 64)
			if r[4] != "" || r[5] != "" || r[6] != want {
				t.Errorf("row %q, want empty coordinates and %q", r, want)
			}
		case "gf":
			if r[4] == "" || r[5] == "" || r[6] != "" {
				t.Errorf("row %q, want coordinates and no note", r)
			}
		}
	}
}

// The series of a run where SGD diverges (the mean of E|z|^2 over the
// replicas not diverged, NaN when none is left, as the scenes record it)
// and of a statistic undefined throughout: the CSV holds no NaN or Inf,
// notes a divergence only where the simulation reports one (sim.Status),
// and every empty value is noted.
func TestSeriesCSVNotes(t *testing.T) {
	s := newSim(t, "scene=ensemble&problem=linreg&alpha=2&T=1000&points=1e6,1e6&reps=32&methods=sgd,gf")
	var series []Series
	for _, tr := range s.Tracks() {
		series = append(series,
			Series{Name: "E |z|^2 (" + tr.Method.Label() + ")"},
			Series{Name: "mean stretch (" + tr.Method.Label() + ")"})
	}
	record := func() {
		for i, tr := range s.Tracks() {
			var vals []float64
			for r := 0; r < tr.Reps; r++ {
				if tr.DivergedAt[r] < 0 {
					z := tr.Replica(r)
					vals = append(vals, z[0]*z[0]+z[1]*z[1])
				}
			}
			m, se := math.NaN(), math.NaN()
			if e, err := stat.MeanOf(vals); err == nil {
				m, se = e.Mean, e.SE
				if e.N == 1 {
					se = 0 // one run, as the scenes record it
				}
			}
			a, b := &series[2*i], &series[2*i+1]
			a.T, a.Y, a.SE = append(a.T, s.Time()), append(a.Y, m), append(a.SE, se)
			b.T, b.Y, b.SE = append(b.T, s.Time()), append(b.Y, math.NaN()), append(b.SE, math.NaN())
		}
	}
	record()
	for !s.Done() {
		s.RunTo(min(s.TotalSteps(), s.Steps()+10), 1, nil)
		record()
	}
	st := s.Status(0)
	if !st.Diverged || st.Reps != 32 || s.Status(1).Diverged {
		t.Fatalf("statuses %+v %+v, want SGD diverged in its 32 replicas, GF not", st, s.Status(1))
	}
	rows := readCSV(t, AppendSimSeriesCSV(nil, series, s))
	last := 0.0 // the time at which the last SGD replica diverged
	for _, at := range s.Tracks()[0].DivergedAt {
		last = max(last, 2*float64(at))
	}
	var undefined, some, all int
	for _, r := range rows[1:] {
		for _, cell := range r[1:4] {
			if strings.Contains(cell, "NaN") || strings.Contains(cell, "Inf") {
				t.Fatalf("row %q holds %s", r, cell)
			}
		}
		tt, _ := strconv.ParseFloat(r[1], 64)
		name, note := r[0], r[4]
		switch {
		case strings.HasPrefix(name, "mean stretch"):
			if r[2] != "" || r[3] != "" || note != "undefined" && !strings.HasSuffix(note, "replicas diverged") {
				t.Errorf("row %q: want empty values noted", r)
			}
			undefined++
		case strings.HasSuffix(name, "(GF)"):
			if r[2] == "" || note != "" {
				t.Errorf("row %q: GF never diverges", r)
			}
		case tt < st.At:
			if r[2] == "" || note != "" {
				t.Errorf("row %q: nothing diverged before t = %v", r, st.At)
			}
		case tt >= last:
			if r[2] != "" || note != "32 of 32 replicas diverged" {
				t.Errorf("row %q: all 32 replicas diverged by t = %v", r, last)
			}
			all++
		default:
			if r[2] == "" || !strings.HasSuffix(note, " of 32 replicas diverged") {
				t.Errorf("row %q: some replicas diverged, the others give the mean", r)
			}
			some++
		}
	}
	if undefined == 0 || all == 0 {
		t.Errorf("%d rows undefined, %d noting a divergence of all replicas", undefined, all)
	}
	t.Logf("SGD diverged from t = %v to %v; %d rows: %d undefined, %d with some and %d with all SGD replicas diverged", st.At, last, len(rows)-1, undefined, some, all)
}
