package ui

import (
	"context"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

type workflowUnderTest struct {
	*Workflow
	loop    *deskLoop
	win     fyne.Window
	changed [][]string
}

func newWorkflowUnderTest(t *testing.T, svc *app.Service) *workflowUnderTest {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1000, 700))
	loop := &deskLoop{}
	wf := &workflowUnderTest{Workflow: newWorkflow(w, svc, "Zhou Yu", loop.do), loop: loop, win: w}
	wf.Local, _ = time.LoadLocation("Europe/Berlin")
	wf.OnChanged = func(ids []string) { wf.changed = append(wf.changed, ids) }
	t.Cleanup(wf.Close)
	return wf
}

func (wf *workflowUnderTest) settle() { wf.loop.settle(wf.run) }

// click clicks story id's row in p with modifiers, off the check box.
func (wf *workflowUnderTest) click(t *testing.T, p *BulkPanel, id string, mod fyne.KeyModifier) {
	t.Helper()
	row := wf.row(t, p, id)
	row.MouseDown(&desktop.MouseEvent{Modifier: mod})
	row.Tapped(&fyne.PointEvent{Position: fyne.NewPos(row.Size().Width/2, 10)})
}

// row returns the row showing story id.
func (wf *workflowUnderTest) row(t *testing.T, p *BulkPanel, id string) *bulkRow {
	t.Helper()
	i := slices.Index(p.order, id)
	var row *bulkRow
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *bulkRow:
			if w.id == i {
				row = w
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(p.list)
	if row == nil {
		t.Fatalf("no row shows story %s", id)
	}
	return row
}

func findEntry(o fyne.CanvasObject) *widget.Entry {
	e, _ := shownWidget(o, func(*widget.Entry) bool { return true })
	return e
}

func TestBulkPanelSelectsAndReports(t *testing.T) {
	svc, _ := deskService(t)
	draft, copy, nobyline, _, _ := deskDesk(t, svc)
	wf := newWorkflowUnderTest(t, svc)
	p := NewBulkPanel(wf.Workflow)
	wf.win.SetContent(p.Object())
	p.ShowDesk("")
	wf.settle()
	assertShown(t, p.Object(), "Draft story", "Copy desk story", "No byline yet", "Ready story", "Scheduled story",
		"No stories selected.")
	if findButton(p.Object(), "Mark ready").Disabled() == false {
		t.Error("actions are enabled with nothing selected")
	}

	wf.click(t, p, copy, 0)
	wf.click(t, p, nobyline, fyne.KeyModifierShortcutDefault)
	wf.click(t, p, draft, fyne.KeyModifierShortcutDefault)
	wf.click(t, p, draft, fyne.KeyModifierShortcutDefault) // and off again
	assertShown(t, p.Object(), "2 stories selected")

	tapButton(t, p.Object(), "Mark ready")
	wf.settle()
	over := wf.win.Canvas().Overlays().Top()
	if over == nil {
		t.Fatal("no report")
	}
	assertShown(t, over, "1 of 2 stories marked ready; 1 failed.", "✓ Copy desk story: revision 3",
		"✗ No byline yet: invalid article: byline: needs at least one name")
	if len(wf.changed) != 1 || len(wf.changed[0]) != 2 || !slices.Contains(wf.changed[0], copy) || !slices.Contains(wf.changed[0], nobyline) {
		t.Errorf("OnChanged got %q", wf.changed)
	}
	if s, _ := svc.Store.Summary(context.Background(), copy); s.Status != app.StatusReady {
		t.Errorf("copy desk story is %s", s.Status)
	}

	// A right click pops up the story's status menu.
	overlays := wf.win.Canvas().Overlays()
	before := len(overlays.List())
	wf.row(t, p, draft).TappedSecondary(&fyne.PointEvent{})
	if len(overlays.List()) != before+1 {
		t.Error("a right click on a story showed no status menu")
	}
}

func TestBulkScheduleAsksForTime(t *testing.T) {
	svc, _ := deskService(t)
	_, _, _, ready, _ := deskDesk(t, svc)
	wf := newWorkflowUnderTest(t, svc)
	p := NewBulkPanel(wf.Workflow)
	wf.win.SetContent(p.Object())
	p.ShowDesk(app.StatusReady)
	wf.settle()
	assertShown(t, p.Object(), "Ready story")
	wf.click(t, p, ready, 0)
	tapButton(t, p.Object(), "Schedule at…")
	wf.settle()
	over := wf.win.Canvas().Overlays().Top()
	if over == nil {
		t.Fatal("scheduling did not ask when")
	}
	e := findEntry(over)
	e.SetText("2026-12-03 08:00")
	assertShown(t, over, "Schedule 1 story", "Newsroom: Thu Dec 3, 2026 08:00 CST",
		"your computer: Thu Dec 3, 2026 01:00 CET")
	tapButton(t, over, "Schedule")
	wf.settle()
	assertShown(t, wf.win.Canvas().Overlays().Top(), "1 of 1 story scheduled.")
	a, _ := svc.Article(context.Background(), ready)
	if want := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC); a.Status != app.StatusScheduled || !a.ScheduledAt.Equal(want) {
		t.Errorf("ready story: %s at %v, want scheduled at %v", a.Status, a.ScheduledAt, want)
	}
}

func TestWorkflowMenu(t *testing.T) {
	svc, _ := deskService(t)
	ctx := context.Background()
	_, _, nobyline, ready, _ := deskDesk(t, svc)
	wf := newWorkflowUnderTest(t, svc)
	sum, _ := svc.Store.Summary(ctx, ready)

	var labels []string
	items := wf.MenuItems(*sum)
	for _, it := range items {
		labels = append(labels, it.Label)
	}
	if want := []string{"Send back to copy desk", "Schedule…", "Publish now", "Spike…"}; !slices.Equal(labels, want) {
		t.Fatalf("menu of a ready story: %q, want %q", labels, want)
	}
	items[2].Action() // Publish now
	wf.settle()
	pub, _ := svc.Store.Summary(ctx, ready)
	if pub.Status != app.StatusPublished || len(wf.changed) != 1 {
		t.Fatalf("after Publish now: %s, changed %q", pub.Status, wf.changed)
	}

	// Killing asks why, and the reason stays on the story.
	items = wf.MenuItems(*pub)
	if len(items) != 1 || items[0].Label != "Kill…" {
		t.Fatalf("menu of a published story: %+v", items)
	}
	items[0].Action()
	over := wf.win.Canvas().Overlays().Top()
	assertShown(t, over, "Kill “Ready story”?")
	findEntry(over).SetText("Legal asked us to withdraw it.")
	tapButton(t, over, "Kill")
	wf.settle()
	if a, _ := svc.Article(ctx, ready); a.Status != app.StatusKilled || a.Note != "Legal asked us to withdraw it." {
		t.Errorf("killed story: %s %q", a.Status, a.Note)
	}

	// A refused move says why, field by field.
	nb, _ := svc.Store.Summary(ctx, nobyline)
	wf.Move(*nb, app.StatusReady)
	wf.settle()
	assertShown(t, wf.win.Canvas().Overlays().Top(), "No byline yet: invalid article: byline: needs at least one name")

	// The toolbar button pops the same menu up.
	b := wf.StatusButton(func() (app.Summary, bool) { return *nb, true })
	wf.win.SetContent(b)
	overlays := wf.win.Canvas().Overlays()
	overlays.Remove(overlays.Top())
	before := len(overlays.List())
	test.Tap(b)
	if len(overlays.List()) != before+1 {
		t.Errorf("the status button showed no menu")
	}
}
