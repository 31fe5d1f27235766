package ui

import (
	"bufio"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// exportHTML asks where to save res as a self-contained HTML page. The
// dialog picks the folder; the suggested name is built from the slug and
// cleaned, so it cannot point outside the folder chosen.
func (p *HistoryPanel) exportHTML(res *CompareResult) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			p.showError(fmt.Errorf("share comparison: %w", err))
			return
		}
		if w == nil {
			return // cancelled
		}
		if err := p.writeHTML(w, res); err != nil {
			p.showError(err)
			return
		}
		p.showInfo("Comparison saved to " + w.URI().Path())
	}, p.win)
	d.SetFileName(diffFileName(res))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".html"}))
	d.Show()
}

// writeHTML writes the page to w and closes it; a page is a few hundred
// kilobytes at most, so it is written on the UI goroutine.
func (p *HistoryPanel) writeHTML(w fyne.URIWriteCloser, res *CompareResult) error {
	bw := bufio.NewWriter(w)
	err := p.ctl.WriteHTML(bw, res)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("share comparison as %s: %w", w.URI().Name(), err)
	}
	return nil
}

// diffFileName suggests "changes-<slug>-r3-r5.html", keeping only
// letters, digits and dashes of the slug.
func diffFileName(res *CompareResult) string {
	stem := res.New.Article.Slug
	if stem == "" {
		stem = res.ID
	}
	stem = strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			return r
		case r >= 'A' && r <= 'Z':
			return r - 'A' + 'a'
		}
		return -1
	}, stem)
	if len(stem) > 60 {
		stem = stem[:60]
	}
	if stem == "" {
		stem = "article"
	}
	return fmt.Sprintf("changes-%s-r%d-r%d.html", stem, res.Old.Number, res.New.Number)
}
