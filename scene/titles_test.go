package scene

import (
	"testing"

	"smflow/preset"
)

// Every scene has a title and a default caption (its first preset's).
func TestTitles(t *testing.T) {
	for _, sc := range preset.Scenes() {
		if Title(sc) == "" || DefaultCaption(sc) == "" {
			t.Errorf("scene %s: title %q, default caption %q", sc, Title(sc), DefaultCaption(sc))
		}
	}
	if Title("nope") != "" || DefaultCaption("nope") != "" {
		t.Error("an unknown scene has a title or caption")
	}
}
