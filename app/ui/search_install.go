package ui

import (
	"fyne.io/fyne/v2"
)

// installSearch turns the field over the article list into the full-text
// search (issue 10). Ctrl+F still focuses that field; every keystroke
// still narrows the loaded listing at once (the instant filter), and a
// pause in typing searches the whole archive, ranked, in the background:
// the results then take the list's place, with status and section
// filters, until the field is blank again (Esc clears it). Enter or a
// click opens a result as the list does.
func installSearch(u *UI) *searchBox {
	f := u.list.filter
	b := newSearchBox(u.svc, f, u.opts.do)
	f.PlaceHolder = "Search stories (Ctrl+F)"
	filter := f.OnChanged
	f.OnChanged = func(q string) {
		if filter != nil {
			filter(q)
		}
		b.onChanged(q)
	}
	b.onOpen = func(id, _ string) { u.OpenArticle(id) }

	listing := u.list.body.Objects
	b.onActive = func(on bool) {
		if on {
			u.list.body.Objects = []fyne.CanvasObject{b.panel}
			b.loadSections(u.svc, u.ctl.Sections)
		} else {
			u.list.body.Objects = listing
		}
		u.list.body.Refresh()
	}
	u.OnClose(b.close)
	return b
}
