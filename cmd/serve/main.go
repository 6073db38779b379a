// Command serve serves a static folder (by default the dist folder that
// `make dist` writes) over HTTP, with precompressed x.br / x.gz files sent
// with Content-Encoding to clients that accept them.
//
//	go run ./cmd/serve -addr 127.0.0.1:8080 -dir dist
//
// With -prefix /sub/dir/ the folder is served under that sub-path, to check
// that the page works there.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"
	"time"

	"smflow/web"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	dir := flag.String("dir", "dist", "folder to serve")
	prefix := flag.String("prefix", "/", "URL path under which the folder is served")
	flag.Parse()
	if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
		fmt.Fprintf(os.Stderr, "serve: %s is not a folder (run `make dist` first)\n", *dir)
		os.Exit(2)
	}
	srv, p := newServer(*addr, *dir, *prefix)
	log.Printf("serving %s on http://%s%s", *dir, *addr, p)
	log.Fatal(srv.ListenAndServe())
}

// newServer returns the server of folder dir under the URL path prefix (and
// that path, cleaned), with timeouts: a client gets ReadHeaderTimeout to
// send its request line and headers and an idle keep-alive connection is
// closed after IdleTimeout, so slow or idle clients cannot hold
// connections open. There is no write timeout: a large wasm file on a slow
// network may take minutes.
func newServer(addr, dir, prefix string) (*http.Server, string) {
	p := "/" + strings.Trim(prefix, "/") + "/"
	if p == "//" {
		p = "/"
	}
	mux := http.NewServeMux()
	mux.Handle(p, http.StripPrefix(strings.TrimSuffix(p, "/"), web.Handler(dir)))
	if p != "/" {
		mux.Handle("/{$}", http.RedirectHandler(p, http.StatusFound))
	}
	return &http.Server{
		Addr:              addr,
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}, p
}
