package ui

import "fyne.io/fyne/v2/theme"

// installExportLog adds the editor's Exports tab: what revision of the
// open story went to which portal, when, by whom and how it ended.
func installExportLog(u *UI) *exportLogTab {
	v := newExportLogTab(u.svc, runnerFor(u))
	u.AddArticleTab(ArticleTab{Title: "Exports", Icon: theme.UploadIcon(), Content: v.root, Show: v.show})
	return v
}
