package scene

import (
	"net/url"
	"strings"
	"testing"
)

func TestPresets(t *testing.T) {
	names := map[string]bool{}
	for _, sc := range Scenes() {
		ps := Presets(sc)
		if len(ps) < 2 || len(ps) > 4 {
			t.Errorf("scene %s has %d presets, want 2 to 4", sc, len(ps))
		}
		if Title(sc) == "" {
			t.Errorf("scene %s has no title", sc)
		}
		for _, p := range ps {
			if p.Name == "" || p.Caption == "" || names[p.Name] {
				t.Errorf("scene %s: preset %+v lacks a name or caption, or repeats a name", sc, p)
			}
			names[p.Name] = true
			if strings.ContainsAny(p.Caption, "\n<>") {
				t.Errorf("preset %q: caption is not one plain line", p.Name)
			}
			q, err := url.ParseQuery(p.Query)
			if err != nil {
				t.Errorf("preset %q: %v", p.Name, err)
				continue
			}
			if q.Get("scene") != sc {
				t.Errorf("preset %q: scene=%q, want %q", p.Name, q.Get("scene"), sc)
			}
			for k, v := range q {
				if len(v) != 1 {
					t.Errorf("preset %q: key %s given %d times", p.Name, k, len(v))
				}
				if !knownKeys[k] {
					t.Errorf("preset %q: unknown key %s", p.Name, k)
				}
			}
		}
	}
	if Presets("nope") != nil {
		t.Error("unknown scene has presets")
	}
}

// knownKeys are the parameter keys of the schema that presets may use.
var knownKeys = map[string]bool{}

func init() {
	for _, k := range strings.Fields("scene problem alpha T seed n N reps k scheme methods points M dim xim xis noise act neuron din target teacher") {
		knownKeys[k] = true
	}
}
