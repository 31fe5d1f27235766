//go:build smoke

package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"newsdesk/app"
)

// startXvfb starts a private X server and returns its display. -displayfd
// makes Xvfb pick a free display number itself and report it once it
// accepts connections, which avoids both races and guessing.
func startXvfb(t *testing.T, logDir string) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	logFile, err := os.Create(filepath.Join(logDir, "xvfb.log"))
	if err != nil {
		t.Fatal(err)
	}
	x := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-br")
	x.ExtraFiles = []*os.File{w}
	x.Stdout, x.Stderr = logFile, logFile
	if err := x.Start(); err != nil {
		t.Fatalf("start Xvfb: %v", err)
	}
	w.Close()
	t.Cleanup(func() {
		_ = x.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = x.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = x.Process.Kill()
			<-done
		}
		logFile.Close()
	})
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		got <- strings.TrimSpace(line)
		r.Close()
	}()
	select {
	case n := <-got:
		if n == "" {
			t.Fatalf("Xvfb did not report a display; log:\n%s", readFile(logFile.Name()))
		}
		return ":" + n
	case <-time.After(30 * time.Second):
		t.Fatalf("Xvfb not ready after 30 s; log:\n%s", readFile(logFile.Name()))
	}
	return ""
}

// proc is a newsdesk process on the test's X server.
type proc struct {
	cmd     *exec.Cmd
	display string
	log     string // stdout and stderr
	exited  chan error
	done    bool
}

func launch(t *testing.T, bin, display, storeDir, logPath string) *proc {
	t.Helper()
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { logFile.Close() })
	home := t.TempDir()
	cmd := exec.Command(bin, "--store", storeDir)
	// A private home keeps Fyne's preferences out of the user's; LANG
	// spares the log Fyne's complaint about the C locale.
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "HOME="+home, "LANG=en_US.UTF-8",
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"), "XDG_DATA_HOME="+filepath.Join(home, "data"),
		app.StoreEnv+"=")
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		t.Fatalf("start newsdesk: %v", err)
	}
	p := &proc{cmd: cmd, display: display, log: logPath, exited: make(chan error, 1)}
	go func() { p.exited <- cmd.Wait() }()
	t.Cleanup(func() {
		if !p.done {
			_ = cmd.Process.Kill()
			<-p.exited
		}
	})
	return p
}

// alive fails the test if the process has exited.
func (p *proc) alive(t *testing.T, doing string) {
	t.Helper()
	select {
	case err := <-p.exited:
		p.done = true
		t.Fatalf("newsdesk exited %s (%v); log:\n%s", doing, err, readFile(p.log))
	default:
	}
}

// stop sends sig and returns the exit status, failing the test if the
// process takes more than 10 s to exit.
func (p *proc) stop(t *testing.T, sig os.Signal) int {
	t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		t.Fatalf("signal %v: %v", sig, err)
	}
	select {
	case err := <-p.exited:
		p.done = true
		var exit *exec.ExitError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &exit):
			return exit.ExitCode() // -1 when killed by the signal itself
		}
		t.Fatalf("wait for newsdesk: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatalf("newsdesk still running 10 s after %v; log:\n%s", sig, readFile(p.log))
	}
	return -1
}

