package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// cmpLines shows a wrapped document (a comparison or a blame) as a
// virtualised list of screen lines: every line is one row of the same
// height, so only the visible rows exist as widgets and a 20,000-word
// comparison scrolls as lightly as a short one. Fyne's RichText lays out
// its whole text at once, which takes seconds at that size. The lines are
// re-wrapped when the width changes.
type cmpLines struct {
	widget.List

	blocks  []cmpBlock
	changes int
	gutter  bool // blame: keep a gutter column
	lay     cmpLayout
	measure *cmpMeasurer
	width   float32
	lineH   float32
	gutterW float32

	// onRune and onShortcut receive keys typed while the lines have focus
	// (J/K review); onLine is told when a line is clicked.
	onRune     func(r rune)
	onShortcut func(s fyne.Shortcut) bool
	onLine     func(l cmpLine)
	// syncing is set while the view moves the highlight itself, so that
	// the move does not count as a click.
	syncing  bool
	selected int // the highlighted line, -1 for none
	// shown is the change last shown by showChange, -1 for none: a
	// re-wrap moves its line, and the highlight follows.
	shown int
}

func newCmpLines(gutter bool) *cmpLines {
	size := theme.TextSize()
	l := &cmpLines{gutter: gutter, measure: newCmpMeasurer(size), selected: -1, shown: -1}
	l.lineH = fyne.MeasureText("Mg字", size, fyne.TextStyle{}).Height
	// Rules between screen lines would cut through wrapped paragraphs;
	// the list's padding between rows stays as leading.
	l.HideSeparators = true
	l.Length = func() int { return len(l.lay.lines) }
	l.CreateItem = func() fyne.CanvasObject { return newCmpRow(l) }
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		if id >= 0 && id < len(l.lay.lines) {
			o.(*cmpRow).set(l.lay.lines[id])
		}
	}
	l.OnSelected = func(id widget.ListItemID) {
		l.selected = id
		if l.syncing || id < 0 || id >= len(l.lay.lines) || l.onLine == nil {
			return
		}
		l.onLine(l.lay.lines[id])
	}
	l.ExtendBaseWidget(l)
	return l
}

// setDoc shows blocks, wrapped to the current width.
func (l *cmpLines) setDoc(blocks []cmpBlock, changes int) {
	l.blocks, l.changes = blocks, changes
	l.gutterW = 0
	if l.gutter {
		for _, b := range blocks {
			l.gutterW = max(l.gutterW, l.measure.width(b.gutter, false))
		}
		l.gutterW += 2 * theme.Padding()
	}
	l.relayout()
	l.syncing = true
	l.UnselectAll()
	l.syncing = false
	l.selected, l.shown = -1, -1
	l.ScrollToTop()
}

// relayout wraps the document again for the current width.
func (l *cmpLines) relayout() {
	w := l.Size().Width - 2*theme.InnerPadding() - theme.ScrollBarSize()
	if w <= 0 {
		w = 600 // not laid out yet: wrap for a typical pane, redone on Resize
	}
	l.width = l.Size().Width
	l.lay = layoutDoc(l.blocks, l.changes, cmpGeometry{width: w, gutter: l.gutterW, gap: 3 * theme.Padding()}, l.measure)
	l.Refresh()
}

// Resize re-wraps when the width changes; the height only shows more rows.
func (l *cmpLines) Resize(size fyne.Size) {
	changed := size.Width != l.width
	l.List.Resize(size)
	if changed && len(l.blocks) > 0 {
		l.relayout()
		if l.shown >= 0 {
			l.showChange(l.shown)
		}
	}
}

// showChange highlights and scrolls to the first line of change c.
func (l *cmpLines) showChange(c int) {
	if c < 0 || c >= len(l.lay.changeLine) || l.lay.changeLine[c] < 0 {
		return
	}
	l.shown = c
	l.showLine(l.lay.changeLine[c])
}

func (l *cmpLines) showLine(i int) {
	l.syncing = true
	l.Select(i)
	l.syncing = false
	// ScrollTo moves as little as it can, which leaves a line below the
	// view at the bottom edge; show a few lines after it as context.
	l.ScrollTo(min(i+6, len(l.lay.lines)-1))
	l.ScrollTo(i)
}

// lineText returns line i as plain text, for tests and the clipboard.
func (l *cmpLines) lineText(i int) string { return l.lay.lines[i].text() }

func (ln cmpLine) text() string {
	var sb strings.Builder
	if ln.gutter != "" {
		sb.WriteString(ln.gutter + " │ ")
	}
	for _, p := range ln.pieces {
		sb.WriteString(p.text)
	}
	return sb.String()
}

// TypedRune hands letters to the review keys (J/K...).
func (l *cmpLines) TypedRune(r rune) {
	if l.onRune != nil {
		l.onRune(r)
	}
}

