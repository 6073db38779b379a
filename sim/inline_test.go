package sim

import (
	"errors"
	"strings"
	"testing"
)

func TestInlineHeader(t *testing.T) {
	for _, c := range []struct {
		spec ProblemSpec
		want string
	}{
		{ProblemSpec{Name: "quad", Dim: 2}, "xi"},
		{ProblemSpec{Name: "shift", Dim: 2}, "xi1,xi2"},
		{ProblemSpec{Name: "shift", Dim: 1}, "xi"},
		{ProblemSpec{Name: "linreg", Din: 2}, "x1,x2,y"},
		{ProblemSpec{Name: "linreg", Din: 1}, "x1,y"},
		{ProblemSpec{Name: "tanh2", Din: 2}, "x1,y"},
	} {
		got, err := InlineHeader(c.spec)
		if err != nil || got != c.want {
			t.Errorf("InlineHeader(%+v) = %q, %v; want %q", c.spec, got, err, c.want)
		}
	}
}

func TestReadInline(t *testing.T) {
	d, err := ReadInline(ProblemSpec{Name: "quad"}, "0.2;0.9;1.7")
	if err != nil || d.N != 3 || d.Xi[2] != 1.7 {
		t.Fatalf("quad: %+v, %v", d, err)
	}
	if got := FormatInline(d); got != "0.2;0.9;1.7" {
		t.Errorf("FormatInline = %q", got)
	}
	spec := ProblemSpec{Name: "shift", Dim: 2}
	d, err = ReadInline(spec, "1,2;3,-4.5")
	if err != nil || d.N != 2 || d.Din != 2 || d.X[3] != -4.5 {
		t.Fatalf("shift: %+v, %v", d, err)
	}
	if err := CheckData(spec, d); err != nil {
		t.Errorf("CheckData: %v", err)
	}
	if got := FormatInline(d); got != "1,2;3,-4.5" {
		t.Errorf("FormatInline = %q", got)
	}
	d, err = ReadInline(ProblemSpec{Name: "linreg", Din: 1}, "0,1;1,2")
	if err != nil || d.N != 2 || d.Y[1] != 2 {
		t.Fatalf("linreg: %+v, %v", d, err)
	}
}

func TestReadInlineErrors(t *testing.T) {
	spec := ProblemSpec{Name: "shift", Dim: 2}
	for _, c := range []struct{ rows, want string }{
		{"1,2;3", "inline data line 3: 1 fields, want 2"},
		{"1,2;3,abc", `inline data line 3: column xi2: "abc" is not a number`},
		{"", "inline data: no data rows"},
		{"1,2\n3,4", "inline data: line breaks"},
		{strings.Repeat("1,2;", 129), "inline data: 258 numbers, at most 256"},
	} {
		_, err := ReadInline(spec, c.rows)
		var ce *CSVError
		if err == nil || !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("ReadInline(%q) = %v; want %q...", c.rows, err, c.want)
		}
	}
}
