package store_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsdesk/app"
	"newsdesk/store"
)

// TestDamagedManifestIsAClearError: garbage where Badger keeps its table
// list must give an error naming the store, not a panic.
func TestDamagedManifestIsAClearError(t *testing.T) {
	dir := t.TempDir()
	s := MustOpen(t, dir)
	save(t, newService(s), sampleArticle(1), "Li Na")
	s.Close()
	if err := os.WriteFile(filepath.Join(dir, "db", "MANIFEST"), []byte("this is not a manifest"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := store.Open(dir)
	if err == nil || !strings.Contains(err.Error(), dir) {
		t.Fatalf("want an error naming the store, got %v", err)
	}
	if app.ErrorCode(err) == app.ELOCKED {
		t.Fatal("a damaged store reported as locked")
	}
	// The refused open released the lock: opening again gives the same
	// error, not a lock error.
	if _, err := store.Open(dir); app.ErrorCode(err) == app.ELOCKED {
		t.Fatal("the lock was not released")
	}
}
