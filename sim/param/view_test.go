package param

import (
	"reflect"
	"strings"
	"testing"
)

// TestView checks the key view: a valid window reads back in canonical
// form and survives Canonical; an invalid one warns and is automatic; and
// the window changes nothing of the simulation's configuration.
func TestView(t *testing.T) {
	v, ws := Resolve("scene=flow&view=-1.50,2,0,3")
	if len(ws) != 0 || v.View != "-1.5,2,0,3" {
		t.Fatalf("view = %q, warnings %v", v.View, ws)
	}
	q := Canonical(v)
	if !strings.Contains(q, "view=-1.5,2,0,3") {
		t.Errorf("Canonical lost the view: %s", q)
	}
	if v2, _ := Resolve(q); v2.View != v.View {
		t.Errorf("reload gives view %q", v2.View)
	}
	for _, bad := range []string{"1,2,3", "2,1,0,1", "0,1,0,nan", "a,b,c,d", "0,1,1,1"} {
		v, ws := Resolve("scene=flow&view=" + bad)
		if v.View != "" || len(ws) != 1 || ws[0].Key != "view" {
			t.Errorf("view=%s: view %q, warnings %v", bad, v.View, ws)
		}
	}
	a, _ := Resolve("scene=flow")
	b, _ := Resolve("scene=flow&view=-1,1,-1,1")
	ca, _, _ := Config(&a, nil)
	cb, _, _ := Config(&b, nil)
	if !reflect.DeepEqual(ca, cb) {
		t.Error("view changes the simulation's configuration")
	}
}
