package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Keyboard shortcuts of the main window; Ctrl on Linux and Windows, Cmd on macOS.
var (
	ShortcutRefresh  = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault}
	ShortcutQuit     = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	ShortcutNew      = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	ShortcutSave     = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	ShortcutSaveNote = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	ShortcutFind     = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	ShortcutClose    = &desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierShortcutDefault}
	ShortcutRedo     = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	ShortcutWrite    = &desktop.CustomShortcut{KeyName: fyne.Key1, Modifier: fyne.KeyModifierShortcutDefault}
	ShortcutDetails  = &desktop.CustomShortcut{KeyName: fyne.Key2, Modifier: fyne.KeyModifierShortcutDefault}
	ShortcutPreview  = &desktop.CustomShortcut{KeyName: fyne.Key3, Modifier: fyne.KeyModifierShortcutDefault}
)

func (u *UI) installMenu() {
	item := func(label string, sc fyne.Shortcut, icon fyne.Resource, f func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, f)
		it.Shortcut, it.Icon = sc, icon
		return it
	}
	quit := item("Quit", ShortcutQuit, nil, u.onQuit)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("New article", ShortcutNew, theme.DocumentCreateIcon(), u.editor.onNew),
		item("Save", ShortcutSave, theme.DocumentSaveIcon(), func() { u.editor.onSave("") }),
		item("Save with a note…", ShortcutSaveNote, nil, u.editor.onSaveWithNote),
		item("Close article", ShortcutClose, nil, u.editor.onClose),
		fyne.NewMenuItemSeparator(),
		item("Recover unsaved edits…", nil, nil, u.offerRecoveries),
		item("Refresh", ShortcutRefresh, theme.ViewRefreshIcon(), u.Refresh),
		item("Create sample newsroom…", nil, nil, u.empty.onCreate),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	edit := fyne.NewMenu("Edit",
		item("Undo", &fyne.ShortcutUndo{}, theme.ContentUndoIcon(), u.onUndo),
		item("Redo", ShortcutRedo, theme.ContentRedoIcon(), u.onRedo),
		fyne.NewMenuItemSeparator(),
		item("Cut", &fyne.ShortcutCut{}, theme.ContentCutIcon(), func() { u.forward(&fyne.ShortcutCut{Clipboard: u.app.Clipboard()}) }),
		item("Copy", &fyne.ShortcutCopy{}, theme.ContentCopyIcon(), func() { u.forward(&fyne.ShortcutCopy{Clipboard: u.app.Clipboard()}) }),
		item("Paste", &fyne.ShortcutPaste{}, theme.ContentPasteIcon(), func() { u.forward(&fyne.ShortcutPaste{Clipboard: u.app.Clipboard()}) }),
		item("Select all", &fyne.ShortcutSelectAll{}, nil, func() { u.forward(&fyne.ShortcutSelectAll{}) }),
		fyne.NewMenuItemSeparator(),
		item("Find in list", ShortcutFind, theme.SearchIcon(), u.onFind),
	)
	article := fyne.NewMenu("Article")
	view := fyne.NewMenu("View",
		item("Articles", nil, nil, func() { u.ShowView("") }),
		fyne.NewMenuItemSeparator(),
		item("Write", ShortcutWrite, nil, func() { u.editor.selectTab(0) }),
		item("Details", ShortcutDetails, nil, func() { u.editor.selectTab(1) }),
		item("Preview", ShortcutPreview, nil, func() { u.editor.selectTab(2) }),
	)
	help := fyne.NewMenu("Help", item("About Newsdesk", nil, theme.InfoIcon(), u.showAbout))
	u.menus = []*fyne.Menu{file, edit, article, view, help}
	u.updateArticleMenu()
	for _, m := range u.menus {
		for _, it := range m.Items {
			u.addCanvasShortcut(it)
		}
	}
}

// addCanvasShortcut binds a menu item's shortcut on the canvas too: the
// desktop driver fires shortcuts through the menu, the canvas covers
// drivers and windows without one (and the test driver).
func (u *UI) addCanvasShortcut(it *fyne.MenuItem) {
	if it.Shortcut == nil {
		return
	}
	if _, ok := it.Shortcut.(*desktop.CustomShortcut); !ok {
		return // the standard ones (copy, undo...) belong to the focused widget
	}
	action := it.Action
	u.win.Canvas().AddShortcut(it.Shortcut, func(fyne.Shortcut) { action() })
}

// updateArticleMenu lists the open article's status moves in the Article
// menu; it runs whenever the article or its status changes.
func (u *UI) updateArticleMenu() {
	m := u.menus[2]
	m.Items = []*fyne.MenuItem{
		fyne.NewMenuItem("Add photo…", u.editor.media.onAddPhoto),
		fyne.NewMenuItem("Preview", func() { u.editor.selectTab(2) }),
	}
	if acts := u.ed.Actions(); len(acts) > 0 {
		m.Items = append(m.Items, fyne.NewMenuItemSeparator())
		for _, a := range acts {
			m.Items = append(m.Items, fyne.NewMenuItem(capitalize(a.Label)+"…", func() { u.editor.onAction(a) }))
		}
	}
	u.win.SetMainMenu(fyne.NewMainMenu(u.menus...))
}

// forward hands an editing shortcut chosen in the menu to the focused
// widget, as the keyboard would.
func (u *UI) forward(s fyne.Shortcut) {
	if f, ok := u.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
	}
}

// onUndo and onRedo act on the focused text: an entry's own history, or
// the body editor's, which spans paragraphs.
func (u *UI) onUndo() {
	if f, ok := u.win.Canvas().Focused().(interface{ Undo() }); ok {
		f.Undo()
	}
}

func (u *UI) onRedo() {
	if f, ok := u.win.Canvas().Focused().(interface{ Redo() }); ok {
		f.Redo()
	}
}

// onFind puts the caret in the list's filter box.
func (u *UI) onFind() {
	u.ShowView("")
	u.win.Canvas().Focus(u.list.filter)
}

func (u *UI) onQuit() {
	u.confirmLeave("Quit", func() { u.quit() })
}

// onCloseWindow asks about unsaved edits before the window closes.
func (u *UI) onCloseWindow() {
	u.confirmLeave("Quit", func() {
		u.savePrefs()
		u.win.Close()
	})
}

func (u *UI) showAbout() {
	v := u.opts.Version
	if v == "" {
		v = "development build"
	}
	content := container.NewVBox(
		&widget.Label{Text: "Newsdesk", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText},
		widget.NewLabel("Version "+v),
		widget.NewLabel("A desktop newsroom: draft, edit, schedule and publish."),
		widget.NewLabel(fmt.Sprintf("Store: %s", u.svc.Store.Path())),
	)
	dialog.ShowCustom("About Newsdesk", "Close", content, u.win)
}
