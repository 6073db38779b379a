package e2e

import (
	"bufio"
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"smflow/web"
)

// loadTimeoutS is the page's download timeout in these tests (seconds
// without data, set by data-loadtimeout on <html>): long enough for a
// busy machine to send the first bytes of a working file.
const loadTimeoutS = 5

// A faultyServer serves the dist folder with one file misbehaving, the way
// a broken host or network would, and counts the requests of smflow.wasm.
type faultyServer struct {
	url string

	mu       sync.Mutex
	wasmMode string // "ok", "404", "500", "cut", "short", "html", "htmlwasm", "stall", "hang"
	execMode string // wasm_exec.js: "ok", "404", "drop"
	wasmHits int

	done chan struct{} // closed when the test ends: stalled handlers return
	wasm []byte        // the uncompressed program
}

// newFaultyServer starts a faultyServer on its own port for the test.
func newFaultyServer(t *testing.T, wasmMode, execMode string) *faultyServer {
	t.Helper()
	need(t)
	wasm, err := os.ReadFile(filepath.Join(distDir, "smflow.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	fs := &faultyServer{wasmMode: wasmMode, execMode: execMode, done: make(chan struct{}), wasm: wasm}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: fs}
	go srv.Serve(ln)
	t.Cleanup(func() {
		close(fs.done)
		srv.Close()
	})
	fs.url = "http://" + ln.Addr().String()
	return fs
}

// set changes how smflow.wasm is served from now on.
func (fs *faultyServer) set(wasmMode string) {
	fs.mu.Lock()
	fs.wasmMode = wasmMode
	fs.mu.Unlock()
}

// hits returns the number of requests of smflow.wasm so far.
func (fs *faultyServer) hits() int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.wasmHits
}

func (fs *faultyServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fs.mu.Lock()
	wasmMode, execMode := fs.wasmMode, fs.execMode
	if r.URL.Path == "/smflow.wasm" {
		fs.wasmHits++
	}
	fs.mu.Unlock()
	switch r.URL.Path {
	case "/", "/index.html":
		b, err := os.ReadFile(filepath.Join(distDir, "index.html"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		b = bytes.Replace(b, []byte("<html "), fmt.Appendf(nil, `<html data-loadtimeout="%d" `, loadTimeoutS), 1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(b)
		return
	case "/wasm_exec.js":
		switch execMode {
		case "404":
			http.NotFound(w, r)
			return
		case "drop": // the connection closes without an answer
			fs.drop(w, nil)
			return
		}
	case "/smflow.wasm":
		n := len(fs.wasm)
		switch wasmMode {
		case "404":
			http.NotFound(w, r)
			return
		case "500":
			http.Error(w, "the disk is on fire", http.StatusInternalServerError)
			return
		case "html", "htmlwasm": // a host that answers every path with its page
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			if wasmMode == "htmlwasm" { // and calls it a wasm file
				w.Header().Set("Content-Type", "application/wasm")
			}
			fmt.Fprint(w, "<!doctype html><title>Welcome</title><p>Welcome to our site.</p>")
			return
		case "short": // a complete answer of a file cut short on the disk
			w.Header().Set("Content-Type", "application/wasm")
			w.Header().Set("Content-Length", fmt.Sprint(n/2))
			w.Write(fs.wasm[:n/2])
			return
		case "cut": // the connection breaks off halfway through
			fs.drop(w, fs.wasm[:n/2])
			return
		case "stall": // half the file, then nothing until the test ends
			w.Header().Set("Content-Type", "application/wasm")
			w.Header().Set("Content-Length", fmt.Sprint(n))
			w.Write(fs.wasm[:n/2])
			w.(http.Flusher).Flush()
			fs.wait(r)
			return
		case "hang": // no answer at all until the test ends
			fs.wait(r)
			return
		}
	}
	web.Handler(distDir).ServeHTTP(w, r)
}

// wait blocks until the client gives up or the test ends.
func (fs *faultyServer) wait(r *http.Request) {
	select {
	case <-r.Context().Done():
	case <-fs.done:
	}
}

// drop answers with the headers of the whole program and body (nothing
// when nil), then closes the connection.
func (fs *faultyServer) drop(w http.ResponseWriter, body []byte) {
	c, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	defer c.Close()
	if body != nil {
		writeHead(buf, len(fs.wasm))
		buf.Write(body)
		buf.Flush()
	}
}

// writeHead writes the status line and headers of a wasm file of n bytes.
func writeHead(w *bufio.ReadWriter, n int) {
	fmt.Fprintf(w, "HTTP/1.1 200 OK\r\nContent-Type: application/wasm\r\nContent-Length: %d\r\nConnection: close\r\n\r\n", n)
}

// openFaulty opens fs's page in a new tab, after running script (if any)
// before the page's own scripts, and does not wait for a frame.
func openFaulty(t *testing.T, fs *faultyServer, script string) *tab {
	t.Helper()
	tb := open0(t)
	if script != "" {
		if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: script}); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(fs.url+"/?scene=flow")); err != nil {
		t.Fatalf("navigate: %v", err)
	}
	return tb
}

// failedWith waits for the page's load error and returns its text, after
// checking that the control panel is hidden.
func (tb *tab) failedWith() string {
	tb.t.Helper()
	tb.waitFor(`(() => { const p = document.querySelector("#loading"); return !!p && p.classList.contains("error"); })()`, patience)
	msg := eval[string](tb, `document.querySelector("#loading").textContent`)
	if d := eval[string](tb, `getComputedStyle(document.querySelector("#ui")).display`); d != "none" {
		tb.t.Errorf("the control panel is shown (display %s) beside the error %q", d, msg)
	}
	return msg
}

// TestLoadFailures serves the page with one file missing, cut short,
// replaced or unreachable, and checks that the page says which file failed
// and why (not a raw browser error, not "no WebAssembly support" for a
// missing script), hides the control panel, and requests the wasm at most
// once.
func TestLoadFailures(t *testing.T) {
	need(t)
	cases := []struct {
		name, wasm, exec, script string
		want                     []string // substrings of the message
		hits                     int      // requests of smflow.wasm
		retry                    bool     // a Retry button is offered
	}{
		{name: "wasm 404", wasm: "404", exec: "ok",
			want: []string{"smflow.wasm", "not found", "HTTP 404"}, hits: 1, retry: true},
		{name: "wasm 500", wasm: "500", exec: "ok",
			want: []string{"smflow.wasm", "could not be fetched", "HTTP 500 Internal Server Error"}, hits: 1, retry: true},
		{name: "wasm cut off", wasm: "cut", exec: "ok",
			want: []string{"smflow.wasm", "cut short", "after ", "bytes"}, hits: 1, retry: true},
		{name: "wasm file short", wasm: "short", exec: "ok",
			want: []string{"smflow.wasm", "cut short or damaged", "do not compile"}, hits: 1, retry: true},
		{name: "wasm is a page", wasm: "html", exec: "ok",
			want: []string{"smflow.wasm", "not a WebAssembly program", "<!doctype html>"}, hits: 1, retry: true},
		{name: "wasm is a page typed wasm", wasm: "htmlwasm", exec: "ok",
			want: []string{"smflow.wasm", "not a WebAssembly program", "<!doctype html>"}, hits: 1, retry: true},
		{name: "wasm_exec.js 404", wasm: "ok", exec: "404",
			want: []string{"wasm_exec.js", "not found", "HTTP 404"}, hits: 0, retry: true},
		{name: "wasm_exec.js unreachable", wasm: "ok", exec: "drop",
			want: []string{"wasm_exec.js", "cannot be reached"}, hits: 0, retry: true},
		{name: "no WebAssembly", wasm: "ok", exec: "ok", script: "delete window.WebAssembly;",
			want: []string{"no WebAssembly support"}, hits: 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := newFaultyServer(t, c.wasm, c.exec)
			tb := openFaulty(t, fs, c.script)
			msg := tb.failedWith()
			t.Logf("message: %s", msg)
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q does not say %q", msg, w)
				}
			}
			for _, bad := range []string{"magic word", "CompileError:", "no WebAssembly"} {
				if bad == "no WebAssembly" && c.script != "" {
					continue
				}
				if strings.Contains(msg, bad) {
					t.Errorf("message %q names the wrong cause (%q)", msg, bad)
				}
			}
			if got := fs.hits(); got != c.hits {
				t.Errorf("smflow.wasm requested %d times, want %d", got, c.hits)
			}
			if got := eval[bool](tb, `!!document.querySelector("#loading .retry")`); got != c.retry {
				t.Errorf("Retry button shown: %v, want %v", got, c.retry)
			}
		})
	}
}

