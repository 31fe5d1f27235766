package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// historyUnderTest is a History panel in a test window with its loop.
type historyUnderTest struct {
	*HistoryPanel
	loop    *deskLoop
	win     fyne.Window
	changed []string
}

func newHistoryUnderTest(t *testing.T, svc *app.Service, id string) *historyUnderTest {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	loop := &deskLoop{}
	h := &historyUnderTest{HistoryPanel: newHistoryPanel(w, svc, "Zhou Yu", loop.do), loop: loop, win: w}
	h.OnChanged = func(id string) { h.changed = append(h.changed, id) }
	w.SetContent(h.Object())
	w.Resize(fyne.NewSize(1280, 800))
	h.AddShortcuts(w.Canvas())
	t.Cleanup(h.Close)
	h.Open(id)
	h.settle()
	return h
}

func (h *historyUnderTest) settle() { h.loop.settle(h.run) }

// docText is the whole laid-out comparison, one screen line per line.
func (h *historyUnderTest) docText() string {
	var lines []string
	for i := range h.cmp.lines.lay.lines {
		lines = append(lines, h.cmp.lines.lineText(i))
	}
	return strings.Join(lines, "\n")
}

func (h *historyUnderTest) selectRev(t *testing.T, n int) {
	t.Helper()
	i := slices.IndexFunc(h.rows, func(r HistoryRow) bool { return r.Number == n })
	if i < 0 {
		t.Fatalf("revision %d is not listed", n)
	}
	h.revList.Select(i)
	h.settle()
}

func TestHistoryPanelListsAndCompares(t *testing.T) {
	svc, _ := deskService(t)
	a := deskStory(t, svc)
	h := newHistoryUnderTest(t, svc, a.ID)

	assertShown(t, h.Object(),
		"r4 · Anna Berg · 2026-11-28 09:05 CST · +10 words", "add reaction",
		"r3 · Wang Lei", "status draft -> copyedit",
		"r1 · Li Na · 2026-11-28 09:01 CST · +13 words", "first draft",
		"From revision 3 by Wang Lei", // the newest against its parent
		"专家认为，草案仍需细化。",
	)

	h.selectRev(t, 2)
	doc := h.docText()
	for _, want := range []string{"Fields", "headline: Lawmakers weigh limits", "→ Lawmakers approve limits", "Body",
		"Lawmakers consideredapproved a draft law on Monday.", "It was vague about <cameras> & signs. Critics want more."} {
		if !strings.Contains(doc, want) {
			t.Errorf("comparison lacks %q:\n%s", want, doc)
		}
	}
	// Insertions and deletions read apart without colour: markers on demand,
	// and every changed piece carries its kind (drawn struck or underlined).
	h.cmp.markers.SetChecked(true)
	if doc := h.docText(); !strings.Contains(doc, "Lawmakers [-considered-]{+approved+} a draft law") {
		t.Errorf("markers missing:\n%s", doc)
	}
	assertShown(t, h.Object(), "Lawmakers [-considered-]{+approved+} a draft law on Monday.")

	// Side by side: the older wording on the left, the newer on the right.
	h.cmp.mode.SetSelected(cmpModeSide)
	found := false
	for _, l := range h.cmp.lines.lay.lines {
		var del, ins *cmpPiece
		for i := range l.pieces {
			switch p := &l.pieces[i]; {
			case p.kind == cmpDelete && p.text == "considered":
				del = p
			case p.kind == cmpInsert && p.text == "approved":
				ins = p
			}
		}
		if del != nil && ins != nil {
			found = true
			if ins.x <= del.x+h.cmp.lines.Size().Width/3 {
				t.Errorf("the newer side starts at %v, the older at %v: not side by side", ins.x, del.x)
			}
		}
	}
	if !found {
		t.Errorf("no line holds considered | approved side by side:\n%s", h.docText())
	}
}