// waitForWindow polls the X server for a window whose title matches the
// regular expression name and returns its id and title.
func (p *proc) waitForWindow(t *testing.T, name string) (id, title string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		p.alive(t, "before showing a window")
		out, _ := p.x11("xdotool", "search", "--name", name)
		if ids := strings.Fields(out); len(ids) > 0 {
			if title, err := p.x11("xdotool", "getwindowname", ids[0]); err == nil {
				return ids[0], strings.TrimSpace(title)
			}
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("no window titled %q after 60 s; log:\n%s", name, readFile(p.log))
	return "", ""
}

// waitForDrawing screenshots the window into shot until it has drawn its
// content: a freshly mapped window is one flat colour for a few frames.
func (p *proc) waitForDrawing(t *testing.T, win, shot string) string {
	t.Helper()
	return p.waitForShot(t, win, shot, 30*time.Second, func() (bool, string, error) {
		colours, busy, err := inspect(shot, whole)
		// Text is anti-aliased: a drawn window has many shades and a
		// share of pixels off the background colour.
		return colours >= 64 && busy >= 0.02, fmt.Sprintf("%d colours, %.1f%% of pixels off the background", colours, busy*100), err
	})
}

// openFirstArticle clicks the top row of the list and waits for the
// article view (right half of the window) to fill with headline, photo and
// text; before the click it shows one line of placeholder.
func (p *proc) openFirstArticle(t *testing.T, win, shot string) string {
	t.Helper()
	geo, err := p.x11("xdotool", "getwindowgeometry", "--shell", win)
	if err != nil {
		t.Fatalf("window geometry: %v %s", err, geo)
	}
	var w int
	for _, line := range strings.Fields(geo) {
		fmt.Sscanf(line, "WIDTH=%d", &w)
	}
	// The first row sits under the menu bar, in the list between the
	// sidebar and the split.
	x, y := w*30/100, 75
	if out, err := p.x11("xdotool", "mousemove", "--window", win, strconv.Itoa(x), strconv.Itoa(y), "click", "1"); err != nil {
		t.Fatalf("click first row: %v %s", err, out)
	}
	return p.waitForShot(t, win, shot, 20*time.Second, func() (bool, string, error) {
		_, busy, err := inspect(shot, rightHalf)
		return busy >= 0.05, fmt.Sprintf("%.1f%% of the article pane drawn after a click at %d,%d", busy*100, x, y), err
	})
}

// clickAndWait clicks the list at height y and waits until the editor pane
// (right half) is drawn and differs from the screenshot before.
func (p *proc) clickAndWait(t *testing.T, win string, y int, before, shot string) string {
	t.Helper()
	x := p.width(t, win) * 30 / 100
	if out, err := p.x11("xdotool", "mousemove", "--window", win, strconv.Itoa(x), strconv.Itoa(y), "click", "1"); err != nil {
		t.Fatalf("click at %d,%d: %v %s", x, y, err, out)
	}
	return p.waitForChange(t, win, before, shot)
}

// keyAndWait types a key combination and waits for the editor pane to change.
func (p *proc) keyAndWait(t *testing.T, win, keys, before, shot string) string {
	t.Helper()
	if out, err := p.x11("xdotool", "key", "--window", win, keys); err != nil {
		t.Fatalf("key %s: %v %s", keys, err, out)
	}
	return p.waitForChange(t, win, before, shot)
}

func (p *proc) waitForChange(t *testing.T, win, before, shot string) string {
	t.Helper()
	return p.waitForShot(t, win, shot, 20*time.Second, func() (bool, string, error) {
		_, busy, err := inspect(shot, rightHalf)
		if err != nil {
			return false, "", err
		}
		changed, err := differ(before, shot, rightHalf)
		return busy >= 0.05 && changed >= 0.01, fmt.Sprintf("%.1f%% of the editor pane drawn, %.1f%% changed", busy*100, changed*100), err
	})
}

func (p *proc) width(t *testing.T, win string) int {
	t.Helper()
	geo, err := p.x11("xdotool", "getwindowgeometry", "--shell", win)
	if err != nil {
		t.Fatalf("window geometry: %v %s", err, geo)
	}
	var w int
	for _, line := range strings.Fields(geo) {
		fmt.Sscanf(line, "WIDTH=%d", &w)
	}
	return w
}

// differ returns the share of pixels in region that differ between two
// screenshots of the same size.
func differ(a, b string, region func(image.Rectangle) image.Rectangle) (float64, error) {
	imgs := make([]image.Image, 2)
	for i, path := range []string{a, b} {
		data, err := os.ReadFile(path)
		if err != nil {
			return 0, err
		}
		if imgs[i], err = png.Decode(bytes.NewReader(data)); err != nil {
			return 0, fmt.Errorf("decode %s: %w", path, err)
		}
	}
	r := region(imgs[1].Bounds())
	if imgs[0].Bounds() != imgs[1].Bounds() || r.Empty() {
		return 1, nil
	}
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if imgs[0].At(x, y) != imgs[1].At(x, y) {
				n++
			}
		}
	}
	return float64(n) / float64(r.Dx()*r.Dy()), nil
}

// waitForShot takes screenshots of win into shot until ok says the picture
// is right, and fails the test with ok's last description after timeout.
func (p *proc) waitForShot(t *testing.T, win, shot string, timeout time.Duration, ok func() (bool, string, error)) string {
	t.Helper()
	var last string
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); {
		p.alive(t, "while drawing")
		time.Sleep(500 * time.Millisecond)
		if out, err := p.x11("import", "-window", win, shot); err != nil {
			last = fmt.Sprintf("import: %v %s", err, out)
			continue
		}
		good, desc, err := ok()
		if err != nil {
			last = err.Error()
			continue
		}
		last = desc
		if good {
			t.Logf("%s: %s", filepath.Base(shot), desc)
			return shot
		}
	}
	t.Fatalf("window not drawn as expected: %s; screenshot %s; log:\n%s", last, shot, readFile(p.log))
	return ""
}

func (p *proc) x11(name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+p.display)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func whole(b image.Rectangle) image.Rectangle { return b }

func rightHalf(b image.Rectangle) image.Rectangle {
	return image.Rect(b.Min.X+b.Dx()/2, b.Min.Y, b.Max.X, b.Max.Y)
}

// inspect counts the distinct colours of a PNG within region and the share
// of its pixels that differ from the most common one (the background).
func inspect(path string, region func(image.Rectangle) image.Rectangle) (colours int, busy float64, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, err
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return 0, 0, fmt.Errorf("decode screenshot: %w", err)
	}
	b := region(img.Bounds())
	if b.Empty() {
		return 0, 0, errors.New("empty screenshot")
	}
	hist := map[[4]uint32]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			hist[[4]uint32{r, g, bl, a}]++
		}
	}
	top := 0
	for _, n := range hist {
		top = max(top, n)
	}
	total := b.Dx() * b.Dy()
	return len(hist), float64(total-top) / float64(total), nil
}

func readFile(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Sprintf("(cannot read %s: %v)", path, err)
	}
	return string(data)
}
