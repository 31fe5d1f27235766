package app

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// StoreEnv names the environment variable that overrides the store folder.
const StoreEnv = "NEWSDESK_STORE"

// DefaultStoreDir is where the GUI and the CLI keep the store unless told
// otherwise: $NEWSDESK_STORE, else a "newsdesk" folder in the user's data
// directory ($XDG_DATA_HOME or ~/.local/share on Linux, Application Support
// on macOS, %LocalAppData% on Windows). Both programs use this one function,
// so they always agree.
func DefaultStoreDir() (string, error) {
	if d := os.Getenv(StoreEnv); d != "" {
		return d, nil
	}
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "Newsdesk"), nil
		}
	case "darwin":
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, "Library", "Application Support", "Newsdesk"), nil
		}
	default:
		if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
			return filepath.Join(d, "newsdesk"), nil
		}
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, ".local", "share", "newsdesk"), nil
		}
	}
	return "", errors.New("cannot find a data directory for the store: set " + StoreEnv)
}
