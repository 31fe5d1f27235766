package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"newsdesk/app"
)

// ShortcutSettings opens the Settings window (Ctrl+, or Cmd+,).
var ShortcutSettings = &desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: fyne.KeyModifierShortcutDefault}

// WindowTitle is the main window's title for a newsroom's name.
func WindowTitle(newsroom string) string {
	newsroom = strings.TrimSpace(newsroom)
	if newsroom == "" || newsroom == "Newsdesk" {
		return "Newsdesk"
	}
	return newsroom + " — Newsdesk"
}

// settingsInstall is File > Settings… and what the settings change in the
// main window: its title, the author of its revisions, the theme.
type settingsInstall struct {
	u *UI
	// fallback is the name the window was opened with (the OS user's
	// full name): the Personal name when none is stored.
	fallback string
	win      fyne.Window
	view     *settingsView
}

// installSettings adds File > Settings… (Ctrl+,), and applies the
// settings at start: the Personal name signs revisions, the theme is the
// one chosen, the newsroom's rules apply to saves and its name is in the
// window title. Call it first in extend, before installers that read
// u.Author.
func installSettings(u *UI) *settingsInstall {
	s := &settingsInstall{u: u, fallback: u.opts.Author}
	p := u.app.Preferences()
	u.SetAuthor(LoadIdentity(p, s.fallback).Name)
	if th := LoadThemeChoice(p); th != ThemeSystem {
		ApplyTheme(u.app, th)
	}
	var nr app.Newsroom
	var err error
	u.Background(func(ctx context.Context) { nr, err = u.svc.LoadNewsroom(ctx) }, func() {
		if err != nil {
			u.svc.Log.Error("load newsroom settings", "err", err)
			return
		}
		u.win.SetTitle(WindowTitle(nr.Name))
	})
	item := fyne.NewMenuItem("Settings…", s.open)
	item.Shortcut, item.Icon = ShortcutSettings, theme.SettingsIcon()
	u.AddMenuItems("File", item)
	u.OnClose(func() {
		if s.win != nil {
			s.win.Close()
		}
	})
	return s
}

// open shows the Settings window, or brings it forward when it is open.
func (s *settingsInstall) open() {
	if s.win != nil {
		s.win.RequestFocus()
		return
	}
	u := s.u
	v := newSettingsView(u.svc, u.app.Preferences(), s.fallback, u.Background)
	w := u.app.NewWindow("Settings")
	s.win, s.view = w, v
	v.onSaved = func(n app.Newsroom, id Identity, th ThemeChoice) {
		u.win.SetTitle(WindowTitle(n.Name))
		u.SetAuthor(id.Name)
		ApplyTheme(u.app, th)
		w.Close()
		u.Refresh() // sections and rules may have changed what lists show
	}
	v.onCancel = func() { s.confirmClose() }
	w.SetCloseIntercept(s.confirmClose)
	w.SetOnClosed(func() { s.win, s.view = nil, nil })
	w.SetContent(v.root)
	w.Resize(fyne.NewSize(760, 700))
	w.Show()
}

// confirmClose closes the window, asking first when edits would be lost.
func (s *settingsInstall) confirmClose() {
	w, v := s.win, s.view
	if w == nil {
		return
	}
	if !v.ctl.Dirty() {
		w.Close()
		return
	}
	dialog.ShowConfirm("Discard changes?", "The newsroom settings were changed but not saved.", func(ok bool) {
		if ok {
			w.Close()
		}
	}, w)
}

// SetAuthor makes name sign the revisions, autosaves and status moves
// this window writes from now on (the Personal name of the Settings
// window); a blank name is ignored. Views that sign their own work should
// read u.Author() when they act rather than keep a copy.
func (u *UI) SetAuthor(name string) {
	name = strings.TrimSpace(name)
	if name == "" {
		return
	}
	u.opts.Author = name
	u.ed.SetAuthor(name)
}
