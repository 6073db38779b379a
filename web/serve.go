// Package web holds the page's thin JavaScript and style sheet (app.js,
// style.css) and the Go helpers that turn them into a static site: Handler
// serves a folder with precompressed files, Compress writes those files and
// Assemble copies the page's files into a dist folder.
package web

import (
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// encodings lists the precompressed variants Handler looks for, best first:
// the suffix of the file beside the plain one and its Content-Encoding.
var encodings = []struct{ suffix, name string }{
	{".br", "br"},
	{".gz", "gzip"},
}

// Handler returns a handler that serves the files below dir. When the client
// accepts br or gzip and x.br or x.gz exists beside the requested file x, it
// serves that file with the Content-Encoding set and the Content-Type of x.
// A path ending in '/' serves its index.html. Responses carry
// "Cache-Control: no-cache" (revalidate with the ETag / Last-Modified), so a
// rebuilt wasm file is never served stale.
func Handler(dir string) http.Handler {
	return &handler{dir: dir}
}

type handler struct{ dir string }

// CSP is the Content-Security-Policy that Handler sends with every file:
// scripts and the wasm from this site only ('wasm-unsafe-eval' lets
// WebAssembly compile, nothing lets JavaScript eval), inline style
// attributes (the page sets a few), images from this site, data: (the empty
// icon) and blob: URLs, fetches to this site only (data files), no plugins,
// no <base>, and any page may embed it (frame-ancestors *: embeds keep
// working). MetaCSP is the same policy without frame-ancestors, which a
// <meta> tag cannot carry: index.html holds it for hosts that send no
// header.
const (
	MetaCSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self' 'unsafe-inline'; " +
		"img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
	CSP = MetaCSP + "; frame-ancestors *"
)

// ReferrerPolicy is the Referrer-Policy Handler sends: the page's query
// string (its whole configuration) never leaves the site in a Referer.
const ReferrerPolicy = "strict-origin-when-cross-origin"

// inside resolves the symbolic links of name and reports whether the file
// it names lies below the folder root (itself resolved), and its resolved
// path.
func inside(root, name string) (string, bool) {
	rr, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", false
	}
	rn, err := filepath.EvalSymlinks(name)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(rr, rn)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return rn, true
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	full := filepath.Join(h.dir, filepath.FromSlash(name))
	hdr := w.Header()
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Content-Security-Policy", CSP)
	hdr.Set("Referrer-Policy", ReferrerPolicy)
	// Symbolic links are followed only while they stay inside the folder:
	// dist/x.html -> /etc/passwd is not found.
	full, ok := inside(h.dir, full)
	var st os.FileInfo
	var err error
	if ok {
		st, err = os.Stat(full)
	} else {
		err = os.ErrNotExist
	}
	if err != nil || st.IsDir() {
		if err == nil && st.IsDir() {
			// A folder without a trailing slash: redirect, so that the
			// page's relative paths resolve inside the folder.
			u := *r.URL
			u.Path += "/"
			http.Redirect(w, r, u.String(), http.StatusMovedPermanently)
			return
		}
		http.NotFound(w, r)
		return
	}
	hdr.Set("Cache-Control", "no-cache")
	hdr.Add("Vary", "Accept-Encoding")
	serve := full
	modTime := st.ModTime()
	accept := r.Header.Get("Accept-Encoding")
	for _, e := range encodings {
		if !accepts(accept, e.name) {
			continue
		}
		alt, ok := inside(h.dir, full+e.suffix)
		if !ok {
			continue
		}
		cst, err := os.Stat(alt)
		if err != nil || cst.IsDir() {
			continue
		}
		serve = alt
		modTime = cst.ModTime()
		hdr.Set("Content-Encoding", e.name)
		break
	}
	f, err := os.Open(serve)
	if err != nil {
		http.Error(w, "cannot open file", http.StatusInternalServerError)
		return
	}
	defer f.Close()
	ctype := contentType(name)
	hdr.Set("Content-Type", ctype)
	// ServeContent answers Range and If-Modified-Since requests; the ETag
	// names the encoding so that caches never mix the variants.
	hdr.Set("ETag", `"`+strings.TrimPrefix(path.Ext(serve), ".")+"-"+
		modTime.UTC().Format(time.RFC3339Nano)+`"`)
	http.ServeContent(w, r, name, modTime, f)
}

// contentType returns the MIME type of a file name by its extension.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".wasm":
		return "application/wasm"
	case ".json":
		return "application/json"
	case ".png":
		return "image/png"
	case ".svg":
		return "image/svg+xml"
	case ".csv":
		return "text/csv; charset=utf-8"
	}
	return "application/octet-stream"
}

// accepts reports whether an Accept-Encoding header value accepts the
// encoding enc with a non-zero quality.
func accepts(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), enc) {
			continue
		}
		params = strings.ReplaceAll(params, " ", "")
		if q, ok := strings.CutPrefix(params, "q="); ok && strings.Trim(q, "0.") == "" {
			return false // q=0, q=0.0, q=0.000
		}
		return true
	}
	return false
}
