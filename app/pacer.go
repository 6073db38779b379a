package app

import "time"

// A Pacer spaces the paints of the canvas when painting is what slows the
// page down. In a browser every painted frame is composited by the GPU (in
// headless Chromium by SwiftShader on the CPU); where that takes longer than
// a display frame (software WebGL, a 4K screen on a weak GPU) the browser's
// frames stretch, Ebitengine's ticks fall behind (it catches up at most five
// ticks at once) and the page stops answering.
//
// The Pacer watches the mean frame interval over every Window. When frames
// take more than 1.35/60 s on average while paints are being made, it
// lengthens the minimum interval between paints by half (starting at
// 100 ms, at most a second); when they are back under 1.15/60 s, it
// shortens it by a third, down to no pacing at all. Where frames keep a
// 60 Hz display's rate (or a faster one's) it never delays a paint.
type Pacer struct {
	// Window is the period of the adjustments (half a second when zero).
	Window time.Duration

	last      time.Time // the last frame
	lastPaint time.Time // the last painted frame
	start     time.Time // start of the window
	frames    int       // frames in the window
	paints    int       // painted frames in the window
	mean      float64   // mean frame interval of the last window
	interval  time.Duration
}

// Frame records a frame at now that painted or not. Windows that contain a
// gap longer than a second (a hidden tab, a breakpoint) are not used.
func (p *Pacer) Frame(now time.Time, painted bool) {
	if painted {
		p.lastPaint = now
	}
	if p.last.IsZero() {
		p.last, p.start = now, now
		return
	}
	gap := now.Sub(p.last).Seconds()
	p.last = now
	if gap <= 0 {
		return
	}
	if gap > 1 {
		p.start, p.frames, p.paints = now, 0, 0
		return
	}
	p.frames++
	if painted {
		p.paints++
	}
	w := p.Window
	if w <= 0 {
		w = 500 * time.Millisecond
	}
	el := now.Sub(p.start)
	if el < w {
		return
	}
	p.mean = el.Seconds() / float64(p.frames)
	stretch := p.mean * 60
	switch {
	case stretch > 1.35 && p.paints >= 2:
		p.interval = min(max(p.interval*3/2, 100*time.Millisecond), time.Second)
	case stretch < 1.15:
		if p.interval = p.interval * 2 / 3; p.interval < 25*time.Millisecond {
			p.interval = 0
		}
	}
	p.start, p.frames, p.paints = now, 0, 0
}

// Interval returns the minimum interval between paints (0: none).
func (p *Pacer) Interval() time.Duration { return p.interval }

// Ready reports whether a paint at now keeps the minimum interval.
func (p *Pacer) Ready(now time.Time) bool {
	return p.lastPaint.IsZero() || now.Sub(p.lastPaint) >= p.interval
}

// MeanFrame returns the mean frame interval of the last window.
func (p *Pacer) MeanFrame() time.Duration { return time.Duration(p.mean * 1e9) }
