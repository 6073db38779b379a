//go:build js && browser

package render

import (
	"image/color"
	"math"
	"os"
	"runtime"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/render/plot"
	"smflow/render/rendertest"
)

// A testGame runs fn once inside the game loop (where pixels can be read)
// and ends. Ebitengine runs one game per process, so TestMain runs every
// test inside it.
type testGame struct {
	fn   func()
	done bool
}

func (g *testGame) Update() error {
	if g.done {
		return ebiten.Termination
	}
	g.fn()
	g.done = true
	return nil
}
func (g *testGame) Draw(*ebiten.Image)         {}
func (g *testGame) Layout(w, h int) (int, int) { return 320, 240 }

func TestMain(m *testing.M) {
	code := 0
	if err := ebiten.RunGame(&testGame{fn: func() { code = m.Run() }}); err != nil && err != ebiten.Termination {
		println(err.Error())
		code = 1
	}
	os.Exit(code)
}

// inGame runs fn (the tests already run inside the game loop).
func inGame(t *testing.T, fn func()) { fn() }

// drawSample draws a figure with every primitive.
func drawSample(p *Painter, dst *ebiten.Image, ax *Axes, xs []float64, flush bool) []float64 {
	p.Begin(dst)
	p.FillRect(plot.Rect{W: 800, H: 380}, plot.Background)
	em := 13.0
	ax.Title, ax.XLabel, ax.YLabel = "a test panel", "t = alpha * steps", "E |z|^2"
	ax.Place(plot.Rect{X: 10, Y: 10, W: 500, H: 340}, em)
	ax.Tr.X, ax.Tr.Y = plot.Axis{Min: 0, Max: 4}, plot.Axis{Min: -1.2, Max: 1.2}
	ax.Draw(p, em, 1)
	xs = xs[:0]
	for k := 0; k <= 200; k++ {
		t := 4 * float64(k) / 200
		xs = append(xs, ax.Tr.Px(t), ax.Tr.Py(math.Sin(3*t)*math.Exp(-t/3)*1.3))
	}
	p.Clip(ax.Area())
	p.Polyline(xs, 2, plot.Vermillion)
	p.NoClip()
	for k := 0; k < 300; k++ {
		a := float64(k) * 0.37
		p.Dot(600+100*math.Cos(a)*float64(k)/300, 180+100*math.Sin(a)*float64(k)/300, 2, plot.Fade(plot.Blue, 0.6))
	}
	p.Ring(600, 180, 110, 1.5, plot.Black)
	p.Line(530, 330, 700, 300, 0.5, plot.Black)
	p.FillRect(plot.Rect{X: 720, Y: 40, W: 60, H: 30}, plot.BluishGreen)
	p.Number("t = ", 1.25, 'f', 2, " of 4", 780, 360, em, plot.Ink, Right, Middle)
	if flush {
		p.Flush()
	} else {
		// Everything but the DrawTriangles calls.
		p.text.flush(p)
		p.Begin(dst)
	}
	return xs
}

func TestPainterDraws(t *testing.T) {
	inGame(t, func() {
		dst := ebiten.NewImage(800, 380)
		p := NewPainter()
		var ax Axes
		xs := drawSample(p, dst, &ax, nil, true)
		pix := make([]byte, 4*800*380)
		dst.ReadPixels(pix)
		for _, c := range []struct {
			name string
			c    color.RGBA
			min  int
		}{
			{"line", plot.Vermillion, 300}, {"rect", plot.BluishGreen, 1500}, {"dots", plot.Mix(plot.Blue, plot.Background, 0.4), 200},
			{"text", plot.Ink, 100},
		} {
			if n := rendertest.Near(pix, c.c, 40); n < c.min {
				t.Errorf("%s: %d pixels of %v, want at least %d", c.name, n, c.c, c.min)
			}
		}
		rendertest.Shot(t, "painter", dst)
		// The same frame again allocates nothing in the painter; Ebitengine
		// itself allocates a few objects per frame.
		for i := 0; i < 3; i++ {
			xs = drawSample(p, dst, &ax, xs, true)
		}
		const frames = 10
		for _, flush := range []bool{false, true} {
			var m0, m1 runtime.MemStats
			runtime.ReadMemStats(&m0)
			for i := 0; i < frames; i++ {
				xs = drawSample(p, dst, &ax, xs, flush)
			}
			runtime.ReadMemStats(&m1)
			a := float64(m1.Mallocs-m0.Mallocs) / frames
			t.Logf("allocations per frame (with DrawTriangles: %v): %.1f", flush, a)
			if !flush && a > 0 {
				t.Errorf("building a repeated frame allocates %.1f times", a)
			}
			if flush && a > 12 {
				t.Errorf("drawing a repeated frame allocates %.1f times", a)
			}
		}
	})
}

// TestChangingTextAllocatesNothing: a frame whose axes move (new tick
// labels every frame), whose numbers change and whose size grows builds
// without allocating once the caches are warm: tick labels and numbers are
// drawn character by character from cached glyphs.
func TestChangingTextAllocatesNothing(t *testing.T) {
	inGame(t, func() {
		dst := ebiten.NewImage(800, 380)
		p := NewPainter()
		var ax Axes
		ax.Title, ax.XLabel, ax.YLabel = "moving", "t", "y"
		ax.Place(plot.Rect{X: 10, Y: 10, W: 500, H: 340}, 13)
		k := 0
		xs := make([]float64, 0, 4096)
		frame := func() {
			k++
			p.Begin(dst)
			ax.Tr.X = plot.Axis{Min: 0, Max: 1 + 0.173*float64(k)}
			ax.Tr.Y = plot.Axis{Min: -1e-3 * float64(k), Max: 2.5e-2 * float64(k), Log: k%2 == 0}
			if ax.Tr.Y.Log {
				ax.Tr.Y.Min = 1e-4
			}
			ax.Draw(p, 13, 1)
			p.Number("t = ", 0.0137*float64(k), 'f', 4, " of 1000", 780, 360, 13, plot.Ink, Right, Middle)
			p.Number("", 1/float64(k), 'e', 3, "", 600, 40, 11, plot.Muted, Center, Middle)
			xs = xs[:0]
			for i := 0; i < 200+k%50; i++ {
				xs = append(xs, 10+2*float64(i), 200+50*math.Sin(float64(i+k)/10))
			}
			p.Polyline(xs, 1.5, plot.Blue)
			// Everything but the DrawTriangles calls.
			p.text.flush(p)
			p.pad()
			p.Begin(dst)
		}
		for i := 0; i < 20; i++ {
			frame()
		}
		if a := testing.AllocsPerRun(50, frame); a > 0 {
			t.Errorf("a frame with moving axes and changing numbers allocates %.1f times", a)
		}
	})
}
