// Package catalog is the catalogue of the app's scenes, after the Scene of
// Ebiten's blocks example: one value per scene with its key in URLs, its
// title, the problems it shows, the parameters whose defaults differ in it
// and its named presets (the talk's points, one per slide if you like). It
// is plain Go: the parameter schema derives its per-scene choices and
// defaults from it, the browser registers one view per key (package scene),
// and the command line, the README and the tests list the scenes from it.
//
// Adding a scene is one entry in scenes.go, one view file in package scene
// (registered against the key) and its tests; see CONTRIBUTING.md.
package catalog

import (
	"strings"

	"smflow/sim"
)

// A Scene is one view of the app.
type Scene struct {
	// Key names the scene in URLs (scene=Key).
	Key string
	// Title is the heading drawn above the figure.
	Title string
	// Doc says in a few words what the scene shows (for the parameter
	// documentation).
	Doc string
	// About says what the scene shows, in a sentence (for the README).
	About string
	// Kinds says which problems of sim.Problems the scene shows: the point
	// problems, the networks, or both.
	Kinds Kind
	// Defaults is a query string of the parameters whose defaults differ in
	// this scene from the schema's, e.g. "T=4&n=121".
	Defaults string
	// Presets are the scene's named settings; the first is its default look
	// (its caption is drawn when no preset is chosen).
	Presets []Preset
	// Sweep marks a scene whose view runs a computation of its own (a
	// sweep) as fast as the frame budget allows instead of stepping the
	// simulation at the speed asked: the speed does not apply to it.
	Sweep bool
}

// A Preset is a named setting of a scene: Key names it in URLs
// (preset=key), Name says what it shows (the point of the talk it
// illustrates), Caption is the one line drawn under the figure, Query the
// URL query string that sets it up (on top of the scene's defaults).
type Preset struct {
	Key, Name, Caption, Query string
}

// Scenes returns the catalogue in order; the first scene is the default.
// The caller must not modify the values.
func Scenes() []Scene { return scenes }

// Keys returns the keys of the scenes in order.
func Keys() []string {
	keys := make([]string, len(scenes))
	for i, s := range scenes {
		keys[i] = s.Key
	}
	return keys
}

// Lookup returns the scene with the given key.
func Lookup(key string) (Scene, bool) {
	for _, s := range scenes {
		if s.Key == key {
			return s, true
		}
	}
	return Scene{}, false
}

// Accepts reports whether the scene shows problem p.
func (s Scene) Accepts(p *sim.Problem) bool { return s.Kinds&kindOf(p) != 0 }

// A Kind is a set of kinds of problems.
type Kind uint8

// The kinds of problems: point problems (independent points; methods sgd,
// gf, sme1, sme2, smf) and networks in the mean-field scaling (methods sgd,
// mfode, ddsmf).
const (
	PointProblems Kind = 1 << iota
	NetworkProblems
)

// kindOf returns the kind of problem p.
func kindOf(p *sim.Problem) Kind {
	if p.Network {
		return NetworkProblems
	}
	return PointProblems
}

// Problems returns the names of the problems the scene shows, in the order
// of sim.Problems.
func (s Scene) Problems() []string {
	var out []string
	for _, p := range sim.Problems() {
		if s.Accepts(p) {
			out = append(out, p.Name)
		}
	}
	return out
}

// Methods returns the keys of the methods that run on the scene's problems,
// in order.
func (s Scene) Methods() []string {
	var out []string
	for _, m := range sim.AllMethods() {
		if s.Kinds&NetworkProblems != 0 && m.ForNetwork() || s.Kinds&PointProblems != 0 && m.ForPoints() {
			out = append(out, m.String())
		}
	}
	return out
}

// Caption returns the caption of the scene's first preset: the line drawn
// under the figure when no preset was chosen.
func (s Scene) Caption() string {
	if len(s.Presets) == 0 {
		return ""
	}
	return s.Presets[0].Caption
}

// Preset returns the scene's preset with the given key. The keys that
// earlier versions derived from the names (LegacyKey) are found too, so that
// links shared before keep working.
func (s Scene) Preset(key string) (Preset, bool) {
	for _, p := range s.Presets {
		if p.Key == key {
			return p, true
		}
	}
	for _, p := range s.Presets {
		if LegacyKey(p.Name) == key {
			return p, true
		}
	}
	return Preset{}, false
}

// LegacyKey returns the key that earlier versions gave a preset of this
// name: the name in lower case with every run of other characters than a-z
// and 0-9 replaced by one '-', at most 40 characters.
func LegacyKey(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	s := b.String()
	if len(s) > 40 {
		s = strings.TrimRight(s[:40], "-")
	}
	return s
}

// ScenesMarkdown returns the table of the scenes (key, what it shows) for
// the README.
func ScenesMarkdown() string {
	var b strings.Builder
	b.WriteString("| scene | what it shows |\n|---|---|\n")
	for _, sc := range scenes {
		b.WriteString("| `" + sc.Key + "` | " + strings.ReplaceAll(sc.About, "|", `\|`) + " |\n")
	}
	return b.String()
}

// ProblemsMarkdown returns the table of the problems of sim.Problems (key,
// risk, CSV columns of its data, scenes that show it) for the README.
func ProblemsMarkdown() string {
	var b strings.Builder
	b.WriteString("| `problem=` | risk R | data columns (CSV) | scenes |\n|---|---|---|---|\n")
	for _, p := range sim.Problems() {
		var in []string
		for _, sc := range scenes {
			if sc.Accepts(p) {
				in = append(in, sc.Key)
			}
		}
		b.WriteString("| `" + p.Name + "` | " + strings.ReplaceAll(p.Doc, "|", `\|`) + " | `" + p.Columns + "` | " + strings.Join(in, ", ") + " |\n")
	}
	return b.String()
}

// Markdown returns the table of every scene's presets (scene, key, what it
// shows) for the README.
func Markdown() string {
	var b strings.Builder
	b.WriteString("| scene | `preset=` | what it shows |\n|---|---|---|\n")
	for _, sc := range scenes {
		for _, p := range sc.Presets {
			b.WriteString("| `" + sc.Key + "` | `" + p.Key + "` | " + strings.ReplaceAll(p.Name, "|", `\|`) + " |\n")
		}
	}
	return b.String()
}
