package ui

import (
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// thumbSize is the on-screen box of a photo thumbnail.
var thumbSize = fyne.NewSize(160, 110)

// detailView shows one article read-only, laid out like the portal page:
// headline, dek, byline line, photos with credits, body, contacts.
type detailView struct {
	headline *widget.Label
	dek      *widget.Label
	byline   *widget.Label
	status   *widget.Label
	tags     *widget.Label
	note     *widget.Label
	photos   *fyne.Container
	body     *widget.RichText
	readMore *widget.Hyperlink
	contacts *widget.Label
	related  *fyne.Container

	placeholder *widget.Label
	content     *fyne.Container
	scroll      *container.Scroll
	root        fyne.CanvasObject
	shown       string // id of the article on screen
}

func newDetailView() *detailView {
	wrapped := func(style fyne.TextStyle) *widget.Label {
		return &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: style, Selectable: true}
	}
	d := &detailView{
		headline: &widget.Label{
			Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true},
			SizeName: theme.SizeNameHeadingText, Selectable: true,
		},
		dek:    wrapped(fyne.TextStyle{Italic: true}),
		byline: wrapped(fyne.TextStyle{}),
		status: &widget.Label{Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText},
		tags:   wrapped(fyne.TextStyle{}),
		note:   &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance},
		photos: container.NewVBox(),
		// NewRichText, not a literal: the zero Scroll is ScrollBoth, which
		// would give the body its own 32-pixel scroller.
		body:     widget.NewRichText(),
		readMore: &widget.Hyperlink{},
		contacts: wrapped(fyne.TextStyle{}),
		related:  container.NewVBox(),
		placeholder: &widget.Label{
			Text: "Select an article to read it here.", Alignment: fyne.TextAlignCenter,
			Importance: widget.LowImportance,
		},
	}
	d.body.Wrapping = fyne.TextWrapWord
	d.content = container.NewVBox(
		d.headline, d.dek, d.byline, d.status, d.tags, d.note,
		widget.NewSeparator(), d.photos, d.body, d.readMore,
		widget.NewSeparator(), d.contacts, d.related,
	)
	d.scroll = container.NewVScroll(container.NewPadded(d.content))
	d.root = container.NewStack(d.scroll, container.NewCenter(d.placeholder))
	d.show(nil)
	return d
}

// show puts det on screen, or the placeholder when det is nil.
func (d *detailView) show(det *Detail) {
	if det == nil {
		d.shown = ""
		d.scroll.Hide()
		d.placeholder.Show()
		return
	}
	a := det.Article
	if a.ID != d.shown {
		// A different article starts at its headline; a refresh of the
		// same one keeps the reader's place.
		d.scroll.ScrollToTop()
	}
	d.shown = a.ID
	d.placeholder.Hide()
	d.scroll.Show()

	d.headline.SetText(headlineOrPlaceholder(a.Headline))
	setOptional(d.dek, a.Dek)
	setOptional(d.byline, BylineLine(a))
	status := fmt.Sprintf("%s  ·  revision %d", a.Status.Label(), a.Revision)
	if a.UpdatedBy != "" {
		status += " by " + a.UpdatedBy
	}
	if a.ScheduledAt != nil {
		status += "  ·  scheduled for " + a.ScheduledAt.Format(DateLayout+" MST")
	}
	if a.Deleted {
		status += "  ·  in the Trash"
	}
	d.status.SetText(status)
	tags := ""
	if len(a.Tags) > 0 {
		tags = "Tags: " + strings.Join(a.Tags, ", ")
	}
	setOptional(d.tags, tags)
	setOptional(d.note, a.Note)

	d.photos.Objects = d.photos.Objects[:0]
	for _, p := range det.Photos {
		d.photos.Add(photoRow(p))
	}
	d.photos.Refresh()

	setMarkdown(d.body, a.Body)

	d.readMore.Hide()
	if a.ReadMore != nil {
		if u, err := url.Parse(a.ReadMore.URL); err == nil {
			d.readMore.SetText(a.ReadMore.Text)
			d.readMore.SetURL(u)
			d.readMore.Show()
		}
	}
	setOptional(d.contacts, ContactLine(a.Contacts))

	d.related.Objects = d.related.Objects[:0]
	if len(det.Related) > 0 {
		d.related.Add(&widget.Label{Text: "Related", TextStyle: fyne.TextStyle{Bold: true}})
	}
	for _, r := range det.Related {
		d.related.Add(relatedRow(r))
	}
	d.related.Refresh()
	// Sections changed height: lay the column out again, then let the
	// scroller take the new total height.
	d.content.Refresh()
	d.scroll.Refresh()
}

func setOptional(l *widget.Label, text string) {
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

func photoRow(p PhotoView) fyne.CanvasObject {
	var pic fyne.CanvasObject
	if p.Thumb != nil {
		img := canvas.NewImageFromImage(p.Thumb)
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(thumbSize)
		pic = img
	} else {
		icon := canvas.NewImageFromResource(theme.BrokenImageIcon())
		icon.FillMode = canvas.ImageFillContain
		icon.SetMinSize(fyne.NewSize(thumbSize.Height/2, thumbSize.Height/2))
		pic = icon
	}
	lines := container.NewVBox()
	if p.Caption != "" {
		lines.Add(&widget.Label{Text: p.Caption, Wrapping: fyne.TextWrapWord})
	}
	credit := "Photo: " + p.Credit
	if p.Credit == "" {
		credit = "Photo: (no credit)"
	}
	lines.Add(&widget.Label{Text: credit, TextStyle: fyne.TextStyle{Italic: true}, SizeName: theme.SizeNameCaptionText})
	if p.Problem != "" {
		lines.Add(&widget.Label{Text: p.Problem, Importance: widget.WarningImportance, SizeName: theme.SizeNameCaptionText})
	}
	return container.NewBorder(nil, nil, container.NewPadded(pic), nil, lines)
}

func relatedRow(r RelatedView) fyne.CanvasObject {
	if r.URL != "" {
		if u, err := url.Parse(r.URL); err == nil {
			return widget.NewHyperlink(r.Title, u)
		}
	}
	l := &widget.Label{Text: r.Title, Wrapping: fyne.TextWrapWord}
	if r.Missing {
		l.Importance = widget.LowImportance
	}
	return l
}
