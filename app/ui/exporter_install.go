package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// installExport adds File > Export…: the stories ready, due or published
// (or those selected in the bulk view, when bulk is given and has a
// selection) to a portal profile, dry run first. The listing reloads after
// an export, since the scheduler's due stories may have moved.
func installExport(u *UI, bulk *BulkPanel) *exportView {
	v := newExportView(u.win, u.svc, u.Author, u.opts.do)
	v.onDone = u.Refresh
	v.onOpen = u.OpenArticle
	if bulk != nil {
		v.selected = func() []string { return bulk.sel.IDs(bulk.order) }
	}
	item := fyne.NewMenuItem("Export…", v.onExport)
	item.Icon = theme.UploadIcon()
	u.AddMenuItems("File", item)
	u.OnClose(v.close)
	return v
}
