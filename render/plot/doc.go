// Package plot is the pure half of the renderer: the geometry and
// bookkeeping of a figure that needs no graphics library. It lays out panels
// (Rect, Grid, Panel), maps data to pixels (Axis, Transform), chooses tick
// marks (Ticks, LogTicks, AxisTicks), keeps axis ranges steady (AutoRange),
// records time series at a fixed budget of points (Sampler, Buffer), keeps
// short trails (Trails), builds the edges of a deforming mesh (MeshEdges),
// turns density grids into pixels (DensityPixels) and holds the colours
// (Okabe-Ito method colours, density ramps). The statistics shown
// (histograms, densities, means with standard errors, distances) are
// computed by smflow/sim/stat, not here.
//
// Nothing here imports Ebitengine, so it is tested natively; package render
// draws what this package computes.
package plot
