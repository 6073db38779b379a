package param

import (
	"encoding/json"
	"testing"
)

// Every parameter has a plain name for the page, and the schema JSON
// carries it and every scene's About line.
func TestLabels(t *testing.T) {
	for _, p := range Schema {
		if p.Label == "" {
			t.Errorf("parameter %s has no Label", p.Name)
		}
	}
	var j struct {
		Params []struct{ Name, Label string }
		Scenes []struct{ Key, Title, About string }
	}
	if err := json.Unmarshal(JSON(), &j); err != nil {
		t.Fatal(err)
	}
	if len(j.Params) != len(Schema) || j.Params[index["alpha"]].Label != "step size" {
		t.Errorf("labels in the JSON: %+v", j.Params)
	}
	if len(j.Scenes) == 0 {
		t.Fatal("no scenes in the JSON")
	}
	for _, s := range j.Scenes {
		if s.Key == "" || s.About == "" {
			t.Errorf("scene %+v without key or About", s)
		}
	}
}

func TestLoops(t *testing.T) {
	for _, c := range []struct {
		q    string
		want bool
	}{
		{"", false}, {"loop=1", true}, {"embed=1", false}, {"embed=1&autoplay=1", true},
		{"embed=1&autoplay=1&loop=0", false}, {"autoplay=1", false}, {"autoplay=1&loop=1", true},
	} {
		v, ws := Parse(c.q)
		if len(ws) > 0 {
			t.Errorf("%q: %v", c.q, ws)
		}
		if got := v.Loops(); got != c.want {
			t.Errorf("%q: Loops %v, want %v", c.q, got, c.want)
		}
	}
	if v, _ := Parse("overlay=0&loop=1"); v.Overlay || Canonical(v) != "loop=1&overlay=0" {
		t.Errorf("overlay=0&loop=1: %v %q", v.Overlay, Canonical(v))
	}
}
