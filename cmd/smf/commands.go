package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"smflow/catalog"
	"smflow/sim"
	"smflow/sim/param"
)

// common holds the flags shared by run and hash.
type common struct {
	data    string
	lenient bool
	workers int
	// resolve resolves the query with the parameter flags that were set
	// overriding it (param.AddFlags).
	resolve func(base string) (param.Values, []param.Warning)
}

func (c *common) register(fs *flag.FlagSet) {
	fs.StringVar(&c.data, "data", "", "read the data set from this CSV file (header xi, or x1[,x2],y); overrides the key data")
	fs.BoolVar(&c.lenient, "lenient", false, "run despite ignored or clamped parameters (as the browser does)")
	fs.IntVar(&c.workers, "workers", runtime.NumCPU(), "goroutines running replicas")
	c.resolve = param.AddFlags(fs)
}

// maxWorkers bounds -workers: more goroutines than this only cost memory.
const maxWorkers = 4096

// maxReps is the query's limit of reps (the schema's), which bounds the
// command line's own replica flags (-sgdreps) too.
func maxReps() int {
	if p, ok := param.Lookup("reps"); ok && p.Max > 0 {
		return int(p.Max)
	}
	return 100000
}

// build parses the query and builds its simulation. Parameters the schema
// had to ignore or clamp are errors unless -lenient is set.
func (c *common) build(fs *flag.FlagSet, stderr io.Writer) (*sim.Sim, error) {
	if fs.NArg() != 1 {
		return nil, usageError{fmt.Sprintf("want exactly one QUERY argument, got %d", fs.NArg())}
	}
	if c.workers < 1 || c.workers > maxWorkers {
		return nil, fmt.Errorf("-workers %d must be between 1 and %d", c.workers, maxWorkers)
	}
	query := fs.Arg(0)
	if i := strings.IndexByte(query, '?'); i >= 0 {
		query = query[i+1:] // a whole URL is fine too
	}
	v, warns := c.resolve(query)
	var data *sim.Data
	var err error
	if c.data != "" { // -data FILE overrides the key data
		b, rerr := os.ReadFile(c.data)
		if rerr != nil {
			return nil, rerr
		}
		if data, err = param.ParseData(c.data, string(b)); err != nil {
			return nil, err
		}
	} else if data, err = param.ReadData(v, os.ReadFile); err != nil {
		// the key data: a path relative to the working directory, or inline
		return nil, err
	}
	s, w2, err := param.Build(&v, data)
	warns = append(warns, w2...)
	for _, w := range warns {
		fmt.Fprintln(stderr, "smf: warning:", w.Message)
	}
	if len(warns) > 0 && !c.lenient {
		return nil, fmt.Errorf("%d problem(s) with the query (see above); fix them or pass -lenient", len(warns))
	}
	return s, err
}

func cmdRun(args []string, stdout, stderr io.Writer) error {
	// SIGINT and SIGTERM stop the run between two pieces of work (see
	// runCtx); a second signal, once the first was taken, kills as usual.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() { <-ctx.Done(); stop() }()
	return runCtx(ctx, args, stdout, stderr)
}

// interrupted is the error of a run stopped by its context (a signal).
type interrupted struct{ msg string }

func (e interrupted) Error() string { return e.msg }

