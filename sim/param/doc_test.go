package param

import (
	"encoding/json"
	"flag"
	"io"
	"strings"
	"testing"
)

func TestJSON(t *testing.T) {
	var got struct {
		Params []struct {
			Name          string              `json:"name"`
			Type          string              `json:"type"`
			Group         string              `json:"group"`
			Doc           string              `json:"doc"`
			Min           *float64            `json:"min"`
			Max           *float64            `json:"max"`
			Enum          []string            `json:"enum"`
			SceneEnum     map[string][]string `json:"sceneEnum"`
			Default       string              `json:"default"`
			SceneDefaults map[string]string   `json:"sceneDefaults"`
		} `json:"params"`
	}
	if err := json.Unmarshal(JSON(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Params) != len(Schema) {
		t.Fatalf("%d params, want %d", len(got.Params), len(Schema))
	}
	for i, p := range got.Params {
		s := &Schema[i]
		if p.Name != s.Name || p.Type != s.Type || p.Group != s.Group || p.Doc != s.Doc || p.Default != s.Default {
			t.Errorf("param %d: %+v", i, p)
		}
		hasRange := s.Type == TypeFloat || s.Type == TypeInt || s.Type == TypePoints
		if hasRange != (p.Min != nil && p.Max != nil) || hasRange && (*p.Min != s.Min || *p.Max != s.Max) {
			t.Errorf("%s: range %v %v", p.Name, p.Min, p.Max)
		}
	}
	alpha := got.Params[index["alpha"]]
	if *alpha.Min != 1e-4 || *alpha.Max != 2 || alpha.Default != "0.1" {
		t.Errorf("alpha: %+v", alpha)
	}
	if m := got.Params[index["methods"]]; m.SceneEnum["fluct"][1] != "mfode" || m.SceneDefaults["order"] != "gf,sme1,sme2,smf" {
		t.Errorf("methods: %+v", m)
	}
	if h := got.Params[index["hide"]]; len(h.Enum) != len(Schema) {
		t.Errorf("hide choices: %v", h.Enum)
	}
}

func TestMarkdown(t *testing.T) {
	md := Markdown()
	lines := strings.Split(md, "\n")
	for i := range Schema {
		p := &Schema[i]
		row := lines[2+i]
		if !strings.HasPrefix(row, "| `"+p.Name+"` |") || strings.Count(row, " | ") != 4 {
			t.Errorf("row %d: %q", i, row)
		}
	}
	for _, want := range []string{
		"| `alpha` | float | 0.0001 .. 2 | `0.1` (meanfield: `0.05`, fluct: `0.05`, order: `0.5`) | learning rate alpha",
		"`256` (flow: `1`, meanfield: `1`, fluct: `128`, order: `4096`)",
		"(ensemble, flow: `quad`, `shift`, `linreg`, `logreg`, `tanh2`; meanfield, fluct: `network`; order: `quad`, `shift`, `linreg`, `logreg`, `tanh2`, `network`)",
		"0 (device) or 0.5 .. 4",
		`(xi \|z\|^2/2)`,
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
}

func TestAddFlags(t *testing.T) {
	fs := flag.NewFlagSet("smflow", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	get := AddFlags(fs)
	if err := fs.Parse([]string{"-alpha", "0.2", "-scene", "flow", "-n", "9", "-points", "1,2;3,4", "-embed"}); err != nil {
		t.Fatal(err)
	}
	v, ws := get("?alpha=0.5&T=3&n=4&seed=7")
	if len(ws) != 0 {
		t.Errorf("warnings: %v", ws)
	}
	if got, want := Encode(v), "scene=flow&alpha=0.2&T=3&seed=7&n=9&points=1,2;3,4&embed=1"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	f := fs.Lookup("alpha")
	if f == nil || !strings.Contains(f.Usage, "learning rate") || !strings.Contains(f.Usage, "0.0001 .. 2") {
		t.Errorf("alpha flag: %+v", f)
	}
	if fs.Lookup("N") == nil || fs.Lookup("T") == nil {
		t.Error("flags N and T missing")
	}

	fs = flag.NewFlagSet("smflow", flag.ContinueOnError)
	get = AddFlags(fs)
	if err := fs.Parse([]string{"-alpha", "-3", "-autoplay=0"}); err != nil {
		t.Fatal(err)
	}
	if v, ws := get(""); v.Alpha != 1e-4 || len(ws) != 1 || ws[0].Message != "alpha=-3 is below 0.0001; using 0.0001" {
		t.Errorf("got %v, %v", v.Alpha, ws)
	}
}
