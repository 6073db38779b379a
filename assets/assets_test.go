package assets

import "testing"

func TestGoRegularIsTrueType(t *testing.T) {
	b := GoRegular()
	if len(b) < 10000 || len(b) > 400000 {
		t.Fatalf("font is %d bytes", len(b))
	}
	if string(b[:4]) != "\x00\x01\x00\x00" {
		t.Errorf("font does not start with the TrueType tag: % x", b[:4])
	}
}
