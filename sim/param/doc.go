// Package param is the parameter schema of smflow: one declarative table
// (Schema) of every parameter a scene has, with its query key, type, range,
// default, per-scene defaults, group and a one-line description. The lists
// of scenes, problems and methods, their per-scene subsets and the scenes'
// defaults come from the catalogues (package catalog, sim.Problems,
// sim.AllMethods), so the table names none of them.
//
// The table drives everything that handles parameters:
//
//   - Parse reads a URL query string into Values and reports, in plain
//     language, every value it ignored, clamped or replaced (it never fails
//     and never panics); Encode writes the canonical, shortest query string
//     (only values that differ from the scene's defaults), and
//     Parse(Encode(v)) == v for every valid v;
//   - SplitQuery splits a query once into ordered pairs; Resolve lays a
//     scene's preset under them and Canonical writes the shortest query
//     back; AddFlags defines the command-line flags of the same names,
//     which override the query's keys;
//   - Config and Build turn Values into a sim.Config and a simulation,
//     checking explicit points once the data set (and so the dimension)
//     is known;
//   - JSON describes the schema for the HTML controls;
//   - Markdown writes the parameter table of the README.
//
// Rules that tie parameters together (which problems and methods a scene
// offers, the number of coordinates of a point) live in Values.Check.
//
// Syntax accepted by Parse: pairs key=value separated by '&', with or
// without a leading '?', percent-escaped or not. A '+' is a literal plus
// sign (so 1e+3 works unescaped), not a space; no value contains spaces, and
// spaces around values and list items are ignored. Keys are case-sensitive
// (n and N are different parameters). A key given twice takes its last
// value (so appending &alpha=0.2 to a URL overrides alpha), with a warning.
// Integers may be written in any float notation that denotes a whole number
// ("1e3", "64.0"); other fractions are rounded, with a warning. Booleans are
// 1, 0, true or false; a bare key ("&embed") means true. Lists are
// comma-separated; points are rows separated by ';' of coordinates separated
// by ','.
//
// The package imports smflow/sim (and the scene catalogue); sim does not
// import it.
package param
