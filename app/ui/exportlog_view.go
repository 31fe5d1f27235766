package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// exportLogTab is the editor's Exports tab: every export of the open
// article, newest first. A virtualised list, since a story on a busy
// portal is logged at every batch it rides in.
type exportLogTab struct {
	svc    *app.Service
	run    *deskRunner
	id     string // the article shown
	lines  []ExportLogLine
	status *widget.Label
	list   *widget.List
	root   fyne.CanvasObject
}

func newExportLogTab(svc *app.Service, run *deskRunner) *exportLogTab {
	v := &exportLogTab{svc: svc, run: run, status: &widget.Label{Truncation: fyne.TextTruncateEllipsis}}
	v.list = widget.NewList(
		func() int { return len(v.lines) },
		func() fyne.CanvasObject {
			title := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
			meta := &widget.Label{SizeName: theme.SizeNameCaptionText, Truncation: fyne.TextTruncateEllipsis}
			return container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), title, meta)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < 0 || id >= len(v.lines) {
				return
			}
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(v.lines[id].Title())
			row.Objects[1].(*widget.Label).SetText(v.lines[id].Meta())
		},
	)
	v.root = container.NewBorder(v.status, nil, nil, nil, v.list)
	v.show(nil)
	return v
}

// show lists the exports of a (nil when no article is open), reading the
// log off the UI goroutine.
func (v *exportLogTab) show(a *app.Article) {
	if a == nil || a.ID == "" {
		v.id = ""
		v.setLines(nil, "Saved stories list their exports here (File > Export…).")
		return
	}
	// Only the id and the zone are needed; the body may be long.
	id, art := a.ID, &app.Article{ID: a.ID, TimeZone: a.TimeZone}
	v.id = id
	v.run.run(func(ctx context.Context) func() {
		lines, err := LoadExportLog(ctx, v.svc, art)
		return func() {
			if v.id != id {
				return // another article was opened meanwhile
			}
			switch {
			case err != nil:
				v.setLines(nil, userMessage(err))
			case len(lines) == 0:
				v.setLines(nil, "Not exported yet.")
			default:
				v.setLines(lines, storyExports(len(lines)))
			}
		}
	})
}

func (v *exportLogTab) setLines(lines []ExportLogLine, status string) {
	v.lines = lines
	v.status.SetText(status)
	v.list.Refresh()
}

// storyExports is the tab's heading: "3 exports, newest first".
func storyExports(n int) string {
	return countOf(n, "export", "exports") + ", newest first"
}
