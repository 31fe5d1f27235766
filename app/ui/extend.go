package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"newsdesk/app"
)

// This file is the window's extension surface: views that are not the
// editor's own (the copy desk's history, the agenda, the scheduler) join
// the window through these hooks, called from extend in extensions.go, so
// that ui.go stays small and stable.

// ArticleTab is a view of the open article shown as a tab beside Write,
// Details and Preview (a revision history, for example).
type ArticleTab struct {
	Title   string
	Icon    fyne.Resource
	Content fyne.CanvasObject
	// Show runs on the UI goroutine whenever the open article changes:
	// opened, saved, moved to another status, or closed (nil). A new
	// article not yet saved has an empty ID.
	Show func(a *app.Article)
}

// AddArticleTab adds a tab to the editor.
func (u *UI) AddArticleTab(t ArticleTab) { u.editor.addTab(t) }

// AddMenuItems appends items to a main menu: "File", "Edit", "Article",
// "View" or "Help" (in File they go before Quit). Items with a Shortcut
// also get it on the window's canvas, for drivers without a menu bar.
func (u *UI) AddMenuItems(menu string, items ...*fyne.MenuItem) {
	for _, m := range u.menus {
		if m.Label != menu {
			continue
		}
		at := len(m.Items)
		if menu == "File" {
			at = len(m.Items) - 2 // before the separator and Quit
		}
		m.Items = append(m.Items[:at], append(items, m.Items[at:]...)...)
		for _, it := range items {
			u.addCanvasShortcut(it)
		}
		u.win.SetMainMenu(fyne.NewMainMenu(u.menus...))
		return
	}
	u.svc.Log.Error("AddMenuItems: no such menu", "menu", menu)
}

// addedView is a full-window view (the agenda) shown instead of the list
// and editor.
type addedView struct {
	name string
	obj  fyne.CanvasObject
}

// AddView adds a view that replaces the list and editor when chosen in the
// View menu (or by ShowView); shortcut may be nil.
func (u *UI) AddView(name string, content fyne.CanvasObject, shortcut fyne.Shortcut) {
	content.Hide()
	u.views = append(u.views, &addedView{name: name, obj: content})
	u.center.Add(content)
	item := fyne.NewMenuItem(name, func() { u.ShowView(name) })
	item.Shortcut = shortcut
	u.AddMenuItems("View", item)
}

// ShowView shows the named added view, or the articles for "".
func (u *UI) ShowView(name string) {
	for _, v := range u.views {
		if v.name == name {
			v.obj.Show()
		} else {
			v.obj.Hide()
		}
	}
	if name == "" {
		u.render()
		return
	}
	u.main.Hide()
	u.empty.root.Hide()
}

func (u *UI) viewShown() bool {
	for _, v := range u.views {
		if v.obj.Visible() {
			return true
		}
	}
	return false
}

// OnClose registers f to run (on the UI goroutine) when the window's UI
// closes, before background work is cancelled: stop a scheduler there.
func (u *UI) OnClose(f func()) { u.closers = append(u.closers, f) }

// Background runs work off the UI goroutine, in order after the work asked
// for before it, then done on the UI goroutine unless the window closed.
func (u *UI) Background(work func(ctx context.Context), done func()) { u.background(work, done) }

// Window returns the main window, for dialogs.
func (u *UI) Window() fyne.Window { return u.win }

// Service returns the use cases the window works with.
func (u *UI) Service() *app.Service { return u.svc }

// Author returns who signs the window's revisions.
func (u *UI) Author() string { return u.opts.Author }

// ShowError shows err in plain words in a dialog; the log gets the chain.
func (u *UI) ShowError(err error) {
	if err == nil {
		return
	}
	u.svc.Log.Error("error shown", "err", err)
	dialog.ShowError(errors.New(userMessage(err)), u.win)
}