// runCtx is the command run, stopped when ctx is done. The simulation
// advances in pieces of at most about chunkTime each (sim.RunTo gives the
// same numbers however the steps are cut), and ctx is checked between
// them. With -out F the CSV goes to a temporary file beside F that is
// renamed onto F when it is complete, so F is never empty or cut: an
// interrupted run without -every leaves F as it was; with -every it renames
// the file holding the snapshots written so far (each one complete). A
// write error removes the temporary file and leaves F as it was.
func runCtx(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	out := fs.String("out", "", "write the CSV here instead of standard output (through a temporary file renamed when complete)")
	every := fs.Float64("every", 0, "also write the state every DT of time (0: final time only)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if *every < 0 || math.IsNaN(*every) || math.IsInf(*every, 0) {
		return fmt.Errorf("-every %v must be a non-negative time", *every)
	}
	s, err := c.build(fs, stderr)
	if err != nil {
		return err
	}
	w := stdout
	var af *atomicFile
	if *out != "" {
		if af, err = createAtomic(*out); err != nil {
			return err
		}
		defer af.abort() // a no-op once committed
		w = af.f
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	// snapshot writes the state and flushes it: the output then ends with a
	// complete snapshot, or the write failed.
	snapshots := 0
	var lastT float64
	var rows []byte
	snapshot := func() error {
		rows = sim.AppendStateRows(rows[:0], s)
		bw.Write(rows)
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("writing %s: %w", outName(*out), err)
		}
		snapshots++
		lastT = s.Time()
		return nil
	}
	bw.Write(sim.AppendStateHeader(nil, s))
	total := s.TotalSteps()
	chunk := total
	if *every > 0 {
		chunk = max(1, int(math.Round(*every/s.Config().Alpha)))
		if err := snapshot(); err != nil {
			return err
		}
	}
	p := newProgress(stderr, total)
	piece := 1 // steps per piece, adapted to take about chunkTime
	for s.Steps() < total {
		next := min(total, s.Steps()+chunk)
		for s.Steps() < next {
			if ctx.Err() != nil {
				p.done()
				return stopRun(s, af, *out, snapshots, lastT, total)
			}
			base := s.Steps()
			to := min(next, base+piece)
			t0 := time.Now()
			s.RunTo(to, c.workers, func(f float64) { p.update(base + int(f*float64(to-base))) })
			piece = adaptPiece(piece, to-base, time.Since(t0))
		}
		if err := snapshot(); err != nil {
			return err
		}
	}
	p.done()
	for i, tr := range s.Tracks() {
		if st := s.Status(i); st.Diverged {
			fmt.Fprintf(stderr, "smf: %s diverged at t = %g in %d of %d replicas (their rows have empty coordinates and the note \"diverged at t = ...\")\n", tr.Method, st.At, st.Reps, tr.Reps)
		}
	}
	if af != nil {
		return af.commit()
	}
	return nil
}

// chunkTime is about the longest piece of simulation between two checks of
// an interrupt.
const chunkTime = 100 * time.Millisecond

// adaptPiece returns the steps of the next piece, given that the last one
// of steps steps took d: about chunkTime's worth, at most doubling.
func adaptPiece(piece, steps int, d time.Duration) int {
	if steps < piece { // a piece cut short by a snapshot says little
		return piece
	}
	if d <= 0 {
		return piece * 2
	}
	n := int(float64(steps) * float64(chunkTime) / float64(d))
	return max(1, min(n, 2*piece))
}

// stopRun ends an interrupted run: with -out it renames the file of the
// complete snapshots written so far onto F, or leaves F as it was when
// there are none (without -every there are none before the end); it
// returns the error that says so.
func stopRun(s *sim.Sim, af *atomicFile, out string, snapshots int, lastT float64, total int) error {
	where := fmt.Sprintf("interrupted at t = %g (step %d of %d)", s.Time(), s.Steps(), total)
	switch {
	case af != nil && snapshots > 0:
		if err := af.commit(); err != nil {
			return fmt.Errorf("%s; %w", where, err)
		}
		return interrupted{fmt.Sprintf("%s; %s holds the %d complete snapshot(s) up to t = %g", where, out, snapshots, lastT)}
	case af != nil:
		af.abort()
		return interrupted{fmt.Sprintf("%s; %s left as it was", where, out)}
	case snapshots > 0:
		return interrupted{fmt.Sprintf("%s; the output holds the %d complete snapshot(s) up to t = %g", where, snapshots, lastT)}
	}
	return interrupted{where + "; nothing written"}
}

func outName(out string) string {
	if out == "" {
		return "standard output"
	}
	return out
}

// atomicFile is a temporary file in the folder of its final name, renamed
// onto it by commit or removed by abort.
type atomicFile struct {
	f    *os.File
	name string
	done bool
}

