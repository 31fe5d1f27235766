package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Shortcuts of the views added by the copy desk and the workflow.
var (
	ShortcutAgenda = &desktop.CustomShortcut{KeyName: fyne.KeyA, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	ShortcutBulk   = &desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// installAgenda adds the Agenda view (View menu): scheduled stories by
// day in the newsroom's zone; clicking one opens it in the editor.
func installAgenda(u *UI) *AgendaView {
	v := newAgendaView(u.svc, u.opts.do)
	v.run = runnerFor(u)
	v.OnOpen = u.OpenArticle
	u.AddView("Agenda", newViewShell("Agenda", v.Object(), v.Reload, func() { u.ShowView("") }), ShortcutAgenda)
	return v
}

// viewShell frames a view added to the window with a way back to the
// articles, and tells the view when it is shown so it can reload: the
// window's ShowView only shows and hides.
type viewShell struct {
	widget.BaseWidget
	title   string
	content fyne.CanvasObject
	onShow  func()
	onBack  func()
}

func newViewShell(title string, content fyne.CanvasObject, onShow, onBack func()) *viewShell {
	s := &viewShell{title: title, content: content, onShow: onShow, onBack: onBack}
	s.ExtendBaseWidget(s)
	return s
}

// Show shows the view and has it reload.
func (s *viewShell) Show() {
	s.BaseWidget.Show()
	if s.onShow != nil {
		s.onShow()
	}
}

func (s *viewShell) CreateRenderer() fyne.WidgetRenderer {
	back := &widget.Button{Text: "Articles", Icon: theme.NavigateBackIcon(), Importance: widget.LowImportance, OnTapped: s.onBack}
	title := &widget.Label{Text: s.title, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	top := container.NewVBox(container.NewHBox(back, title), widget.NewSeparator())
	return widget.NewSimpleRenderer(container.NewBorder(top, nil, nil, nil, container.NewPadded(s.content)))
}
