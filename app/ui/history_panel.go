package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// HistoryPanel is the copy desk's view of one article: every revision,
// the comparison of any two (inline or side by side, fields above the
// body), keyboard review with "keep older wording", restore, who wrote
// what, and a shareable HTML page of a comparison.
type HistoryPanel struct {
	win fyne.Window
	ctl *HistoryController
	run *deskRunner

	// OnChanged is called on the UI goroutine after the panel wrote a
	// revision (a change kept older, a restore), so that the editor and
	// the article list can reload.
	OnChanged func(id string)

	rows     []HistoryRow // the view's snapshot, newest first
	revList  *widget.List
	selected int // revision number shown as the newer side, 0 for none
	base     int // pinned older side, 0: each revision against its parent
	baseInfo *widget.Label
	pin      *widget.Button
	current  *widget.Button
	restore  *widget.Button
	cmp      *compareView
	blame    *blameView
	tabs     *container.AppTabs
	status   *widget.Label
	root     fyne.CanvasObject

	// loadGen and cmpGen drop stale results when loads overlap.
	loadGen, cmpGen uint64
	syncing         bool
}

// NewHistoryPanel returns an empty History panel for win; Open shows an
// article. author signs the revisions it writes. Call Close when the panel
// goes away.
func NewHistoryPanel(win fyne.Window, svc *app.Service, author string) *HistoryPanel {
	return newHistoryPanel(win, svc, author, nil)
}

func newHistoryPanel(win fyne.Window, svc *app.Service, author string, do func(func())) *HistoryPanel {
	return newHistoryPanelOn(win, svc, author, newDeskRunner(do))
}

func newHistoryPanelOn(win fyne.Window, svc *app.Service, author string, run *deskRunner) *HistoryPanel {
	p := &HistoryPanel{win: win, ctl: NewHistoryController(svc, author), run: run}
	p.revList = widget.NewList(
		func() int { return len(p.rows) },
		func() fyne.CanvasObject {
			title := &widget.Label{Truncation: fyne.TextTruncateEllipsis, TextStyle: fyne.TextStyle{Bold: true}}
			detail := &widget.Label{Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText}
			return container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), title, detail)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < 0 || id >= len(p.rows) {
				return
			}
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(p.rows[id].Title())
			c.Objects[1].(*widget.Label).SetText(p.rows[id].Detail())
		},
	)
	p.revList.OnSelected = func(id widget.ListItemID) {
		if p.syncing || id < 0 || id >= len(p.rows) {
			return
		}
		p.selectRevision(p.rows[id].Number)
	}
	p.baseInfo = &widget.Label{Text: "Each revision is compared with the one before it.", Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	p.pin = &widget.Button{Text: "Pin as base", Icon: theme.ContentAddIcon(), OnTapped: p.onPin}
	p.current = &widget.Button{Text: "Compare with current", Icon: theme.ViewRefreshIcon(), OnTapped: p.onCompareWithCurrent}
	p.restore = &widget.Button{Text: "Restore this revision…", Icon: theme.HistoryIcon(), OnTapped: p.onRestore}
	p.status = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.status.Hide()

	p.cmp = newCompareView()
	p.cmp.onKeep = p.keepOlder
	p.cmp.onExport = p.exportHTML
	p.blame = newBlameView(p)
	p.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Changes", theme.ListIcon(), p.cmp.root),
		container.NewTabItemWithIcon("Who wrote what", theme.AccountIcon(), p.blame.root),
	)
	p.tabs.OnSelected = func(t *container.TabItem) {
		if t.Content == p.blame.root {
			p.blame.load()
		}
	}
	left := container.NewBorder(nil, container.NewVBox(p.baseInfo, p.pin, p.current, p.restore), nil, nil, p.revList)
	split := container.NewHSplit(left, p.tabs)
	split.Offset = 0.3
	p.root = container.NewBorder(nil, p.status, nil, nil, split)
	p.updateButtons()
	return p
}

// Object is the panel's content, to place in a window, tab or split.
func (p *HistoryPanel) Object() fyne.CanvasObject { return p.root }

// Controller returns the state behind the panel.
func (p *HistoryPanel) Controller() *HistoryController { return p.ctl }

// AddShortcuts registers the review shortcuts (Alt+Down, Alt+Up) on the
// window's canvas, for when the comparison does not have focus.
func (p *HistoryPanel) AddShortcuts(c fyne.Canvas) {
	c.AddShortcut(ShortcutNextChange, func(fyne.Shortcut) { p.cmp.onNext() })
	c.AddShortcut(ShortcutPrevChange, func(fyne.Shortcut) { p.cmp.onPrev() })
}

// Open shows article id's history, newest revision selected and compared
// with its parent.
func (p *HistoryPanel) Open(id string) {
	p.base = 0
	p.load(id, 0)
}

