package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func TestServerTimeouts(t *testing.T) {
	srv, p := newServer("127.0.0.1:0", t.TempDir(), "/sub/")
	if p != "/sub/" {
		t.Errorf("prefix %q", p)
	}
	if srv.ReadHeaderTimeout <= 0 || srv.IdleTimeout <= 0 || srv.ReadTimeout <= 0 {
		t.Errorf("timeouts not set: read-header %v, idle %v, read %v", srv.ReadHeaderTimeout, srv.IdleTimeout, srv.ReadTimeout)
	}
	if srv.WriteTimeout != 0 {
		t.Errorf("write timeout %v would cut large files on slow networks", srv.WriteTimeout)
	}
}

func TestServerHeadersAndSymlink(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<p>hi</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "x.html")); err != nil {
		t.Skip("no symlinks:", err)
	}
	srv, _ := newServer("", dir, "/sub/")
	ts := httptest.NewServer(srv.Handler)
	defer ts.Close()
	for _, c := range []struct {
		path string
		code int
	}{{"/sub/", 200}, {"/sub/x.html", 404}, {"/", 302}} {
		cl := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := cl.Get(ts.URL + c.path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.code {
			t.Errorf("%s: status %d, want %d", c.path, resp.StatusCode, c.code)
		}
		if c.code == 200 && resp.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: no Content-Security-Policy", c.path)
		}
	}
}
