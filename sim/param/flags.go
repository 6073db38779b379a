package param

import (
	"flag"
	"strings"
)

// AddFlags defines on fs one flag per parameter, named as its query key
// (-alpha, -T, -n, -N, ...), with the parameter's description, range and
// default as usage; the flags of booleans may be given bare (-embed). After fs.Parse, the returned function parses base (a
// query string, e.g. the query of a scene URL, or "") with the flags that
// were set overriding the same keys in base, and returns the values and
// warnings as Parse does.
func AddFlags(fs *flag.FlagSet) func(base string) (Values, []Warning) {
	set := make(map[string]*string, len(Schema))
	for i := range Schema {
		p := &Schema[i]
		usage := p.Doc + "; " + mdRange(p) + "; default " + mdDefault(p)
		usage = strings.NewReplacer("`", "").Replace(usage)
		f := &textFlag{isBool: p.Type == TypeBool}
		set[p.Name] = &f.s
		fs.Var(f, p.Name, usage)
	}
	return func(base string) (Values, []Warning) {
		given := map[string]bool{}
		fs.Visit(func(f *flag.Flag) {
			if _, ok := set[f.Name]; ok {
				given[f.Name] = true
			}
		})
		var b strings.Builder
		for part := range strings.SplitSeq(strings.TrimPrefix(strings.TrimSpace(base), "?"), "&") {
			k, _, _ := strings.Cut(part, "=")
			if part == "" || given[strings.TrimSpace(unescape(k))] {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(part)
		}
		for i := range Schema {
			name := Schema[i].Name
			if !given[name] {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(name)
			b.WriteByte('=')
			escape(&b, *set[name])
		}
		return Parse(b.String())
	}
}

// textFlag is a flag.Value that keeps the text given; a boolean one may be
// given without a value.
type textFlag struct {
	s      string
	isBool bool
}

func (f *textFlag) String() string     { return f.s }
func (f *textFlag) Set(s string) error { f.s = s; return nil }
func (f *textFlag) IsBoolFlag() bool   { return f.isBool }
