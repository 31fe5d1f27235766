// Package ui is Newsdesk's Fyne front end: the article list, the read-only
// article view, the status sidebar and the first-run sample newsroom. State
// and store access live in Controller, which is tested without a window; the
// views only draw what it holds. It imports package app, never package store.
package ui

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// Options configure the window.
type Options struct {
	// Author signs the revisions the window writes (the sample newsroom).
	Author string
	// NoSampleOffer suppresses the first-run dialog on an empty store; the
	// empty state's button still offers the sample newsroom.
	NoSampleOffer bool

	// do runs a function on the UI goroutine: fyne.Do, unless a test runs
	// the event loop itself (Fyne's test driver calls fyne.Do functions
	// on the calling goroutine, which would race with the test's own).
	do func(func())
}

// UI is the main window's content and behaviour.
type UI struct {
	app  fyne.App
	win  fyne.Window
	ctl  *Controller
	opts Options
	// quit ends the app; a field so that tests can observe Ctrl+Q, which
	// the test driver's app ignores.
	quit func()

	// ctx ends when the window goes away, so that background loads stop
	// touching a closing store; wg lets Close wait for them.
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	jobs   jobQueue

	sidebar *sidebar
	list    *articleList
	detail  *detailView
	empty   *emptyState

	main      *container.Split
	statusBar *widget.Label
	errorBar  *widget.Label
}

// Keyboard shortcuts of the main window; Ctrl on Linux and Windows, Cmd on macOS.
var (
	ShortcutRefresh = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault}
	ShortcutQuit    = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
)

// New builds the main window's content, menu and shortcuts into w and starts
// loading the store in the background. Call it on the UI goroutine (before
// ShowAndRun, or from a callback); call Close after the app stops.
func New(a fyne.App, w fyne.Window, svc *app.Service, opts Options) *UI {
	if opts.Author == "" {
		opts.Author = "newsdesk"
	}
	if opts.do == nil {
		opts.do = fyne.Do
	}
	u := &UI{app: a, win: w, ctl: NewController(svc), opts: opts, quit: a.Quit}
	u.ctx, u.cancel = context.WithCancel(context.Background())

	u.sidebar = newSidebar(u.onFolder)
	u.list = newArticleList(u.onSelect)
	u.detail = newDetailView()
	u.empty = newEmptyState(u)
	u.statusBar = &widget.Label{Text: "Opening " + svc.Store.Path() + "…", Truncation: fyne.TextTruncateEllipsis}
	u.errorBar = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	u.errorBar.Hide()

	u.main = container.NewHSplit(u.list.widget, u.detail.root)
	u.main.Offset = 0.42
	center := container.NewStack(u.main, u.empty.root)
	u.empty.root.Hide()
	bottom := container.NewVBox(u.errorBar, widget.NewSeparator(), u.statusBar)
	w.SetContent(container.NewBorder(nil, bottom, u.sidebar.root, nil, center))

	u.installMenu()
	u.Refresh()
	return u
}

func (u *UI) installMenu() {
	refresh := fyne.NewMenuItem("Refresh", u.Refresh)
	refresh.Shortcut = ShortcutRefresh
	sampleItem := fyne.NewMenuItem("Create sample newsroom…", u.empty.onCreate)
	quit := fyne.NewMenuItem("Quit", func() { u.quit() })
	quit.Shortcut = ShortcutQuit
	quit.IsQuit = true
	u.win.SetMainMenu(fyne.NewMainMenu(fyne.NewMenu("File", refresh, sampleItem, fyne.NewMenuItemSeparator(), quit)))
	// The desktop driver fires shortcuts through the menu; canvas shortcuts
	// cover drivers and windows without one (and the test driver).
	u.win.Canvas().AddShortcut(ShortcutRefresh, func(fyne.Shortcut) { u.Refresh() })
	u.win.Canvas().AddShortcut(ShortcutQuit, func(fyne.Shortcut) { u.quit() })
}

// Controller returns the state behind the window.
func (u *UI) Controller() *Controller { return u.ctl }

// Refresh reloads the listing, counts and selected article in the background.
func (u *UI) Refresh() {
	u.background(func(ctx context.Context) { _ = u.ctl.Reload(ctx) }, u.render)
}

// Close stops background work and waits for it, so that the caller may then
// close the store. The window is not touched.
func (u *UI) Close() {
	u.cancel()
	u.wg.Wait()
}

func (u *UI) onFolder(f Folder) {
	u.list.clearSelection()
	u.detail.show(nil)
	u.background(func(ctx context.Context) { _ = u.ctl.SetFolder(ctx, f) }, u.render)
}

func (u *UI) onSelect(id string) {
	u.background(func(ctx context.Context) { _, _ = u.ctl.Select(ctx, id) }, u.renderDetail)
}

// render draws the controller's state; it runs on the UI goroutine.
func (u *UI) render() {
	c := u.ctl
	u.sidebar.update(c)
	sel := c.Selected()
	selID := ""
	if sel != nil {
		selID = sel.Article.ID
	}
	u.list.update(c.Items(), selID)
	u.detail.show(sel)
	u.renderStatus()

	if c.Empty() {
		u.main.Hide()
		u.empty.root.Show()
		u.empty.offer()
	} else {
		u.empty.root.Hide()
		u.main.Show()
	}
}

func (u *UI) renderDetail() {
	u.detail.show(u.ctl.Selected())
	u.renderStatus()
}

func (u *UI) renderStatus() {
	c := u.ctl
	if !c.Loaded() {
		return
	}
	all := c.Count(Folder{})
	text := "Store: " + c.StorePath() + "  ·  " + plural(all, "article")
	if f := c.Folder(); f != (Folder{}) {
		text += "  ·  " + f.Label() + ": " + plural(c.Total(), "article")
	}
	if n, total := len(c.Items()), c.Total(); n < total {
		text += "  ·  showing the newest " + plural(n, "article")
	}
	u.statusBar.SetText(text)
	if err := c.Err(); err != nil {
		u.errorBar.SetText(userMessage(err))
		u.errorBar.Show()
	} else {
		u.errorBar.Hide()
	}
}
