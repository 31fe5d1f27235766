//go:build smoke

// The smoke test drives the real binary on a real X server (Xvfb), so it
// needs X11 tools and is kept out of plain `go test ./...` by its build tag:
//
//	go test -tags 'migrated_fynedo smoke' -run TestSmoke -count=1 ./cmd/newsdesk
//
// NEWSDESK_SMOKE_KEEP=1 keeps the screenshots and logs of a passing run.

package main

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"newsdesk/app"
	"newsdesk/store"
)

// smokeHeadlines are saved before launch so the window has real rows to draw
// (and, the store not being empty, no first-run dialog covers them).
var smokeHeadlines = []string{
	"Lawmakers weigh limits on facial recognition",
	"数据保护法草案征求意见",
	"Port traffic rebounds in Shenzhen",
}

func TestSmoke(t *testing.T) {
	for _, tool := range []string{"Xvfb", "xdotool", "import", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed (run `make deps`): %v", tool, err)
		}
	}
	keep, err := os.MkdirTemp("", "newsdesk-smoke-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() || os.Getenv("NEWSDESK_SMOKE_KEEP") != "" {
			t.Logf("screenshots and logs kept in %s", keep)
			return
		}
		os.RemoveAll(keep)
	})
	bin := buildNewsdesk(t)
	display := startXvfb(t, keep)
	storeDir := filepath.Join(t.TempDir(), "store")
	fillStore(t, storeDir)

	t.Run("window", func(t *testing.T) {
		p := launch(t, bin, display, storeDir, filepath.Join(keep, "newsdesk.log"))
		win, title := p.waitForWindow(t, "^Newsdesk")
		// A fresh store's newsroom is called Newsdesk: the title is just
		// the app's name (a named newsroom shows "Name — Newsdesk").
		if title != "Newsdesk" {
			t.Errorf("window title %q, want \"Newsdesk\"", title)
		}
		t.Logf("window %s: %q", win, title)
		t.Logf("screenshot %s", p.waitForDrawing(t, win, filepath.Join(keep, "shot.png")))
		first := p.openFirstArticle(t, win, filepath.Join(keep, "shot-article.png"))
		t.Logf("screenshot with an article open %s", first)
		// The second row is the Chinese story: the editor and its preview
		// must draw its text (Fyne falls back to a system CJK font).
		zh := p.clickAndWait(t, win, 150, first, filepath.Join(keep, "shot-editor-zh.png"))
		t.Logf("screenshot of the editor with Chinese text %s", zh)
		t.Logf("screenshot of the preview %s", p.keyAndWait(t, win, "ctrl+3", zh, filepath.Join(keep, "shot-preview-zh.png")))

		if code := p.stop(t, syscall.SIGTERM); code != 0 {
			t.Errorf("exit status %d after SIGTERM, want 0; log:\n%s", code, readFile(p.log))
		}
		// A clean exit released the lock and left every article in place.
		st, err := store.Open(storeDir)
		if err != nil {
			t.Fatalf("reopen store after exit: %v", err)
		}
		defer st.Close()
		res, err := st.List(context.Background(), app.Filter{})
		if err != nil || res.Total != len(smokeHeadlines) {
			t.Errorf("after exit the store lists %+v (err %v), want %d articles", res, err, len(smokeHeadlines))
		}
	})

	t.Run("locked store", func(t *testing.T) {
		// This test process holds the store, as newsdeskctl would.
		st, err := store.Open(storeDir)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		p := launch(t, bin, display, storeDir, filepath.Join(keep, "newsdesk-locked.log"))
		win, title := p.waitForWindow(t, "cannot open the store")
		t.Logf("window %s: %q", win, title)
		t.Logf("screenshot %s", p.waitForDrawing(t, win, filepath.Join(keep, "shot-locked.png")))
		if code := p.stop(t, syscall.SIGTERM); code != 1 {
			t.Errorf("exit status %d on a locked store, want 1", code)
		}
		if log := readFile(p.log); !strings.Contains(log, "newsdesk: store "+storeDir+" is in use by") {
			t.Errorf("stderr does not say who holds the store:\n%s", log)
		}
	})
}

func buildNewsdesk(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "newsdesk")
	out, err := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func fillStore(t *testing.T, dir string) {
	t.Helper()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	defer st.Close()
	svc := app.NewService(st)
	ctx := context.Background()
	ref, err := svc.AttachImage(ctx, "photo.png", gradientPNG(t, 640, 400))
	if err != nil {
		t.Fatalf("attach photo: %v", err)
	}
	for i, h := range smokeHeadlines {
		a := &app.Article{
			Headline: h, Dek: "A story saved by the smoke test.", Byline: []string{"Smoke Test", "王芳"},
			Section: "Test", Status: app.Statuses[i], Tags: []string{"smoke", "测试"},
			Body:     "Paragraph **one**.\n\n## A heading\n\n第二段。",
			Photos:   []app.Photo{{Image: ref, Caption: "A generated gradient", Credit: "Newsdesk"}},
			Contacts: []app.Contact{{Role: app.RoleReporter, Name: "Smoke Test", Email: "smoke@example.com"}},
		}
		if _, err := svc.Save(ctx, a, app.SaveOptions{Author: "smoke", Base: -1}); err != nil {
			t.Fatalf("save %q: %v", h, err)
		}
	}
}

func gradientPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(40 + x*160/w), uint8(80 + y*120/h), 0xc0, 0xff})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
