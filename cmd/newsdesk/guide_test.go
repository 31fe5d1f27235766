//go:build smoke

package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"newsdesk/app"
	"newsdesk/app/sample"
	"newsdesk/store"
)

// TestGuideScreenshots takes the README's user-guide pictures from the
// real app under Xvfb, on the sample newsroom, so they stay current:
// `make screenshots` writes them to assets/guide (NEWSDESK_GUIDE_DIR to
// put them elsewhere). It is not part of make test: it rewrites files.
func TestGuideScreenshots(t *testing.T) {
	out := os.Getenv("NEWSDESK_GUIDE_DIR")
	if out == "" {
		out = filepath.Join("..", "..", "assets", "guide")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	bin := buildNewsdesk(t)
	display := startXvfb(t, t.TempDir())
	storeDir := filepath.Join(t.TempDir(), "store")
	st, err := store.Open(storeDir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sample.Fill(context.Background(), app.NewService(st), "Guide"); err != nil {
		t.Fatal(err)
	}
	st.Close()

	p := launch(t, bin, display, storeDir, filepath.Join(t.TempDir(), "newsdesk.log"))
	win, _ := p.waitForWindow(t, "Newsdesk")
	shot := func(name string) string { return filepath.Join(out, name) }
	main := p.waitForDrawing(t, win, shot("main-window.png"))
	// The newest story of the sample newsroom is Chinese.
	editor := p.openFirstArticle(t, win, shot("editor-chinese.png"))
	preview := p.keyAndWait(t, win, "ctrl+3", editor, shot("preview.png"))
	// The History tab is the fourth tab of the editor, at about 60% of
	// the window's width.
	x := p.width(t, win) * 60 / 100
	if out, err := p.x11("xdotool", "mousemove", "--window", win, strconv.Itoa(x), "87", "click", "1"); err != nil {
		t.Fatalf("click History: %v %s", err, out)
	}
	hist := p.waitForChange(t, win, preview, shot("history.png"))
	// File > Export…: the menu drops from the top left; Export is its
	// eleventh item.
	for _, at := range [][2]string{{"26", "13"}, {"70", "440"}} {
		if out, err := p.x11("xdotool", "mousemove", "--window", win, at[0], at[1], "click", "1"); err != nil {
			t.Fatalf("click %v: %v %s", at, err, out)
		}
	}
	exp := p.waitForShot(t, win, shot("export-dialog.png"), 20*time.Second, func() (bool, string, error) {
		changed, err := differ(hist, shot("export-dialog.png"), whole)
		return changed >= 0.02, fmt.Sprintf("%.1f%% of the window changed", changed*100), err
	})
	t.Logf("guide screenshots: %s %s %s %s %s", main, editor, preview, hist, exp)
	p.stop(t, syscall.SIGTERM)
	// Keep the pictures small: they are committed.
	if _, err := exec.LookPath("convert"); err == nil {
		for _, n := range []string{"main-window.png", "editor-chinese.png", "preview.png", "history.png", "export-dialog.png"} {
			exec.Command("convert", shot(n), "-resize", "1200x>", "-strip", shot(n)).Run()
		}
	}
}
