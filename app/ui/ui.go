// Package ui is Newsdesk's Fyne front end: the desks sidebar, the article
// list with its instant filter, the editor (Write, Details and Preview
// tabs), menus, shortcuts, autosave and recovery, and the first-run sample
// newsroom. State and store access live in Controller (the listing) and
// ArticleEditor (the open article), which are tested without a window; the
// views only draw what they hold. It imports package app, never package
// store.
//
// Other views join the window through the hooks in extend.go (AddArticleTab,
// AddMenuItems, AddView, OnClose); extensions.go is where they are called.
package ui

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// Options configure the window.
type Options struct {
	// Author signs the revisions the window writes.
	Author string
	// Version is shown in the About box.
	Version string
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
	svc  *app.Service
	ctl  *Controller
	ed   *ArticleEditor
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
	editor  *editorView
	empty   *emptyState

	main      *container.Split
	center    *fyne.Container // the main split, the empty state and added views
	statusBar *widget.Label
	editState *widget.Label
	errorBar  *widget.Label

	menus      []*fyne.Menu
	recoveries *recoveryPrompt
	views      []*addedView
	closers    []func()
	started    bool // the first load has been drawn
	autosave   *debouncer
}

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
	u := &UI{app: a, win: w, svc: svc, ctl: NewController(svc), ed: NewArticleEditor(svc, opts.Author), opts: opts, quit: a.Quit}
	u.ctx, u.cancel = context.WithCancel(context.Background())
	u.autosave = newDebouncer(AutosaveDelay, opts.do, u.onAutosave)

	u.sidebar = newSidebar(u.onFolder)
	u.list = newArticleList(u.onSelect, u.onFilter)
	u.list.asOf = u.ctl.AsOf
	u.editor = newEditorView(u)
	u.empty = newEmptyState(u)
	u.statusBar = &widget.Label{Text: "Opening " + svc.Store.Path() + "…", Truncation: fyne.TextTruncateEllipsis}
	u.editState = &widget.Label{Alignment: fyne.TextAlignTrailing}
	u.errorBar = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	u.errorBar.Hide()

	u.main = container.NewHSplit(u.list.widget, u.editor.root)
	u.main.Offset = 0.34
	u.center = container.NewStack(u.main, u.empty.root)
	u.empty.root.Hide()
	status := container.NewBorder(nil, nil, nil, u.editState, u.statusBar)
	bottom := container.NewVBox(u.errorBar, widget.NewSeparator(), status)
	w.SetContent(container.NewBorder(nil, bottom, u.sidebar.root, nil, u.center))
	w.SetCloseIntercept(u.onCloseWindow)

	u.installMenu()
	u.extend()
	u.restorePrefs()
	u.Refresh()
	return u
}

// Controller returns the listing state behind the window.
func (u *UI) Controller() *Controller { return u.ctl }

// Editor returns the state of the open article.
func (u *UI) Editor() *ArticleEditor { return u.ed }

// Refresh reloads the listing, counts and (when it has no unsaved edits)
// the open article in the background: another process may have changed
// any of them.
func (u *UI) Refresh() {
	reopen := ""
	if id := u.ed.ID(); id != "" && !u.editor.dirty() {
		reopen = id
	}
	u.background(func(ctx context.Context) {
		_ = u.ctl.Reload(ctx)
		if reopen != "" && !u.ed.Dirty() {
			_ = u.ed.Open(ctx, reopen)
		}
	}, func() {
		u.render()
		if reopen != "" {
			u.editor.fill()
		}
		if !u.started {
			u.started = true
			u.afterFirstLoad()
		}
	})
}

// Close stops background work and waits for it, so that the caller may then
// close the store. Unsaved edits go to their recovery slot first, so that
// a quit by signal or a closing session loses nothing. The window is not
// touched.
func (u *UI) Close() {
	if u.ctx.Err() == nil {
		u.autosave.stop()
		u.editor.flushBody()
		u.savePrefs()
		if err := u.ed.Autosave(u.ctx); err != nil {
			u.svc.Log.Error("autosave on close", "err", err)
		}
		for _, f := range u.closers {
			f()
		}
	}
	u.cancel()
	u.wg.Wait()
}

func (u *UI) onFolder(f Folder) {
	u.list.clearSelection()
	u.setPref(prefDesk, f.key())
	u.background(func(ctx context.Context) { _ = u.ctl.SetFolder(ctx, f) }, u.render)
}

func (u *UI) onFilter(q string) {
	u.ctl.SetQuery(q)
	u.list.update(u.ctl.Visible(), u.ed.ID())
}

// onSelect opens a clicked article, asking first about unsaved edits.
func (u *UI) onSelect(id string) {
	if id == u.ed.ID() {
		return
	}
	u.OpenArticle(id)
}

// render draws the controller's state; it runs on the UI goroutine.
func (u *UI) render() {
	c := u.ctl
	u.sidebar.update(c)
	u.list.update(c.Visible(), u.ed.ID())
	u.renderStatus()

	if c.Empty() && !u.ed.IsOpen() {
		u.main.Hide()
		u.empty.root.Show()
		u.empty.offer()
	} else {
		u.empty.root.Hide()
		if !u.viewShown() {
			u.main.Show()
		}
	}
}
