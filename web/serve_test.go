package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestAccepts(t *testing.T) {
	for _, c := range []struct {
		header, enc string
		want        bool
	}{
		{"gzip, deflate, br", "br", true},
		{"gzip, deflate, br", "gzip", true},
		{"gzip;q=0, br", "gzip", false},
		{"gzip; q=0.0", "gzip", false},
		{"gzip;q=0.5", "gzip", true},
		{"", "br", false},
		{"identity", "gzip", false},
		{"BR", "br", true},
	} {
		if got := accepts(c.header, c.enc); got != c.want {
			t.Errorf("accepts(%q, %q) = %v, want %v", c.header, c.enc, got, c.want)
		}
	}
}

func TestHandlerPrecompressed(t *testing.T) {
	dir := t.TempDir()
	body := bytes.Repeat([]byte("smflow wasm bytes "), 1000)
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), body, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<p>hi</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Compress(dir, 5); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.StripPrefix("/sub", Handler(dir)))
	defer srv.Close()
	tr := &http.Transport{DisableCompression: true}
	get := func(path, accept string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		if accept != "" {
			req.Header.Set("Accept-Encoding", accept)
		}
		resp, err := tr.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	for _, c := range []struct{ accept, enc string }{
		{"gzip, deflate, br", "br"},
		{"gzip", "gzip"},
		{"", ""},
	} {
		resp, b := get("/sub/app.wasm", c.accept)
		if resp.StatusCode != 200 {
			t.Fatalf("accept %q: status %d", c.accept, resp.StatusCode)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "application/wasm" {
			t.Errorf("accept %q: Content-Type %q", c.accept, ct)
		}
		if ce := resp.Header.Get("Content-Encoding"); ce != c.enc {
			t.Errorf("accept %q: Content-Encoding %q, want %q", c.accept, ce, c.enc)
		}
		var r io.Reader = bytes.NewReader(b)
		switch c.enc {
		case "br":
			r = brotli.NewReader(r)
		case "gzip":
			zr, err := gzip.NewReader(r)
			if err != nil {
				t.Fatal(err)
			}
			r = zr
		}
		got, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(got, body) {
			t.Errorf("accept %q: body differs (err %v)", c.accept, err)
		}
	}
	if resp, b := get("/sub/", "br"); resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" || len(b) == 0 {
		t.Errorf("index: status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if resp, _ := get("/sub/missing.js", ""); resp.StatusCode != 404 {
		t.Errorf("missing file: status %d", resp.StatusCode)
	}
	if resp, _ := get("/sub/../../etc/passwd", ""); resp.StatusCode != 404 {
		t.Errorf("path escape: status %d", resp.StatusCode)
	}
}
