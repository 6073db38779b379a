package param

import (
	"flag"
	"strings"
)

// AddFlags defines on fs one flag per parameter, named as its query key
// (-alpha, -T, -n, -N, ...), with the parameter's description, range and
// default as usage; the flags of booleans may be given bare (-embed). A
// flag that fs already defines (smf's -data FILE) is left to its owner. After
// fs.Parse, the returned function resolves base (a query string, e.g. the
// query of a scene URL, or "") with the flags that were set overriding the
// same keys of base, and returns the values and warnings as Resolve does.
func AddFlags(fs *flag.FlagSet) func(base string) (Values, []Warning) {
	set := make(map[string]*textFlag, len(Schema))
	for i := range Schema {
		p := &Schema[i]
		if fs.Lookup(p.Name) != nil {
			continue
		}
		usage := p.Doc + "; " + mdRange(p) + "; default " + mdDefault(p)
		usage = strings.NewReplacer("`", "").Replace(usage)
		f := &textFlag{isBool: p.Type == TypeBool}
		set[p.Name] = f
		fs.Var(f, p.Name, usage)
	}
	return func(base string) (Values, []Warning) {
		var over Query
		fs.Visit(func(f *flag.Flag) {
			if tf, ok := set[f.Name]; ok {
				over = append(over, Pair{Key: f.Name, Value: tf.s})
			}
		})
		return resolve(SplitQuery(base).Overlay(over))
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
