// Package bodyedit is the article body editor: a Markdown editor that stays
// fast on long articles (../shared/design/EDITOR.md).
//
// A single word-wrapped widget.Entry re-wraps its whole text on every
// keystroke, which costs ~60 ms at 5,000 words and ~700 ms at 20,000. Here
// each paragraph (text between blank lines) is its own small wrapped
// Entry, and only the paragraphs in view exist as widgets: a page of
// them, recycled as the view scrolls. Every paragraph's height comes from a
// greedy word wrap over cached token widths that reproduces Fyne's own
// wrap (wrap.go, checked against it in tests), and prefix sums of the
// heights place paragraphs and find the one at a scroll offset without
// measuring anything. A keystroke therefore costs the same at 500 words
// and at 20,000.
//
// The editor joins paragraphs into one text for its users: Enter splits a
// paragraph, Backspace at its start merges it into the one before, arrows
// cross paragraph edges, undo and redo cover typing, splits, merges and
// pastes across the document, and a paste with blank lines becomes
// several paragraphs. Selection stays within one paragraph.
package bodyedit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Editor edits a Markdown body, one paragraph per wrapped entry, with
// only the visible paragraphs built as widgets.
type Editor struct {
	widget.BaseWidget
	// PlaceHolder is shown while the body is empty.
	PlaceHolder string
	// OnChanged runs on the UI goroutine after every change of the text.
	// It should be cheap: Text joins every paragraph.
	OnChanged func()

	doc    *document
	meas   *measurer
	hs     heights
	width  float32 // entry width the heights are for; 0 before layout
	pad    float32 // the theme's inner padding, around each paragraph's rows
	scroll *container.Scroll
	page   *page
	root   fyne.CanvasObject
	// plain gives the paragraph entries a theme without boxes; entries
	// built later join it by a refresh (see acquire).
	plain *container.ThemeOverride

	live map[int]*para // built paragraphs by index
	pool []*para       // built entries not showing a paragraph
	// focus is the paragraph holding the caret, or -1. It stays built even
	// when scrolled away, so the caret survives scrolling.
	focus int
	// wantCol is the column Up and Down aim for across short rows.
	wantCol int
	placing bool
	fresh   bool // entries were built since the theme was last applied
}

// New returns an empty editor.
func New() *Editor {
	e := &Editor{doc: newDocument(""), live: map[int]*para{}, focus: -1, wantCol: -1}
	e.hs.reset(make([]float32, len(e.doc.paras)))
	e.page = &page{e: e}
	e.page.ExtendBaseWidget(e.page)
	e.scroll = container.NewVScroll(e.page)
	e.scroll.OnScrolled = func(fyne.Position) { e.place() }
	e.ExtendBaseWidget(e)
	return e
}

// CreateRenderer implements fyne.Widget. Paragraph entries draw no box or
// border of their own (the editor draws one around them all), so the text
// reads as one document, not a form.
func (e *Editor) CreateRenderer() fyne.WidgetRenderer {
	th := e.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	bg := canvas.NewRectangle(th.Color(theme.ColorNameInputBackground, v))
	bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	bg.StrokeWidth = th.Size(theme.SizeNameInputBorder)
	bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	e.plain = container.NewThemeOverride(e.scroll, plainEntries{th})
	e.root = container.NewStack(bg, e.plain)
	return widget.NewSimpleRenderer(e.root)
}

// MinSize keeps a few lines visible; the editor scrolls the rest.
func (e *Editor) MinSize() fyne.Size {
	e.ExtendBaseWidget(e)
	return fyne.NewSize(120, 120)
}

// SetText replaces the whole body and clears the undo history.
func (e *Editor) SetText(s string) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
		if p, ok := c.Focused().(*para); ok && p.e == e {
			c.Unfocus() // its paragraph is gone; typing must not land in a recycled entry
		}
	}
	e.doc = newDocument(s)
	for i, p := range e.live {
		delete(e.live, i)
		e.release(p)
	}
	e.focus, e.wantCol = -1, -1
	e.measureAll()
	e.scroll.ScrollToTop()
	e.reflow()
}

// Text returns the whole body: the paragraphs joined by blank lines.
func (e *Editor) Text() string { return e.doc.text() }

// Paragraphs returns the number of paragraphs.
func (e *Editor) Paragraphs() int { return len(e.doc.paras) }

// ensureMeasurer makes the width cache for the theme's text.
func (e *Editor) ensureMeasurer() {
	if e.meas == nil {
		th := e.Theme()
		e.meas = newMeasurer(th.Size(theme.SizeNameText), fyne.TextStyle{})
		e.pad = th.Size(theme.SizeNameInnerPadding)
	}
}