func TestHistoryPanelKeyboardReviewAndKeepOlder(t *testing.T) {
	svc, _ := deskService(t)
	a := deskStory(t, svc)
	h := newHistoryUnderTest(t, svc, a.ID)

	h.selectRev(t, 1)
	tapButton(t, h.Object(), "Compare with current")
	h.settle()
	assertShown(t, h.Object(), "From revision 1 by Li Na", "to revision 4 by Anna Berg", "4 changes")

	test.Type(h.cmp.lines, "j")
	assertShown(t, h.Object(), "Change 1 of 4 · headline:")
	test.Type(h.cmp.lines, "jj")
	assertShown(t, h.Object(), `Change 3 of 4 · body: "considered" -> "approved"`)
	h.win.Canvas().(fyne.Shortcutable).TypedShortcut(ShortcutPrevChange)
	assertShown(t, h.Object(), "Change 2 of 4 · status:")
	if !h.cmp.keep.Disabled() {
		t.Error("a status change offers to keep the older wording")
	}
	h.cmp.lines.TypedShortcut(ShortcutNextChange)
	assertShown(t, h.Object(), "Change 3 of 4")
	if sel := h.cmp.lines.selected; sel < 0 || !strings.Contains(h.cmp.lines.lineText(sel), "considered") {
		t.Errorf("the highlighted line is %d, not the change's", sel)
	}

	tapButton(t, h.Object(), "Keep older wording")
	h.settle()
	assertShown(t, h.Object(),
		"Change 3 kept as in revision 1; saved as revision 5.",
		"r5 · Zhou Yu", "revert change 3 from revision 4",
		"to revision 5 by Zhou Yu",
		`Change 3 of 3 · body: inserted "Critics want more. 专家认为，草案仍需细化。"`, // the review carries on where it was
	)
	cur, _ := svc.Article(context.Background(), a.ID)
	if !strings.HasPrefix(cur.Body, "Lawmakers considered a draft law") || cur.Revision != 5 {
		t.Errorf("stored r%d body %q", cur.Revision, cur.Body)
	}
	if !slices.Equal(h.changed, []string{a.ID}) {
		t.Errorf("OnChanged calls = %q", h.changed)
	}
}

func TestHistoryPanelRestoreAsks(t *testing.T) {
	svc, _ := deskService(t)
	a := deskStory(t, svc)
	h := newHistoryUnderTest(t, svc, a.ID)
	h.selectRev(t, 1)
	tapButton(t, h.Object(), "Restore this revision…")
	over := h.win.Canvas().Overlays().Top()
	if over == nil {
		t.Fatal("restore did not ask first")
	}
	assertShown(t, over, "Restore revision 1?", "new revision 5", "nothing is lost")
	tapButton(t, over, "Yes")
	h.settle()
	assertShown(t, h.Object(), "Revision 1 restored as revision 5.", "r5 · Zhou Yu", "Restore revision 1")
	if n := len(h.ctl.Rows()); n != 5 {
		t.Errorf("%d revisions after restore, want 5", n)
	}
}

func TestHistoryPanelBlameOpensRevision(t *testing.T) {
	svc, _ := deskService(t)
	a := deskStory(t, svc)
	h := newHistoryUnderTest(t, svc, a.ID)
	h.tabs.Select(h.tabs.Items[1])
	h.settle()
	assertShown(t, h.blame.root, "3 paragraphs by 2 authors",
		"r2 Wang Lei · 11-28 09:02 │ Lawmakers approved a draft law on Monday.",
		"r4 Anna Berg · 11-28 09:05 │ 专家认为，草案仍需细化。")

	line := slices.IndexFunc(h.blame.lines.lay.lines, func(l cmpLine) bool { return l.target == 2 })
	h.blame.lines.Select(line) // a click on Wang Lei's paragraph
	h.settle()
	if h.tabs.SelectedIndex() != 0 {
		t.Error("clicking a paragraph did not go to its changes")
	}
	assertShown(t, h.Object(), "From revision 1 by Li Na", "to revision 2 by Wang Lei")
}

func TestHistoryPanelSharesHTML(t *testing.T) {
	svc, _ := deskService(t)
	a := deskStory(t, svc)
	h := newHistoryUnderTest(t, svc, a.ID)
	h.selectRev(t, 2)
	res := h.cmp.res
	if got := diffFileName(res); got != "changes-lawmakers-weigh-limits-on-facial-recognition-r1-r2.html" {
		t.Errorf("file name = %q", got)
	}
	path := filepath.Join(t.TempDir(), diffFileName(res))
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	if err := h.writeHTML(w, res); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "&lt;cameras&gt;") || !strings.Contains(string(page), "<ins>") {
		t.Errorf("exported page:\n%s", page)
	}
}
