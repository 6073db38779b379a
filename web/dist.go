package web

import (
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// Assets lists the page's files relative to the module root, as they appear
// in a dist folder (index.html at the top, the rest under web/).
var Assets = []string{"index.html", "web/app.js", "web/style.css", "web/worker.js"}

// Assemble copies the page's files (Assets, from the module root root) and
// wasm_exec.js (from goroot/lib/wasm, the Go root of the build) into dst.
// The wasm file itself is built by the caller into dst/smflow.wasm.
func Assemble(root, goroot, dst string) error {
	for _, a := range Assets {
		if err := copyFile(filepath.Join(dst, filepath.FromSlash(a)), filepath.Join(root, filepath.FromSlash(a))); err != nil {
			return err
		}
	}
	return copyFile(filepath.Join(dst, "wasm_exec.js"), filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"))
}

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// compressible lists the extensions Compress compresses.
var compressible = map[string]bool{
	".wasm": true, ".js": true, ".css": true, ".html": true,
	".json": true, ".svg": true, ".csv": true, ".txt": true,
}

// Compress writes x.br (brotli at the given quality, 0 to 11) and x.gz
// (gzip, best compression) beside every compressible file x below dir,
// on all cores. Files that are already .br or .gz are skipped.
func Compress(dir string, quality int) error {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && compressible[strings.ToLower(filepath.Ext(p))] {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	type job struct {
		file string
		br   bool
	}
	jobs := make(chan job)
	errs := make(chan error, 2*len(files))
	var wg sync.WaitGroup
	for range max(runtime.NumCPU(), 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.br {
					errs <- compressFile(j.file, ".br", func(w io.Writer) (io.WriteCloser, error) {
						return brotli.NewWriterOptions(w, brotli.WriterOptions{Quality: quality}), nil
					})
				} else {
					errs <- compressFile(j.file, ".gz", func(w io.Writer) (io.WriteCloser, error) {
						return gzip.NewWriterLevel(w, gzip.BestCompression)
					})
				}
			}
		}()
	}
	// Largest files (the wasm) first, so the cores stay busy.
	for _, br := range []bool{true, false} {
		for _, f := range files {
			jobs <- job{f, br}
		}
	}
	close(jobs)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// compressFile writes file+suffix, compressed by the writer newW makes.
func compressFile(file, suffix string, newW func(io.Writer) (io.WriteCloser, error)) error {
	in, err := os.Open(file)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(file + suffix)
	if err != nil {
		return err
	}
	zw, err := newW(out)
	if err != nil {
		out.Close()
		return err
	}
	if _, err := io.Copy(zw, in); err != nil {
		out.Close()
		return fmt.Errorf("compressing %s: %w", file, err)
	}
	if err := zw.Close(); err != nil {
		out.Close()
		return fmt.Errorf("compressing %s: %w", file, err)
	}
	return out.Close()
}
