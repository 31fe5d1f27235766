//go:build unix

package export

import (
	"context"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"newsdesk/app"
	"newsdesk/app/corpus"
	"newsdesk/store"
)

// benchNewsroom fills an on-disk store with n ready stories from the
// corpus (seed 1, as the anchors' Hugo runs; 400 to 2,000 words, one
// Chinese story in five), each with a photo from a set of six.
func benchNewsroom(b *testing.B, n int) (*app.Service, []string) {
	b.Helper()
	st, err := store.Open(filepath.Join(b.TempDir(), "newsdesk"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	svc := app.NewService(st)
	svc.Log = quietLog()
	var refs []string
	for i := 0; i < 6; i++ {
		refs = append(refs, mustPNG(b, svc, color.RGBA{uint8(40 * i), 80, 160, 255}))
	}
	en, zh := corpus.New(1, false), corpus.New(1, true)
	var ids []string
	for start := 0; start < n; start += 200 {
		var batch []*app.Article
		for i := start; i < min(n, start+200); i++ {
			g := en
			if i%5 == 4 {
				g = zh
			}
			a := g.Article(400 + (i*389)%1600)
			a.Status = app.StatusReady
			a.Photos[0].Image = refs[i%len(refs)]
			batch = append(batch, a)
		}
		saved, err := svc.SaveBatch(context.Background(), batch, app.SaveOptions{Author: "Bench", Base: -1})
		if err != nil {
			b.Fatal(err)
		}
		for _, a := range saved {
			ids = append(ids, a.ID)
		}
	}
	return svc, ids
}

// benchDir is where benchmark portals are written: a temporary folder, or
// one under $NEWSDESK_BENCH_DIR (e.g. /dev/shm, to take a noisy shared
// disk out of the figures).
func benchDir(b *testing.B) string {
	parent := os.Getenv("NEWSDESK_BENCH_DIR")
	if parent == "" {
		return b.TempDir()
	}
	d, err := os.MkdirTemp(parent, "export-bench-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(d) })
	return d
}

// cpuTime is the process's user and system time: on a shared, loaded
// machine it says more about the export's cost than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakHeap runs fn and returns the peak of the heap (runtime.ReadMemStats
// HeapAlloc: live data plus garbage not yet collected) and the peak of the
// live heap the collector found (runtime/metrics /gc/heap/live:bytes). Both
// include the store's own caches (Badger's block cache and memtable).
func peakHeap(fn func()) (alloc, live uint64) {
	runtime.GC()
	var peakAlloc, peakLive atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for {
			runtime.ReadMemStats(&m)
			metrics.Read(sample)
			peakAlloc.Store(max(peakAlloc.Load(), m.HeapAlloc))
			peakLive.Store(max(peakLive.Load(), sample[0].Value.Uint64()))
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	fn()
	close(stop)
	wg.Wait()
	return peakAlloc.Load(), peakLive.Load()
}

// BenchmarkExport exports n stories to an empty folder: every page, feed,
// ninjs and photo written. Metrics: articles/s and the peak live heap.
func BenchmarkExport(b *testing.B) {
	sizes := []int{1000}
	if os.Getenv("NEWSDESK_BENCH_LARGE") != "" {
		sizes = append(sizes, 10000)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			svc, _ := benchNewsroom(b, n)
			x := &Exporter{Store: svc.Store, Log: quietLog()}
			var peak, live uint64
			var took, cpu time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				to := filepath.Join(benchDir(b), "portal")
				start, startCPU := time.Now(), cpuTime()
				p, l := peakHeap(func() {
					rep, err := x.Run(context.Background(), Options{To: to, By: "Bench"})
					if err != nil || len(rep.Exported) != n {
						b.Fatalf("export: %v (%d exported)", err, len(rep.Exported))
					}
				})
				took, cpu = took+time.Since(start), cpu+cpuTime()-startCPU
				peak, live = max(peak, p), max(live, l)
			}
			b.ReportMetric(float64(n*b.N)/took.Seconds(), "articles/s")
			b.ReportMetric(float64(n*b.N)/cpu.Seconds(), "articles/cpu-s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			b.ReportMetric(float64(live)/(1<<20), "peak-live-MiB")
		})
	}
}

// BenchmarkReexport edits 10 of n exported stories and exports again:
// only their pages, their sections' pages, the index and the feeds are
// made; everything else is carried over.
func BenchmarkReexport(b *testing.B) {
	sizes := []int{1000}
	if os.Getenv("NEWSDESK_BENCH_LARGE") != "" {
		sizes = append(sizes, 10000)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			ctx := context.Background()
			svc, ids := benchNewsroom(b, n)
			x := &Exporter{Store: svc.Store, StoreDir: filepath.Join(benchDir(b), "newsdesk"), Log: quietLog()}
			if _, err := x.Run(ctx, Options{By: "Bench"}); err != nil {
				b.Fatal(err)
			}
			g := corpus.New(2, false)
			var took, cpu time.Duration
			var written int
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				for j := 0; j < 10; j++ {
					a, err := svc.Article(ctx, ids[(i*10+j)*35%len(ids)])
					if err != nil {
						b.Fatal(err)
					}
					a.Body = g.CopyEdit(a.Body, 3)
					if _, err := svc.Save(ctx, a, app.SaveOptions{Author: "Bench", Base: -1}); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				start, startCPU := time.Now(), cpuTime()
				rep, err := x.Run(ctx, Options{By: "Bench"})
				took, cpu = took+time.Since(start), cpu+cpuTime()-startCPU
				if err != nil || len(rep.Exported) != 10 {
					b.Fatalf("re-export: %v (%d exported)", err, len(rep.Exported))
				}
				written += len(rep.Written)
			}
			b.ReportMetric(took.Seconds()*1000/float64(b.N), "ms/reexport")
			b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/reexport")
			b.ReportMetric(float64(written)/float64(b.N), "files-written")
		})
	}
}
