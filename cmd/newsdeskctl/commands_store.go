package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"time"

	"newsdesk/app"
)

// version is set at release time with -ldflags "-X main.version=v1.2.3".
var version = ""

func cmdBackup(e *env, args []string) error {
	fs := e.flags("backup")
	auto := fs.Bool("auto", false, "today's automatic backup, kept and rotated as the newsroom's backup settings say (for cron)")
	pos, err := e.parse(fs, args, 0, 1)
	if err != nil {
		return err
	}
	if *auto {
		if len(pos) > 0 {
			return usagef("backup", "--auto takes no FILE: the newsroom settings say where backups go")
		}
		return autoBackup(e)
	}
	if len(pos) == 0 {
		return usagef("backup", "missing FILE (or --auto)")
	}
	name := pos[0]
	return e.withService(mustExist, func(svc *app.Service) error {
		if name == "-" {
			return svc.Backup(e.ctx, e.stdout)
		}
		n, err := writeFileAtomic(name, func(w io.Writer) error { return svc.Backup(e.ctx, w) })
		if err != nil {
			return fmt.Errorf("backup to %s: %w", name, err)
		}
		if e.json {
			return writeJSON(e.stdout, struct {
				Store string `json:"store"`
				File  string `json:"file"`
				Bytes int64  `json:"bytes"`
			}{svc.Store.Path(), name, n})
		}
		_, err = fmt.Fprintf(e.stdout, "backed up %s to %s (%d bytes)\n", svc.Store.Path(), name, n)
		return err
	})
}

// writeFileAtomic writes through a temporary file in the target's folder
// and renames it into place once complete and synced, so that a failed or
// interrupted backup never leaves a truncated file under the real name.
func writeFileAtomic(name string, write func(io.Writer) error) (n int64, err error) {
	f, err := os.CreateTemp(filepath.Dir(name), filepath.Base(name)+".tmp*")
	if err != nil {
		return 0, err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<20)
	cw := &countingWriter{w: bw}
	if err := write(cw); err != nil {
		return 0, err
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	if err := f.Sync(); err != nil {
		return 0, err
	}
	if err := f.Close(); err != nil {
		return 0, err
	}
	if err := os.Rename(f.Name(), name); err != nil {
		return 0, err
	}
	syncDir(filepath.Dir(name))
	return cw.n, nil
}

// syncDir makes the rename durable where the OS allows syncing a folder;
// where it does not (Windows), the rename is as durable as it gets.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func cmdLoad(e *env, args []string) error {
	fs := e.flags("load")
	pos, err := e.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	var r io.Reader = e.stdin
	if pos[0] != "-" {
		f, err := os.Open(pos[0])
		if err != nil {
			return app.Errorf(app.EINVALID, "cannot read backup: %v", err)
		}
		defer f.Close()
		r = f
	}
	return e.withService(mayCreate, func(svc *app.Service) error {
		if err := requireEmpty(e.ctx, svc, "load"); err != nil {
			return err
		}
		if err := svc.Load(e.ctx, bufio.NewReaderSize(r, 1<<20)); err != nil {
			return fmt.Errorf("load %s into %s: %w", pos[0], svc.Store.Path(), err)
		}
		live, trash, err := articleCounts(e.ctx, svc)
		if err != nil {
			return err
		}
		if e.json {
			return writeJSON(e.stdout, struct {
				Store    string `json:"store"`
				Articles int    `json:"articles"`
				Trash    int    `json:"trash"`
			}{svc.Store.Path(), live, trash})
		}
		_, err = fmt.Fprintf(e.stdout, "loaded %s (%d in the Trash) into %s\n", plural(live+trash, "article"), trash, svc.Store.Path())
		return err
	})
}

// requireEmpty refuses to mix a backup or the samples into a store that
// holds work: a merge would be silent and hard to undo.
func requireEmpty(ctx context.Context, svc *app.Service, cmd string) error {
	live, trash, err := articleCounts(ctx, svc)
	if err != nil {
		return err
	}
	if live+trash > 0 {
		return app.Errorf(app.EINVALID, "%s needs an empty store, but %s holds %s (%d in the Trash); pass --store with a new folder",
			cmd, svc.Store.Path(), plural(live+trash, "article"), trash)
	}
	return nil
}

func articleCounts(ctx context.Context, svc *app.Service) (live, trash int, err error) {
	c, err := svc.Store.Counts(ctx)
	if err != nil {
		return 0, 0, err
	}
	for _, n := range c.Status {
		live += n
	}
	return live, c.Trash, nil
}

func cmdVersion(e *env, args []string) error {
	fs := e.flags("version")
	if _, err := e.parse(fs, args, 0, 0); err != nil {
		return err
	}
	v := version
	if v == "" {
		v = "devel"
		if bi, ok := debug.ReadBuildInfo(); ok {
			if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
				v = bi.Main.Version
			}
			for _, s := range bi.Settings {
				if s.Key == "vcs.revision" && len(s.Value) >= 12 {
					v += " " + s.Value[:12]
				}
			}
		}
	}
	if e.json {
		return writeJSON(e.stdout, struct {
			Version string `json:"version"`
			Go      string `json:"go"`
		}{v, runtime.Version()})
	}
	_, err := fmt.Fprintf(e.stdout, "newsdeskctl %s (%s)\n", v, runtime.Version())
	return err
}

func autoBackup(e *env) error {
	return e.withService(mustExist, func(svc *app.Service) error {
		n, err := svc.Newsroom(e.ctx)
		if err != nil {
			return err
		}
		name, err := svc.AutoBackup(e.ctx, n.Backup, time.Now(), n.TimeZone)
		if err != nil {
			return err
		}
		if e.json {
			return writeJSON(e.stdout, struct {
				File string `json:"file"`
				Dir  string `json:"dir"`
			}{name, n.Backup.BackupDir(svc.Store.Path())})
		}
		if name == "" {
			_, err = fmt.Fprintf(e.stdout, "today's backup is already in %s\n", n.Backup.BackupDir(svc.Store.Path()))
		} else {
			_, err = fmt.Fprintf(e.stdout, "backed up to %s (keeping the last %d)\n", name, max(n.Backup.Keep, 1))
		}
		return err
	})
}
