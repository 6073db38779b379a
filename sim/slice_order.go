package sim

// RateUntouched reports whether no run of the current learning rate has
// been done (Advance), so that the rate can still be merged from shards
// run elsewhere (MergeRate); false when the experiment is done.
func (o *OrderRun) RateUntouched() bool { return o.checkRanges(nil) == nil }
