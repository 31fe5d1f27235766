package export

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Sibling folders of a portal folder "portal": ".portal.tmp-*" is a new
// portal being built, ".portal.old-*" an old one on its way out. Both are
// hidden, so a web server pointed at the parent folder does not list them.
func tmpPrefix(dir string) string { return "." + filepath.Base(dir) + ".tmp-" }
func oldPrefix(dir string) string { return "." + filepath.Base(dir) + ".old-" }

// newStaging makes an empty folder beside dir for the new portal: the same
// file system, so that hard links and the final rename work.
func newStaging(dir string) (string, error) {
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("create %s: %w", parent, err)
	}
	st, err := os.MkdirTemp(parent, tmpPrefix(dir))
	if err != nil {
		return "", fmt.Errorf("create a staging folder beside %s: %w", dir, err)
	}
	// MkdirTemp makes the folder private; a portal is meant to be served.
	if err := os.Chmod(st, 0o755); err != nil {
		os.RemoveAll(st)
		return "", fmt.Errorf("staging folder %s: %w", st, err)
	}
	return st, nil
}

// swapIn puts the staging folder in the place of dir and removes the old
// portal. Where the OS can exchange two folders in one step (Linux), a
// reader of dir sees the old portal or the new one, never neither; else
// the old one is renamed away first and, if the process dies in between,
// recoverSwap brings it back on the next run.
func swapIn(staging, dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(staging, dir); err != nil {
			return fmt.Errorf("move the new portal into place: %w", err)
		}
		return nil
	}
	if exchange(staging, dir) == nil {
		// staging now holds the old portal.
		removeOld(staging)
		return nil
	}
	old := filepath.Join(filepath.Dir(dir), oldPrefix(dir)+randomSuffix())
	if err := os.Rename(dir, old); err != nil {
		return fmt.Errorf("move the old portal aside: %w", err)
	}
	if err := os.Rename(staging, dir); err != nil {
		if rerr := os.Rename(old, dir); rerr != nil {
			return fmt.Errorf("move the new portal into place: %w (and the old one back: %v; it is at %s)", err, rerr, old)
		}
		return fmt.Errorf("move the new portal into place: %w", err)
	}
	removeOld(old)
	return nil
}

// recoverSwap repairs what an interrupted export left beside dir: a
// staging folder is deleted, and an old portal moved aside is put back
// when dir itself is missing (or deleted when dir is there).
func recoverSwap(dir string) error {
	parent := filepath.Dir(dir)
	ents, err := os.ReadDir(parent)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("look beside %s: %w", dir, err)
	}
	var olds []string
	for _, e := range ents {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, tmpPrefix(dir)) && e.IsDir():
			if err := os.RemoveAll(filepath.Join(parent, name)); err != nil {
				return fmt.Errorf("remove an interrupted export: %w", err)
			}
		case strings.HasPrefix(name, oldPrefix(dir)) && e.IsDir():
			olds = append(olds, filepath.Join(parent, name))
		}
	}
	if len(olds) == 0 {
		return nil
	}
	sort.Strings(olds)
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(olds[len(olds)-1], dir); err != nil {
			return fmt.Errorf("put the previous portal back at %s: %w", dir, err)
		}
		olds = olds[:len(olds)-1]
	}
	for _, o := range olds {
		if err := os.RemoveAll(o); err != nil {
			return fmt.Errorf("remove an old portal: %w", err)
		}
	}
	return nil
}

// removeOld deletes the old portal. The new one is in place by then, so a
// failure only leaves a hidden folder that the next export clears.
func removeOld(dir string) {
	_ = os.RemoveAll(dir)
}

func randomSuffix() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
