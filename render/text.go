//go:build js

package render

import (
	"bytes"
	"image/color"
	"math"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"smflow/assets"
	"smflow/render/plot"
)

// An Align places text relative to its anchor point: horizontally Left,
// Center or Right; vertically Top, Middle, Bottom.
type Align uint8

// Horizontal and vertical alignments.
const (
	Left Align = iota
	Center
	Right
)

// Vertical alignments (the same values, read vertically).
const (
	Top    = Left
	Middle = Center
	Bottom = Right
)

// fontSource is the embedded font, parsed once.
var fontSource *text.GoTextFaceSource

// chars holds one-character strings for ASCII, so that numbers can be drawn
// character by character without building strings.
var chars [128]string

func init() {
	for i := range chars {
		chars[i] = string(rune(i))
	}
}

// loadFont parses the embedded font on first use.
func loadFont() *text.GoTextFaceSource {
	if fontSource == nil {
		src, err := text.NewGoTextFaceSource(bytes.NewReader(assets.GoRegular()))
		if err != nil {
			panic("render: the embedded font does not parse: " + err.Error()) // a build error, not input
		}
		fontSource = src
	}
	return fontSource
}

// textItem is one queued piece of text: prefix, then the characters
// chars[c0:c1] of the queue (a number or a tick label), drawn one at a
// time, then suffix.
type textItem struct {
	prefix, suffix string
	c0, c1         int
	x, y, size     float64
	c              color.RGBA
	ax, ay         Align
	rot            bool // rotated a quarter turn anticlockwise (y-axis labels)
}

// textQueue holds the text of a frame until Flush.
type textQueue struct {
	items   []textItem
	chars   []byte // the characters of the queued numbers and labels
	faces   map[int]*text.GoTextFace
	layouts map[layoutKey]layout
	tabs    map[tabKey]*charTab
	num     []byte // scratch for NumberWidth
	flushed int    // items[:flushed] are drawn; all are kept until reset
}

// A tabKey names the character table of one size (in half pixels) and
// vertical alignment.
type tabKey struct {
	size int
	ay   Align
}

// A charTab holds the layouts of single ASCII characters at one size and
// alignment, for numbers and labels drawn character by character.
type charTab struct {
	l     [128]layout
	known [128]bool
}

// numberChars are laid out together the first time a size is used, so
// that digits that show up later (a clock, a moving axis) cost nothing.
const numberChars = "0123456789.-+e"

// A layoutKey names the glyphs of one string at one size and vertical
// alignment.
type layoutKey struct {
	s    string
	size int // half pixels
	ay   Align
}

// A layout is a string laid out at the origin, and its advance.
type layout struct {
	glyphs  []text.Glyph
	advance float64
}

// maxLayouts bounds the layout cache; it is emptied when it grows past it
// (tick labels change as axes move).
const maxLayouts = 4096

func (q *textQueue) init() {
	q.faces = map[int]*text.GoTextFace{}
	q.layouts = map[layoutKey]layout{}
	q.tabs = map[tabKey]*charTab{}
}

// char returns the layout of the ASCII character b (b&0x7f) at the given
// size and vertical alignment.
func (q *textQueue) char(b byte, size float64, ay Align) *layout {
	b &= 0x7f
	k := tabKey{int(math.Round(max(size, 4) * 2)), ay}
	t := q.tabs[k]
	if t == nil {
		t = &charTab{}
		q.tabs[k] = t
		for i := 0; i < len(numberChars); i++ {
			c := numberChars[i]
			t.l[c], t.known[c] = q.layout(chars[c], size, ay), true
			// Into the atlas now too: packing a glyph later costs a draw
			// call (and its allocations) in the frame that first shows it.
			if a := theAtlas; a != nil && !a.full {
				for _, g := range t.l[c].glyphs {
					if g.Image != nil {
						a.place(g.Image)
					}
				}
			}
		}
	}
	if !t.known[b] {
		t.l[b], t.known[b] = q.layout(chars[b], size, ay), true
	}
	return &t.l[b]
}

