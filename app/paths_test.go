package app_test

import (
	"path/filepath"
	"runtime"
	"testing"

	"newsdesk/app"
)

func TestDefaultStoreDirEnv(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "新闻 store")
	t.Setenv(app.StoreEnv, dir)
	got, err := app.DefaultStoreDir()
	if err != nil || got != dir {
		t.Fatalf("DefaultStoreDir() = %q, %v; want %q from $%s", got, err, dir, app.StoreEnv)
	}
}

func TestDefaultStoreDirUserData(t *testing.T) {
	t.Setenv(app.StoreEnv, "")
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	t.Setenv("LocalAppData", filepath.Join(home, "AppData", "Local"))
	xdg := filepath.Join(home, "xdg")
	t.Setenv("XDG_DATA_HOME", xdg)

	var want string
	switch runtime.GOOS {
	case "windows":
		want = filepath.Join(home, "AppData", "Local", "Newsdesk")
	case "darwin":
		want = filepath.Join(home, "Library", "Application Support", "Newsdesk")
	default:
		want = filepath.Join(xdg, "newsdesk")
	}
	got, err := app.DefaultStoreDir()
	if err != nil || got != want {
		t.Fatalf("DefaultStoreDir() = %q, %v; want %q", got, err, want)
	}

	if runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		// A relative XDG_DATA_HOME is invalid by the spec and must not put
		// the store under whatever the working folder happens to be.
		t.Setenv("XDG_DATA_HOME", "relative/data")
		got, err = app.DefaultStoreDir()
		want = filepath.Join(home, ".local", "share", "newsdesk")
		if err != nil || got != want {
			t.Fatalf("with a relative XDG_DATA_HOME: %q, %v; want %q", got, err, want)
		}
	}
}
