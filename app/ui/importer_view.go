package ui

import (
	"context"
	"io"
	"sort"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

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
	progress *progressDialog
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
	p := newProgressDialog(v.win, "Importing", ImportProgress{Total: len(inputs), File: inputs[0].Name}.Text(), cancel)
	v.progress = p

	v.wg.Add(1)
	go func() {
		defer v.wg.Done()
		defer cancel()
		out := v.ctl.Run(ctx, inputs, func(pr ImportProgress) {
			v.do(func() { p.set(pr.Fraction(), pr.Text()) })
		})
		v.do(func() {
			p.hide()
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
	title := "Import finished"
	if out.Cancelled {
		title = "Import cancelled"
	}
	v.report = reportDialog(v.win, title, out.Summary(), out.Sections(), v.onOpen)
	v.report.Show()
}

// close cancels an import in flight and waits for it, so that the store
// may be closed after it. A cancelled file is rolled back whole.
func (v *importView) close() {
	v.cancel()
	v.wg.Wait()
}
