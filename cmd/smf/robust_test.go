package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// stopAfter is a context whose Err turns to context.Canceled at its n-th
// call: runCtx checks it between pieces of work, so the run stops after
// n-1 pieces.
type stopAfter struct {
	context.Context
	n int
}

func (c *stopAfter) Err() error {
	c.n--
	if c.n <= 0 {
		return context.Canceled
	}
	return nil
}

// noTemp fails if a temporary file of runCtx is left in dir.
func noTemp(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func TestRunInterruptKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "out.csv")
	const old = "old,results\n"
	if err := os.WriteFile(f, []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 2, 3} {
		var e bytes.Buffer
		err := runCtx(&stopAfter{context.Background(), n}, []string{"-out", f, "-reps", "4", "problem=quad&T=1&alpha=0.01"}, &bytes.Buffer{}, &e)
		var in interrupted
		if !errors.As(err, &in) || !strings.Contains(err.Error(), "left as it was") {
			t.Errorf("stop at check %d: error %v", n, err)
		}
		if b, _ := os.ReadFile(f); string(b) != old {
			t.Errorf("stop at check %d: file now %q", n, b)
		}
		noTemp(t, dir)
	}
	// Uninterrupted, the file is replaced, keeps its permissions, and holds
	// what standard output gets.
	if err := runCtx(context.Background(), []string{"-out", f, "-reps", "4", "problem=quad&T=1&alpha=0.01"}, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	want, _, err := runSmf("run", "-reps", "4", "problem=quad&T=1&alpha=0.01")
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(f); string(b) != want {
		t.Errorf("file differs from standard output:\n%s\nwant\n%s", b, want)
	}
	if st, err := os.Stat(f); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v (err %v), want 0600 as before", st.Mode(), err)
	}
	noTemp(t, dir)
}

