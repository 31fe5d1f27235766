package ui

import "fyne.io/fyne/v2/theme"

// installHistory adds the copy desk's History tab to the editor: the open
// article's revisions, comparisons, keep-older review, restore, blame and
// shareable diffs, with Alt+Down / Alt+Up stepping through changes. A
// revision written there reloads the window, so the editor works on top
// of it.
func installHistory(u *UI) *HistoryPanel {
	p := newHistoryPanelOn(u.win, u.svc, u.opts.Author, runnerFor(u))
	p.OnChanged = func(string) { u.Refresh() }
	p.AddShortcuts(u.win.Canvas())
	u.AddArticleTab(ArticleTab{Title: "History", Icon: theme.HistoryIcon(), Content: p.Object(), Show: p.ShowArticle})
	return p
}
