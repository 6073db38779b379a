//go:build js && browser

package render

import (
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"smflow/render/plot"
)

// benchPainter runs draw b.N times into a fresh frame, n shapes per call,
// and reports the time per shape.
func benchPainter(b *testing.B, n int, draw func(p *Painter, xy []float64)) {
	dst := ebiten.NewImage(800, 600)
	p := NewPainter()
	xy := make([]float64, 0, 2*n)
	for i := 0; i < n; i++ {
		xy = append(xy, float64(i%800), 300+200*float64(i%7)/7)
	}
	p.Begin(dst)
	draw(p, xy)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.Begin(dst)
		draw(p, xy)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/shape")
}

func BenchmarkLine(b *testing.B) {
	benchPainter(b, 1000, func(p *Painter, xy []float64) {
		for i := 0; i+1 < len(xy); i += 2 {
			p.Line(xy[i], xy[i+1], xy[i]+5, xy[i+1]+3, 1.2, plot.Black)
		}
	})
}

func BenchmarkDot(b *testing.B) {
	benchPainter(b, 1000, func(p *Painter, xy []float64) {
		for i := 0; i+1 < len(xy); i += 2 {
			p.Dot(xy[i], xy[i+1], 2, plot.Black)
		}
	})
}

func BenchmarkPolyline(b *testing.B) {
	benchPainter(b, 1000, func(p *Painter, xy []float64) { p.Polyline(xy, 1.5, plot.Black) })
}

func BenchmarkText(b *testing.B) {
	benchPainter(b, 100, func(p *Painter, xy []float64) {
		for i := 0; i+1 < len(xy); i += 2 {
			p.Number("t = ", xy[i], 'f', 2, "", xy[i], xy[i+1], 13, plot.Black, Left, Middle)
		}
		p.text.flush(p)
	})
}
