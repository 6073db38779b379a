package param

import (
	"errors"
	"os"
	"strings"
	"testing"

	"smflow/sim"
)

func TestCheckData(t *testing.T) {
	for _, ok := range []string{"", "data/course.csv", "x.csv", "a/b/c-1_2~.CSV", "..x.csv", "inline:0.2;0.9;1.7", "inline:1,2;3,4", "inline:-1e-3"} {
		if msg := CheckData(ok); msg != "" {
			t.Errorf("CheckData(%q) = %q; want valid", ok, msg)
		}
	}
	for _, bad := range []string{"https://x.org/a.csv", "//x.org/a.csv", "/etc/passwd", "../a.csv", "a/../../b.csv", "a/..", "..",
		"a b.csv", "a?b=1", "data/", strings.Repeat("a", 257), "inline:", "inline:1;x", "inline:" + strings.Repeat("1;", 257), "javascript:alert(1)"} {
		if msg := CheckData(bad); msg == "" {
			t.Errorf("CheckData(%q) is valid; want a message", bad)
		}
	}
}

func TestParseData(t *testing.T) {
	v, warns := Parse("scene=ensemble&problem=shift&data=data/x.csv")
	if len(warns) > 0 || v.Data != "data/x.csv" {
		t.Fatalf("Parse: %q %v", v.Data, warns)
	}
	if got := Encode(v); got != "problem=shift&data=data/x.csv" {
		t.Errorf("Encode = %q", got)
	}
	v, warns = Parse("data=https://evil.org/x.csv")
	if v.Data != "" || len(warns) != 1 || !strings.Contains(warns[0].Message, "generated data") {
		t.Errorf("bad path: %q %v", v.Data, warns)
	}
	// Inline data round-trip through Encode and Parse.
	v, warns = Parse("problem=shift&data=inline:0.5,1;2,-3;4,5e-1")
	if len(warns) > 0 {
		t.Fatal(warns)
	}
	if got := Encode(v); !strings.Contains(got, "data=inline:0.5,1;2,-3;4,5e-1") {
		t.Errorf("Encode = %q: inline data should stay readable", got)
	}
	w, warns := Parse(Encode(v))
	if len(warns) > 0 || !w.Equal(v) || w.Data != v.Data {
		t.Errorf("round trip: %q -> %q %v", Encode(v), w.Data, warns)
	}
	d, err := ReadData(w, nil)
	if err != nil || d.N != 3 || d.Din != 2 || d.X[5] != 0.5 {
		t.Fatalf("ReadData: %+v %v", d, err)
	}
	if got := sim.FormatInline(d); InlinePrefix+got != "inline:0.5,1;2,-3;4,0.5" {
		t.Errorf("FormatInline = %q", got)
	}
	if _, _, err := Build(&w, d); err != nil {
		t.Errorf("Build: %v", err)
	}
}

func TestReadDataErrors(t *testing.T) {
	v, _ := Parse("problem=shift&data=inline:1,2;3")
	_, err := ReadData(v, nil)
	var ce *sim.CSVError
	if !errors.As(err, &ce) || ce.Line != 3 || !strings.HasPrefix(err.Error(), "inline data line 3:") {
		t.Errorf("inline: %v", err)
	}
	v, _ = Parse("problem=shift&data=data/x.csv")
	_, err = ReadData(v, func(string) ([]byte, error) { return []byte("xi1,xi2\n1,2\n3,abc\n"), nil })
	if err == nil || err.Error() != `data/x.csv line 3: column xi2: "abc" is not a number` {
		t.Errorf("file: %v", err)
	}
	_, err = ReadData(v, func(name string) ([]byte, error) { return os.ReadFile("no/such/" + name) })
	if err == nil {
		t.Error("missing file: no error")
	}
	if d, err := ReadData(Defaults(""), nil); d != nil || err != nil {
		t.Errorf("generated: %v %v", d, err)
	}
}
