package app_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"newsdesk/app"
	"newsdesk/store"
)

func TestAutoBackupDailyWithRotation(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	s, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	svc := app.NewService(s)
	mustSave(t, svc, story("Backed up"))
	p := app.BackupPolicy{Enabled: true, Keep: 3}
	day := time.Date(2026, 11, 1, 20, 0, 0, 0, time.UTC) // 04:00 next day in Shanghai
	var written []string
	for i := 0; i < 5; i++ {
		name, err := svc.AutoBackup(bg, p, day.AddDate(0, 0, i), "Asia/Shanghai")
		if err != nil {
			t.Fatal(err)
		}
		written = append(written, name)
		again, err := svc.AutoBackup(bg, p, day.AddDate(0, 0, i).Add(time.Hour), "Asia/Shanghai")
		if err != nil || again != "" {
			t.Fatalf("a second backup the same day: %q %v", again, err)
		}
	}
	if filepath.Base(written[0]) != "newsdesk-2026-11-02.backup" {
		t.Fatalf("named by newsroom day: %s", written[0])
	}
	files, _ := filepath.Glob(filepath.Join(p.BackupDir(s.Path()), "*"))
	if len(files) != 3 || filepath.Base(files[0]) != "newsdesk-2026-11-04.backup" {
		t.Fatalf("rotation kept %v", files)
	}
	// The newest loads into an empty store with the story in it.
	f, err := os.Open(files[2])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dst, _ := store.OpenMemory()
	defer dst.Close()
	if err := dst.Load(bg, f); err != nil {
		t.Fatal(err)
	}
	if res, _ := dst.List(bg, app.Filter{}); res.Total != 1 {
		t.Fatalf("backup holds %d articles", res.Total)
	}
}
