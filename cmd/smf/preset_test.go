package main

import (
	"strings"
	"testing"
)

// A preset of the page applies on the command line too: the preset's query
// with the URL's other keys on top.
func TestPreset(t *testing.T) {
	a, _, err := runSmf("hash", "scene=flow&preset=linreg&T=0.2")
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := runSmf("hash", "scene=flow&T=0.2")
	if a == b {
		t.Error("the preset changed nothing")
	}
	if _, _, err := runSmf("hash", "scene=flow&preset=nope"); err == nil || !strings.Contains(err.Error(), "problem") {
		t.Errorf("unknown preset: %v", err)
	}
}
