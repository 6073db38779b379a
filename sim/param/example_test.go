package param_test

import (
	"fmt"

	"smflow/sim/param"
)

func ExampleParse() {
	v, warnings := param.Parse("?scene=flow&alpha=-3&n=49&methods=sgd,mfode,smf&foo=1")
	for _, w := range warnings {
		fmt.Println(w.Message)
	}
	fmt.Println(v.Scene, v.Alpha, v.NPoints, v.Methods, v.T)
	fmt.Println(param.Encode(v))
	// Output:
	// unknown parameter foo; ignored
	// alpha=-3 is below 0.0001; using 0.0001
	// methods: mfode is not available in scene flow (choices: sgd, gf, sme1, sme2, smf); dropped
	// flow 0.0001 49 [sgd smf] 4
	// scene=flow&alpha=0.0001&n=49&methods=sgd,smf
}

func ExampleEncode() {
	v := param.Defaults("meanfield")
	v.Alpha = 0.01
	v.Din = 2
	v.Points = [][]float64{{1, 0.5, 0, 0}, {-1, -0.5, 0, 0}}
	fmt.Println(param.Encode(v))
	// Output:
	// scene=meanfield&alpha=0.01&din=2&points=1,0.5,0,0;-1,-0.5,0,0
}
