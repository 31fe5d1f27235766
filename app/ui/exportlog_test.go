package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsdesk/app"
)

// mustExportTwice exports the published story, edits it and exports it
// again, at fixed times, so that its log holds two lines; the flagged
// story is logged as skipped.
func mustExportTwice(t *testing.T, svc *app.Service, d exportDesk) {
	t.Helper()
	c := newTestExportController(svc)
	at := time.Date(2020, 10, 21, 3, 17, 0, 0, time.UTC)
	c.x.Now = func() time.Time { return at }
	ch := ExportChoice{Profile: "desk", Statuses: []string{"ready", "published"}}
	if out := c.Run(context.Background(), ch, false, nil); out.Err != nil {
		t.Fatal(out.Err)
	}
	edited := *d.Facial
	edited.Dek = "数据保护：谁可以在公共场所扫描人脸。"
	MustSave(t, svc, &edited)
	at = at.Add(90 * time.Minute)
	if out := c.Run(context.Background(), ch, false, nil); out.Err != nil {
		t.Fatal(out.Err)
	}
}

func TestLoadExportLogNewestFirstInArticleZone(t *testing.T) {
	svc := MustService(t)
	d := mustExportDesk(t, svc)
	mustExportTwice(t, svc, d)
	ctx := context.Background()

	lines, err := LoadExportLog(ctx, svc, d.Facial)
	if err != nil || len(lines) != 2 {
		t.Fatalf("log %+v, %v", lines, err)
	}
	// Asia/Shanghai is UTC+8: 03:17 UTC is 11:17 there.
	if l := lines[0]; l.Revision != 2 || l.Time != "2020-10-21 12:47 CST" || l.Title() != "exported · revision 2 · desk:"+d.Dir ||
		l.Meta() != "2020-10-21 12:47 CST by 李编辑" {
		t.Errorf("newest %+v (%q, %q)", l, l.Title(), l.Meta())
	}
	if l := lines[1]; l.Revision != 1 || l.Time != "2020-10-21 11:17 CST" {
		t.Errorf("oldest %+v", l)
	}
	skipped, err := LoadExportLog(ctx, svc, d.Flagged)
	if err != nil || len(skipped) != 2 || skipped[0].Result != "skipped" || !strings.Contains(skipped[0].Meta(), ": flagged: needs headline") {
		t.Errorf("flagged story's log %+v, %v", skipped, err)
	}
	none, err := LoadExportLog(ctx, svc, d.Draft)
	if err != nil || len(none) != 0 {
		t.Errorf("a draft's log %+v, %v", none, err)
	}
}

func TestExportLogTabShowsTheOpenArticle(t *testing.T) {
	test.NewTempApp(t)
	svc := MustService(t)
	d := mustExportDesk(t, svc)
	mustExportTwice(t, svc, d)
	loop := &deskLoop{}
	run := newDeskRunner(loop.do)
	t.Cleanup(run.close)
	v := newExportLogTab(svc, run)
	w := test.NewTempWindow(t, v.root)
	w.Resize(fyne.NewSize(700, 400))

	assertShown(t, v.root, "Saved stories list their exports here")
	v.show(d.Facial)
	loop.settle(run)
	assertShown(t, v.root, "2 exports, newest first", "exported · revision 2 · desk:", "2020-10-21 12:47 CST by 李编辑", "exported · revision 1")

	// Two quick switches: the last article wins.
	v.show(d.Facial)
	v.show(d.Draft)
	loop.settle(run)
	assertShown(t, v.root, "Not exported yet.")
	if len(v.lines) != 0 {
		t.Errorf("lines of another article left: %+v", v.lines)
	}
	v.show(nil)
	assertShown(t, v.root, "Saved stories list their exports here")
}

func TestExportsTabInWindow(t *testing.T) {
	svc := MustService(t)
	d := mustExportDesk(t, svc)
	mustExportTwice(t, svc, d)
	h, _ := newTestUI(t, svc, Options{NoSampleOffer: true})
	h.OpenArticle(d.Facial.ID)
	h.wait()
	var tab fyne.CanvasObject
	for _, item := range h.editor.tabs.Items {
		if item.Text == "Exports" {
			h.editor.tabs.Select(item)
			tab = item.Content
		}
	}
	if tab == nil {
		t.Fatal("no Exports tab in the editor")
	}
	assertShown(t, tab, "2 exports, newest first", "exported · revision 2")
}
