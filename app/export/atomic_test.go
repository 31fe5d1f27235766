package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsdesk/app"
	"newsdesk/app/sample"
	"newsdesk/store"
)

// retitle changes the default profile's title, which makes every page of
// the next export new: a long export to interrupt.
func retitle(t *testing.T, st app.Store, title string) {
	t.Helper()
	ps, err := LoadProfiles(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	ps.Profiles[0].Title = title
	if err := SaveProfiles(context.Background(), st, ps); err != nil {
		t.Fatal(err)
	}
}

// unchangedPortal fails unless dir holds exactly the files of before,
// each the very same file, and matches its manifest.
func unchangedPortal(t *testing.T, dir string, before map[string]os.FileInfo) {
	t.Helper()
	after := snapshot(t, dir)
	if len(after) != len(before) {
		t.Errorf("the portal has %d files, had %d", len(after), len(before))
	}
	for p, fi := range before {
		if a, ok := after[p]; !ok || !os.SameFile(a, fi) || a.ModTime() != fi.ModTime() {
			t.Errorf("%s changed", p)
		}
	}
	if problems, err := Verify(dir); err != nil || len(problems) > 0 {
		t.Errorf("Verify: %v %q", err, problems)
	}
}

func TestCancelledExportLeavesThePortal(t *testing.T) {
	svc := sampleStore(t)
	x := exporter(t, svc)
	rep := mustRun(t, x, Options{})
	dir := folderOf(rep)
	before := snapshot(t, dir)

	retitle(t, svc.Store, "Renamed Portal")
	// Also a story to export, so the cancelled batch has one to fail.
	a, _ := svc.Article(context.Background(), rep.Exported[0].ID)
	a.Tags = append(a.Tags, "late tag")
	if a.Status == app.StatusPublished {
		_, _ = svc.Correct(context.Background(), a, "tag", appSave())
	} else {
		mustSave(t, svc, a)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	halfway := 0
	_, err := x.Run(ctx, Options{By: testBy, Progress: func(p Progress) {
		if p.Phase == "articles" && p.Done >= p.Total/2 && halfway == 0 {
			halfway = p.Done
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) || halfway == 0 {
		t.Fatalf("cancelled export: err %v, cancelled at %d", err, halfway)
	}
	unchangedPortal(t, dir, before)
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".portal.*")); len(left) != 0 {
		t.Errorf("the cancelled export left %v", left)
	}
	log, _ := svc.Store.ExportLog(context.Background(), a.ID)
	if last := log[len(log)-1]; last.Result != "failed" || !strings.Contains(last.Detail, "cancelled") {
		t.Errorf("export log after the cancel: %+v", last)
	}
	// The next export goes through.
	rep = mustRun(t, x, Options{})
	if !strings.Contains(readFile(t, dir, "index.html"), "Renamed Portal") || len(rep.Exported) != 1 {
		t.Errorf("the export after a cancel: %+v", rep.Exported)
	}
}

// TestExportChild is the child process of TestKilledExportLeavesThePortal:
// it exports the store named in the environment, printing progress and
// slowing down so that the parent can kill it halfway.
func TestExportChild(t *testing.T) {
	dir := os.Getenv("NEWSDESK_EXPORT_CHILD")
	if dir == "" {
		return // only ever run as the child
	}
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	x := &Exporter{Store: st, StoreDir: dir}
	_, err = x.Run(context.Background(), Options{By: "child", Progress: func(p Progress) {
		fmt.Printf("progress %s %d %d\n", p.Phase, p.Done, p.Total)
		if p.Phase == "articles" || p.Phase == "pages" {
			time.Sleep(20 * time.Millisecond)
		}
	}})
	fmt.Println("child finished", err)
}

func TestKilledExportLeavesThePortal(t *testing.T) {
	storeDir := filepath.Join(t.TempDir(), "newsdesk")
	st, err := store.Open(storeDir)
	if err != nil {
		t.Fatal(err)
	}
	svc := app.NewService(st)
	svc.Now = func() time.Time { return testNow }
	if _, err := sample.Fill(context.Background(), svc, "Demo Editor"); err != nil {
		t.Fatal(err)
	}
	x := &Exporter{Store: st, StoreDir: storeDir}
	rep := mustRun(t, x, Options{})
	dir := folderOf(rep)
	before := snapshot(t, dir)
	retitle(t, st, "After the Kill")
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	for round := 0; round < 3; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestExportChild$", "-test.v")
		cmd.Env = append(os.Environ(), "NEWSDESK_EXPORT_CHILD="+storeDir)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill it at a different point each round: in the article pages,
		// in the list pages, and just before the swap.
		killAt := []string{"articles", "pages", "pages"}[round]
		sc := bufio.NewScanner(out)
		seen := 0
		for sc.Scan() {
			var phase string
			var done, total int
			if n, _ := fmt.Sscanf(sc.Text(), "progress %s %d %d", &phase, &done, &total); n == 3 && phase == killAt {
				if seen++; (round == 2 && done >= total-1) || (round < 2 && done >= total/3) {
					break
				}
			}
			if strings.HasPrefix(sc.Text(), "child finished") {
				t.Fatalf("round %d: the child finished before it could be killed", round)
			}
		}
		if err := cmd.Process.Kill(); err != nil { // SIGKILL: no chance to clean up
			t.Fatal(err)
		}
		_ = cmd.Wait()
		unchangedPortal(t, dir, before)
		if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".portal.tmp-*")); len(left) == 0 {
			t.Errorf("round %d: expected the killed export's staging folder beside the portal", round)
		}
	}

	st, err = store.Open(storeDir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	x.Store = st
	rep = mustRun(t, x, Options{})
	if !strings.Contains(readFile(t, dir, "index.html"), "After the Kill") {
		t.Error("the export after the kills did not make the new portal")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".portal.*")); len(left) != 0 {
		t.Errorf("the next export did not clear %v", left)
	}
	if problems, err := Verify(dir); err != nil || len(problems) > 0 {
		t.Errorf("Verify: %v %q", err, problems)
	}
}

