package bodyedit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"newsdesk/app/corpus"
)

// newTestEditor shows an editor holding text in a 900x700 window of Fyne's
// test driver.
func newTestEditor(tb testing.TB, text string) (*Editor, fyne.Window) {
	tb.Helper()
	test.NewTempApp(tb)
	e := New()
	w := test.NewTempWindow(tb, e)
	w.Resize(fyne.NewSize(900, 700))
	e.SetText(text)
	return e, w
}

// focused returns the paragraph entry with the caret.
func focused(tb testing.TB, w fyne.Window) *para {
	tb.Helper()
	p, ok := w.Canvas().Focused().(*para)
	if !ok {
		tb.Fatalf("focus is on %T, not a paragraph", w.Canvas().Focused())
	}
	return p
}

func key(w fyne.Window, k fyne.KeyName) { w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k}) }

func TestEditorRoundTripAndVirtualisation(t *testing.T) {
	body := corpus.New(1, false).Body(20000)
	e, _ := newTestEditor(t, body)
	if e.Text() != body {
		t.Fatal("Text differs from the text set")
	}
	if n := e.Paragraphs(); n < 150 {
		t.Fatalf("%d paragraphs", n)
	}
	if n := len(e.page.objs); n == 0 || n > 30 {
		t.Errorf("%d paragraph entries built for a 700-pixel window, want a page's worth", n)
	}
	// Paragraphs sit end to end; the page is as tall as all of them.
	sum := float32(0)
	for _, h := range e.hs.h {
		if h < e.meas.lineH {
			t.Fatalf("a paragraph %v tall", h)
		}
		sum += h
	}
	if e.page.MinSize().Height != sum {
		t.Errorf("page height %v, heights sum to %v", e.page.MinSize().Height, sum)
	}
	// Scrolling to the middle builds the middle.
	e.scroll.ScrollToOffset(fyne.NewPos(0, sum/2))
	e.place()
	mid := e.hs.at(sum / 2)
	if _, ok := e.live[mid]; !ok {
		t.Errorf("paragraph %d (in view) not built; built %v", mid, keys(e.live))
	}
	if _, ok := e.live[0]; ok {
		t.Error("paragraph 0, far out of view, is still built")
	}
}

func keys(m map[int]*para) []int {
	var out []int
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestEditorEnterBackspaceUndo(t *testing.T) {
	const start = "The storm is expected tonight.\n\n气象台发布预警。"
	e, w := newTestEditor(t, start)
	changes := 0
	e.OnChanged = func() { changes++ }

	e.FocusAt(0, 9) // after "The storm"
	test.Type(focused(t, w), ",")
	key(w, fyne.KeyReturn)
	if got := e.Text(); got != "The storm,\n\n is expected tonight.\n\n气象台发布预警。" {
		t.Fatalf("after Enter: %q", got)
	}
	if c, _ := e.Caret(); c != (Caret{1, 0}) {
		t.Errorf("caret after Enter %v, want start of the new paragraph", c)
	}
	key(w, fyne.KeyBackspace)
	if got := e.Text(); got != "The storm, is expected tonight.\n\n气象台发布预警。" {
		t.Fatalf("after Backspace at the start: %q", got)
	}
	if c, _ := e.Caret(); c != (Caret{0, 10}) {
		t.Errorf("caret after merge %v, want the join", c)
	}
	test.Type(focused(t, w), "X")
	if got := e.Paragraph(0); got != "The storm,X is expected tonight." {
		t.Errorf("typing after the merge went to %q", got)
	}
	// Undo takes back the typing, the merge, the split and the comma.
	for range 4 {
		e.Undo()
	}
	if e.Text() != start {
		t.Errorf("after four undos: %q", e.Text())
	}
	e.Redo()
	e.Redo()
	if got := e.Text(); got != "The storm,\n\n is expected tonight.\n\n气象台发布预警。" {
		t.Errorf("after two redos: %q", got)
	}
	// Ctrl+Z on the focused paragraph is the document's undo.
	focused(t, w).TypedShortcut(&fyne.ShortcutUndo{})
	if e.Paragraphs() != 2 {
		t.Errorf("Ctrl+Z did not undo the split: %q", e.Text())
	}
	if changes == 0 {
		t.Error("OnChanged never ran")
	}
}

func TestEditorArrowsCrossParagraphs(t *testing.T) {
	long := strings.Repeat("Lawmakers weigh limits on facial recognition. ", 12)
	e, w := newTestEditor(t, "Short.\n\n"+long+"\n\n末段。")
	e.FocusAt(0, 6)
	key(w, fyne.KeyRight)
	if c, _ := e.Caret(); c != (Caret{1, 0}) {
		t.Fatalf("Right at the end: %v", c)
	}
	key(w, fyne.KeyLeft)
	if c, _ := e.Caret(); c != (Caret{0, 6}) {
		t.Fatalf("Left at the start: %v", c)
	}
	key(w, fyne.KeyDown) // one row only: to the next paragraph, column kept
	if c, _ := e.Caret(); c != (Caret{1, 6}) {
		t.Fatalf("Down from a one-row paragraph: %v", c)
	}
	key(w, fyne.KeyDown) // inside the long paragraph: the Entry's own move
	p := focused(t, w)
	if c, _ := e.Caret(); c.Par != 1 || p.CursorRow != 1 {
		t.Fatalf("Down inside: %v row %d", c, p.CursorRow)
	}
	rows := e.meas.wrap(long, e.width-2*e.pad, nil)
	for range len(rows) {
		key(w, fyne.KeyDown)
	}
	if c, _ := e.Caret(); c.Par != 2 {
		t.Fatalf("Down past the last row: %v", c)
	}
	key(w, fyne.KeyUp)
	if c, _ := e.Caret(); c.Par != 1 || focused(t, w).CursorRow != len(rows)-1 {
		t.Fatalf("Up from the last paragraph: %v row %d, want row %d", c, focused(t, w).CursorRow, len(rows)-1)
	}
	ctrl := func(k fyne.KeyName) *desktop.CustomShortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	}
	focused(t, w).TypedShortcut(ctrl(fyne.KeyEnd))
	if c, _ := e.Caret(); c != (Caret{2, 3}) {
		t.Errorf("Ctrl+End: %v", c)
	}
	focused(t, w).TypedShortcut(ctrl(fyne.KeyHome))
	if c, _ := e.Caret(); c != (Caret{0, 0}) {
		t.Errorf("Ctrl+Home: %v", c)
	}
}

