package app

import (
	"strings"

	"smflow/scene"
)

// A Series is one plotted curve of a view, for the CSV export.
type Series = scene.Series

// A Preset is a named setting of a scene (scene.Presets).
type Preset = scene.Preset

// PresetKey returns the key of a preset in URLs (preset=key): its name in
// lower case with every run of other characters than a-z and 0-9 replaced
// by one '-', at most 40 characters (the limit of the preset parameter).
func PresetKey(p Preset) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(p.Name) {
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