func TestRecoverSwap(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "portal")
	old := filepath.Join(parent, ".portal.old-abc")
	tmp := filepath.Join(parent, ".portal.tmp-123")
	for _, d := range []string{old, tmp} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(old, "index.html"), []byte("old portal"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A two-step swap died between its renames: the portal is missing.
	if err := recoverSwap(dir); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "index.html")); err != nil || string(b) != "old portal" {
		t.Errorf("the old portal was not put back: %q %v", b, err)
	}
	for _, gone := range []string{old, tmp} {
		if _, err := os.Stat(gone); !os.IsNotExist(err) {
			t.Errorf("%s is still there", gone)
		}
	}
	// Someone else's folder next to it is never touched.
	other := filepath.Join(parent, ".portalx.tmp-1")
	_ = os.Mkdir(other, 0o755)
	if err := recoverSwap(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("recoverSwap removed %s", other)
	}
}

func TestRefusesAFolderItDidNotMake(t *testing.T) {
	svc := sampleStore(t)
	target := filepath.Join(t.TempDir(), "www")
	if err := os.MkdirAll(target, 0o755); err != nil {
		t.Fatal(err)
	}
	precious := filepath.Join(target, "index.php")
	if err := os.WriteFile(precious, []byte("<?php // not ours"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := exporter(t, svc).Run(context.Background(), Options{To: target, By: testBy})
	if err == nil || !strings.Contains(err.Error(), "not made by Newsdesk") {
		t.Fatalf("export into a foreign folder: %v", err)
	}
	if b, _ := os.ReadFile(precious); string(b) != "<?php // not ours" {
		t.Error("the foreign folder was changed")
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	svc := sampleStore(t)
	x := exporter(t, svc)
	rep := mustRun(t, x, Options{DryRun: true})
	if _, err := os.Stat(folderOf(rep)); !os.IsNotExist(err) {
		t.Errorf("a dry run created the portal folder (%v)", err)
	}
	if len(rep.Exported) == 0 || len(rep.Written) < len(rep.Exported)*2 || rep.Written[0] == "" {
		t.Errorf("a dry run lists %d stories and %d files", len(rep.Exported), len(rep.Written))
	}
	if log, _ := svc.Store.ExportLog(context.Background(), rep.Exported[0].ID); len(log) != 0 {
		t.Errorf("a dry run wrote the export log: %+v", log)
	}
	real := mustRun(t, x, Options{})
	if strings.Join(rep.Written, ",") != strings.Join(real.Written, ",") {
		t.Errorf("dry run listed %d files, the export wrote %d", len(rep.Written), len(real.Written))
	}
}
