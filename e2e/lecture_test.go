package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The page as a lecturer and a student use it (issue 9): keys in a frame
// reach the slide deck, the tab order has no trap, runs loop, the time
// scrubber and "copy link" keep the time, controls have plain names.

// key presses keys (kb constants or text) in the focused frame.
func (tb *tab) key(keys string, opts ...chromedp.KeyOption) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(keys, opts...)); err != nil {
		tb.t.Fatal(err)
	}
}

// TestLectureEmbedKeys: a same-origin host page with an embedded frame
// receives ArrowRight and PageDown after a click into the frame, and the
// frame's simulation does not step on them; space on the frame's canvas
// plays.
func TestLectureEmbedKeys(t *testing.T) {
	need(t)
	tb := open0(t)
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(baseURL+"/test/slides.html")); err != nil {
		t.Fatal(err)
	}
	// A slide with the frame at its top, and a deck that logs its keys.
	eval[bool](tb, `(() => {
		window.deckKeys = [];
		document.addEventListener("keydown", (e) => window.deckKeys.push(e.key));
		const f = document.createElement("iframe");
		f.id = "lf";
		f.src = "/?scene=ensemble&embed=1&T=1";
		f.width = 640; f.height = 360; f.style.border = "0";
		f.style.position = "fixed"; f.style.left = "0"; f.style.top = "0";
		document.body.prepend(f);
		return true; })()`)
	const fw = `document.querySelector("#lf").contentWindow`
	tb.waitFor(fw+`.smflow && typeof `+fw+`.smflowFirstFrameAt === "number" && !!`+fw+`.smflowTimes && !!`+fw+`.smflowTimes.controls`, patience)
	if err := chromedp.Do(tb.ctx, chromedp.MouseClickXY(320, 200)); err != nil {
		t.Fatal(err)
	}
	tb.waitFor(fw+`.document.activeElement && `+fw+`.document.activeElement.tagName === "CANVAS"`, patience)
	s0 := eval[int](tb, fw+`.smflow.state().steps`)
	tb.key(kb.ArrowRight)
	tb.key(kb.PageDown)
	tb.waitFor(`window.deckKeys.includes("ArrowRight") && window.deckKeys.includes("PageDown")`, patience)
	time.Sleep(300 * time.Millisecond)
	if st := eval[jsState](tb, fw+`.smflow.state()`); st.Steps != s0 || st.Playing {
		t.Errorf("the frame stepped or played on the deck's keys: steps %d -> %d, playing %v", s0, st.Steps, st.Playing)
	}
	// Space on the canvas plays; it does not reach the deck.
	tb.key(" ")
	tb.waitFor(fw+`.smflow.state().playing`, patience)
	if keys := eval[[]string](tb, `window.deckKeys`); strings.Contains(strings.Join(keys, ","), " ") {
		t.Errorf("space reached the deck: %q", keys)
	}
	eval[bool](tb, fw+`.smflow.pause().then(() => true)`)
	tb.noErrors()
}

