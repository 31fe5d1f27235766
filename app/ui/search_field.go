package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// searchField is a one-line entry that also answers the keys a search box
// needs and a plain entry ignores: Esc clears it, Up and Down move through
// the results below it without leaving the field.
type searchField struct {
	widget.Entry
	// onEscape runs after Esc has cleared the text.
	onEscape func()
	// onMove moves the highlighted result by delta; nil leaves Up and
	// Down to the entry.
	onMove func(delta int)
}

func newSearchField(placeholder string, onChanged func(string)) *searchField {
	f := &searchField{}
	f.PlaceHolder = placeholder
	f.OnChanged = onChanged
	f.ExtendBaseWidget(f)
	return f
}

// TypedKey handles Esc, Up and Down, and leaves the rest to the entry.
func (f *searchField) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		f.SetText("")
		if f.onEscape != nil {
			f.onEscape()
		}
		return
	case fyne.KeyDown, fyne.KeyUp:
		if f.onMove != nil {
			d := 1
			if k.Name == fyne.KeyUp {
				d = -1
			}
			f.onMove(d)
			return
		}
	}
	f.Entry.TypedKey(k)
}
