package ui

import (
	"time"

	"fyne.io/fyne/v2"

	"newsdesk/app"
)

// installBulk adds the bulk status view (View menu): the stories of the
// desk chosen in the sidebar with a check column, and the bulk actions
// with one report. Moves reload the window.
func installBulk(u *UI) *BulkPanel {
	wf := &Workflow{win: u.win, svc: u.svc, author: u.opts.Author, run: runnerFor(u), Local: time.Local}
	p := NewBulkPanel(wf)
	// The same status menu on a right-click in the main article list.
	u.list.onMenu = func(s app.Summary, at fyne.Position) { wf.ShowMenu(s, u.win.Canvas(), at) }
	wf.OnChanged = func([]string) {
		p.Reload()
		u.Refresh()
	}
	show := func() { p.ShowDesk(u.ctl.Folder().Status) }
	u.AddView("Bulk status changes", newViewShell("Bulk status changes", p.Object(), show, func() { u.ShowView("") }), ShortcutBulk)
	return p
}
