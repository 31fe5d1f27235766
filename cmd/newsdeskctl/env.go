package main

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/user"
	"strings"
	"time"

	"newsdesk/app"
	"newsdesk/store"
)

// AuthorEnv names the environment variable that sets the default author.
const AuthorEnv = "NEWSDESK_AUTHOR"

// dir returns the store folder the user asked for, or the one the GUI uses.
func (e *env) dir() (string, error) {
	if e.storeDir != "" {
		return e.storeDir, nil
	}
	d, err := app.DefaultStoreDir()
	if err != nil {
		return "", app.Errorf(app.EINVALID, "%v (or pass --store DIR)", err)
	}
	return d, nil
}

// authorName resolves the author only when a command writes, so that a
// broken user database never stops a read.
func (e *env) authorName() string {
	if a := strings.TrimSpace(e.author); a != "" {
		return a
	}
	if a := strings.TrimSpace(os.Getenv(AuthorEnv)); a != "" {
		return a
	}
	u, err := user.Current()
	if err != nil {
		return ""
	}
	// The GECOS field may carry "Full Name,Room,Phone".
	if name, _, _ := strings.Cut(u.Name, ","); strings.TrimSpace(name) != "" {
		return strings.TrimSpace(name)
	}
	return u.Username
}

// storeMode says whether a command may create the store.
type storeMode int

const (
	// mustExist is for reads and edits of existing articles: a typo in
	// --store must not silently create an empty store and report nothing.
	mustExist storeMode = iota
	// mayCreate is for commands that bring content: put, load, demo.
	mayCreate
)

// withService opens the store for the duration of fn, like one GUI session:
// the store's lock keeps a second process out meanwhile.
func (e *env) withService(mode storeMode, fn func(svc *app.Service) error) (err error) {
	dir, err := e.dir()
	if err != nil {
		return err
	}
	if mode == mustExist {
		if _, statErr := os.Stat(dir); errors.Is(statErr, fs.ErrNotExist) {
			return app.Errorf(app.ENOTFOUND, "no store at %s (create one with put, load or demo, or pass --store DIR)", dir)
		}
	}
	st, err := store.Open(dir)
	// A cron job may find the store busy with another short command:
	// wait for it a while rather than fail at once.
	for deadline := time.Now().Add(e.lockWait); app.ErrorCode(err) == app.ELOCKED && time.Now().Before(deadline); {
		time.Sleep(200 * time.Millisecond)
		st, err = store.Open(dir)
	}
	if err != nil {
		return err
	}
	defer func() {
		if cerr := st.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close store %s: %w", dir, cerr)
		}
	}()
	svc := app.NewService(st)
	svc.Log = e.logger()
	// The newsroom's own rules (headline limit, required fields, tag
	// list) apply to every command, as they do in the GUI.
	if _, err := svc.LoadNewsroom(e.ctx); err != nil {
		return err
	}
	return fn(svc)
}

// logger keeps stderr for errors unless --verbose: a script's stderr should
// not fill with progress lines.
func (e *env) logger() *slog.Logger {
	level := slog.LevelWarn
	if e.verbose {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level}))
}
