package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Review shortcuts: next and previous change. J/K (and N/P) do the same
// while the comparison has focus, and O keeps the older wording.
var (
	ShortcutNextChange = &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}
	ShortcutPrevChange = &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}
)

// Layout modes of a comparison.
const (
	cmpModeInline = "Inline"
	cmpModeSide   = "Side by side"
)

// compareView shows one comparison: a heading, the review bar and the
// changes, fields above the body.
type compareView struct {
	title    *widget.Label
	notice   *widget.Label
	position *widget.Label
	mode     *widget.RadioGroup
	markers  *widget.Check
	prev     *widget.Button
	next     *widget.Button
	keep     *widget.Button
	export   *widget.Button
	lines    *cmpLines
	root     fyne.CanvasObject

	res *CompareResult
	cur int // the change under review, -1 before the first

	// onKeep asks to keep the older wording of a change; onExport to share
	// the comparison.
	onKeep   func(res *CompareResult, change int)
	onExport func(res *CompareResult)
}

func newCompareView() *compareView {
	v := &compareView{cur: -1}
	v.title = &widget.Label{Text: "Select a revision to see what it changed.", Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}}
	v.notice = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	v.notice.Hide()
	v.position = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	v.mode = widget.NewRadioGroup([]string{cmpModeInline, cmpModeSide}, func(string) { v.redraw() })
	v.mode.Horizontal = true
	v.mode.Required = true
	v.mode.Selected = cmpModeInline
	v.markers = widget.NewCheck("[- -] {+ +} markers", func(bool) { v.redraw() })
	v.prev = &widget.Button{Icon: theme.MoveUpIcon(), Text: "Previous", OnTapped: v.onPrev}
	v.next = &widget.Button{Icon: theme.MoveDownIcon(), Text: "Next change", OnTapped: v.onNext}
	v.keep = &widget.Button{Icon: theme.ContentUndoIcon(), Text: "Keep older wording", OnTapped: v.onKeepTapped}
	v.export = &widget.Button{Icon: theme.DocumentSaveIcon(), Text: "Share as HTML…", OnTapped: func() {
		if v.res != nil && v.onExport != nil {
			v.onExport(v.res)
		}
	}}
	v.lines = newCmpLines(false)
	v.lines.onRune = v.onRune
	v.lines.onShortcut = v.onShortcut
	v.lines.onLine = func(l cmpLine) {
		if l.change >= 0 {
			v.cur = l.change
			v.updateBar()
		}
	}
	bar := container.NewBorder(nil, nil, container.NewHBox(v.prev, v.next, v.keep), v.export, v.position)
	options := container.NewHBox(v.mode, v.markers)
	top := container.NewVBox(v.title, options, bar, v.notice)
	v.root = container.NewBorder(top, nil, nil, nil, v.lines)
	v.show(nil)
	return v
}

// show puts a comparison on screen, or the placeholder for nil.
func (v *compareView) show(res *CompareResult) {
	v.res, v.cur = res, -1
	if res == nil {
		v.title.SetText("Select a revision to see what it changed.")
		v.notice.Hide()
		v.lines.setDoc(nil, 0)
		v.updateBar()
		return
	}
	v.title.SetText(res.Title())
	if n := res.Notice(); n != "" {
		v.notice.SetText(n)
		v.notice.Show()
	} else {
		v.notice.Hide()
	}
	v.redraw()
}

// redraw lays the comparison out again in the chosen mode.
func (v *compareView) redraw() {
	if v.res == nil {
		return
	}
	opt := cmpDocOptions{side: v.mode.Selected == cmpModeSide, markers: v.markers.Checked}
	v.lines.setDoc(compareDoc(v.res, opt), len(v.res.Changes))
	if v.cur >= 0 {
		v.lines.showChange(v.cur)
	}
	v.updateBar()
}

func (v *compareView) updateBar() {
	has := v.res != nil && len(v.res.Changes) > 0
	v.position.SetText("")
	if v.res != nil {
		v.position.SetText(v.res.Position(v.cur))
	}
	cmpEnable(v.prev, has && v.cur > 0)
	cmpEnable(v.next, has && v.cur < len(v.res.Changes)-1)
	ok := false
	if has {
		ok, _ = v.res.Revertible(v.cur)
	}
	cmpEnable(v.keep, ok)
	cmpEnable(v.export, v.res != nil)
}

func cmpEnable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// step moves the review to the next (+1) or previous (-1) change.
func (v *compareView) step(d int) {
	if v.res == nil || len(v.res.Changes) == 0 {
		return
	}
	v.cur = min(max(v.cur+d, 0), len(v.res.Changes)-1)
	v.lines.showChange(v.cur)
	v.updateBar()
}

func (v *compareView) onNext() { v.step(1) }
func (v *compareView) onPrev() { v.step(-1) }

func (v *compareView) onKeepTapped() {
	if v.res == nil || v.onKeep == nil {
		return
	}
	if ok, _ := v.res.Revertible(v.cur); ok {
		v.onKeep(v.res, v.cur)
	}
}

func (v *compareView) onRune(r rune) {
	switch r {
	case 'j', 'J', 'n', 'N':
		v.onNext()
	case 'k', 'K', 'p', 'P':
		v.onPrev()
	case 'o', 'O':
		v.onKeepTapped()
	}
}

func (v *compareView) onShortcut(s fyne.Shortcut) bool {
	switch s.ShortcutName() {
	case ShortcutNextChange.ShortcutName():
		v.onNext()
	case ShortcutPrevChange.ShortcutName():
		v.onPrev()
	default:
		return false
	}
	return true
}

// keepAt resumes the review at change i after the comparison was redone
// (a change kept older leaves the next one at the same place).
func (v *compareView) keepAt(i int) {
	if v.res == nil || len(v.res.Changes) == 0 {
		return
	}
	v.cur = min(i, len(v.res.Changes)-1)
	v.lines.showChange(v.cur)
	v.updateBar()
}