func TestRunInterruptEvery(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(f, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	full, _, err := runSmf("run", "-reps", "3", "-every", "0.25", "problem=quad&T=1&alpha=0.01&methods=sgd,smf")
	if err != nil {
		t.Fatal(err)
	}
	stopped := 0
	defer func() {
		if stopped < 2 {
			t.Errorf("only %d of the runs were interrupted", stopped)
		}
	}()
	for _, n := range []int{2, 5, 30, 60} {
		err := runCtx(&stopAfter{context.Background(), n}, []string{"-out", f, "-reps", "3", "-every", "0.25", "problem=quad&T=1&alpha=0.01&methods=sgd,smf"}, &bytes.Buffer{}, &bytes.Buffer{})
		b, _ := os.ReadFile(f)
		if err == nil {
			if string(b) != full {
				t.Errorf("stop at check %d: run completed but the file differs", n)
			}
			continue
		}
		stopped++
		var in interrupted
		if !errors.As(err, &in) || !strings.Contains(err.Error(), "complete snapshot") {
			t.Errorf("stop at check %d: error %v", n, err)
		}
		// The file is a prefix of the full output made of whole snapshots:
		// 2 methods x 3 replicas rows each.
		if !strings.HasPrefix(full, string(b)) || !strings.HasSuffix(string(b), "\n") {
			t.Fatalf("stop at check %d: file is not a prefix of the full output ending a line:\n%s", n, b)
		}
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) < 7 || (len(rows)-1)%6 != 0 {
			t.Errorf("stop at check %d: %d rows, not whole snapshots of 6", n, len(rows)-1)
		}
		noTemp(t, dir)
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

func TestWriteErrors(t *testing.T) {
	cmds := [][]string{
		{"hash", "problem=quad&T=0.1"},
		{"params"},
		{"params", "-json"},
		{"order", "-exact", "-alphas", "0.1,0.05", "problem=quad&T=0.5"},
		{"order", "-exact", "-csv", "-alphas", "0.1,0.05", "problem=quad&T=0.5"},
		{"order", "-reps", "20", "-alphas", "0.1,0.05", "problem=quad&T=0.2"},
		{"order", "-csv", "-reps", "20", "-alphas", "0.1,0.05", "problem=quad&T=0.2"},
		{"run", "problem=quad&T=0.1"},
		{"run", "-every", "0.05", "problem=quad&T=0.1"},
		{"help"},
	}
	full, _ := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if full != nil {
		defer full.Close()
	}
	for _, args := range cmds {
		if err := run(args, failWriter{}, &bytes.Buffer{}); err == nil || !strings.Contains(strings.ToLower(err.Error()), "no space") {
			t.Errorf("%v to a failing writer: error %v", args, err)
		}
		if full != nil {
			if err := run(args, full, &bytes.Buffer{}); err == nil {
				t.Errorf("%v > /dev/full: no error", args)
			}
		}
	}
	// -out to something that is not a regular file is refused.
	if full != nil {
		if err := run([]string{"run", "-out", "/dev/full", "problem=quad&T=0.1"}, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
			t.Error("-out /dev/full: no error")
		}
	}
}

func TestFlagLimits(t *testing.T) {
	for _, args := range [][]string{
		{"run", "-workers", "0", "problem=quad&T=0.1"},
		{"run", "-workers", "-5", "problem=quad&T=0.1"},
		{"hash", "-workers", "0", "problem=quad&T=0.1"},
		{"order", "-workers", "-1", "problem=quad&T=0.1"},
		{"order", "-sgdreps", "1000000", "problem=quad&T=0.1"},
		{"order", "-sgdreps", "-1", "problem=quad&T=0.1"},
		{"run", "-reps", "1000000", "problem=quad&T=0.1"},
	} {
		if _, _, err := runSmf(args...); err == nil {
			t.Errorf("%v: accepted", args)
		}
	}
	if _, _, err := runSmf("hash", "-workers", "1", "problem=quad&T=0.1"); err != nil {
		t.Errorf("-workers 1: %v", err)
	}
}

// TestRunSIGINT builds smf, interrupts a long `smf run -out F` with SIGINT
// and checks the exit status, the message and that F is as it was.
func TestRunSIGINT(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	if runtime.GOOS == "js" {
		t.Skip("no processes or signals under WebAssembly")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "smf")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, every := range []string{"", "0.01"} {
		f := filepath.Join(dir, "out.csv")
		const old = "old,results\n"
		if err := os.WriteFile(f, []byte(old), 0o644); err != nil {
			t.Fatal(err)
		}
		args := []string{"run", "-out", f, "-reps", "2000", "problem=quad&T=1000&alpha=0.001"}
		if every != "" {
			args = append([]string{args[0], "-every", every}, args[1:]...)
		}
		cmd := exec.Command(bin, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Wait until the run has created its temporary file (it is past
		// its setup), then a little more.
		deadline := time.Now().Add(20 * time.Second)
		for {
			ents, _ := os.ReadDir(dir)
			tmp := false
			for _, e := range ents {
				tmp = tmp || strings.HasSuffix(e.Name(), ".tmp")
			}
			if tmp || time.Now().After(deadline) {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		time.Sleep(300 * time.Millisecond)
		cmd.Process.Signal(os.Interrupt)
		err := cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 130 {
			t.Errorf("-every %q: exit %v, want status 130; stderr:\n%s", every, err, stderr.String())
		}
		if !strings.Contains(stderr.String(), "interrupted at t = ") {
			t.Errorf("-every %q: stderr %q", every, stderr.String())
		}
		b, _ := os.ReadFile(f)
		if every == "" {
			if string(b) != old {
				t.Errorf("file now %.100q, want as it was", b)
			}
		} else {
			rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			if err != nil || len(rows) < 2 {
				t.Fatalf("-every: %d rows (err %v)", len(rows), err)
			}
			per := map[string]int{}
			for _, r := range rows[1:] {
				per[r[3]]++
			}
			for tm, n := range per {
				if n != per[rows[1][3]] {
					t.Errorf("-every: %d rows at t = %s, %d at t = %s", n, tm, per[rows[1][3]], rows[1][3])
				}
			}
			t.Logf("-every: %d complete snapshots of %d rows", len(per), per[rows[1][3]])
		}
		noTemp(t, dir)
	}
}