// TestLectureTabOrder: Tab from the first control reaches every control,
// then the canvas, and leaves the canvas again; so does Shift+Tab.
func TestLectureTabOrder(t *testing.T) {
	tb := open(t, "/")
	n := eval[int](tb, `(() => {
		const all = [...document.querySelectorAll("#ui button, #ui select, #ui input, #ui summary, #ui a[href]")]
			.filter((e) => e.getClientRects().length > 0 && !e.disabled && e.tabIndex >= 0);
		all.forEach((e, i) => e.dataset.tabid = i);
		window.tabSeen = [];
		document.addEventListener("focusin", (e) => window.tabSeen.push(e.target.tagName === "CANVAS" ? "canvas" : (e.target.dataset.tabid ?? "other")));
		all[0].focus();
		return all.length; })()`)
	if n < 10 {
		t.Fatalf("only %d controls", n)
	}
	if ti := eval[int](tb, `document.querySelector("canvas").tabIndex`); ti != 0 {
		t.Errorf("canvas tabIndex %d, want 0 (after the controls)", ti)
	}
	for i := 0; i < n+5; i++ {
		tb.key(kb.Tab)
		if eval[bool](tb, `window.tabSeen.includes("canvas") && document.activeElement.tagName !== "CANVAS"`) {
			break
		}
	}
	seen := eval[[]string](tb, `window.tabSeen`)
	got := map[string]bool{}
	canvasAt := -1
	for i, s := range seen {
		got[s] = true
		if s == "canvas" && canvasAt < 0 {
			canvasAt = i
		}
	}
	for i := 1; i < n; i++ {
		if !got[fmt.Sprint(i)] {
			t.Errorf("Tab did not reach control %d (%s)", i, eval[string](tb, fmt.Sprintf(`document.querySelector('[data-tabid="%d"]').outerHTML.slice(0, 120)`, i)))
		}
	}
	if canvasAt < 0 {
		t.Fatalf("Tab never reached the canvas: %v", seen)
	}
	if eval[bool](tb, `document.activeElement.tagName === "CANVAS"`) {
		t.Errorf("Tab does not leave the canvas: %v", seen)
	}
	eval[bool](tb, `(document.querySelector("canvas").focus(), true)`)
	tb.key(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift))
	if eval[bool](tb, `document.activeElement.tagName === "CANVAS"`) {
		t.Error("Shift+Tab does not leave the canvas")
	}
	tb.key(kb.Tab) // back to the canvas, from the last control
	if !eval[bool](tb, `document.activeElement.tagName === "CANVAS"`) {
		t.Error("Tab from the last control does not reach the canvas")
	} else if s := eval[string](tb, `getComputedStyle(document.querySelector("canvas")).outlineStyle`); s == "none" {
		t.Errorf("no focus ring on the canvas reached by Tab (outline-style %s)", s)
	}
	tb.noErrors()
}

// TestLectureLoop: loop=1&autoplay=1 is still playing after three times
// its run length, having restarted; an embed that autoplays loops by
// itself, loop=0 stops it.
func TestLectureLoop(t *testing.T) {
	tb := open(t, "/?T=0.5&speed=10&loop=1&autoplay=1") // 5 steps: half a second
	eval[bool](tb, `(() => {
		window.loopMon = {done: false, restarts: 0};
		setInterval(() => { const st = smflow.state();
			if (st.done) window.loopMon.done = true;
			else if (window.loopMon.done) { window.loopMon.restarts++; window.loopMon.done = false; } }, 20);
		return true; })()`)
	t0 := time.Now()
	tb.waitFor(`window.loopMon.restarts >= 2`, patience)
	if d := time.Since(t0); d < 1500*time.Millisecond {
		time.Sleep(1500*time.Millisecond - d) // three run lengths at least
	}
	if st := tb.state(); !st.Playing {
		t.Errorf("loop=1: not playing after %v: %+v", time.Since(t0), st)
	}
	if !eval[bool](tb, `smflow.state().loop`) || !strings.Contains(eval[string](tb, `document.querySelector("#status").textContent`), "loop") {
		t.Error("the loop is not reported")
	}
	tb.navigate("/?embed=1&autoplay=1&T=0.5")
	if !eval[bool](tb, `smflow.state().loop`) {
		t.Error("an embed that autoplays does not loop")
	}
	tb.navigate("/?embed=1&autoplay=1&T=0.5&loop=0&speed=50")
	tb.waitFor(`smflow.state().done`, patience)
	time.Sleep(1500 * time.Millisecond)
	if st := tb.state(); st.Playing || !st.Done {
		t.Errorf("loop=0: %+v", st)
	}
	tb.noErrors()
}

