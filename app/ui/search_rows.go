package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// newHitRow is a result's template: headline, byline line, snippet.
func newHitRow() fyne.CanvasObject {
	headline := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	meta := &widget.Label{Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText}
	snippet := &widget.RichText{Truncation: fyne.TextTruncateEllipsis}
	return container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), headline, meta, snippet)
}

func (b *searchBox) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(b.hits) {
		return
	}
	h := &b.hits[id]
	row := o.(*fyne.Container)
	row.Objects[0].(*widget.Label).SetText(headlineOrPlaceholder(h.Headline))
	row.Objects[1].(*widget.Label).SetText(HitMeta(h))
	rt := row.Objects[2].(*widget.RichText)
	rt.Segments = snippetSegments(h.Snippet)
	rt.Refresh()
}

// snippetSegments draws a snippet on one line, the matched words bold.
func snippetSegments(snippet string) []widget.RichTextSegment {
	parts := SnippetParts(PlainSnippet(snippet))
	segs := make([]widget.RichTextSegment, 0, len(parts))
	for _, p := range parts {
		style := widget.RichTextStyleInline
		if p.Match {
			style = widget.RichTextStyleStrong
			style.Inline = true
		}
		segs = append(segs, &widget.TextSegment{Text: p.Text, Style: style})
	}
	return segs
}

// setSections offers names in the section filter, keeping the choice.
func (b *searchBox) setSections(names []string) {
	opts := []string{anySection}
	seen := map[string]bool{}
	for _, n := range names {
		if n != "" && !seen[n] {
			seen[n] = true
			opts = append(opts, n)
		}
	}
	b.sectionSel.SetOptions(opts)
}

// loadSections fills the section filter from the newsroom's sections,
// retired ones included (old stories keep them), and extra (in use).
func (b *searchBox) loadSections(svc *app.Service, extra func() []string) {
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		nr, err := svc.Newsroom(b.ctx)
		if err != nil {
			svc.Log.Error("search: read sections", "err", err)
		}
		b.do(func() {
			if b.ctx.Err() != nil {
				return
			}
			var names []string
			for _, s := range nr.Sections {
				names = append(names, s.Name)
			}
			if extra != nil {
				names = append(names, extra()...)
			}
			b.setSections(names)
		})
	}()
}
