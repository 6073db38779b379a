package param

import (
	"fmt"
	"slices"
	"strings"

	"smflow/catalog"
)

// Markdown returns the parameter table of the README: one row per
// parameter (key, type, range or choices, default, meaning) with the
// per-scene choices and defaults, followed by the rules of Check.
func Markdown() string {
	var b strings.Builder
	b.WriteString("| key | type | range / choices | default | meaning |\n")
	b.WriteString("|---|---|---|---|---|\n")
	for i := range Schema {
		p := &Schema[i]
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", p.Name, mdType(p), mdRange(p), mdDefault(p), mdCell(p.Doc))
	}
	b.WriteString("\nRules:\n\n")
	b.WriteString("- Problems per scene: " + perScene(func(s catalog.Scene) []string { return s.Problems() }) + ".\n")
	b.WriteString("- Methods per scene: " + perScene(func(s catalog.Scene) []string { return s.Methods() }) +
		". Others are dropped; if none is left the scene's default list is used.\n")
	b.WriteString(`- A row of points has as many coordinates as a point of the problem (for a network, din for
  neuron=w, din+2 for neuron=awb: z = (a, w, b)); it is checked once the data set is known (a
  CSV file may set the dimension), and other rows are dropped.
- Invalid values are reported and replaced: numbers out of range are clamped, unknown choices
  take the scene's default, invalid list items and points are dropped.
- Syntax: a key given twice takes its last value; integers may be written as 1e3; booleans are
  1, 0, true or false (a bare key means 1); '+' is a plus sign, not a space.
`)
	return b.String()
}

// perScene lists the items of every scene, scenes with the same items in
// one entry: "s1, s2: a, b; s3: c".
func perScene(items func(catalog.Scene) []string) string {
	var per []string
	done := map[string]bool{}
	for _, s := range catalog.Scenes() {
		if done[s.Key] {
			continue
		}
		var same []string
		for _, s2 := range catalog.Scenes() {
			if slices.Equal(items(s), items(s2)) {
				same = append(same, s2.Key)
				done[s2.Key] = true
			}
		}
		per = append(per, strings.Join(same, ", ")+": "+strings.Join(items(s), ", "))
	}
	return strings.Join(per, "; ")
}

func mdType(p *Param) string {
	switch p.Type {
	case TypeUint:
		return "uint64"
	case TypeList:
		return "list"
	}
	return p.Type
}

func mdRange(p *Param) string {
	switch p.Type {
	case TypeFloat, TypeInt:
		r := fmtFloat(p.Min) + " .. " + fmtFloat(p.Max)
		if p.Zero != "" {
			r = "0 (" + p.Zero + ") or " + r
		}
		return r
	case TypeUint:
		return "0 .. 2^64-1"
	case TypeText:
		return fmt.Sprintf("at most %d of a-z, 0-9, -", p.MaxLen)
	case TypeData:
		return fmt.Sprintf("a relative path or inline:ROWS, at most %d characters", p.MaxLen)
	case TypeView:
		return "x0,x1,y0,y1 with x0 < x1, y0 < y1"
	case TypePoints:
		return fmt.Sprintf("at most %d rows; coordinates in %s .. %s", p.MaxLen, fmtFloat(p.Min), fmtFloat(p.Max))
	case TypeBool:
		return "0, 1"
	case TypeEnum, TypeList:
		if p.Name == "hide" {
			return "parameter keys"
		}
		s := mdCode(p.Enum)
		if len(p.SceneEnum) > 0 {
			// Scenes with the same choices share one entry.
			var per []string
			done := map[string]bool{}
			for _, sc := range catalog.Keys() {
				c, ok := p.SceneEnum[sc]
				if !ok || done[sc] {
					continue
				}
				same := []string{}
				for _, sc2 := range catalog.Keys() {
					if c2, ok := p.SceneEnum[sc2]; ok && slices.Equal(c, c2) {
						same = append(same, sc2)
						done[sc2] = true
					}
				}
				per = append(per, strings.Join(same, ", ")+": "+mdCode(c))
			}
			s += " (" + strings.Join(per, "; ") + ")"
		}
		return s
	}
	return ""
}

func mdDefault(p *Param) string {
	s := "`" + p.Default + "`"
	if p.Default == "" {
		s = "empty"
	}
	var per []string
	for _, sc := range catalog.Keys() {
		if d, ok := p.SceneDefaults[sc]; ok {
			per = append(per, sc+": `"+d+"`")
		}
	}
	if len(per) > 0 {
		s += " (" + strings.Join(per, ", ") + ")"
	}
	return s
}

// mdCode writes items as `a`, `b`.
func mdCode(items []string) string {
	return "`" + strings.Join(items, "`, `") + "`"
}

// mdCell escapes a table cell.
func mdCell(s string) string {
	return strings.ReplaceAll(s, "|", `\|`)
}
