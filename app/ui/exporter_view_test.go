package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// newTestExportView opens an export view on a test window over a desk
// with two folder profiles, with an event loop standing in for the UI
// goroutine's.
func newTestExportView(t *testing.T) (*exportView, exportDesk, fyne.Window, func()) {
	t.Helper()
	test.NewTempApp(t)
	svc := MustService(t)
	d := mustExportDesk(t, svc)
	w := test.NewTempWindow(t, widget.NewLabel("desk"))
	w.Resize(fyne.NewSize(900, 700))
	loop := &uiLoop{}
	v := newExportView(w, svc, func() string { return "tester" }, loop.do)
	t.Cleanup(v.close)
	return v, d, w, func() { drain(loop, v.wg.Wait) }
}

// buttonShown returns the shown button labelled text.
func buttonShown(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	b := findButton(o, text)
	if b == nil {
		t.Fatalf("no button %q; shown %q", text, shownTexts(o))
	}
	return b
}

func TestExportViewDryRunThenExport(t *testing.T) {
	v, d, w, settle := newTestExportView(t)
	reloads := 0
	v.onDone = func() { reloads++ }

	v.onExport()
	chooser := w.Canvas().Overlays().Top()
	assertShown(t, chooser, "Export to the portal", "desk", "To "+d.Dir, "Ready", "Due (scheduled, time come)", "Published", "Dry run…")
	// The default profile is preselected; choosing another shows its folder.
	if v.chooser.profile.Selected != "desk" {
		t.Errorf("profile %q, want the default", v.chooser.profile.Selected)
	}
	v.chooser.profile.SetSelected("wire")
	assertShown(t, chooser, "To "+d.Wire)
	v.chooser.profile.SetSelected("desk")
	// With no status ticked there is nothing to choose from.
	for _, c := range v.chooser.statuses {
		test.Tap(c)
	}
	if !v.chooser.dryRun.Disabled() {
		t.Error("dry run allowed with no status ticked")
	}
	for _, c := range v.chooser.statuses {
		test.Tap(c)
	}
	test.Tap(buttonShown(t, chooser, "Dry run…"))
	if v.progress == nil {
		t.Fatal("no progress dialog for the dry run")
	}
	settle()

	report := w.Canvas().Overlays().Top()
	assertShown(t, report, "Dry run: nothing written yet",
		"desk → "+d.Dir+": 1 story to export, 0 unchanged, 1 skipped, 0 failed.",
		"Would be exported (1)", "Lawmakers weigh limits on facial recognition (revision 1)",
		"Skipped (1)", "flagged: needs headline", "Files that would be written", "index.html")
	if _, err := os.Stat(d.Dir); !os.IsNotExist(err) || reloads != 0 {
		t.Fatalf("the dry run wrote (%v) or reloaded (%d)", err, reloads)
	}

	test.Tap(buttonShown(t, report, "Export 1 story"))
	if v.progress == nil {
		t.Fatal("no progress dialog for the export")
	}
	assertShown(t, w.Canvas().Overlays().Top(), "Cancel")
	settle()
	assertShown(t, w.Canvas().Overlays().Top(), "Export finished", "Exported (1)")
	if _, err := os.Stat(filepath.Join(d.Dir, "manifest.json")); err != nil || reloads != 1 || v.progress != nil {
		t.Errorf("after the export: %v, reloads %d", err, reloads)
	}
}

func TestExportViewCancel(t *testing.T) {
	v, _, w, settle := newTestExportView(t)
	// The engine reads its clock as it starts: hold it there, so that the
	// export is surely under way when Cancel is pressed.
	started, release := make(chan struct{}), make(chan struct{})
	var once bool
	v.ctl.x.Now = func() time.Time {
		if !once {
			once = true
			close(started)
			<-release
		}
		return time.Now()
	}
	v.start(ExportChoice{Profile: "desk", Statuses: []string{"published"}}, false)
	p := v.progress
	<-started
	test.Tap(p.cancel)
	if !p.cancel.Disabled() || p.file.Text != "Stopping…" {
		t.Errorf("after Cancel: disabled %v, %q", p.cancel.Disabled(), p.file.Text)
	}
	close(release)
	settle()
	report := w.Canvas().Overlays().Top()
	assertShown(t, report, "Export cancelled", "Cancelled: desk → ", "The previous portal is unchanged.")
	if v.last == nil || !v.last.Cancelled {
		t.Errorf("outcome %+v", v.last)
	}
}

func TestExportViewOffersBulkSelection(t *testing.T) {
	v, d, w, _ := newTestExportView(t)
	v.selected = func() []string { return []string{d.Facial.ID, d.Flagged.ID} }
	v.onExport()
	assertShown(t, w.Canvas().Overlays().Top(), "Only the 2 stories selected in Bulk status changes")
	if ch := v.chooser.choice(); !slices.Equal(ch.IDs, []string{d.Facial.ID, d.Flagged.ID}) || len(ch.Statuses) != 3 {
		t.Errorf("choice %+v", ch)
	}
	test.Tap(v.chooser.selected)
	if ch := v.chooser.choice(); ch.IDs != nil {
		t.Errorf("unticked selection still exported: %+v", ch)
	}
}

func TestExportMenuInWindow(t *testing.T) {
	svc := MustService(t)
	MustNewsroom(t, svc)
	_, w := newTestUI(t, svc, Options{NoSampleOffer: true})
	item := menuItem(t, w, "File", "Export…")
	item.Action()
	assertShown(t, w.Canvas().Overlays().Top(), "Export to the portal", "default", "Dry run…")
	// Nothing is selected in the bulk view, so no selection is offered.
	texts := shownTexts(w.Canvas().Overlays().Top())
	if slices.ContainsFunc(texts, func(s string) bool { return strings.HasPrefix(s, "Only the") }) {
		t.Errorf("a selection offered with none made: %q", texts)
	}
}
