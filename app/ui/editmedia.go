package ui

import (
	"context"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// editThumb is the size of a photo's thumbnail in the editor.
var editThumb = fyne.NewSize(120, 80)

// photosView edits the photos: a thumbnail, caption and credit (required
// before the story moves on) per photo, in order (the first is the lead),
// and a button to attach another from a file.
type photosView struct {
	v    *editorView
	rows *fyne.Container
	// captions and credits are the row entries, in photo order.
	captions, credits []*widget.Entry
	refs              []string // the image of each row
	add               *widget.Button
	root              fyne.CanvasObject
}

func newPhotosView(v *editorView) *photosView {
	p := &photosView{v: v, rows: container.NewVBox()}
	p.add = &widget.Button{Text: "Add photo…", Icon: theme.FileImageIcon(), OnTapped: p.onAddPhoto}
	p.root = container.NewVBox(heading("Photos"), p.rows, container.NewHBox(p.add), v.noteFor("photos"))
	return p
}

func (p *photosView) fill(a *app.Article) {
	if len(p.credits) != len(a.Photos) || !p.sameImages(a) {
		p.build(a)
	}
	for i, ph := range a.Photos {
		setEntry(p.captions[i], ph.Caption)
		setEntry(p.credits[i], ph.Credit)
	}
}

// sameImages reports whether the rows show a's photos in a's order.
func (p *photosView) sameImages(a *app.Article) bool {
	for i, ref := range p.refs {
		if ref != a.Photos[i].Image {
			return false
		}
	}
	return true
}

func (p *photosView) build(a *app.Article) {
	p.rows.Objects = nil
	p.captions, p.credits, p.refs = nil, nil, nil
	for i, ph := range a.Photos {
		img := canvas.NewImageFromResource(theme.BrokenImageIcon())
		if th := p.v.ed.Thumb(ph.Image); th != nil {
			img = canvas.NewImageFromImage(th)
		}
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(editThumb)
		caption := &widget.Entry{PlaceHolder: "Caption", MultiLine: true, Wrapping: fyne.TextWrapWord}
		caption.SetMinRowsVisible(2)
		caption.OnChanged = func(s string) { p.edit(i, func(ph *app.Photo) { ph.Caption = s }) }
		credit := &widget.Entry{PlaceHolder: "Credit (required), e.g. VCG"}
		credit.OnChanged = func(s string) { p.edit(i, func(ph *app.Photo) { ph.Credit = s }) }
		p.captions, p.credits = append(p.captions, caption), append(p.credits, credit)
		p.refs = append(p.refs, ph.Image)
		move := func(d int) func() {
			return func() { p.restructure(func(a *app.Article) { moveItem(a.Photos, i, d) }) }
		}
		buttons := container.NewVBox(
			&widget.Button{Icon: theme.MoveUpIcon(), Importance: widget.LowImportance, OnTapped: move(-1)},
			&widget.Button{Icon: theme.MoveDownIcon(), Importance: widget.LowImportance, OnTapped: move(1)},
			&widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() {
				p.restructure(func(a *app.Article) { a.Photos = removeItem(a.Photos, i) })
			}},
		)
		label := "Lead photo"
		if i > 0 {
			label = fmt.Sprintf("Photo %d", i+1)
		}
		fields := container.NewVBox(&widget.Label{Text: label, SizeName: theme.SizeNameCaptionText},
			caption, credit, p.v.noteFor(fmt.Sprintf("photos[%d]", i)))
		p.rows.Add(container.NewBorder(nil, nil, img, buttons, fields))
	}
	// Notes of rows that no longer exist must not keep problems "shown".
	for i := len(a.Photos); ; i++ {
		key := fmt.Sprintf("photos[%d]", i)
		if _, ok := p.v.notes[key]; !ok {
			break
		}
		delete(p.v.notes, key)
	}
	p.rows.Refresh()
}

// edit changes photo i, if it is still there.
func (p *photosView) edit(i int, f func(ph *app.Photo)) {
	p.v.edit(func(a *app.Article) {
		if i < len(a.Photos) {
			f(&a.Photos[i])
		}
	})
}

func (p *photosView) restructure(f func(a *app.Article)) {
	p.v.ed.Update(f)
	a := p.v.ed.Article()
	p.v.filling = true
	p.build(a)
	p.fill(a)
	p.v.filling = false
	p.v.changed()
}

// onAddPhoto asks for an image file and attaches it.
func (p *photosView) onAddPhoto() {
	if !p.v.ed.IsOpen() || p.v.ed.ReadOnly() != "" {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			p.v.u.ShowError(err)
			return
		}
		if r != nil {
			p.attach(r)
		}
	}, p.v.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".jpg", ".jpeg", ".png", ".gif", ".JPG", ".JPEG", ".PNG"}))
	d.Show()
}

// attach reads and stores an image off the UI goroutine (a news photo is
// several megabytes, and it is decoded whole to be checked), then adds it.
func (p *photosView) attach(r fyne.URIReadCloser) {
	name := r.URI().Name()
	var err error
	p.v.u.background(func(ctx context.Context) {
		defer r.Close()
		var data []byte
		data, err = io.ReadAll(io.LimitReader(r, app.MaxImageBytes+1))
		if err == nil {
			err = p.v.ed.AttachPhoto(ctx, name, data)
		}
	}, func() {
		if err != nil {
			p.v.u.ShowError(fmt.Errorf("attach %s: %w", name, err))
			return
		}
		p.restructure(func(*app.Article) {})
		p.v.selectTab(1)
		if n := len(p.credits); n > 0 {
			p.v.u.win.Canvas().Focus(p.credits[n-1])
		}
	})
}
