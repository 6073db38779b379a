package app

import "smflow/scene"

// A Series is one plotted curve of a view, for the CSV export.
type Series = scene.Series
