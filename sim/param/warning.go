package param

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A Warning reports one value that was ignored, clamped or replaced. All
// fields are plain text (never HTML); values in Message are quoted and
// escaped when they are not plain words or numbers.
type Warning struct {
	// Key is the parameter's key (or the unknown key as given).
	Key string
	// Value is the offending value as given, cut to at most 64 characters.
	Value string
	// Message says what was wrong and what is used instead, e.g.
	// "alpha=-3 is below 0.0001; using 0.0001".
	Message string
}

// Error returns w.Message, so a Warning can be used as an error.
func (w Warning) Error() string { return w.Message }

// Limits on the number of warnings, so a huge query gives a short report.
const (
	maxWarningsPerKey = 5
	maxWarnings       = 100
)

// warner collects warnings up to the limits and counts the rest.
type warner struct {
	list    []Warning
	perKey  map[string]int
	over    []string // keys over the per-key limit, in order of appearance
	dropped int      // warnings over the total limit
}

func newWarner() *warner { return &warner{perKey: map[string]int{}} }

// add records a warning; format and args make the message.
func (w *warner) add(key, value, format string, args ...any) {
	n := w.perKey[key] + 1
	w.perKey[key] = n
	switch {
	case n == maxWarningsPerKey+1:
		w.over = append(w.over, key)
		return
	case n > maxWarningsPerKey:
		return
	case len(w.list) >= maxWarnings:
		w.dropped++
		return
	}
	w.list = append(w.list, Warning{Key: cut(key, 64), Value: cut(value, 64), Message: fmt.Sprintf(format, args...)})
}

// done returns the warnings, followed by a summary of those left out.
func (w *warner) done() []Warning {
	out := w.list
	for _, k := range w.over {
		if len(out) >= maxWarnings+10 {
			w.dropped += w.perKey[k] - maxWarningsPerKey
			continue
		}
		out = append(out, Warning{Key: cut(k, 64), Message: fmt.Sprintf("%s: %d more problems not shown", show(k), w.perKey[k]-maxWarningsPerKey)})
	}
	if w.dropped > 0 {
		out = append(out, Warning{Message: fmt.Sprintf("%d more warnings not shown", w.dropped)})
	}
	return out
}

// cut returns s cut to at most n characters (runes), with invalid UTF-8
// replaced.
func cut(s string, n int) string {
	return strings.ToValidUTF8(cutRaw(s, n), "\uFFFD")
}

// cutRaw returns s cut to at most n characters (runes or invalid bytes).
func cutRaw(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, k := 0, 0
	for i = range s {
		if k == n-3 {
			break
		}
		k++
	}
	return s[:i] + "..."
}

// show returns s for a message: as is if it is a plain word or number,
// otherwise quoted with Go escapes (ASCII only); long values are cut.
func show(s string) string {
	if s == "" {
		return `""`
	}
	plain := len(s) <= 40
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '.' || c == '-' || c == '+' || c == '_'
	}
	if plain {
		return s
	}
	return strconv.QuoteToASCII(cutRaw(s, 40))
}

// fmtFloat formats x in the shortest form that reads back to x.
func fmtFloat(x float64) string {
	if x == 0 {
		return "0" // also for -0
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// list joins items with ", ".
func list(items []string) string { return strings.Join(items, ", ") }
