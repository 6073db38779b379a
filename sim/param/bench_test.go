package param

import (
	"strings"
	"testing"
)

// BenchmarkParse measures Parse on a typical URL and on 1 MB pathological
// queries.
func BenchmarkParse(b *testing.B) {
	for _, bm := range []struct{ name, q string }{
		{"typical", "scene=flow&alpha=0.05&T=3&n=49&methods=sgd,smf&seed=7"},
		{"points4096", "dim=8&points=" + strings.Repeat("1.5,2,3,4,5,6,7,8;", 4096)},
		{"longRow", "points=" + strings.Repeat("1,", 500000)},
		{"manyRows", "points=" + strings.Repeat("1,2;", 250000)},
		{"manyItems", "methods=" + strings.Repeat("sgd,", 250000)},
		{"manyKeys", strings.Repeat("a=1&b=2&", 125000)},
		{"longValue", "scene=" + strings.Repeat("<", 1000000)},
		{"escapes", "hide=" + strings.Repeat("%2C", 300000)},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for b.Loop() {
				Parse(bm.q)
			}
		})
	}
}

// BenchmarkEncode measures Encode of Values with 4096 points.
func BenchmarkEncode(b *testing.B) {
	v, _ := Parse("dim=8&points=" + strings.Repeat("1.5,2,3,4,5,6,7,8;", 4096))
	for b.Loop() {
		Encode(v)
	}
}