// layout returns the glyphs of s at the given size and vertical alignment.
// Ebitengine's layout allocates on every call, so layouts are cached; the
// glyph images stay valid while referenced.
func (q *textQueue) layout(s string, size float64, ay Align) layout {
	k := layoutKey{s, int(math.Round(max(size, 4) * 2)), ay}
	if l, ok := q.layouts[k]; ok {
		return l
	}
	if len(q.layouts) >= maxLayouts {
		clear(q.layouts)
	}
	f := q.face(size)
	lo := text.LayoutOptions{SecondaryAlign: text.Align(ay)}
	l := layout{glyphs: text.AppendGlyphs(nil, s, f, &lo), advance: text.Advance(s, f)}
	q.layouts[k] = l
	return l
}

func (q *textQueue) reset() { q.items, q.chars, q.flushed = q.items[:0], q.chars[:0], 0 }

// face returns the face of the given size in pixels (in half pixels steps).
func (q *textQueue) face(size float64) *text.GoTextFace {
	k := int(math.Round(max(size, 4) * 2))
	f, ok := q.faces[k]
	if !ok {
		f = &text.GoTextFace{Source: loadFont(), Size: float64(k) / 2}
		q.faces[k] = f
	}
	return f
}

// Text queues s at (x, y) in size pixels, aligned by ax and ay. Each
// distinct s is laid out once and cached: for text that changes (numbers,
// tick labels) use Number or Label.
func (p *Painter) Text(s string, x, y, size float64, c color.RGBA, ax, ay Align) {
	p.text.items = append(p.text.items, textItem{prefix: s, x: x, y: y, size: size, c: c, ax: ax, ay: ay})
}

// TextUp queues s rotated a quarter turn anticlockwise (reading upwards),
// centred at (x, y): the label of a y axis.
func (p *Painter) TextUp(s string, x, y, size float64, c color.RGBA) {
	p.text.items = append(p.text.items, textItem{prefix: s, x: x, y: y, size: size, c: c, ax: Center, ay: Middle, rot: true})
}

// Number queues prefix, v formatted by strconv.FormatFloat(v, f, prec, 64),
// and suffix, as one piece of text. The number is drawn one character at a
// time from cached glyphs, so a changing number allocates nothing.
func (p *Painter) Number(prefix string, v float64, f byte, prec int, suffix string, x, y, size float64, c color.RGBA, ax, ay Align) {
	q := &p.text
	c0 := len(q.chars)
	q.chars = strconv.AppendFloat(q.chars, v, f, prec, 64)
	q.items = append(q.items, textItem{
		prefix: prefix, suffix: suffix, c0: c0, c1: len(q.chars),
		x: x, y: y, size: size, c: c, ax: ax, ay: ay,
	})
}

// Label queues the ASCII text b (copied), drawn one character at a time
// from cached glyphs like the digits of Number: for tick labels, which
// change as axes move, at no allocation.
func (p *Painter) Label(b []byte, x, y, size float64, c color.RGBA, ax, ay Align) {
	q := &p.text
	c0 := len(q.chars)
	q.chars = append(q.chars, b...)
	q.items = append(q.items, textItem{c0: c0, c1: len(q.chars), x: x, y: y, size: size, c: c, ax: ax, ay: ay})
}

// LabelWidth returns the width of the text that Label would draw.
func (p *Painter) LabelWidth(b []byte, size float64) float64 {
	q := &p.text
	w := 0.0
	for _, ch := range b {
		w += q.char(ch, size, Top).advance
	}
	return w
}

// TextWidth returns the width of s in pixels at the given size.
func (p *Painter) TextWidth(s string, size float64) float64 {
	return p.text.layout(s, size, Top).advance
}

// flush adds the queued text to the painter's triangles, glyph by glyph.
func (q *textQueue) flush(p *Painter) {
	for i := q.flushed; i < len(q.items); i++ {
		q.draw(p, &q.items[i])
	}
	q.flushed = len(q.items)
}

// A TextBox is a piece of text of the last frame and its box in pixels
// (the line box of the font: ascent above the baseline, descent below).
type TextBox struct {
	Text string
	Box  plot.Rect
	Size float64
}

