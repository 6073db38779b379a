package e2e

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// TestProfile samples the page's CPU for 5 s in headless Chromium (the
// DevTools profiler, which sees the Go functions by name: the WASM is built
// unstripped for it) and prints the functions with the largest inclusive
// and self shares, counting only the samples under the function whose name
// contains $SMFLOW_PROFILE_ROOT (e.g. "Game_.Draw"; every sample when
// empty). It runs only with SMFLOW_PROFILE=query (make profile).
func TestProfile(t *testing.T) {
	q := os.Getenv("SMFLOW_PROFILE")
	if q == "" {
		t.Skip("set SMFLOW_PROFILE to a query (make profile)")
	}
	root := os.Getenv("SMFLOW_PROFILE_ROOT")
	tb := open(t, "/?"+q)
	time.Sleep(2 * time.Second)
	for _, err := range []error{
		callErr(chromedp.Call(tb.ctx, profiler.Enable, cdp.Empty{})),
		callErr(chromedp.Call(tb.ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 200})),
		callErr(chromedp.Call(tb.ctx, profiler.Start, cdp.Empty{})),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(5 * time.Second)
	res, err := chromedp.Call(tb.ctx, profiler.Stop, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	nodes := map[int64]*profiler.ProfileNode{}
	parent := map[int64]int64{}
	for _, n := range res.Profile.Nodes {
		nodes[n.ID] = n
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	self, incl := map[string]int64{}, map[string]int64{}
	var total, all int64
	for _, n := range res.Profile.Nodes {
		all += n.HitCount
		// The stack from n up to the root function (or the top).
		var stack []string
		found := root == ""
		for id := n.ID; id != 0; id = parent[id] {
			f := nodes[id].CallFrame.FunctionName
			stack = append(stack, f)
			if root != "" && strings.Contains(f, root) {
				found = true
				break
			}
		}
		if !found || n.HitCount == 0 {
			continue
		}
		total += n.HitCount
		self[stack[0]] += n.HitCount
		seen := map[string]bool{}
		for _, f := range stack {
			if !seen[f] {
				incl[f] += n.HitCount
				seen[f] = true
			}
		}
	}
	fmt.Printf("profile %s: %d of %d samples under %q\n", q, total, all, root)
	for _, c := range []struct {
		name string
		m    map[string]int64
	}{{"inclusive", incl}, {"self", self}} {
		var ks []string
		for k := range c.m {
			ks = append(ks, k)
		}
		sort.Slice(ks, func(i, j int) bool { return c.m[ks[i]] > c.m[ks[j]] })
		fmt.Printf("%s:\n", c.name)
		for i, k := range ks {
			if i == 25 {
				break
			}
			fmt.Printf("  %5.1f%%  %s\n", 100*float64(c.m[k])/float64(max(total, 1)), k)
		}
	}
}

func callErr(_ cdp.Empty, err error) error { return err }
