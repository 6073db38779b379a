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
	st, err := os.Stat(full)
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
	hdr := w.Header()
	hdr.Set("Cache-Control", "no-cache")
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Add("Vary", "Accept-Encoding")
	serve := full
	modTime := st.ModTime()
	accept := r.Header.Get("Accept-Encoding")
	for _, e := range encodings {
		if !accepts(accept, e.name) {
			continue
		}
		cst, err := os.Stat(full + e.suffix)
		if err != nil || cst.IsDir() {
			continue
		}
		serve = full + e.suffix
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
