package ui

import (
	"context"
	"io"
	"sort"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
	"newsdesk/app/portal"
)

// importView is File > Import: a file (or folder) dialog, the import off
// the UI goroutine with a progress dialog and Cancel, then the report.
type importView struct {
	win fyne.Window
	ctl *ImportController
	do  func(func())
	// onDone runs after an import that may have changed the store (the
	// window reloads its listing); onOpen opens a reported article.
	onDone func()
	onOpen func(id string)

	// progress is the dialog of the import running, nil when none is.
	progress *importProgress
	// report is the last report dialog, for tests to read.
	report *dialog.CustomDialog

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func newImportView(win fyne.Window, svc *app.Service, do func(func())) *importView {
	if do == nil {
		do = fyne.Do
	}
	v := &importView{win: win, ctl: NewImportController(svc), do: do}
	v.ctx, v.cancel = context.WithCancel(context.Background())
	return v
}

// importProgress is the progress dialog: bar, current file, Cancel.
type importProgress struct {
	dlg    *dialog.CustomDialog
	bar    *widget.ProgressBar
	file   *widget.Label
	cancel *widget.Button
}

// onImportFile asks for one file (Fyne's dialog picks one at a time;
// Import folder takes several).
func (v *importView) onImportFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, v.win)
			return
		}
		if r == nil {
			return // cancelled
		}
		uri := r.URI()
		_ = r.Close() // the import opens it again when its turn comes
		v.start([]portal.Input{uriInput(uri)})
	}, v.win)
	d.SetFilter(storage.NewExtensionFileFilter(importExtensions))
	d.Show()
}

// onImportFolder imports every importable file of a folder, in name order.
func (v *importView) onImportFolder() {
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			dialog.ShowError(err, v.win)
			return
		}
		if dir == nil {
			return
		}
		uris, err := dir.List()
		if err != nil {
			dialog.ShowError(err, v.win)
			return
		}
		var inputs []portal.Input
		for _, u := range uris {
			if Importable(u.Name()) {
				inputs = append(inputs, uriInput(u))
			}
		}
		if len(inputs) == 0 {
			dialog.ShowInformation("Import", "The folder has no .txt, .json or .jsonl file to import.", v.win)
			return
		}
		sort.Slice(inputs, func(i, j int) bool { return inputs[i].Name < inputs[j].Name })
		v.start(inputs)
	}, v.win)
}

// uriInput reads uri when the import reaches it; messages and revisions
// name the file by its name.
func uriInput(uri fyne.URI) portal.Input {
	return portal.Input{Name: uri.Name(), Open: func() (io.ReadCloser, error) { return storage.Reader(uri) }}
}

// start runs the import of inputs in the background behind the progress
// dialog; the report follows. One import runs at a time.
func (v *importView) start(inputs []portal.Input) {
	if v.progress != nil || v.ctx.Err() != nil {
		return
	}
	ctx, cancel := context.WithCancel(v.ctx)
	p := &importProgress{bar: widget.NewProgressBar(), file: &widget.Label{Truncation: fyne.TextTruncateEllipsis}}
	p.file.SetText(ImportProgress{Total: len(inputs), File: inputs[0].Name}.Text())
	p.cancel = &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), OnTapped: func() {
		cancel()
		p.cancel.Disable()
		p.file.SetText("Stopping…")
	}}
	p.dlg = dialog.NewCustomWithoutButtons("Importing", container.NewVBox(p.file, p.bar), v.win)
	p.dlg.SetButtons([]fyne.CanvasObject{p.cancel})
	p.dlg.Resize(fyne.NewSize(460, p.dlg.MinSize().Height))
	v.progress = p
	p.dlg.Show()

	v.wg.Add(1)
	go func() {
		defer v.wg.Done()
		defer cancel()
		out := v.ctl.Run(ctx, inputs, func(pr ImportProgress) {
			v.do(func() {
				if p.cancel.Disabled() {
					return // keep "Stopping…" on screen
				}
				p.bar.SetValue(pr.Fraction())
				p.file.SetText(pr.Text())
			})
		})
		v.do(func() {
			p.dlg.Hide()
			v.progress = nil
			if v.ctx.Err() != nil {
				return // the window is closing
			}
			if v.onDone != nil {
				v.onDone()
			}
			v.showReport(out)
		})
	}()
}

// showReport shows what the import did; flagged stories open on a click.
func (v *importView) showReport(out *ImportOutcome) {
	box := container.NewVBox(&widget.Label{Text: out.Summary(), Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}})
	for _, s := range out.Sections() {
		box.Add(&widget.Label{Text: s.Title, TextStyle: fyne.TextStyle{Bold: true}})
		for _, l := range s.Lines {
			if l.ID != "" && v.onOpen != nil {
				id := l.ID
				box.Add(&widget.Hyperlink{Text: l.Text, Wrapping: fyne.TextWrapWord, OnTapped: func() {
					v.report.Hide()
					v.onOpen(id)
				}})
				continue
			}
			box.Add(&widget.Label{Text: l.Text, Wrapping: fyne.TextWrapWord})
		}
	}
	title := "Import finished"
	if out.Cancelled {
		title = "Import cancelled"
	}
	v.report = dialog.NewCustom(title, "Close", container.NewVScroll(box), v.win)
	v.report.Resize(fyne.NewSize(640, 460))
	v.report.Show()
}

// close cancels an import in flight and waits for it, so that the store
// may be closed after it. A cancelled file is rolled back whole.
func (v *importView) close() {
	v.cancel()
	v.wg.Wait()
}
