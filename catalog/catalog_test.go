package catalog_test

import (
	"net/url"
	"strings"
	"testing"

	"smflow/catalog"
	"smflow/sim/param"
)

func TestPresets(t *testing.T) {
	names := map[string]bool{}
	for _, s := range catalog.Scenes() {
		sc, ps := s.Key, s.Presets
		if len(ps) < 2 || len(ps) > 5 {
			t.Errorf("scene %s has %d presets, want 2 to 5", sc, len(ps))
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
			if q.Has("scene") || q.Has("preset") {
				t.Errorf("preset %q: the query sets the scene or the preset", p.Name)
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
	if _, ok := catalog.Lookup("nope"); ok {
		t.Error("unknown scene found")
	}
}

// knownKeys are the parameter keys of the schema that presets may use.
var knownKeys = map[string]bool{}

func init() {
	for _, k := range strings.Fields("problem alpha T seed n N reps k scheme methods points M dim xim xis noise act neuron din target teacher") {
		knownKeys[k] = true
	}
}

// TestScenes: keys are unique and short, every scene has a title, a
// description, at least one problem and method, and defaults that parse.
func TestScenes(t *testing.T) {
	seen := map[string]bool{}
	for i, s := range catalog.Scenes() {
		if seen[s.Key] || !validKey(s.Key) || s.Title == "" || s.Doc == "" {
			t.Errorf("scene %d: %+v", i, s)
		}
		seen[s.Key] = true
		if len(s.Problems()) == 0 || len(s.Methods()) == 0 {
			t.Errorf("scene %s: problems %v, methods %v", s.Key, s.Problems(), s.Methods())
		}
		if _, ws := param.Parse("scene=" + s.Key + "&" + s.Defaults); len(ws) > 0 {
			t.Errorf("scene %s: defaults %q: %v", s.Key, s.Defaults, ws)
		}
		if got, ok := catalog.Lookup(s.Key); !ok || got.Key != s.Key {
			t.Errorf("Lookup(%s) = %v, %v", s.Key, got, ok)
		}
		if s.Caption() != s.Presets[0].Caption {
			t.Errorf("scene %s: caption %q", s.Key, s.Caption())
		}
	}
	if got := catalog.Keys(); len(got) != len(catalog.Scenes()) {
		t.Errorf("Keys = %v", got)
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
	for _, s := range catalog.Scenes() {
		sc := s.Key
		for _, p := range s.Presets {
			v, ws := param.Parse("scene=" + sc + "&" + p.Query)
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