// heightOf is the height of an entry showing text at the current width.
func (e *Editor) heightOf(text string) float32 {
	rows := e.meas.wrap(text, e.width-2*e.pad, nil)
	return float32(len(rows))*e.meas.lineH + 2*e.pad
}

// measureAll computes every paragraph's height at the current width.
func (e *Editor) measureAll() {
	e.ensureMeasurer()
	h := make([]float32, len(e.doc.paras))
	if e.width > 0 {
		for i, p := range e.doc.paras {
			h[i] = e.heightOf(p)
		}
	}
	e.hs.reset(h)
}

// setWidth re-measures everything when the page's width changes.
func (e *Editor) setWidth(w float32) {
	if w == e.width || w <= 0 {
		return
	}
	e.width = w
	e.measureAll()
	e.reflow()
}

// reflow tells the scroller the page's height changed, then re-places
// the paragraphs.
func (e *Editor) reflow() {
	e.scroll.Refresh()
	e.place()
}

// place builds the paragraphs in view (and the focused one), recycles the
// others, and puts each at its top.
func (e *Editor) place() {
	if e.placing || e.width <= 0 {
		return
	}
	e.placing = true
	defer func() { e.placing = false }()

	n := len(e.doc.paras)
	view := e.scroll.Size().Height
	// Only what is in view: each paragraph built costs Fyne's wrap of its
	// text, the bulk of opening an article.
	first := e.hs.at(e.scroll.Offset.Y)
	last := min(e.hs.at(e.scroll.Offset.Y+view), n-1)
	for i, p := range e.live {
		if (i < first || i > last) && i != e.focus {
			delete(e.live, i)
			e.release(p)
		}
	}
	objs := e.page.objs[:0]
	for i := first; i <= last; i++ {
		objs = append(objs, e.show(i))
	}
	if e.focus >= 0 && e.focus < n && (e.focus < first || e.focus > last) {
		objs = append(objs, e.show(e.focus))
	}
	e.page.objs = objs
	if e.fresh && e.plain != nil {
		// New entries take the editor's theme only when the override
		// walks its content again; it refreshes the scroller, not them.
		e.fresh = false
		e.plain.Refresh()
		for _, o := range objs {
			o.Refresh() // draw with the theme just applied
		}
	}
	canvas.Refresh(e.page)
}

// show builds (or reuses) the entry of paragraph i and places it.
func (e *Editor) show(i int) *para {
	p, ok := e.live[i]
	if !ok {
		p = e.acquire()
		e.live[i] = p
	}
	size := fyne.NewSize(e.width, e.hs.h[i])
	if p.idx != i || p.Text != e.doc.paras[i] {
		p.bind(i, e.doc.paras[i], size)
	} else {
		p.Resize(size)
	}
	p.placeHolder(i == 0 && len(e.doc.paras) == 1, e.PlaceHolder)
	p.Move(fyne.NewPos(0, e.hs.top(i)))
	return p
}

func (e *Editor) acquire() *para {
	if n := len(e.pool); n > 0 {
		p := e.pool[n-1]
		e.pool = e.pool[:n-1]
		return p
	}
	p := newPara(e)
	e.fresh = true
	return p
}

func (e *Editor) release(p *para) {
	p.idx = -1
	e.pool = append(e.pool, p)
}

// page is the scrolled content: as tall as the whole document, holding
// only the entries of the paragraphs in view.
type page struct {
	widget.BaseWidget
	e    *Editor
	objs []fyne.CanvasObject
}

// CreateRenderer implements fyne.Widget.
func (p *page) CreateRenderer() fyne.WidgetRenderer { return &pageRenderer{p} }

// MinSize is the document's height; the width follows the editor.
func (p *page) MinSize() fyne.Size { return fyne.NewSize(0, p.e.hs.total()) }

// pageRenderer lays the page out by asking the editor to place the
// paragraphs in view; it never refreshes them (that would re-wrap each).
type pageRenderer struct{ p *page }

func (r *pageRenderer) Layout(size fyne.Size) {
	r.p.e.setWidth(size.Width)
	r.p.e.place()
}
func (r *pageRenderer) MinSize() fyne.Size           { return r.p.MinSize() }
func (r *pageRenderer) Refresh()                     { r.p.e.place() }
func (r *pageRenderer) Objects() []fyne.CanvasObject { return r.p.objs }
func (r *pageRenderer) Destroy()                     {}
