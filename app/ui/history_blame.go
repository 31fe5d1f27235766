package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app/history"
)

// blameView shows who last changed each paragraph of the current text and
// in which revision; clicking a paragraph opens that revision's changes.
type blameView struct {
	p      *HistoryPanel
	info   *widget.Label
	lines  *cmpLines
	root   fyne.CanvasObject
	at     []history.Attribution
	loaded string // "id@revision" the attribution is for, "" when stale
	gen    uint64
}

func newBlameView(p *HistoryPanel) *blameView {
	b := &blameView{p: p}
	b.info = &widget.Label{Text: "Who last changed each paragraph. Click a paragraph to see that revision's changes.", Wrapping: fyne.TextWrapWord}
	b.lines = newCmpLines(true)
	b.lines.onLine = func(l cmpLine) {
		if l.target > 0 {
			b.open(l.target)
		}
	}
	b.lines.onRune = func(r rune) {
		if r == '\r' || r == ' ' {
			if i := b.lines.selected; i >= 0 && i < len(b.lines.lay.lines) && b.lines.lay.lines[i].target > 0 {
				b.open(b.lines.lay.lines[i].target)
			}
		}
	}
	b.root = container.NewBorder(b.info, nil, nil, nil, b.lines)
	return b
}

// invalidate marks the attribution stale: a new revision may change it.
func (b *blameView) invalidate() { b.loaded = "" }

// refresh redoes the attribution now when it is on screen, else when it
// is next shown.
func (b *blameView) refresh() {
	b.invalidate()
	if b.p.tabs.Selected() != nil && b.p.tabs.Selected().Content == b.root {
		b.load()
	}
}

// load attributes the current text in the background, once per revision.
// Blame reads every revision (about 0.2 s for 1,000 revisions of 2,000
// words), so it runs only when the tab is shown.
func (b *blameView) load() {
	key := fmt.Sprintf("%s@%d", b.p.ctl.ID(), b.p.ctl.Latest())
	if b.p.ctl.ID() == "" || key == b.loaded {
		return
	}
	b.gen++
	gen := b.gen
	b.info.SetText("Working out who wrote what…")
	b.p.run.run(func(ctx context.Context) func() {
		at, err := b.p.ctl.Blame(ctx)
		return func() {
			if gen != b.gen {
				return
			}
			if err != nil {
				b.p.showError(err)
				b.info.SetText("Attribution failed.")
				return
			}
			b.show(at, key)
		}
	})
}

func (b *blameView) show(at []history.Attribution, key string) {
	b.at, b.loaded = at, key
	authors := map[string]bool{}
	for _, a := range at {
		authors[a.Author] = true
	}
	b.info.SetText(fmt.Sprintf("%s by %s. Click a paragraph to see the revision that last changed it.",
		plural(len(at), "paragraph"), plural(len(authors), "author")))
	b.lines.setDoc(blameDoc(at), 0)
}

// open shows revision n against its parent on the Changes tab.
func (b *blameView) open(n int) {
	b.p.base = 0
	b.p.selectRevision(n)
	b.p.updateButtons()
	b.p.tabs.SelectIndex(0)
}