func TestEditorPasteParagraphs(t *testing.T) {
	e, w := newTestEditor(t, "Before after.")
	e.FocusAt(0, 7)
	cb := fyne.CurrentApp().Clipboard()
	cb.SetContent("one\r\n\r\ntwo\n\nthree ")
	focused(t, w).TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	if got := e.Text(); got != "Before one\n\ntwo\n\nthree after." {
		t.Fatalf("after paste: %q", got)
	}
	if c, _ := e.Caret(); c != (Caret{2, 6}) {
		t.Errorf("caret after paste %v", c)
	}
	e.Undo()
	if e.Text() != "Before after." {
		t.Errorf("undo of the paste: %q", e.Text())
	}
	// A paste without blank lines stays in the paragraph.
	e.FocusAt(0, 0)
	cb.SetContent("Now ")
	focused(t, w).TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	if e.Text() != "Now Before after." || e.Paragraphs() != 1 {
		t.Errorf("inline paste: %q", e.Text())
	}
}

func TestEditorGrowsAndKeepsCaretWhenScrolled(t *testing.T) {
	body := corpus.New(2, true).Body(5000)
	e, w := newTestEditor(t, body)
	e.FocusAt(0, 0)
	p := focused(t, w)
	h0, top1 := e.hs.h[0], e.hs.top(1)
	// Type until the first paragraph needs another row.
	for i := 0; e.hs.h[0] == h0 && i < 200; i++ {
		test.Type(p, "字")
	}
	if e.hs.h[0] != h0+e.meas.lineH || e.hs.top(1) != top1+e.meas.lineH {
		t.Fatalf("paragraph 0 is %v tall (was %v), paragraph 1 at %v (was %v)", e.hs.h[0], h0, e.hs.top(1), top1)
	}
	if p.Size().Height != e.hs.h[0] || e.live[1].Position().Y != e.hs.top(1) {
		t.Errorf("entries not moved: %v, %v", p.Size(), e.live[1].Position())
	}
	// Scrolled far away, the paragraph with the caret stays built and
	// focused, and typing still goes into it.
	e.scroll.ScrollToOffset(fyne.NewPos(0, e.hs.total()/2))
	e.place()
	if e.live[0] != p || w.Canvas().Focused() != p {
		t.Fatal("the focused paragraph was recycled")
	}
	test.Type(p, "尾")
	if !strings.Contains(e.Paragraph(0), "尾") {
		t.Error("typing after scrolling went elsewhere")
	}
}
