package main

import (
	"os"
	"strings"
	"testing"
)

// The README's parameter and preset tables are the schema's and the preset
// table's; regenerate them with `make readme`.
func TestReadmeTables(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, sec := range readmeSections {
		i, j := strings.Index(s, sec.begin), strings.Index(s, sec.end)
		if i < 0 || j < i {
			t.Fatalf("README.md lacks the markers %q ... %q", sec.begin, sec.end)
		}
		if got := s[i+len(sec.begin) : j]; got != sec.table() {
			t.Errorf("README.md's table after %q is out of date: run `make readme`", strings.TrimSpace(sec.begin))
		}
	}
}
