package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// BackupPolicy is the automatic daily backup: a setting of the newsroom.
type BackupPolicy struct {
	Enabled bool `json:"enabled"`
	// Dir holds the backups; empty means a "backups" folder beside the
	// store folder (not inside it: a backup must survive losing the store).
	Dir string `json:"dir,omitempty"`
	// Keep is how many daily backups to keep; older ones are removed.
	Keep int `json:"keep"`
}

const backupPrefix, backupSuffix = "newsdesk-", ".backup"

// BackupDir returns where automatic backups of a store go.
func (p BackupPolicy) BackupDir(storePath string) string {
	if p.Dir != "" {
		return p.Dir
	}
	return filepath.Join(filepath.Dir(storePath), filepath.Base(storePath)+"-backups")
}

// AutoBackup writes today's backup (newsroom time) unless it exists, then
// removes the oldest beyond p.Keep. It returns the file written, or "" when
// today's backup was already there. Backups are written to a temporary
// name and renamed, so a crash never leaves a half backup under a real name.
func (s *Service) AutoBackup(ctx context.Context, p BackupPolicy, now time.Time, zone string) (string, error) {
	if p.Keep < 1 {
		p.Keep = 7
	}
	dir := p.BackupDir(s.Store.Path())
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("automatic backup: %w", err)
	}
	name := filepath.Join(dir, backupPrefix+now.In(zoneOf(zone)).Format("2006-01-02")+backupSuffix)
	written := ""
	if _, err := os.Stat(name); os.IsNotExist(err) {
		if err := s.backupTo(ctx, name); err != nil {
			return "", err
		}
		written = name
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return written, fmt.Errorf("automatic backup: %w", err)
	}
	var backups []string
	for _, e := range entries {
		if n := e.Name(); strings.HasPrefix(n, backupPrefix) && strings.HasSuffix(n, backupSuffix) {
			backups = append(backups, n)
		}
	}
	slices.Sort(backups) // dates sort as text
	for len(backups) > p.Keep {
		if err := os.Remove(filepath.Join(dir, backups[0])); err != nil {
			return written, fmt.Errorf("automatic backup: remove old %s: %w", backups[0], err)
		}
		backups = backups[1:]
	}
	return written, nil
}

func (s *Service) backupTo(ctx context.Context, name string) error {
	tmp := name + ".tmp"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("automatic backup: %w", err)
	}
	err = s.Store.Backup(ctx, f)
	if serr := f.Sync(); err == nil {
		err = serr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("automatic backup to %s: %w", name, err)
	}
	return nil
}
