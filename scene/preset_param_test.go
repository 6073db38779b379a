package scene

import (
	"testing"

	"smflow/sim/param"
)

// TestPresetsParse checks that every preset query parses with the parameter
// schema without a warning (nothing unknown, clamped or dropped) and that
// the values it sets come through.
func TestPresetsParse(t *testing.T) {
	for _, sc := range Scenes() {
		for _, p := range Presets(sc) {
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