// ShowArticle follows the editor: it shows a's history when a is another
// article or a new revision of this one, and nothing for nil or an
// article not saved yet. The newest revision stays selected when it was.
func (p *HistoryPanel) ShowArticle(a *app.Article) {
	if a == nil || a.ID == "" {
		p.clear()
		return
	}
	if a.ID != p.ctl.ID() {
		p.Open(a.ID)
		return
	}
	if a.Revision != p.ctl.Latest() {
		sel := p.selected
		if sel == p.ctl.Latest() {
			sel = 0 // follow the newest
		}
		p.load(a.ID, sel)
	}
}

// clear empties the panel.
func (p *HistoryPanel) clear() {
	p.loadGen++
	p.cmpGen++
	p.ctl.reset()
	p.rows, p.selected, p.base = nil, 0, 0
	p.revList.UnselectAll()
	p.revList.Refresh()
	p.blame.invalidate()
	p.blame.lines.setDoc(nil, 0)
	p.cmp.show(nil)
	p.updateButtons()
}

// Reload reads the open article's history again (after a save elsewhere),
// keeping the selected revision.
func (p *HistoryPanel) Reload() {
	if id := p.ctl.ID(); id != "" {
		p.load(id, p.selected)
	}
}

// Close stops the panel's background work.
func (p *HistoryPanel) Close() { p.run.close() }

// load reads the history and then selects revision sel (0: the newest).
func (p *HistoryPanel) load(id string, sel int) {
	p.loadGen++
	gen := p.loadGen
	p.run.run(func(ctx context.Context) func() {
		err := p.ctl.Open(ctx, id)
		return func() {
			if gen != p.loadGen {
				return
			}
			if err != nil {
				p.showError(err)
				return
			}
			p.showRows(sel)
		}
	})
}

// showRows draws the loaded revisions and selects sel, or the newest.
func (p *HistoryPanel) showRows(sel int) {
	p.rows = p.ctl.Rows()
	p.revList.Refresh()
	p.blame.refresh()
	if _, ok := p.ctl.Row(sel); !ok || sel == 0 {
		sel = p.ctl.Latest()
	}
	if p.base != 0 {
		if _, ok := p.ctl.Row(p.base); !ok {
			p.base = 0
		}
	}
	if sel != 0 {
		p.selectRevision(sel)
	} else {
		p.cmp.show(nil)
	}
}

// selectRevision compares revision n with the pinned base, or its parent.
func (p *HistoryPanel) selectRevision(n int) {
	p.selected = n
	p.highlight(n)
	older := p.ctl.Parent(n)
	if p.base != 0 && p.base != n {
		older = p.base
	}
	p.compare(older, n, -1)
	p.updateButtons()
}

// highlight selects revision n's row without counting as a click.
func (p *HistoryPanel) highlight(n int) {
	for i, r := range p.rows {
		if r.Number == n {
			p.syncing = true
			p.revList.Select(i)
			p.syncing = false
			p.revList.ScrollTo(i)
			return
		}
	}
}

// compare diffs two revisions off the UI goroutine and shows the result,
// resuming the review at change at (-1: from the top).
func (p *HistoryPanel) compare(older, newer, at int) {
	p.cmpGen++
	gen := p.cmpGen
	p.cmp.title.SetText(fmt.Sprintf("Comparing r%d with r%d…", older, newer))
	p.run.run(func(ctx context.Context) func() {
		res, err := p.ctl.Compare(ctx, older, newer)
		return func() {
			if gen != p.cmpGen {
				return
			}
			if err != nil {
				p.showError(err)
				return
			}
			p.hideStatus()
			p.cmp.show(res)
			if at >= 0 {
				p.cmp.keepAt(at)
			}
		}
	})
}

func (p *HistoryPanel) updateButtons() {
	has := p.selected != 0
	cmpEnable(p.current, has && p.selected != p.ctl.Latest())
	cmpEnable(p.restore, has && p.selected != p.ctl.Latest())
	cmpEnable(p.pin, has || p.base != 0)
	if p.base != 0 {
		p.pin.SetText(fmt.Sprintf("Unpin r%d", p.base))
		p.baseInfo.SetText(fmt.Sprintf("Revisions are compared with r%d (pinned).", p.base))
	} else {
		p.pin.SetText("Pin as base")
		p.baseInfo.SetText("Each revision is compared with the one before it.")
	}
}

func (p *HistoryPanel) onPin() {
	if p.base != 0 {
		p.base = 0
	} else {
		p.base = p.selected
	}
	p.updateButtons()
	if p.selected != 0 {
		p.selectRevision(p.selected)
	}
}

func (p *HistoryPanel) onCompareWithCurrent() {
	if p.selected == 0 {
		return
	}
	p.compare(p.selected, p.ctl.Latest(), -1)
}
