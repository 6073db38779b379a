// Package render draws figures with Ebitengine: a Painter batches lines,
// polylines, error bands, rectangles and dots into a few DrawTriangles calls
// and queues text, and Axes draws a panel's frame, grid, ticks and labels.
// Coordinates are device pixels; the geometry and bookkeeping live in the
// pure package render/plot.
//
// Every file that imports Ebitengine is built for js only (the browser), so
// that `go test ./...` runs natively without a display; check it with
// `GOOS=js GOARCH=wasm go vet ./render/...`.
package render
