package ui

import "time"

// installBulk adds the bulk status view (View menu): the stories of the
// desk chosen in the sidebar with a check column, and the bulk actions
// with one report. Moves reload the window.
func installBulk(u *UI) *BulkPanel {
	wf := &Workflow{win: u.win, svc: u.svc, author: u.opts.Author, run: runnerFor(u), Local: time.Local}
	p := NewBulkPanel(wf)
	wf.OnChanged = func([]string) {
		p.Reload()
		u.Refresh()
	}
	show := func() { p.ShowDesk(u.ctl.Folder().Status) }
	u.AddView("Bulk status changes", newViewShell("Bulk status changes", p.Object(), show, func() { u.ShowView("") }), ShortcutBulk)
	return p
}
