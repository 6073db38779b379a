package main

import (
	"os"
	"strings"
	"testing"

	"smflow/sim/param"
)

// The README's parameter table is the schema's; regenerate it with
// `make readme`.
func TestReadmeParams(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	begin, end := readmeBegin, readmeEnd
	s := string(b)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatal("README.md lacks the params markers")
	}
	if got := s[i+len(begin) : j]; got != param.Markdown() {
		t.Error("README.md's parameter table is out of date: run `make readme`")
	}
}
