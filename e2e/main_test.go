// Package e2e tests the real page in Debian's Chromium: TestMain builds the
// WASM program and the dist folder once, serves it on 127.0.0.1 (at / and at
// the sub-path /sub/dir/) and starts one headless Chromium with software
// WebGL; every test opens its own tab.
//
// Without a Chromium the tests are skipped, unless CI=true, where they fail.
package e2e

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	"image/png"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"smflow/web"
)

var (
	baseURL    string          // http://127.0.0.1:port
	distDir    string          // the dist folder served
	browserCtx context.Context // the shared browser
	setupErr   error           // why the suite cannot run
	noBrowser  bool            // no Chromium found (skip unless CI)
)

// Viewport of every tab, in CSS pixels.
const viewW, viewH = 1000, 600

// patience is how long the tests wait for something that must happen (a
// frame, a step, a warning shown): long enough for software WebGL on a busy
// two-core machine. A wait ends as soon as its condition holds, so a long
// patience costs nothing when the page works; the tests assert what
// happens, never how fast (make bench reports that).
const patience = 60 * time.Second

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	tmp, err := os.MkdirTemp("", "smflow-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)

	chrome := findChromium()
	if chrome == "" {
		noBrowser = true
		setupErr = fmt.Errorf("no Chromium found (apt-get install chromium)")
		return m.Run()
	}
	t0 := time.Now()
	distDir = filepath.Join(tmp, "dist")
	if setupErr = buildDist(distDir); setupErr != nil {
		return m.Run()
	}
	fmt.Fprintf(os.Stderr, "e2e: built dist in %v\n", time.Since(t0).Round(time.Millisecond))

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		setupErr = err
		return m.Run()
	}
	mux := http.NewServeMux()
	mux.Handle("/sub/dir/", http.StripPrefix("/sub/dir", web.Handler(distDir)))
	mux.Handle("/", web.Handler(distDir))
	mux.HandleFunc("/test/slides.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, slidesPage)
	})
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	defer srv.Close()
	baseURL = "http://" + ln.Addr().String()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.Flag("headless", "new"),
		chromedp.NoSandbox,
		chromedp.Flag("use-angle", "swiftshader"),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("ignore-gpu-blocklist", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.UserDataDir(filepath.Join(tmp, "profile")),
		chromedp.WindowSize(viewW, viewH),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		setupErr = fmt.Errorf("starting %s: %w", chrome, err)
		return m.Run()
	}
	browserCtx = ctx
	return m.Run()
}

// slidesPage is a page of slides with an embedded scene below the fold.
const slidesPage = `<!doctype html><html><head><meta charset="utf-8"><title>slides</title>
<link rel="icon" href="data:,"></head><body style="margin:0">
<div id="spacer" style="height:2000px">slide 1</div>
<iframe id="f" src="/?scene=flow&embed=1&autoplay=1" width="640" height="360" style="border:0"></iframe>
<div style="height:2000px">slide 3</div></body></html>`

// findChromium returns the path of a Chromium, or "".
func findChromium() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// moduleRoot returns the folder of go.mod.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", err
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", fmt.Errorf("not inside the module")
	}
	return filepath.Dir(mod), nil
}

// buildDist builds the WASM program and assembles the static site in dst, as
// `make dist` does (brotli at a lower quality to save time).
func buildDist(dst string) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return err
	}
	goroot := strings.TrimSpace(string(out))
	ldflags := "-ldflags=-s -w"
	if os.Getenv("SMFLOW_PROFILE") != "" {
		ldflags = "-ldflags=" // keep the names for the profiler
	}
	cmd := exec.Command("go", "build", "-trimpath", ldflags, "-o", filepath.Join(dst, "smflow.wasm"), "./wasm")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building the wasm: %v\n%s", err, b)
	}
	cmd = exec.Command("go", "build", "-trimpath", ldflags, "-o", filepath.Join(dst, "smflow-worker.wasm"), "./wasm/worker")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building the worker wasm: %v\n%s", err, b)
	}
	if err := web.Assemble(root, goroot, dst); err != nil {
		return err
	}
	return web.Compress(dst, 5)
}

// need skips or fails the test when the suite cannot run.
func need(t *testing.T) {
	t.Helper()
	switch {
	case noBrowser && os.Getenv("CI") != "true":
		t.Skip(setupErr)
	case setupErr != nil:
		t.Fatal(setupErr)
	}
}

// A tab is one page under test with its console messages.
type tab struct {
	t   *testing.T
	ctx context.Context

	mu   sync.Mutex
	msgs []chromedp.ConsoleMessage

	last []byte // the last screenshot (PNG)
}

// saveShot writes the last screenshot as name.png into the folder
// $SMFLOW_SHOTS, if set (make screenshots).
func (tb *tab) saveShot(name string) {
	dir := os.Getenv("SMFLOW_SHOTS")
	if dir == "" || tb.last == nil {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.t.Error(err)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), tb.last, 0o644); err != nil {
		tb.t.Error(err)
	}
}

// open opens path (relative to the server, e.g. "/?scene=flow") in a new tab
// of size viewW x viewH and waits for the first frame.
func open(t *testing.T, path string) *tab {
	t.Helper()
	tb := open0(t)
	tb.navigate(path)
	return tb
}

