package param_test

import (
	"strings"
	"testing"

	"smflow/catalog"
	"smflow/sim/param"
)

func TestResolvePreset(t *testing.T) {
	for _, c := range []struct {
		query     string
		alpha     float64
		methods   string
		preset    string
		canonical string
		warn      string // substring of a warning, or ""
	}{
		{"scene=ensemble&preset=kink", 0.1, "sgd,sme1,sme2,smf", "kink", "scene=ensemble&preset=kink", ""},
		{"preset=weak-order", 0.25, "sgd,gf,sme1,sme2,smf", "weak-order", "scene=ensemble&preset=weak-order", ""},
		{"preset=weak-order&alpha=0.3", 0.3, "sgd,gf,sme1,sme2,smf", "weak-order", "scene=ensemble&preset=weak-order&alpha=0.3", ""},
		// The user sets a value back to the scene default: it must be written.
		{"preset=weak-order&alpha=0.1", 0.1, "sgd,gf,sme1,sme2,smf", "weak-order", "scene=ensemble&preset=weak-order&alpha=0.1", ""},
		{"scene=flow&preset=nope&alpha=0.3", 0.3, "sgd,smf,sme2", "", "scene=flow&alpha=0.3", "unknown preset nope"},
		{"scene=flow&alpha=0.3", 0.3, "sgd,smf,sme2", "", "scene=flow&alpha=0.3", ""},
		{"preset=weak-order&bogus=1", 0.25, "sgd,gf,sme1,sme2,smf", "weak-order", "scene=ensemble&preset=weak-order", "unknown parameter bogus"},
	} {
		v, ws := param.Resolve(c.query)
		if v.Alpha != c.alpha || strings.Join(v.Methods, ",") != c.methods || v.Preset != c.preset {
			t.Errorf("%s: alpha %v methods %v preset %q", c.query, v.Alpha, v.Methods, v.Preset)
		}
		var msgs []string
		for _, w := range ws {
			msgs = append(msgs, w.Message)
		}
		all := strings.Join(msgs, "\n")
		if c.warn == "" && len(ws) > 0 || c.warn != "" && !strings.Contains(all, c.warn) {
			t.Errorf("%s: warnings %q, want %q", c.query, all, c.warn)
		}
		got := param.Canonical(v)
		if got != c.canonical {
			t.Errorf("%s: Canonical = %q, want %q", c.query, got, c.canonical)
		}
		// Round trip.
		v2, ws2 := param.Resolve(got)
		if !v2.Equal(v) || len(ws2) > 0 {
			t.Errorf("%s: round trip of %q differs (warnings %v)", c.query, got, ws2)
		}
	}
}

func TestTextsAndWith(t *testing.T) {
	v, _ := param.Parse("scene=flow&alpha=0.25&methods=sgd,smf")
	m := param.Texts(v)
	if m["scene"] != "flow" || m["alpha"] != "0.25" || m["methods"] != "sgd,smf" || m["n"] != "121" {
		t.Errorf("Texts = %v", m)
	}
	q := param.With(param.Encode(v), "alpha", "1e+0")
	v2, ws := param.Parse(q)
	if v2.Alpha != 1 || len(ws) > 0 {
		t.Errorf("With: %q gives alpha %v, warnings %v", q, v2.Alpha, ws)
	}
	// Markup in a value is escaped, never passed through.
	q = param.With("", "preset", "<img src=x onerror=alert(1)>")
	if strings.ContainsAny(q, "<> ") {
		t.Errorf("With did not escape: %q", q)
	}
}

func TestLegacyKey(t *testing.T) {
	for _, c := range []struct{ name, key string }{
		{"weak error O(alpha) vs O(alpha^2)", "weak-error-o-alpha-vs-o-alpha-2"},
		{"Sigma^{1/2} is not smooth: Sigma(z) = z^2 gives |z|", "sigma-1-2-is-not-smooth-sigma-z-z-2-give"},
		{"  a shallow network as particles ", "a-shallow-network-as-particles"},
		{"Tearing!", "tearing"},
	} {
		if got := catalog.LegacyKey(c.name); got != c.key {
			t.Errorf("catalog.LegacyKey(%q) = %q, want %q", c.name, got, c.key)
		}
	}
}

// A link with the key an earlier version derived from the preset's name
// still opens the preset, and its canonical query has the short key.
func TestLegacyKeyLinks(t *testing.T) {
	for _, s := range catalog.Scenes() {
		sc := s.Key
		for _, p := range s.Presets {
			q := "scene=" + sc + "&preset=" + catalog.LegacyKey(p.Name) + "&seed=3"
			v, ws := param.Resolve(q)
			if len(ws) > 0 || v.Preset != p.Key {
				t.Errorf("%s: preset %q, warnings %v", q, v.Preset, ws)
			}
			if got, want := param.Canonical(v), "scene="+sc+"&preset="+p.Key+"&seed=3"; got != want {
				t.Errorf("Canonical(%s) = %q, want %q", q, got, want)
			}
		}
	}
}

// TestScenePresets: every preset of every scene resolves without warnings
// and its canonical URL is short and reads back to the same values.
func TestScenePresets(t *testing.T) {
	for _, s := range catalog.Scenes() {
		sc := s.Key
		keys := map[string]bool{}
		for _, p := range s.Presets {
			key := p.Key
			if keys[key] {
				t.Errorf("scene %s: two presets with key %q", sc, key)
			}
			keys[key] = true
			q := "scene=" + sc + "&preset=" + key
			v, ws := param.Resolve(q)
			if len(ws) > 0 {
				t.Errorf("%s: %v", q, ws)
			}
			if got := param.Canonical(v); got != q {
				t.Errorf("Canonical(%s) = %q", q, got)
			}
			want, _ := param.Parse("scene=" + sc + "&" + p.Query)
			want.Preset = key
			if !v.Equal(want) {
				t.Errorf("%s: values %v, want %v", q, param.Encode(v), param.Encode(want))
			}
		}
	}
}

// An unknown preset's warning names the key and the value given.
func TestUnknownPresetWarning(t *testing.T) {
	v, ws := param.Resolve("scene=flow&preset=nope")
	if v.Preset != "" || len(ws) != 1 || ws[0].Key != "preset" || ws[0].Value != "nope" {
		t.Errorf("preset %q, warnings %+v", v.Preset, ws)
	}
}
