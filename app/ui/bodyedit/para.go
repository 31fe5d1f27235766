package bodyedit

import (
	"image/color"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// para is the entry showing one paragraph. It hands the keys that cross
// paragraph edges (Enter, Backspace at the start, arrows at the edges),
// pastes with blank lines, and undo and redo to the editor, and everything
// else to the Entry.
type para struct {
	widget.Entry
	e   *Editor
	idx int // paragraph shown, or -1 in the pool
	// binding is set while the editor writes text in, so that it is not
	// taken for typing.
	binding bool
	shift   bool
	// caret is the offset after the last change or move: the "before" of
	// the next change, for undo.
	caret int
}

func newPara(e *Editor) *para {
	p := &para{e: e, idx: -1}
	p.MultiLine = true
	p.Wrapping = fyne.TextWrapWord
	p.OnChanged = p.onChanged
	p.OnCursorChanged = func() {
		if !p.binding {
			p.caret = p.CursorTextOffset()
		}
	}
	p.ExtendBaseWidget(p)
	return p
}

// bind shows paragraph i's text at size. The text is set directly and
// drawn once: SetText would wrap it three times and report it as typed.
func (p *para) bind(i int, text string, size fyne.Size) {
	p.binding = true
	p.idx = i
	p.Text = text
	p.CursorRow, p.CursorColumn, p.caret = 0, 0, 0
	p.Resize(size)
	p.Refresh()
	p.binding = false
}

func (p *para) placeHolder(on bool, text string) {
	want := ""
	if on {
		want = text
	}
	if p.PlaceHolder != want {
		p.PlaceHolder = want
		p.Refresh()
	}
}

func (p *para) onChanged(text string) {
	if p.binding || p.idx < 0 {
		return
	}
	p.e.typed(p, text)
}

// offset is the caret's rune offset.
func (p *para) offset() int { return p.CursorTextOffset() }

func (p *para) runes() int { return utf8.RuneCountInString(p.Text) }

// TypedKey implements fyne.Focusable.
func (p *para) TypedKey(k *fyne.KeyEvent) {
	e := p.e
	selecting := p.SelectedText() != ""
	vertical := false
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !p.shift { // Shift+Enter is a line break inside the paragraph
			if selecting {
				p.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
			}
			e.split(p)
			return
		}
	case fyne.KeyBackspace:
		if !selecting && p.idx > 0 && p.offset() == 0 {
			e.merge(p.idx, Caret{p.idx, 0})
			return
		}
	case fyne.KeyDelete:
		if !selecting && p.idx < len(e.doc.paras)-1 && p.offset() == p.runes() {
			e.merge(p.idx+1, Caret{p.idx, p.offset()})
			return
		}
	case fyne.KeyUp, fyne.KeyDown:
		vertical = true
		if !p.shift && e.vertical(p, k.Name == fyne.KeyUp) {
			return
		}
	case fyne.KeyLeft:
		if !p.shift && !selecting && p.idx > 0 && p.offset() == 0 {
			e.focusAt(Caret{p.idx - 1, utf8.RuneCountInString(e.doc.paras[p.idx-1])})
			return
		}
	case fyne.KeyRight:
		if !p.shift && !selecting && p.idx < len(e.doc.paras)-1 && p.offset() == p.runes() {
			e.focusAt(Caret{p.idx + 1, 0})
			return
		}
	case fyne.KeyPageUp, fyne.KeyPageDown:
		e.pageMove(p, k.Name == fyne.KeyPageUp)
		return
	}
	if !vertical {
		e.wantCol = -1
	}
	if k.Name != fyne.KeyBackspace && k.Name != fyne.KeyDelete {
		e.doc.closeStep() // a caret move ends the typing step
	}
	p.Entry.TypedKey(k)
	e.caretVisible(p)
}

// TypedRune implements fyne.Focusable.
func (p *para) TypedRune(r rune) {
	p.e.wantCol = -1
	p.Entry.TypedRune(r)
	p.e.caretVisible(p)
}

// KeyDown tracks Shift, which turns Enter into a line break.
func (p *para) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		p.shift = true
	}
	p.Entry.KeyDown(k)
}

// KeyUp implements desktop.Keyable.
func (p *para) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		p.shift = false
	}
	p.Entry.KeyUp(k)
}

// TypedShortcut takes undo, redo and multi-paragraph pastes for the
// document; the rest (copy, cut, word moves) stay the Entry's.
func (p *para) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutUndo:
		p.e.Undo()
		return
	case *fyne.ShortcutRedo:
		p.e.Redo()
		return
	case *desktop.CustomShortcut:
		switch {
		case s.KeyName == fyne.KeyZ && s.Modifier == fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift:
			p.e.Redo()
			return
		case s.KeyName == fyne.KeyHome && s.Modifier == fyne.KeyModifierShortcutDefault:
			p.e.FocusAt(0, 0) // Ctrl+Home: the start of the body
			return
		case s.KeyName == fyne.KeyEnd && s.Modifier == fyne.KeyModifierShortcutDefault:
			last := len(p.e.doc.paras) - 1
			p.e.FocusAt(last, len([]rune(p.e.doc.paras[last])))
			return
		}
	case *fyne.ShortcutPaste:
		p.e.doc.closeStep()
		if p.e.paste(p, s.Clipboard.Content()) {
			return
		}
	}
	p.Entry.TypedShortcut(s)
	p.e.doc.closeStep()
}

// Undo takes back the document's last change (the Edit menu calls it on
// the focused widget).
func (p *para) Undo() { p.e.Undo() }

// Redo does again what Undo took back.
func (p *para) Redo() { p.e.Redo() }

// FocusGained implements fyne.Focusable.
func (p *para) FocusGained() {
	if p.idx >= 0 {
		p.e.focus = p.idx
	}
	p.e.doc.closeStep()
	p.Entry.FocusGained()
}

// plainEntries is the theme inside the editor: entries without a box or a
// border of their own.
type plainEntries struct{ fyne.Theme }

// Color makes input boxes and borders transparent.
func (t plainEntries) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameInputBackground, theme.ColorNameInputBorder:
		return color.Transparent
	}
	return t.Theme.Color(n, v)
}