// TypedShortcut lets Alt+Up/Alt+Down work while the lines have focus;
// Ctrl+C copies the highlighted line.
func (l *cmpLines) TypedShortcut(s fyne.Shortcut) {
	if l.onShortcut != nil && l.onShortcut(s) {
		return
	}
	if _, ok := s.(*fyne.ShortcutCopy); ok {
		l.copySelected()
		return
	}
	// A focused Shortcutable receives every shortcut; hand the rest to the
	// window's own, so that focusing the lines does not disable them.
	if c, ok := fyne.CurrentApp().Driver().CanvasForObject(l).(interface{ TypedShortcut(fyne.Shortcut) }); ok {
		c.TypedShortcut(s)
	}
}

func (l *cmpLines) copySelected() {
	if l.selected >= 0 && l.selected < len(l.lay.lines) {
		if a := fyne.CurrentApp(); a != nil {
			a.Clipboard().SetContent(l.lineText(l.selected))
		}
	}
}

var _ fyne.Shortcutable = (*cmpLines)(nil)

// cmpRow draws one screen line: text pieces at the positions the layout
// computed, insertions underlined and deletions struck through, so they
// read apart without colour (and in black-and-white print).
type cmpRow struct {
	widget.BaseWidget
	lines *cmpLines
	line  cmpLine
}

func newCmpRow(l *cmpLines) *cmpRow {
	r := &cmpRow{lines: l}
	r.ExtendBaseWidget(r)
	return r
}

func (r *cmpRow) set(line cmpLine) {
	r.line = line
	r.Refresh()
}

func (r *cmpRow) CreateRenderer() fyne.WidgetRenderer {
	return &cmpRowRenderer{row: r, gutter: canvas.NewText("", color.Black)}
}

type cmpRowRenderer struct {
	row     *cmpRow
	gutter  *canvas.Text
	texts   []*canvas.Text
	rules   []*canvas.Line
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (rr *cmpRowRenderer) MinSize() fyne.Size { return fyne.NewSize(0, rr.row.lines.lineH) }

func (rr *cmpRowRenderer) Objects() []fyne.CanvasObject { return rr.objects }

func (rr *cmpRowRenderer) Destroy() {}

func (rr *cmpRowRenderer) Layout(size fyne.Size) {
	rr.size = size
	rr.place()
}

func (rr *cmpRowRenderer) Refresh() {
	th := rr.row.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	pieces := rr.row.line.pieces
	for len(rr.texts) < len(pieces) {
		rr.texts = append(rr.texts, canvas.NewText("", color.Black))
		rr.rules = append(rr.rules, canvas.NewLine(color.Black))
	}
	rr.objects = rr.objects[:0]
	rr.gutter.Text = rr.row.line.gutter
	rr.gutter.Color = th.Color(theme.ColorNamePlaceHolder, v)
	rr.gutter.TextSize = th.Size(theme.SizeNameText)
	rr.objects = append(rr.objects, rr.gutter)
	for i, p := range pieces {
		t, rule := rr.texts[i], rr.rules[i]
		t.Text, t.TextSize = p.text, th.Size(theme.SizeNameText)
		t.TextStyle = fyne.TextStyle{Bold: p.kind == cmpLabel}
		name := theme.ColorNameForeground
		switch p.kind {
		case cmpInsert:
			name = theme.ColorNameSuccess
		case cmpDelete:
			name = theme.ColorNameError
		case cmpMuted:
			name = theme.ColorNamePlaceHolder
		}
		t.Color = th.Color(name, v)
		rule.StrokeColor, rule.StrokeWidth = t.Color, 1.5
		rr.objects = append(rr.objects, t)
		if p.kind == cmpInsert || p.kind == cmpDelete {
			rr.objects = append(rr.objects, rule)
		}
	}
	rr.place()
	for _, o := range rr.objects {
		o.Refresh()
	}
}

// place puts the pieces where the layout said, centred on the row; an
// insertion's rule sits under the text, a deletion's through its middle.
func (rr *cmpRowRenderer) place() {
	l := rr.row.lines
	pad := theme.InnerPadding()
	y := (rr.size.Height - l.lineH) / 2
	rr.gutter.Move(fyne.NewPos(pad, y))
	rr.gutter.Resize(fyne.NewSize(l.gutterW, l.lineH))
	for i, p := range rr.row.line.pieces {
		t, rule := rr.texts[i], rr.rules[i]
		t.Move(fyne.NewPos(pad+p.x, y))
		t.Resize(fyne.NewSize(p.w, l.lineH))
		w := p.w
		if strings.HasSuffix(p.text, " ") {
			w -= l.measure.width(" ", false) // do not underline the space after a word
		}
		ry := y + l.lineH/2
		if p.kind == cmpInsert {
			ry = y + l.lineH - 2
		}
		rule.Position1 = fyne.NewPos(pad+p.x, ry)
		rule.Position2 = fyne.NewPos(pad+p.x+max(w, 1), ry)
	}
}