// TestLoadStallRetry serves half of the wasm and then nothing: the page
// shows the download's progress (the Content-Length is known), gives up
// after data-loadtimeout seconds without data with a message that says so,
// and its Retry button loads the app once the server answers again, with
// one more request of the wasm. A server that never answers at all times
// out the same way.
func TestLoadStallRetry(t *testing.T) {
	need(t)
	for _, mode := range []string{"stall", "hang"} {
		t.Run(mode, func(t *testing.T) {
			fs := newFaultyServer(t, mode, "ok")
			tb := openFaulty(t, fs, "")
			if mode == "stall" {
				// Half the file came (n/2 bytes of n): the line shows
				// floor(100 (n/2) / n) % of the size, 49 % when n is odd.
				n := len(fs.wasm)
				line := fmt.Sprintf("%d %% of %.1f MB", 100*(n/2)/n, float64(n)/1e6)
				tb.waitFor(`document.querySelector("#loading").textContent.includes("`+line+`")`, patience)
			}
			msg := tb.failedWith()
			t.Logf("message: %s", msg)
			want := []string{"smflow.wasm", fmt.Sprintf("no data for %d s", loadTimeoutS)}
			if mode == "stall" {
				want = append(want, fmt.Sprintf("stopped after %d bytes", len(fs.wasm)/2))
			} else {
				want = append(want, "no answer from the server")
			}
			for _, w := range want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q does not say %q", msg, w)
				}
			}
			if got := fs.hits(); got != 1 {
				t.Errorf("smflow.wasm requested %d times before Retry, want 1", got)
			}
			fs.set("ok")
			eval[bool](tb, `(document.querySelector("#loading .retry").click(), true)`)
			tb.waitFor(`window.smflowExited || typeof window.smflowFirstFrameAt === "number" && !!window.smflow && !!window.smflowTimes.controls`, patience)
			if eval[bool](tb, `!!window.smflowExited`) {
				t.Fatalf("the program exited after Retry\nconsole:\n%s", tb.console())
			}
			if got := fs.hits(); got != 2 {
				t.Errorf("smflow.wasm requested %d times after one Retry, want 2", got)
			}
			if d := eval[string](tb, `getComputedStyle(document.querySelector("#ui")).display`); d == "none" {
				t.Error("the control panel is still hidden after a successful Retry")
			}
			if eval[bool](tb, `!!document.querySelector("#loading")`) {
				t.Errorf("the loading line is still shown after the first frame: %q", eval[string](tb, `document.querySelector("#loading").textContent`))
			}
			tb.drawn()
		})
	}
}

// TestLoadOnce checks that a page that loads requests the wasm exactly
// once.
func TestLoadOnce(t *testing.T) {
	need(t)
	fs := newFaultyServer(t, "ok", "ok")
	tb := openFaulty(t, fs, "")
	tb.waitFor(`window.smflowExited || typeof window.smflowFirstFrameAt === "number" && !!window.smflow && !!window.smflowTimes.controls`, patience)
	if got := fs.hits(); got != 1 {
		t.Errorf("smflow.wasm requested %d times, want 1", got)
	}
}
