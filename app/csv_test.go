package app

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"testing"

	"smflow/sim"
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
	if got, want := len(rows[0]), 4+d; got != want {
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
		{"series", "t", "y", "se"},
		{"E f, SGD", "0", "1", "0"},
		{"E f, SGD", "0.1", "0.5", "0.01"},
		{`say "gf"`, "0", "2", ""},
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
		{"scene=ensemble&problem=quad", "method,rep,point,t,z1,z2"},
		{"scene=meanfield&neuron=awb&din=1", "method,rep,point,t,a,w,b"},
		{"scene=meanfield&neuron=awb&din=2", "method,rep,point,t,a,w1,w2,b"},
		{"scene=meanfield&neuron=w&din=1", "method,rep,point,t,w"},
		{"scene=meanfield&neuron=w&din=2", "method,rep,point,t,w1,w2"},
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
	if header, _, _ := bytes.Cut(b, []byte("\n")); string(header) != "series,alpha,weak_error,se" {
		t.Errorf("header %q", header)
	}
	if header, _, _ := bytes.Cut(AppendSeriesCSV(nil, nil), []byte("\n")); string(header) != "series,t,y,se" {
		t.Errorf("empty: header %q", header)
	}
}
