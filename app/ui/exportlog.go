package ui

import (
	"context"
	"fmt"
	"slices"

	"newsdesk/app"
)

// ExportLogLine is one export of an article as the Exports tab shows it:
// where it went, which revision, when (in the article's zone), by whom and
// how it ended.
type ExportLogLine struct {
	Target   string
	Revision int
	Time     string
	By       string
	Result   string
	Detail   string
}

// Title is the line's first row: "exported · revision 3 · desk:/srv/portal".
func (l ExportLogLine) Title() string {
	return fmt.Sprintf("%s · revision %d · %s", l.Result, l.Revision, l.Target)
}

// Meta is the second row: "2026-11-28 18:20 CST by Li Ming", with the
// reason a story was skipped or failed.
func (l ExportLogLine) Meta() string {
	s := l.Time
	if l.By != "" {
		s += " by " + l.By
	}
	if l.Detail != "" {
		s += ": " + l.Detail
	}
	return s
}

// LoadExportLog reads the export log of article a, newest first, with
// times in the article's own zone (the zone its schedule is set in).
func LoadExportLog(ctx context.Context, svc *app.Service, a *app.Article) ([]ExportLogLine, error) {
	recs, err := svc.Store.ExportLog(ctx, a.ID)
	if err != nil {
		return nil, fmt.Errorf("read the export log of %s: %w", a.ID, err)
	}
	loc := a.Location()
	out := make([]ExportLogLine, len(recs))
	for i, r := range recs {
		out[i] = ExportLogLine{Target: r.Target, Revision: r.Revision, Time: r.Time.In(loc).Format("2006-01-02 15:04 MST"),
			By: r.By, Result: r.Result, Detail: r.Detail}
	}
	slices.Reverse(out) // the store keeps them oldest first
	return out, nil
}
