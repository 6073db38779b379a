package scene

// A Series is one plotted time series, for CSV export: the values Y at the
// times T (t = alpha * steps) with standard errors SE (0 where a value is
// exact or comes from one run). All three slices have the same length.
// A series over something other than time names what T and Y hold: XName
// and YName are the names of their CSV columns ("" for t and y; the order
// scene's series are over the learning rate: alpha and weak_error).
type Series struct {
	Name         string
	T, Y, SE     []float64
	XName, YName string
}

// exactSeries returns the series of the exact values f(t) at the times t
// (copied), with standard errors 0.
func exactSeries(name string, t []float64, f func(t float64) float64) Series {
	y := make([]float64, len(t))
	for k, tk := range t {
		y[k] = f(tk)
	}
	return Series{Name: name, T: append([]float64(nil), t...), Y: y, SE: make([]float64, len(t))}
}

// seriesOf copies a recorded buffer into a Series.
func seriesOf(name string, t, y, se []float64) Series {
	return Series{
		Name: name,
		T:    append([]float64(nil), t...),
		Y:    append([]float64(nil), y...),
		SE:   append([]float64(nil), se...),
	}
}
