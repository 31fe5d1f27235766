package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"newsdesk/app"
	"newsdesk/app/export"
)

// ExportChoice is what File > Export asks: the profile, the statuses to
// take ("ready", "due", "published") and, when the editor exports a
// selection, the stories named.
type ExportChoice struct {
	Profile  string
	Statuses []string
	IDs      []string
}

// ExportProgress is how far an export has got, as the engine reports it.
type ExportProgress export.Progress

// Fraction is the share of the current phase done, for a progress bar.
func (p ExportProgress) Fraction() float64 {
	if p.Total <= 0 {
		return 0
	}
	return float64(p.Done) / float64(p.Total)
}

// exportPhases name the engine's phases the way the dialog says them.
var exportPhases = map[string]string{
	"check":    "Checking stories",
	"images":   "Copying images",
	"articles": "Writing article pages",
	"pages":    "Writing section pages and feeds",
	"swap":     "Putting the new portal in place",
	"push":     "Sending to the portal",
}

// Text is the line under the progress bar: "Writing article pages: 3 of
// 40 — Headline".
func (p ExportProgress) Text() string {
	phase := exportPhases[p.Phase]
	if phase == "" {
		phase = p.Phase
	}
	s := fmt.Sprintf("%s: %d of %d", phase, p.Done, p.Total)
	if p.Item != "" && p.Phase != "swap" {
		s += " — " + p.Item
	}
	return s
}

// ExportOutcome is what an export (or its dry run) did: the engine's
// report (nil when it did not start), its error and whether the editor
// cancelled it.
type ExportOutcome struct {
	Report    *export.Report
	Err       error
	Cancelled bool
	DryRun    bool
}

// ExportController runs File > Export: it lists the portal profiles and
// runs the export engine with the editor's choice. It knows nothing of
// widgets and is tested without a window.
type ExportController struct {
	svc *app.Service
	x   *export.Exporter
	// author is read at each run: the editor may rename themselves in
	// Settings while the window is open.
	author func() string
}

// NewExportController returns an export controller over svc; author says
// who the export log names.
func NewExportController(svc *app.Service, author func() string) *ExportController {
	x := &export.Exporter{Store: svc.Store, StoreDir: svc.Store.Path(), Log: svc.Log}
	return &ExportController{svc: svc, x: x, author: author}
}

// Profiles returns the newsroom's portal profiles (the default one on a
// fresh install).
func (c *ExportController) Profiles(ctx context.Context) (*export.Profiles, error) {
	ps, err := export.LoadProfiles(ctx, c.svc.Store)
	if err != nil {
		return nil, fmt.Errorf("read the portal profiles: %w", err)
	}
	return ps, nil
}

// Target says where a profile exports to: the folder (relative ones sit
// beside the store) or the endpoint.
func (c *ExportController) Target(p export.Profile) string {
	if export.IsURL(p.Target) {
		return p.Target
	}
	dir, err := export.FolderPath(p.Target, c.x.StoreDir)
	if err != nil {
		return p.Target
	}
	return dir
}

// Run exports (or, with dryRun, checks) the choice, calling progress from
// Run's goroutine as work advances. Cancelling ctx stops it; a cancelled
// folder export leaves the previous portal as it was.
func (c *ExportController) Run(ctx context.Context, ch ExportChoice, dryRun bool, progress func(ExportProgress)) *ExportOutcome {
	opt := export.Options{
		Profile: ch.Profile,
		Select:  export.Selection{Statuses: ch.Statuses, IDs: ch.IDs},
		DryRun:  dryRun,
		By:      c.author(),
	}
	if progress != nil {
		opt.Progress = func(p export.Progress) { progress(ExportProgress(p)) }
	}
	rep, err := c.x.Run(ctx, opt)
	out := &ExportOutcome{Report: rep, Err: err, DryRun: dryRun}
	out.Cancelled = err != nil && errors.Is(err, context.Canceled) && ctx.Err() != nil
	if err != nil && !out.Cancelled {
		c.svc.Log.Error("export", "profile", ch.Profile, "dry_run", dryRun, "err", err)
	}
	return out
}