// TextBoxes appends the text drawn in the last frame (since Begin) with
// its boxes to dst. It allocates: call it only when asked.
func (p *Painter) TextBoxes(dst []TextBox) []TextBox {
	q := &p.text
	for i := range q.items {
		it := &q.items[i]
		if it.size < 1 {
			continue
		}
		s := it.prefix + string(q.chars[it.c0:it.c1]) + it.suffix
		w := q.layout(s, it.size, Top).advance
		// The box of the ink: without leading and trailing spaces.
		t := strings.TrimLeft(s, " ")
		lead := w - q.layout(t, it.size, Top).advance
		t = strings.TrimRight(t, " ")
		if t == "" {
			continue
		}
		tw := q.layout(t, it.size, Top).advance
		m := q.face(it.size).Metrics()
		h := m.HAscent + m.HDescent
		ay := it.ay
		if it.rot {
			ay = Middle
		}
		// Along the text (u) and across it (v), relative to the anchor.
		var u0, v0 float64
		switch {
		case it.rot || it.ax == Center:
			u0 = -w / 2
		case it.ax == Right:
			u0 = -w
		}
		switch ay {
		case Middle:
			v0 = -h / 2
		case Bottom:
			v0 = -h
		}
		ox, oy := math.Round(it.x), math.Round(it.y)
		u0 = math.Round(u0) + lead
		b := plot.Rect{X: ox + u0, Y: oy + v0, W: tw, H: h}
		if it.rot { // reading upwards: u runs up, v runs right
			b = plot.Rect{X: ox + v0, Y: oy - u0 - tw, W: h, H: tw}
		}
		dst = append(dst, TextBox{Text: t, Box: b, Size: it.size})
	}
	return dst
}

// draw draws one item.
func (q *textQueue) draw(p *Painter, it *textItem) {
	cs := q.chars[it.c0:it.c1]
	ay := it.ay
	if it.rot {
		ay = Middle
	}
	// The width of the whole text, for the alignment.
	w := 0.0
	if it.ax != Left || it.rot {
		w = q.layout(it.prefix, it.size, ay).advance + q.layout(it.suffix, it.size, ay).advance
		for _, b := range cs {
			w += q.char(b, it.size, ay).advance
		}
	}
	var x float64
	switch {
	case it.rot || it.ax == Center:
		x = -w / 2
	case it.ax == Right:
		x = -w
	}
	// Whole pixels keep the glyphs crisp.
	ox, oy := math.Round(it.x), math.Round(it.y)
	x = math.Round(x)
	pre, suf := q.layout(it.prefix, it.size, ay), q.layout(it.suffix, it.size, ay)
	x = q.part(p, it, &pre, x, ox, oy)
	for _, b := range cs {
		x = q.part(p, it, q.char(b, it.size, ay), x, ox, oy)
	}
	q.part(p, it, &suf, x, ox, oy)
}

// part adds the glyphs of a laid out string with its left end at offset x
// from the anchor (ox, oy) and returns the offset after it. Each glyph is a
// quad of DrawTriangles (DrawImage would allocate on every call).
func (q *textQueue) part(p *Painter, it *textItem, l *layout, x, ox, oy float64) float64 {
	for _, g := range l.glyphs {
		if g.Image == nil {
			continue
		}
		bd := g.Image.Bounds()
		w, h := float64(bd.Dx()), float64(bd.Dy())
		src, sx, sy := g.Image, float64(bd.Min.X), float64(bd.Min.Y)
		if at, ok := p.atlas.place(g.Image); ok {
			src, sx, sy = p.atlas.img, float64(at.X), float64(at.Y)
		}
		// Corners of the glyph relative to the anchor.
		x0, y0 := x+g.X, g.Y
		var cx, cy [4]float64
		for k, c := range [4][2]float64{{0, 0}, {w, 0}, {w, h}, {0, h}} {
			dx, dy := x0+c[0], y0+c[1]
			if it.rot { // a quarter turn anticlockwise
				dx, dy = dy, -dx
			}
			cx[k], cy[k] = ox+dx, oy+dy
		}
		base := p.reserve(src, 4)
		p.vertex(cx[0], cy[0], sx, sy, it.c, 1)
		p.vertex(cx[1], cy[1], sx+w, sy, it.c, 1)
		p.vertex(cx[2], cy[2], sx+w, sy+h, it.c, 1)
		p.vertex(cx[3], cy[3], sx, sy+h, it.c, 1)
		p.quad(base, 0, 1, 2, 3)
	}
	return x + l.advance
}

// NumberWidth returns the width of the text that Number would draw.
func (p *Painter) NumberWidth(prefix string, v float64, f byte, prec int, suffix string, size float64) float64 {
	q := &p.text
	q.num = strconv.AppendFloat(q.num[:0], v, f, prec, 64)
	w := q.layout(prefix, size, Top).advance + q.layout(suffix, size, Top).advance
	for _, b := range q.num {
		w += q.char(b, size, Top).advance
	}
	return w
}
