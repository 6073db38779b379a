package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
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

func TestHandlerSecurityHeaders(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<p>hi</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()
	for _, p := range []string{"/", "/missing.js"} {
		resp, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		h := resp.Header
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'none'", "frame-ancestors *", "default-src 'self'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", p, csp, want)
			}
		}
		if strings.Contains(csp, "http") || strings.Contains(csp, "'unsafe-eval'") {
			t.Errorf("%s: CSP %q allows other origins or eval", p, csp)
		}
		if h.Get("Referrer-Policy") == "" || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: Referrer-Policy %q, X-Content-Type-Options %q", p, h.Get("Referrer-Policy"), h.Get("X-Content-Type-Options"))
		}
	}
}

// TestIndexMetaCSP checks that index.html carries the header's policy in a
// meta tag (without frame-ancestors, which a meta tag cannot hold).
func TestIndexMetaCSP(t *testing.T) {
	b, err := os.ReadFile("../index.html")
	if err != nil {
		t.Fatal(err)
	}
	want := `<meta http-equiv="Content-Security-Policy" content="` + MetaCSP + `">`
	if !strings.Contains(string(b), want) {
		t.Errorf("index.html lacks\n%s", want)
	}
	if strings.Contains(MetaCSP, "frame-ancestors") || CSP != MetaCSP+"; frame-ancestors *" {
		t.Errorf("MetaCSP %q / CSP %q", MetaCSP, CSP)
	}
}

func TestHandlerSymlinks(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "dist")
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sub", "in.html"), []byte("inside"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "secret.html"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{
		"x.html":     "/etc/passwd",
		"y.html":     filepath.Join(root, "secret.html"),
		"z.html":     "../secret.html",
		"ok.html":    "sub/in.html",
		"out":        root,
		"ok.html.gz": "../secret.html",
		"in2.html":   filepath.Join(dir, "sub", "in.html"),
	} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skip("no symlinks:", err)
		}
	}
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()
	tr := &http.Transport{DisableCompression: true}
	for _, c := range []struct {
		path, body string
		code       int
	}{
		{"/x.html", "", 404},
		{"/y.html", "", 404},
		{"/z.html", "", 404},
		{"/out/secret.html", "", 404},
		{"/ok.html", "inside", 200},
		{"/in2.html", "inside", 200},
		{"/sub/in.html", "inside", 200},
	} {
		req, _ := http.NewRequest("GET", srv.URL+c.path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := tr.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.code || (c.code == 200 && string(b) != c.body) {
			t.Errorf("%s: status %d body %q, want %d %q", c.path, resp.StatusCode, b, c.code, c.body)
		}
		if resp.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s: served an encoded variant that points out of the folder", c.path)
		}
	}
}
