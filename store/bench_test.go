//go:build unix

package store_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"newsdesk/app"
	"newsdesk/app/corpus"
	"newsdesk/store"
)

// history builds the benchmark history of ANCHORS.md §2: one article of
// 2,000 words and 1,000 revisions of 3 copy edits each, from seed 7.
func history(n int) []string {
	g := corpus.New(7, false)
	body := g.Body(2000)
	out := []string{body}
	for len(out) < n {
		body = g.CopyEdit(body, 3)
		out = append(out, body)
	}
	return out
}

func fill(tb testing.TB, s *store.Store, bodies []string) string {
	tb.Helper()
	svc := app.NewService(s)
	a := corpus.New(7, false).Article(10)
	var id string
	for _, body := range bodies {
		a.Body = body
		out, err := svc.Save(ctx, a, app.SaveOptions{Author: "Bench", Base: -1})
		if err != nil {
			tb.Fatal(err)
		}
		a, id = out, out.ID
	}
	return id
}

// BenchmarkSave measures a durable save (SyncWrites, on disk) of a copy
// edit to a 2,000-word article through the Service, as the GUI does it.
func BenchmarkSave(b *testing.B) {
	for _, zh := range []bool{false, true} {
		b.Run(fmt.Sprintf("chinese=%v", zh), func(b *testing.B) {
			s := MustOpen(b, b.TempDir())
			defer s.Close()
			svc := app.NewService(s)
			g := corpus.New(7, zh)
			a, err := svc.Save(ctx, g.Article(2000), app.SaveOptions{Author: "Bench", Base: -1})
			if err != nil {
				b.Fatal(err)
			}
			bodies := make([]string, 256)
			for i := range bodies {
				bodies[i] = g.CopyEdit(a.Body, 3)
			}
			took := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				a.Body = bodies[i%len(bodies)]
				start := time.Now()
				if a, err = svc.Save(ctx, a, app.SaveOptions{Author: "Bench", Base: -1}); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(start))
			}
			reportPercentiles(b, took)
		})
	}
}

// BenchmarkReadRevision reads revision k of a 1,000-revision history.
func BenchmarkReadRevision(b *testing.B) {
	s := MustOpen(b, b.TempDir())
	defer s.Close()
	id := fill(b, s, history(1000))
	for _, k := range []int{1, 500, 1000} {
		b.Run(fmt.Sprintf("rev=%d", k), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.Revision(ctx, id, k); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("latest", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := s.Article(ctx, id); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkHistoryDisk stores the 1,000-revision history, then the same
// texts as 1,000 git commits, and reports both sizes on disk (allocated
// blocks, as du counts them) after Close, after Compact and after git gc.
// Run it once: go test -run '^$' -bench HistoryDisk -benchtime 1x ./store
func BenchmarkHistoryDisk(b *testing.B) {
	bodies := history(1000)
	for i := 0; i < b.N; i++ {
		dir := b.TempDir()
		s := MustOpen(b, dir)
		fill(b, s, bodies)
		s.Close()
		raw := allocated(b, dir)
		s = MustOpen(b, dir)
		if err := s.Compact(); err != nil {
			b.Fatal(err)
		}
		s.Close()
		compacted := allocated(b, dir)
		b.ReportMetric(float64(raw), "store-bytes")
		b.ReportMetric(float64(compacted), "compacted-bytes")
		if _, err := exec.LookPath("git"); err != nil {
			b.Log("git not found: no side-by-side figure")
			continue
		}
		gitBytes := gitHistory(b, bodies)
		b.ReportMetric(float64(gitBytes), "git-gc-bytes")
		b.ReportMetric(float64(compacted)/float64(gitBytes), "ratio-vs-git")
	}
	var total int
	for _, body := range bodies {
		total += len(body)
	}
	b.ReportMetric(float64(total), "text-bytes")
}

// gitHistory commits every body as article.txt with git fast-import (the
// same repository a commit loop makes, much faster), runs git gc and
// returns the allocated size of .git.
func gitHistory(b *testing.B, bodies []string) int64 {
	dir := b.TempDir()
	run := func(stdin []byte, args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Stdin = bytes.NewReader(stdin)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run(nil, "init", "-q")
	var fi bytes.Buffer
	when := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC).Unix()
	for i, body := range bodies {
		fmt.Fprintf(&fi, "commit refs/heads/main\ncommitter Bench <bench@newsdesk.example> %d +0000\n", when+int64(i))
		msg := fmt.Sprintf("revision %d", i+1)
		fmt.Fprintf(&fi, "data %d\n%s\n", len(msg), msg)
		fmt.Fprintf(&fi, "M 644 inline article.txt\ndata %d\n%s\n", len(body), body)
	}
	run(fi.Bytes(), "fast-import", "--quiet")
	run(nil, "gc", "-q", "--prune=now")
	return allocated(b, filepath.Join(dir, ".git"))
}

func allocated(tb testing.TB, dir string) int64 {
	var n int64
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if st, ok := info.Sys().(*syscall.Stat_t); ok {
			n += st.Blocks * 512
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// reportPercentiles adds the median and p99 of per-operation times, since
// the targets are medians and ns/op is a mean that one slow fsync skews.
func reportPercentiles(b *testing.B, took []time.Duration) {
	if len(took) == 0 {
		return
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds()), "p99-µs")
}
