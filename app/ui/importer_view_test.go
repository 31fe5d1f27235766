package ui

import (
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app/portal"
)

// newTestImportView opens an import view on a test window with an event
// loop standing in for the UI goroutine's.
func newTestImportView(t *testing.T) (*importView, fyne.Window, *uiLoop, func()) {
	t.Helper()
	test.NewTempApp(t)
	svc := MustService(t)
	w := test.NewTempWindow(t, widget.NewLabel("desk"))
	w.Resize(fyne.NewSize(900, 700))
	loop := &uiLoop{}
	v := newImportView(w, svc, loop.do)
	t.Cleanup(v.close)
	return v, w, loop, func() { drain(loop, v.wg.Wait) }
}

// heldInput is a file whose reading signals started and then waits until
// release is closed: the import is surely under way when the test acts.
func heldInput(name, path string, started chan<- struct{}, release <-chan struct{}) portal.Input {
	return portal.Input{Name: name, Open: func() (io.ReadCloser, error) {
		close(started)
		<-release
		return os.Open(path)
	}}
}

func TestImportViewProgressThenReport(t *testing.T) {
	v, w, _, settle := newTestImportView(t)
	reloads := 0
	v.onDone = func() { reloads++ }
	var opened []string
	v.onOpen = func(id string) { opened = append(opened, id) }

	started, release := make(chan struct{}), make(chan struct{})
	v.start([]portal.Input{heldInput("harbour-page.txt", "testdata/import/harbour-page.txt", started, release), importFiles[1], importFiles[2]})
	if v.progress == nil {
		t.Fatal("no progress dialog")
	}
	assertShown(t, w.Canvas().Overlays().Top(), "File 1 of 3: harbour-page.txt", "Cancel")
	// A second import waits for the first.
	v.start(importFiles[1:2])
	close(release)
	settle()

	if v.progress != nil || reloads != 1 {
		t.Fatalf("after the import: progress %v, reloads %d", v.progress != nil, reloads)
	}
	report := w.Canvas().Overlays().Top()
	assertShown(t, report,
		"3 stories imported, 0 duplicates already in the store, 2 stories flagged for an editor.",
		"Not imported", "broken.json line 2",
		"Flagged for an editor", "needs headline, related link missing, photo missing (harbour-page.txt line 4)",
		"Warnings", "harbour-page.txt:14: related story")
	// A flagged story opens from the report.
	link := findHyperlink(t, report, "港口吞吐量")
	test.TapAt(link, fyne.NewPos(theme.InnerPadding()+4, theme.InnerPadding()+4))
	if len(opened) != 1 || opened[0] == "" || w.Canvas().Overlays().Top() != nil {
		t.Errorf("opened %q; overlay left %v", opened, w.Canvas().Overlays().Top() != nil)
	}
}

func TestImportViewCancel(t *testing.T) {
	v, w, _, settle := newTestImportView(t)
	started, release := make(chan struct{}), make(chan struct{})
	v.start([]portal.Input{heldInput("harbour-page.txt", "testdata/import/harbour-page.txt", started, release), importFiles[1]})
	p := v.progress
	<-started
	test.Tap(p.cancel)
	if !p.cancel.Disabled() || p.file.Text != "Stopping…" {
		t.Errorf("after Cancel: disabled %v, %q", p.cancel.Disabled(), p.file.Text)
	}
	close(release)
	settle()
	report := w.Canvas().Overlays().Top()
	// The file being saved when Cancel came is rolled back whole.
	assertShown(t, report, "Import cancelled after 1 of 2 files. 0 stories imported",
		"harbour-page.txt: stopped by Cancel; nothing from it was imported")
	if slices.Contains(shownTexts(report), "Not imported") {
		t.Errorf("a cancelled file is listed as failed: %q", shownTexts(report))
	}
	if !slices.Contains(shownTexts(report), "Import cancelled") {
		t.Errorf("the report is not titled Import cancelled: %q", shownTexts(report))
	}
}

// findHyperlink returns the shown link whose text contains s.
func findHyperlink(t *testing.T, o fyne.CanvasObject, s string) *widget.Hyperlink {
	t.Helper()
	l, ok := shownWidget(o, func(l *widget.Hyperlink) bool { return strings.Contains(l.Text, s) })
	if !ok {
		t.Fatalf("no link with %q; shown %q", s, shownTexts(o))
	}
	return l
}
