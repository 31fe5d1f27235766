package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
	"newsdesk/app/ui/bodyedit"
)

// bodySyncDelay is how long after the last keystroke in the body the word
// count, the problems and the state catch up: copying a 20,000-word body
// out of the editor on every key would cost more than the key itself.
const bodySyncDelay = 300 * time.Millisecond

// writeTab holds what a reporter types: headline (with a live character
// count against the newsroom's limit), dek and the Markdown body (with word
// count and reading time).
type writeTab struct {
	v             *editorView
	headline      *widget.Entry
	headlineCount *widget.Label
	dek           *widget.Entry
	body          *bodyedit.Editor
	stats         *widget.Label
	root          fyne.CanvasObject

	// bodyPending is set from a body keystroke until the state has the
	// body's text (flushBody).
	bodyPending bool
	bodySync    *debouncer
}

func newWriteTab(v *editorView) *writeTab {
	w := &writeTab{v: v}
	w.headline = &widget.Entry{PlaceHolder: "Headline", TextStyle: fyne.TextStyle{Bold: true},
		Wrapping: fyne.TextWrap(fyne.TextTruncateClip)}
	w.headline.OnChanged = func(s string) { v.edit(func(a *app.Article) { a.Headline = s }) }
	w.headline.ExtendBaseWidget(w.headline)
	w.headlineCount = &widget.Label{SizeName: theme.SizeNameCaptionText}
	w.dek = &widget.Entry{PlaceHolder: "Dek: one or two sentences under the headline", MultiLine: true, Wrapping: fyne.TextWrapWord}
	w.dek.SetMinRowsVisible(2)
	w.dek.OnChanged = func(s string) { v.edit(func(a *app.Article) { a.Dek = s }) }
	w.dek.ExtendBaseWidget(w.dek)

	w.body = bodyedit.New()
	w.body.PlaceHolder = "Body in Markdown: blank line between paragraphs, ## for a subheading, **bold**"
	w.body.OnChanged = w.onBodyChanged
	w.bodySync = newDebouncer(bodySyncDelay, v.u.opts.do, w.flushBody)
	w.stats = &widget.Label{SizeName: theme.SizeNameCaptionText}

	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, w.headlineCount, w.headline), v.noteFor("headline"),
		w.dek, v.noteFor("dek"),
	)
	bottom := container.NewVBox(v.noteFor("body"), w.stats)
	w.root = container.NewBorder(top, bottom, nil, nil, w.body)
	return w
}

func (w *writeTab) fill(a *app.Article) {
	setEntry(w.headline, a.Headline)
	setEntry(w.dek, a.Dek)
	w.bodySync.cancel()
	w.bodyPending = false
	if w.body.Text() != a.Body {
		w.body.SetText(a.Body)
	}
}

// setEntry changes an entry's text only when it differs, so that the caret
// of an entry being typed in stays put.
func setEntry(e *widget.Entry, s string) {
	if e.Text != s {
		e.SetText(s)
	}
}

func (w *writeTab) onBodyChanged() {
	if w.v.filling {
		return
	}
	if !w.bodyPending {
		w.bodyPending = true
		w.v.u.renderStatus()
	}
	w.bodySync.poke()
	w.v.u.autosave.poke()
}

// flushBody brings the state up to date with the body editor. It runs at
// a typing pause and before anything that reads the article (save, a
// status move, autosave, preview).
func (w *writeTab) flushBody() {
	if !w.bodyPending {
		return
	}
	w.bodySync.cancel()
	w.bodyPending = false
	text := w.body.Text()
	w.v.ed.Update(func(a *app.Article) { a.Body = text })
	w.showStats()
	w.v.showProblems()
	w.v.u.renderStatus()
}

func (w *writeTab) showStats() {
	s := w.v.ed.Stats()
	w.headlineCount.SetText(fmt.Sprintf("%d / %d", s.HeadlineChars, s.HeadlineMax))
	if s.HeadlineChars > s.HeadlineMax {
		w.headlineCount.Importance = widget.DangerImportance
	} else {
		w.headlineCount.Importance = widget.MediumImportance
	}
	w.headlineCount.Refresh()
	read := "under a minute to read"
	if s.Minutes > 0 {
		read = fmt.Sprintf("%d min read", s.Minutes)
	}
	w.stats.SetText(fmt.Sprintf("%s · %s", plural(s.Words, "word"), read))
}