// open0 opens a new blank tab of size viewW x viewH that records its
// console.
func open0(t *testing.T) *tab {
	t.Helper()
	need(t)
	ctx, cancel := chromedp.NewContext(browserCtx)
	t.Cleanup(cancel)
	// A tab serves all the subtests of its test: one bound for them all,
	// within go test's own -timeout (15 minutes in make test-e2e).
	limit := 10 * time.Minute
	if os.Getenv("SMFLOW_SHOTS") != "" {
		limit = 15 * time.Minute // make screenshots lets every scene develop
	}
	ctx, cancelT := context.WithTimeout(ctx, limit)
	t.Cleanup(cancelT)
	tb := &tab{t: t, ctx: ctx}
	// Start the tab, then subscribe to its console before navigating.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(viewW, viewH)); err != nil {
		t.Fatal(err)
	}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			tb.mu.Lock()
			tb.msgs = append(tb.msgs, m)
			tb.mu.Unlock()
		}
	}()
	return tb
}

// navigate loads path in the tab and waits for the first frame.
func (tb *tab) navigate(path string) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(baseURL+path)); err != nil {
		tb.t.Fatalf("navigate %s: %v", path, err)
	}
	tb.waitFor(`window.smflowExited || typeof window.smflowFirstFrameAt === "number" && !!window.smflow && !!window.smflowTimes.controls`, patience)
	if eval[bool](tb, `!!window.smflowExited`) {
		tb.t.Fatalf("the Go program exited while loading %s\nconsole:\n%s", path, tb.console())
	}
}

// eval evaluates a JavaScript expression and decodes its result into T.
func eval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("eval %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it holds.
func (tb *tab) waitFor(cond string, timeout time.Duration) {
	tb.t.Helper()
	_, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](cond,
		chromedp.WithPollingTimeout(timeout), chromedp.WithPollingInterval(50*time.Millisecond)))
	if err != nil {
		tb.t.Fatalf("waiting for %s: %v\nconsole:\n%s", cond, err, tb.console())
	}
}

// console returns the console messages so far, one per line (at most the
// first 40 lines of each, the first 20 messages).
func (tb *tab) console() string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	var b strings.Builder
	for i, m := range tb.msgs {
		if i == 20 {
			fmt.Fprintf(&b, "  ... %d more\n", len(tb.msgs)-i)
			break
		}
		lines := strings.Split(m.String(), "\n")
		if len(lines) > 40 {
			lines = append(lines[:40], "...")
		}
		fmt.Fprintf(&b, "  %s\n", strings.Join(lines, "\n    "))
	}
	return b.String()
}

// noErrors fails the test if the console has an error or an exception.
func (tb *tab) noErrors() {
	tb.t.Helper()
	// Let late messages arrive.
	time.Sleep(100 * time.Millisecond)
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, m := range tb.msgs {
		if m.Type == chromedp.ConsoleError || m.IsException() {
			tb.t.Errorf("console %s", m)
		}
	}
}

// noErrorsSince fails on console errors as noErrors does, then forgets the
// messages so far: for a tab that goes on to the next subtest.
func (tb *tab) noErrorsSince() {
	tb.t.Helper()
	tb.noErrors()
	tb.mu.Lock()
	tb.msgs = nil
	tb.mu.Unlock()
}

// screenshot returns the viewport as an image.
func (tb *tab) screenshot() image.Image {
	tb.t.Helper()
	b, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		tb.t.Fatal(err)
	}
	tb.last = b
	return img
}

// canvasRect returns the canvas's box in CSS pixels.
func (tb *tab) canvasRect() image.Rectangle {
	tb.t.Helper()
	r := eval[[]float64](tb, `(() => { const r = document.querySelector("canvas").getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })()`)
	return image.Rect(int(r[0]), int(r[1]), int(r[2]), int(r[3]))
}

// inkStats counts the pixels of img inside r that are not near white, and
// the number of distinct coarse colours among them.
func inkStats(img image.Image, r image.Rectangle) (ink, colours int) {
	seen := map[uint32]bool{}
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			cr, cg, cb = cr>>8, cg>>8, cb>>8
			if cr > 240 && cg > 240 && cb > 240 {
				continue
			}
			ink++
			seen[(cr>>4)<<8|(cg>>4)<<4|cb>>4] = true
		}
	}
	return ink, len(seen)
}

// drawn fails the test unless the canvas shows a picture: enough non-white
// pixels in at least two colours.
func (tb *tab) drawn() {
	tb.t.Helper()
	r := tb.canvasRect()
	if r.Dx() < 100 || r.Dy() < 100 {
		tb.t.Fatalf("canvas box %v is too small", r)
	}
	var ink, colours int
	for end := time.Now().Add(patience); ; time.Sleep(200 * time.Millisecond) {
		ink, colours = inkStats(tb.screenshot(), r)
		if ink > r.Dx()*r.Dy()/500 && colours >= 2 {
			return
		}
		if time.Now().After(end) {
			break
		}
	}
	tb.t.Fatalf("canvas looks blank: %d inked pixels, %d colours\nconsole:\n%s", ink, colours, tb.console())
}

// pngFromJS reads the Uint8Array that a JS promise gives as bytes.
func pngFromJS(tb *tab, expr string) []byte {
	tb.t.Helper()
	s := eval[string](tb, `(async () => { const a = await (`+expr+`); let s = "";
		for (let i = 0; i < a.length; i += 8192) s += String.fromCharCode.apply(null, a.subarray(i, i + 8192));
		return btoa(s); })()`)
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		tb.t.Fatal(err)
	}
	return b
}