// Title is the report dialog's title.
func (o *ExportOutcome) Title() string {
	switch {
	case o.Cancelled:
		return "Export cancelled"
	case o.DryRun && o.Err != nil:
		return "Dry run failed"
	case o.DryRun:
		return "Dry run: nothing written yet"
	case o.Err != nil:
		return "Export failed"
	}
	return "Export finished"
}

// Summary is the report dialog's first line: the target and the counts.
func (o *ExportOutcome) Summary() string {
	r := o.Report
	if r == nil {
		return "Nothing was exported: " + userMessage(o.Err)
	}
	target := strings.TrimPrefix(r.Target, r.Profile+":")
	verb := "exported"
	if o.DryRun {
		verb = "to export"
	}
	s := fmt.Sprintf("%s → %s: %s %s, %d unchanged, %d skipped, %d failed.", r.Profile, target,
		storyCount(len(r.Exported)), verb, len(r.Unchanged), len(r.Skipped), len(r.Failed))
	switch {
	case o.Cancelled:
		s = "Cancelled: " + s
		if !export.IsURL(target) {
			s += " The previous portal is unchanged."
		}
	case o.Err != nil:
		s += " " + userMessage(o.Err)
	}
	return s
}

// maxFilesListed bounds the dry run's list of files: a first export of a
// large newsroom writes tens of thousands, and the counts say the rest.
const maxFilesListed = 200

// Sections lists the report item by item: exported (or to export),
// unchanged, skipped and failed stories with every reason, stories taken
// off the portal, and the files written (or that would be). Each story
// line opens the story. Empty sections are left out.
func (o *ExportOutcome) Sections() []ReportSection {
	r := o.Report
	if r == nil {
		return nil
	}
	var out []ReportSection
	items := func(title string, list []export.ItemResult, reasons bool) {
		if len(list) == 0 {
			return
		}
		s := ReportSection{Title: fmt.Sprintf("%s (%d)", title, len(list))}
		for _, it := range list {
			text := fmt.Sprintf("%s (revision %d)", headlineOrPlaceholder(it.Headline), it.Revision)
			if reasons && len(it.Problems) > 0 {
				text += ": " + strings.Join(it.Problems, "; ")
			} else if it.Path != "" {
				text += " → " + it.Path
			}
			s.Lines = append(s.Lines, ReportLine{Text: text, ID: it.ID})
		}
		out = append(out, s)
	}
	exported, removed := "Exported", "Taken off the portal"
	if o.DryRun {
		exported, removed = "Would be exported", "Would be taken off the portal"
	}
	items(exported, r.Exported, false)
	items("Failed", r.Failed, true)
	items("Skipped", r.Skipped, true)
	items(removed, r.Removed, true)
	items("Unchanged, already on the portal", r.Unchanged, false)
	if len(r.Written) > 0 {
		title := "Files written"
		if o.DryRun {
			title = "Files that would be written"
		}
		s := ReportSection{Title: fmt.Sprintf("%s (%d; %d unchanged, %d deleted)", title, len(r.Written), r.Kept, len(r.Deleted))}
		for i, f := range r.Written {
			if i == maxFilesListed {
				s.Lines = append(s.Lines, ReportLine{Text: fmt.Sprintf("… and %d more", len(r.Written)-i)})
				break
			}
			s.Lines = append(s.Lines, ReportLine{Text: f})
		}
		out = append(out, s)
	}
	return out
}

// CanExport reports whether a dry run cleared the way for the export: it
// ran, and there are stories to send or take off, or pages of an existing
// portal that would change (a new title in the profile). A manifest alone
// is what the engine writes when the portal is up to date.
func (o *ExportOutcome) CanExport() bool {
	r := o.Report
	if !o.DryRun || o.Err != nil || r == nil {
		return false
	}
	if len(r.Exported)+len(r.Removed) > 0 {
		return true
	}
	return r.Kept > 0 && (len(r.Deleted) > 0 || len(r.Written) > 1)
}
