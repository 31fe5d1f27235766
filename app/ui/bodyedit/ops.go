package bodyedit

import (
	"strings"

	"fyne.io/fyne/v2"
)

// typed takes a change made inside paragraph p's entry (typing, deleting,
// an in-paragraph paste or cut) into the document.
func (e *Editor) typed(p *para, text string) {
	i := p.idx
	before := Caret{i, p.caret}
	p.caret = p.offset()
	e.doc.edit(i, text, before, Caret{i, p.caret})
	if e.width > 0 && e.hs.set(i, e.heightOf(text)) {
		p.Resize(fyne.NewSize(e.width, e.hs.h[i]))
		e.reflow()
	}
	e.changed()
}

func (e *Editor) changed() {
	if e.OnChanged != nil {
		e.OnChanged()
	}
}

// split is Enter: the paragraph breaks at the caret.
func (e *Editor) split(p *para) {
	c := e.doc.split(Caret{p.idx, p.offset()})
	e.restructure(c.Par-1, 1, 2, c)
}

// merge joins paragraph i to the one before it.
func (e *Editor) merge(i int, before Caret) {
	c := e.doc.merge(i, before)
	e.restructure(i-1, 2, 1, c)
}

// paste inserts clipboard text with paragraph breaks as paragraphs; text
// without them is left to the entry. It reports whether it pasted.
func (e *Editor) paste(p *para, text string) bool {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if !strings.Contains(text, ParagraphBreak) {
		return false
	}
	if p.SelectedText() != "" {
		p.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
	at := p.idx
	c := e.doc.insert(Caret{at, p.offset()}, text)
	e.restructure(at, 1, strings.Count(text, ParagraphBreak)+1, c)
	return true
}

// Undo takes back the last change to the document.
func (e *Editor) Undo() {
	if a, ok := e.doc.undoStep(); ok {
		e.restructure(a.at, a.removed, a.added, a.caret)
	}
}

// Redo does again the last change Undo took back.
func (e *Editor) Redo() {
	if a, ok := e.doc.redoStep(); ok {
		e.restructure(a.at, a.removed, a.added, a.caret)
	}
}

// restructure redraws after paragraphs [at, at+removed) became
// [at, at+added): their heights are measured, built entries of later
// paragraphs shift their index, and the caret goes to c.
func (e *Editor) restructure(at, removed, added int, c Caret) {
	h := make([]float32, added)
	if e.width > 0 {
		for k := range h {
			h[k] = e.heightOf(e.doc.paras[at+k])
		}
	}
	e.hs.replace(at, removed, h)
	delta := added - removed
	moved := make(map[int]*para, len(e.live))
	for i, p := range e.live {
		switch {
		case i < at:
			moved[i] = p
		case i >= at+removed:
			p.idx = i + delta
			moved[i+delta] = p
		default:
			e.release(p)
		}
	}
	e.live = moved
	e.focus = c.Par
	e.reflow()
	e.focusAt(c)
	e.changed()
}

// FocusAt puts the caret in paragraph par at rune offset off, scrolling
// it into view.
func (e *Editor) FocusAt(par, off int) {
	if len(e.doc.paras) == 0 {
		return
	}
	par = max(0, min(par, len(e.doc.paras)-1))
	e.focusAt(Caret{par, off})
}

func (e *Editor) focusAt(c Caret) {
	e.focus = c.Par
	e.place()
	p, ok := e.live[c.Par]
	if !ok {
		return // not laid out yet
	}
	c.Off = max(0, min(c.Off, p.runes()))
	e.setCaret(p, c.Off)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(e); cv != nil && cv.Focused() != p {
		cv.Focus(p)
	}
	e.doc.closeStep()
	e.caretVisible(p)
}

// setCaret moves p's caret to rune offset off, in the row and column the
// Entry itself would use (from the same wrap).
func (e *Editor) setCaret(p *para, off int) {
	rows := e.meas.wrap(p.Text, e.width-2*e.pad, nil)
	p.CursorRow, p.CursorColumn = rowCol(rows, off)
	p.caret = off
	p.Refresh()
}

// vertical handles Up and Down on the first or last row of a paragraph:
// the caret goes to the neighbour paragraph's nearest row, keeping its
// column. It reports whether it moved the caret.
func (e *Editor) vertical(p *para, up bool) bool {
	rows := e.meas.wrap(p.Text, e.width-2*e.pad, nil)
	if e.wantCol < 0 {
		e.wantCol = p.CursorColumn
	}
	var target int
	switch {
	case up && p.CursorRow == 0 && p.idx > 0:
		target = p.idx - 1
	case !up && p.CursorRow >= len(rows)-1 && p.idx < len(e.doc.paras)-1:
		target = p.idx + 1
	default:
		return false
	}
	trows := e.meas.wrap(e.doc.paras[target], e.width-2*e.pad, nil)
	r := trows[0]
	if up {
		r = trows[len(trows)-1]
	}
	col := e.wantCol
	e.focusAt(Caret{target, r.begin + min(col, r.end-r.begin)})
	e.wantCol = col
	return true
}

// pageMove is PageUp/PageDown: the view scrolls by its height and the
// caret goes to the paragraph now at the caret's place in the view.
func (e *Editor) pageMove(p *para, up bool) {
	step := e.scroll.Size().Height
	if up {
		step = -step
	}
	y := e.hs.top(p.idx) + e.pad + float32(p.CursorRow)*e.meas.lineH + step
	target := e.hs.at(max(y, 0))
	off := 0
	if !up && target == p.idx {
		off = p.runes()
	}
	e.scroll.ScrollToOffset(fyne.NewPos(0, max(0, e.scroll.Offset.Y+step)))
	e.focusAt(Caret{target, off})
}

// caretVisible scrolls so that p's caret row is in view.
func (e *Editor) caretVisible(p *para) {
	if p.idx < 0 || e.meas == nil {
		return
	}
	view := e.scroll.Size().Height
	y := e.hs.top(p.idx) + e.pad + float32(p.CursorRow)*e.meas.lineH
	off := e.scroll.Offset.Y
	switch {
	case y < off:
		off = max(y-e.pad, 0)
	case y+e.meas.lineH > off+view:
		off = y + e.meas.lineH + e.pad - view
	default:
		return
	}
	e.scroll.ScrollToOffset(fyne.NewPos(0, off))
	e.place()
}

// Caret returns where the caret is, or false when the editor has none.
func (e *Editor) Caret() (Caret, bool) {
	p, ok := e.live[e.focus]
	if !ok || e.focus < 0 {
		return Caret{}, false
	}
	return Caret{p.idx, p.offset()}, true
}

// Paragraph returns paragraph i's text.
func (e *Editor) Paragraph(i int) string { return e.doc.paras[i] }
