// Command compress writes x.br (brotli) and x.gz (gzip) beside every
// compressible file x (wasm, js, css, html, json, svg) of a folder, so that a
// static host (or cmd/serve) can send them with Content-Encoding.
//
//	go run ./cmd/compress -q 11 dist
package main

import (
	"flag"
	"fmt"
	"os"

	"smflow/web"
)

func main() {
	q := flag.Int("q", 11, "brotli quality, 0 to 11")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: compress [-q quality] folder")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || *q < 0 || *q > 11 {
		flag.Usage()
		os.Exit(2)
	}
	if err := web.Compress(flag.Arg(0), *q); err != nil {
		fmt.Fprintln(os.Stderr, "compress:", err)
		os.Exit(1)
	}
}