// TestLectureTime: the scrubber moves in units of t and gives the same
// states as stepping; "copy link" writes start= and the link reopens the
// same hash; a T that is no whole number of steps is said so.
func TestLectureTime(t *testing.T) {
	tb := open(t, "/?scene=flow&seed=3")
	eval[bool](tb, `smflow.step(7).then(() => true)`)
	h7 := eval[string](tb, `smflow.hash()`)
	if m := eval[float64](tb, `+document.querySelector("#scrub").max`); m != 4 {
		t.Errorf("scrubber max %v, want T = 4", m)
	}
	tb.click(`button[data-act="copylink"]`)
	tb.waitFor(`document.querySelector("#copybox").value !== ""`, patience)
	link := eval[string](tb, `document.querySelector("#copybox").value`)
	if !strings.Contains(link, "start=0.7") || !strings.HasPrefix(link, baseURL+"/") {
		t.Fatalf("copied link %q has no start=0.7", link)
	}
	scrub := func(v string) {
		eval[bool](tb, `(() => { const r = document.querySelector("#scrub"); r.value = `+jsString(v)+`;
			r.dispatchEvent(new Event("input", {bubbles: true})); r.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	}
	scrub("2")
	tb.waitFor(`smflow.state().steps === 20`, patience)
	scrub("0.7")
	tb.waitFor(`smflow.state().steps === 7`, patience)
	if got := eval[string](tb, `smflow.hash()`); got != h7 {
		t.Errorf("scrubbed back to t = 0.7: hash\n%s\nwant\n%s", got, h7)
	}

	tb.navigate(strings.TrimPrefix(link, baseURL))
	tb.waitFor(`smflow.state().steps === 7`, patience)
	if got := eval[string](tb, `smflow.hash()`); got != h7 {
		t.Errorf("the copied link %q gives hash\n%s\nwant\n%s", link, got, h7)
	}
	if st := tb.state(); st.Playing {
		t.Error("the copied link plays")
	}

	tb.navigate("/?alpha=0.3&T=1")
	eval[bool](tb, `smflow.step(10).then(() => true)`)
	tb.waitFor(`document.querySelector("#status").textContent.includes("rounded up to 4 steps")`, patience)
	tb.noErrors()
}

// TestLectureWords: every control shows its plain name next to the key,
// the scene says what it shows, the equations fit the panel, the warning
// box says where a value came from, the embed options make the snippet,
// overlay=0 hides the overlay.
func TestLectureWords(t *testing.T) {
	tb := open(t, "/?scene=meanfield")
	if l := eval[string](tb, `document.querySelector('[data-param="alpha"] label').textContent`); !strings.Contains(l, "step size") || !strings.Contains(l, "alpha") {
		t.Errorf("alpha's label %q", l)
	}
	if l := eval[string](tb, `document.querySelector('[data-param="M"] label').textContent`); !strings.Contains(l, "particles") {
		t.Errorf("M's label %q", l)
	}
	if a := eval[string](tb, `document.querySelector("#about").textContent`); len(a) < 20 {
		t.Errorf("no line on what the scene shows: %q", a)
	}
	if wide := eval[[]string](tb, `[...document.querySelectorAll("#eqs td.eq")].filter((td) => td.querySelector("math").getBoundingClientRect().width > td.clientWidth + 1).map((td) => td.parentElement.dataset.method)`); len(wide) > 0 {
		t.Errorf("equations wider than the panel: %v", wide)
	}
	eval[bool](tb, `(() => { const e = document.querySelector("#ctl-alpha"); e.value = "99";
		e.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	tb.waitFor(`!document.querySelector("#warnings").hidden`, patience)
	if s := eval[string](tb, `document.querySelector("#warnings .title").textContent`); !strings.Contains(s, "you entered") {
		t.Errorf("warning title for a typed value: %q", s)
	}

	tb.navigate("/?scene=flow")
	tb.click(`button[data-act="copyembed"]`)
	tb.waitFor(`!document.querySelector("#embedopts").hidden`, patience)
	snip := eval[string](tb, `document.querySelector("#copybox").value`)
	if !strings.Contains(snip, `width="960" height="540"`) || !strings.Contains(snip, "autoplay=1") || !strings.Contains(snip, "embed=1") {
		t.Errorf("default embed snippet %q", snip)
	}
	tb.click(`#embedopts input[value="800x600"]`)
	tb.click(`#eloop`)
	tb.click(`#eoverlay`)
	snip = eval[string](tb, `document.querySelector("#copybox").value`)
	if !strings.Contains(snip, `width="800" height="600"`) || !strings.Contains(snip, "loop=0") || !strings.Contains(snip, "overlay=0") {
		t.Errorf("4:3 snippet without loop and overlay: %q", snip)
	}

	tb.navigate("/?embed=1&overlay=0")
	if tb.visible("#overlay") {
		t.Error("overlay=0 shows the overlay")
	}
	tb.noErrors()
}