// createAtomic creates the temporary file of name, with the permissions of
// name if it exists (0644 otherwise).
func createAtomic(name string) (*atomicFile, error) {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(name); err == nil {
		if !st.Mode().IsRegular() {
			return nil, fmt.Errorf("%s is not a regular file", name)
		}
		mode = st.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(mode); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &atomicFile{f: f, name: name}, nil
}

// commit syncs and closes the file and renames it onto its name.
func (a *atomicFile) commit() error {
	if a.done {
		return nil
	}
	a.done = true
	err := a.f.Sync()
	if cerr := a.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(a.f.Name(), a.name)
	}
	if err != nil {
		os.Remove(a.f.Name())
		return fmt.Errorf("writing %s: %w (the file is as it was)", a.name, err)
	}
	return nil
}

// abort closes and removes the file.
func (a *atomicFile) abort() {
	if a.done {
		return
	}
	a.done = true
	a.f.Close()
	os.Remove(a.f.Name())
}

// progress prints a progress line on stderr for runs longer than a second:
// rewritten in place on a terminal, a new line every 10 s otherwise.
type progress struct {
	w           io.Writer
	total       int
	tty         bool
	start, last time.Time
	shown       bool
}

func newProgress(w io.Writer, total int) *progress {
	now := time.Now()
	p := &progress{w: w, total: total, start: now, last: now}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

func (p *progress) update(step int) {
	now := time.Now()
	every := 10 * time.Second
	if p.tty {
		every = 200 * time.Millisecond
	}
	if now.Sub(p.start) < time.Second || now.Sub(p.last) < every {
		return
	}
	p.last = now
	p.shown = true
	line := fmt.Sprintf("smf: %d of %d (%.0f%%), %.1fs", step, p.total, 100*float64(step)/float64(max(p.total, 1)), now.Sub(p.start).Seconds())
	if p.tty {
		fmt.Fprint(p.w, "\r"+line)
	} else {
		fmt.Fprintln(p.w, line)
	}
}

func (p *progress) done() {
	if !p.shown {
		return
	}
	line := fmt.Sprintf("smf: done in %.1fs", time.Since(p.start).Seconds())
	if p.tty {
		fmt.Fprintf(p.w, "\r%s%s\n", line, strings.Repeat(" ", 30))
	} else {
		fmt.Fprintln(p.w, line)
	}
}

func cmdHash(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("hash", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	s, err := c.build(fs, stderr)
	if err != nil {
		return err
	}
	s.RunTo(s.TotalSteps(), c.workers, nil)
	fmt.Fprint(stdout, sim.HashReport(s))
	return nil
}

func cmdParams(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("params", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the schema as JSON")
	readme := fs.String("readme", "", "rewrite the parameter and preset tables between their markers in this Markdown file")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if *readme != "" {
		return rewriteReadme(*readme)
	}
	if *asJSON {
		stdout.Write(param.JSON())
		fmt.Fprintln(stdout)
		return nil
	}
	fmt.Fprint(stdout, param.Markdown())
	return nil
}

// readmeSections are the generated parts of README.md: the text between
// each pair of markers is the table of its function.
var readmeSections = []struct {
	begin, end string
	table      func() string
}{
	{"<!-- params:begin -->\n", "<!-- params:end -->", param.Markdown},
	{"<!-- scenes:begin -->\n", "<!-- scenes:end -->", catalog.ScenesMarkdown},
	{"<!-- problems:begin -->\n", "<!-- problems:end -->", catalog.ProblemsMarkdown},
	{"<!-- presets:begin -->\n", "<!-- presets:end -->", catalog.Markdown},
}

// rewriteReadme replaces the text between each pair of markers of a
// Markdown file (readmeSections) with its table.
func rewriteReadme(name string) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	s := string(b)
	for _, sec := range readmeSections {
		i, j := strings.Index(s, sec.begin), strings.Index(s, sec.end)
		if i < 0 || j < i {
			return fmt.Errorf("%s: no %q ... %q markers", name, sec.begin, sec.end)
		}
		s = s[:i+len(sec.begin)] + sec.table() + s[j:]
	}
	return os.WriteFile(name, []byte(s), 0o644)
}
