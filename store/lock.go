package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"newsdesk/app"
)

// lockName is the file that says which process holds a store. The lock is
// an OS file lock (flock on Unix, LockFileEx on Windows): the kernel drops
// it when the holder exits, even by kill -9, so a crash never leaves a
// stale lock behind; the file's text only tells the loser who holds it.
const lockName = "newsdesk.lock"

// errLockHeld is returned by the platform lock when another holder exists.
var errLockHeld = errors.New("lock held")

type lockFile struct{ f *os.File }

func acquireLock(dir string) (*lockFile, error) {
	path := filepath.Join(dir, lockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open lock %s: %w", path, err)
	}
	if err := lockFD(f); err != nil {
		holder, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, errLockHeld) {
			who := strings.TrimSpace(string(holder))
			if who == "" {
				who = "another process"
			}
			return nil, app.Errorf(app.ELOCKED, "store %s is in use by %s; close it first (only one Newsdesk or newsdeskctl can use a store at a time)", dir, who)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	exe, _ := os.Executable()
	host, _ := os.Hostname()
	info := fmt.Sprintf("%s (pid %d on %s, since %s)", filepath.Base(exe), os.Getpid(), host, time.Now().Format("2006-01-02 15:04:05"))
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(info+"\n"), 0)
		_ = f.Sync()
	}
	return &lockFile{f: f}, nil
}

// release empties the holder text, then drops the lock by closing the file.
func (l *lockFile) release() error {
	if l == nil || l.f == nil {
		return nil
	}
	_ = l.f.Truncate(0)
	err := l.f.Close()
	l.f = nil
	return err
}
