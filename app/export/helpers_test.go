package export

import (
	"context"
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"newsdesk/app"
	"newsdesk/app/sample"
	"newsdesk/store"
)

// update rewrites the golden files: go test ./app/export -update
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testNow is the clock of every export in these tests, so pages, feeds
// and golden files are exact.
var testNow = time.Date(2026, 3, 10, 9, 41, 27, 0, time.FixedZone("CST", 8*3600))

const testBy = "Test Producer 测试"

// mustStore opens a real in-memory Badger store and a service on it.
func mustStore(tb testing.TB) *app.Service {
	tb.Helper()
	st, err := store.OpenMemory()
	if err != nil {
		tb.Fatalf("open memory store: %v", err)
	}
	tb.Cleanup(func() { st.Close() })
	svc := app.NewService(st)
	svc.Now = func() time.Time { return testNow }
	return svc
}

// sampleStore is a store holding the sample newsroom.
func sampleStore(tb testing.TB) *app.Service {
	tb.Helper()
	svc := mustStore(tb)
	if _, err := sample.Fill(context.Background(), svc, "Demo Editor"); err != nil {
		tb.Fatalf("fill the sample newsroom: %v", err)
	}
	return svc
}

// exporter returns an exporter over svc's store whose relative targets
// land in a temporary folder. Its clock ticks a millisecond per reading
// from testNow, so export-log lines of successive runs stay apart.
func exporter(tb testing.TB, svc *app.Service) *Exporter {
	tb.Helper()
	var tick atomic.Int64
	return &Exporter{Store: svc.Store, StoreDir: filepath.Join(tb.TempDir(), "newsdesk"), Backoff: time.Millisecond,
		Now: func() time.Time { return testNow.Add(time.Duration(tick.Add(1)) * time.Millisecond) }}
}

// mustRun runs an export and fails the test on error.
func mustRun(tb testing.TB, x *Exporter, opt Options) *Report {
	tb.Helper()
	if opt.By == "" {
		opt.By = testBy
	}
	rep, err := x.Run(context.Background(), opt)
	if err != nil {
		tb.Fatalf("export: %v", err)
	}
	return rep
}

// readFile returns a file of an exported portal.
func readFile(tb testing.TB, dir, rel string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		tb.Fatalf("read %s: %v", rel, err)
	}
	return string(b)
}

// mustSave saves an article through the service (normalised, validated).
func mustSave(tb testing.TB, svc *app.Service, a *app.Article) *app.Article {
	tb.Helper()
	out, err := svc.Save(context.Background(), a, app.SaveOptions{Author: testBy, Base: -1})
	if err != nil {
		tb.Fatalf("save %q: %v", a.Headline, err)
	}
	return out
}

// folderOf returns the folder a report's target names.
func folderOf(rep *Report) string {
	_, dir, _ := strings.Cut(rep.Target, ":")
	return dir
}

func appSave() app.SaveOptions { return app.SaveOptions{Author: testBy, Base: -1} }

// quietLog drops the export's info lines in benchmarks.
func quietLog() *slog.Logger {
	return slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelWarn}))
}
