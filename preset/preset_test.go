package preset

import (
	"net/url"
	"strings"
	"testing"

	"smflow/sim/param"
)

func TestPresets(t *testing.T) {
	names := map[string]bool{}
	for _, sc := range Scenes() {
		ps := For(sc)
		if len(ps) < 2 || len(ps) > 4 {
			t.Errorf("scene %s has %d presets, want 2 to 4", sc, len(ps))
		}
		for _, p := range ps {
			if p.Name == "" || p.Caption == "" || names[p.Name] {
				t.Errorf("scene %s: preset %+v lacks a name or caption, or repeats a name", sc, p)
			}
			names[p.Name] = true
			if !validKey(p.Key) || len(p.Key) > 12 {
				t.Errorf("scene %s: preset %q has key %q, want a short one of a-z, 0-9, -", sc, p.Name, p.Key)
			}
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
	if For("nope") != nil {
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

// validKey reports whether k is a non-empty run of a-z, 0-9 and '-'.
func validKey(k string) bool {
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return k != ""
}

// TestPresetsParse checks that every preset query parses with the parameter
// schema without a warning (nothing unknown, clamped or dropped) and that
// the values it sets come through.
func TestPresetsParse(t *testing.T) {
	for _, sc := range Scenes() {
		for _, p := range For(sc) {
			v, ws := param.Parse(p.Query)
			for _, w := range ws {
				t.Errorf("preset %q: %v", p.Name, w)
			}
			if v.Scene != sc {
				t.Errorf("preset %q: scene %q, want %q", p.Name, v.Scene, sc)
			}
			if len(v.Methods) < 2 {
				t.Errorf("preset %q: methods %v", p.Name, v.Methods)
			}
		}
	}
}
