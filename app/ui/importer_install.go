package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// installImport adds File > Import… (one file) and File > Import folder…
// (every page and ninjs file in it, the way to take several at once, since
// Fyne's file dialog picks one). The listing reloads after an import.
func installImport(u *UI) *importView {
	v := newImportView(u.win, u.svc, u.opts.do)
	v.onDone = u.Refresh
	v.onOpen = u.OpenArticle
	file := fyne.NewMenuItem("Import…", v.onImportFile)
	file.Icon = theme.UploadIcon()
	u.AddMenuItems("File", file, fyne.NewMenuItem("Import folder…", v.onImportFolder))
	u.OnClose(v.close)
	return v
}
