package main

import (
	"os"
	"strings"
	"testing"
)

// The key data names a CSV file relative to the working directory; -data
// FILE gives the same hash and overrides the key.
func TestDataKey(t *testing.T) {
	t.Chdir(t.TempDir())
	os.Mkdir("data", 0o755)
	os.WriteFile("data/x.csv", []byte("xi1,xi2\n1,2\n0,1\n-1,0.5\n2,-1\n"), 0o644)
	os.WriteFile("data/other.csv", []byte("xi1,xi2\n5,5\n"), 0o644)
	const q = "scene=ensemble&problem=shift&T=0.5"
	byKey, stderr, err := runSmf("hash", q+"&data=data/x.csv")
	if err != nil {
		t.Fatal(err, stderr)
	}
	byFlag, _, err := runSmf("hash", "-data", "data/x.csv", q)
	if err != nil {
		t.Fatal(err)
	}
	gen, _, _ := runSmf("hash", q)
	if byKey != byFlag || byKey == gen {
		t.Errorf("data=data/x.csv:\n%s-data:\n%sgenerated:\n%s", byKey, byFlag, gen)
	}
	if over, _, _ := runSmf("hash", "-data", "data/x.csv", q+"&data=data/other.csv"); over != byFlag {
		t.Errorf("-data does not override the key:\n%s", over)
	}
	// Inline data equal to the file give the same hash.
	inline, stderr, err := runSmf("hash", q+"&data=inline:1,2;0,1;-1,0.5;2,-1")
	if err != nil || inline != byKey {
		t.Errorf("inline:\n%s%v %s", inline, err, stderr)
	}
	os.WriteFile("data/bad.csv", []byte("xi1,xi2\n1,2\n3,abc\n"), 0o644)
	if _, _, err := runSmf("run", q+"&data=data/bad.csv"); err == nil || err.Error() != `data/bad.csv line 3: column xi2: "abc" is not a number` {
		t.Errorf("bad file: %v", err)
	}
	if _, _, err := runSmf("hash", q+"&data=data/missing.csv"); err == nil || !strings.Contains(err.Error(), "missing.csv") {
		t.Errorf("missing file: %v", err)
	}
	if _, stderr, err := runSmf("hash", q+"&data=../x.csv"); err == nil || !strings.Contains(stderr, "no ..") {
		t.Errorf("a path above: %v %s", err, stderr)
	}
}
