package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// dataCSV is the data file served next to the page, and the same numbers
// inline.
const (
	dataCSV    = "xi1,xi2\n1,2\n0,1\n-1,0.5\n2,-1\n"
	dataInline = "inline:1,2;0,1;-1,0.5;2,-1"
)

// smfHashIn runs `smf hash query` in the folder dir (the key data is read
// relative to it).
func smfHashIn(t *testing.T, dir, query string) string {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "smf")
	build := exec.Command("go", "build", "-o", bin, "./cmd/smf")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/smf: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "hash", query)
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("smf hash %s: %v\n%s", query, err, stderr.String())
	}
	return string(out)
}

// The key data: a CSV file served next to the page gives the hash of `smf
// hash` run in that folder; a malformed file gives its line-numbered
// message and leaves the previous state running; a missing file says so;
// inline data round-trip through a reload; a local file by the file input.
func TestData(t *testing.T) {
	need(t)
	dir := filepath.Join(distDir, "data")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.WriteFile(filepath.Join(dir, "x.csv"), []byte(dataCSV), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.csv"), []byte("xi1,xi2\n1,2\n3,abc\n"), 0o644)

	const base = "scene=ensemble&problem=shift&T=0.5"
	q := base + "&data=data/x.csv"
	want := smfHashIn(t, distDir, q)
	if gen := smfHashIn(t, distDir, base); gen == want {
		t.Fatal("the data file does not change the hash")
	}

	tb := open(t, "/?"+q)
	tb.waitFor(`smflow.dataSource().source === "data from data/x.csv"`, patience)
	hb := eval[string](tb, `smflow.step(1000000).then(() => smflow.hash())`)
	if hb != want {
		t.Errorf("browser hash\n%s\nsmf hash in the folder\n%s", hb, want)
	}
	if src := eval[string](tb, `document.querySelector("#datasource").textContent`); !strings.Contains(src, "data/x.csv") {
		t.Errorf("the page says the data come from %q", src)
	}
	search := eval[string](tb, `location.search`)

	// A malformed file: the line-numbered message, and the previous state runs on.
	eval[bool](tb, `(document.querySelector("#d-data, [data-param=data] input[type=text]").value = "data/bad.csv",
		document.querySelector("[data-param=data] input[type=text]").dispatchEvent(new Event("change")), true)`)
	tb.waitFor(`[...document.querySelectorAll("#warnings li")].some((li) => li.textContent.includes("data/bad.csv line 3: column xi2"))`, patience)
	if h := eval[string](tb, `smflow.hash()`); h != hb {
		t.Errorf("after a malformed file the state changed:\n%s\nwant\n%s", h, hb)
	}
	if got := eval[string](tb, `location.search`); got != search {
		t.Errorf("after a malformed file the URL is %q, want %q", got, search)
	}

	// A missing file says so and shows generated data (the browser logs the
	// 404 in the console: forget it).
	tb.noErrorsSince()
	eval[bool](tb, `(smflow.set("`+base+`&data=data/missing.csv"), true)`)
	tb.waitFor(`smflow.state().warnings.some((w) => /data\/missing.csv: 404 not found; showing generated data/.test(w.message))`, patience)
	if src := eval[string](tb, `smflow.dataSource().source`); !strings.Contains(src, "generated") {
		t.Errorf("after a missing file the data come from %q", src)
	}
	time.Sleep(100 * time.Millisecond)
	tb.mu.Lock()
	tb.msgs = nil
	tb.mu.Unlock()

	// Inline data: the same numbers give the same hash, and a reload too.
	tb.navigate("/?" + base + "&data=" + dataInline)
	if h := eval[string](tb, `smflow.step(1000000).then(() => smflow.hash())`); h != hb {
		t.Errorf("inline data: hash\n%s\nwant\n%s", h, hb)
	}
	search = eval[string](tb, `location.search`)
	if !strings.Contains(search, "data=inline") {
		t.Fatalf("URL with inline data: %q", search)
	}
	tb.navigate("/" + search)
	if h := eval[string](tb, `smflow.step(1000000).then(() => smflow.hash())`); h != hb {
		t.Errorf("inline data after a reload: hash\n%s\nwant\n%s", h, hb)
	}

	// A local file by the file input: the same numbers, not in the link.
	tb.navigate("/?" + base)
	local := filepath.Join(t.TempDir(), "mine.csv")
	os.WriteFile(local, []byte(dataCSV), 0o644)
	if _, err := chromedp.Run(tb.ctx, chromedp.SetUploadFiles("#datafile", []string{local})); err != nil {
		t.Fatal(err)
	}
	tb.waitFor(`smflow.dataSource().local === true`, patience)
	if h := eval[string](tb, `smflow.step(1000000).then(() => smflow.hash())`); h != hb {
		t.Errorf("local file: hash\n%s\nwant\n%s", h, hb)
	}
	if src := eval[string](tb, `document.querySelector("#datasource").textContent`); !strings.Contains(src, "not in the link") || !strings.Contains(src, "put the data in the link") {
		t.Errorf("local file: the page says %q", src)
	}
	tb.noErrors()
}
