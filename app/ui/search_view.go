package ui

import (
	"context"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// SearchDelay is how long the search waits after the last keystroke: long
// enough not to search for every letter of a word typed quickly, short
// enough to feel instant.
const SearchDelay = 150 * time.Millisecond

// Labels of the filter choices meaning "no filter".
const (
	anyStatus  = "Any status"
	anySection = "Any section"
)

// searchBox is the search as you type shared by the main window (over the
// article list) and the article picker: a field, status and section
// filters, the engine's message for a bad query, and ranked results with
// the matched words in bold. Searches run off the UI goroutine; the newest
// question's answer is the one drawn.
type searchBox struct {
	ctl        *SearchController
	field      *searchField
	statusSel  *widget.Select
	sectionSel *widget.Select
	errText    *widget.Label
	count      *widget.Label
	list       *widget.List
	filters    fyne.CanvasObject
	// panel is everything under the field: filters, message, results.
	panel *fyne.Container

	// The rest belongs to the UI goroutine.
	hits    []app.SearchHit
	cursor  int
	syncing bool // the view moves the highlight; not a click
	exclude string
	active  bool
	// openFirst is set by Enter pressed before the answer came: the first
	// hit opens when it does.
	openFirst bool
	tick      uint64 // debounce generation
	timer     *time.Timer

	// onOpen runs when a result is chosen (click or Enter).
	onOpen func(id, headline string)
	// onActive runs when the query turns non-blank (true) or blank.
	onActive func(active bool)

	do     func(func())
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// newSearchBox wires field to a new search over svc; do runs functions on
// the UI goroutine (nil: fyne.Do).
func newSearchBox(svc *app.Service, field *searchField, do func(func())) *searchBox {
	if do == nil {
		do = fyne.Do
	}
	b := &searchBox{ctl: NewSearchController(svc), field: field, do: do, cursor: -1}
	b.ctx, b.cancel = context.WithCancel(context.Background())
	field.onEscape = b.searchNow
	field.onMove = b.move
	field.OnSubmitted = func(string) { b.submit() }

	statuses := []string{anyStatus}
	for _, s := range app.Statuses {
		statuses = append(statuses, capitalize(s.Label()))
	}
	b.statusSel = widget.NewSelect(statuses, func(string) { b.onFilter() })
	b.statusSel.Selected = anyStatus
	b.sectionSel = widget.NewSelect([]string{anySection}, func(string) { b.onFilter() })
	b.sectionSel.Selected = anySection
	b.filters = container.NewGridWithColumns(2, b.statusSel, b.sectionSel)

	b.errText = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	b.errText.Hide()
	b.count = &widget.Label{SizeName: theme.SizeNameCaptionText, Importance: widget.LowImportance}
	b.list = widget.NewList(func() int { return len(b.hits) }, newHitRow, b.updateRow)
	b.list.OnSelected = func(id widget.ListItemID) {
		if !b.syncing {
			b.open(id)
		}
	}
	top := container.NewVBox(b.filters, b.errText, b.count)
	b.panel = container.NewBorder(top, nil, nil, nil, b.list)
	return b
}

// onChanged starts the wait before searching; it runs on every keystroke.
func (b *searchBox) onChanged(string) {
	if b.timer != nil {
		b.timer.Stop()
	}
	b.tick++
	t := b.tick
	b.timer = time.AfterFunc(SearchDelay, func() {
		b.do(func() {
			if t == b.tick && b.ctx.Err() == nil {
				b.searchNow()
			}
		})
	})
}

// onFilter searches again with the filters chosen.
func (b *searchBox) onFilter() {
	f := SearchFilters{}
	switch s := b.statusSel.Selected; s {
	case anyStatus, "":
	default:
		for _, st := range app.Statuses {
			if capitalize(st.Label()) == s {
				f.Status = st
			}
		}
	}
	if s := b.sectionSel.Selected; s != anySection {
		f.Section = s
	}
	b.ctl.SetFilters(f)
	b.searchNow()
}

// searchNow searches for the field's text at once, off the UI goroutine.
func (b *searchBox) searchNow() {
	if b.ctx.Err() != nil {
		return
	}
	if b.timer != nil {
		b.timer.Stop()
	}
	b.tick++
	t := b.ctl.Ask(b.ctx, b.field.Text)
	if strings.TrimSpace(b.field.Text) == "" {
		st, _ := b.ctl.Answer(t) // reads no store
		b.show(st)
		return
	}
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		st, ok := b.ctl.Answer(t)
		if !ok || b.ctx.Err() != nil {
			return
		}
		b.do(func() {
			// A newer question may have been asked since the answer was
			// published; its answer is the one to draw.
			if b.ctx.Err() == nil && b.ctl.Newest(t) {
				b.show(st)
			}
		})
	}()
}

// show draws an answer.
func (b *searchBox) show(st SearchState) {
	b.setActive(!st.Blank())
	if shown := b.errText.Visible(); st.Err != "" {
		b.errText.SetText(st.Err)
		b.errText.Show()
		b.panel.Refresh() // make room for the message
	} else if shown {
		b.errText.Hide()
		b.panel.Refresh()
	}
	b.hits = b.hits[:0:0]
	for _, h := range st.Hits {
		if h.ID != b.exclude {
			b.hits = append(b.hits, h)
		}
	}
	st.Hits = b.hits
	b.count.SetText(st.ResultCount())
	b.cursor = -1
	b.syncing = true
	b.list.UnselectAll()
	b.syncing = false
	b.list.Refresh()
	b.list.ScrollToTop()
	if b.openFirst {
		b.openFirst = false
		if len(b.hits) > 0 {
			b.open(0)
		}
	}
}

func (b *searchBox) setActive(on bool) {
	if on == b.active {
		return
	}
	b.active = on
	if b.onActive != nil {
		b.onActive(on)
	}
}

// move highlights the next (delta 1) or previous result.
func (b *searchBox) move(delta int) {
	if len(b.hits) == 0 {
		return
	}
	b.cursor = min(max(b.cursor+delta, 0), len(b.hits)-1)
	b.syncing = true
	b.list.Select(b.cursor)
	b.syncing = false
	b.list.ScrollTo(b.cursor)
}

// submit opens the highlighted result, else the first; when the answer to
// the text in the field is not in yet, the first result once it is.
func (b *searchBox) submit() {
	st := b.ctl.State()
	if strings.TrimSpace(b.field.Text) == "" {
		return
	}
	if st.Query != b.field.Text || st.Filters != b.ctl.Filters() {
		b.openFirst = true
		b.searchNow()
		return
	}
	b.open(max(b.cursor, 0))
}

func (b *searchBox) open(i int) {
	if i < 0 || i >= len(b.hits) || b.onOpen == nil {
		return
	}
	b.cursor = i
	h := b.hits[i]
	b.onOpen(h.ID, headlineOrPlaceholder(h.Headline))
}

// close stops searching and waits for searches in flight, so that the
// store may be closed after it.
func (b *searchBox) close() {
	b.cancel()
	if b.timer != nil {
		b.timer.Stop()
	}
	b.wg.Wait()
}
