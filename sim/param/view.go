package param

import "smflow/input"

// CheckView validates the text of the key view and writes it in its
// canonical form (input.FormatView): four finite numbers x0,x1,y0,y1 with
// x0 < x1 and y0 < y1, or empty (the automatic window). It returns why the
// text is not valid ("" when it is).
func CheckView(s *string) string {
	w, ok, err := input.ParseView(*s)
	switch {
	case err != nil:
		return err.Error()
	case ok:
		*s = input.FormatView(w)
	default:
		*s = ""
	}
	return ""
}

// ViewWindow returns the window of v.View and whether there is one
// (false: automatic).
func ViewWindow(v Values) (input.Window, bool) {
	w, ok, _ := input.ParseView(v.View)
	return w, ok
}
