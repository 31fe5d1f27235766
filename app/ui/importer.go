package ui

import (
	"context"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"newsdesk/app"
	"newsdesk/app/portal"
)

// importExtensions are the files File > Import offers and a folder import
// takes: portal pages saved as text, and ninjs (JSON or JSON lines).
var importExtensions = []string{".txt", ".json", ".jsonl", ".ndjson"}

// Importable reports whether a file name looks like something File >
// Import reads; a folder import takes only those files.
func Importable(name string) bool {
	return slices.Contains(importExtensions, strings.ToLower(path.Ext(name)))
}

// ImportProgress is how far an import has got: files done of Total, and
// the file being read now ("" once all are done).
type ImportProgress struct {
	Done, Total int
	File        string
}

// Fraction is the share done, for a progress bar.
func (p ImportProgress) Fraction() float64 {
	if p.Total == 0 {
		return 0
	}
	return float64(p.Done) / float64(p.Total)
}

// Text is the line under the progress bar.
func (p ImportProgress) Text() string {
	if p.File == "" {
		return fmt.Sprintf("%d of %d files imported", p.Done, p.Total)
	}
	return fmt.Sprintf("File %d of %d: %s", p.Done+1, p.Total, p.File)
}

// ImportOutcome is what an import did: the engine's report, its error (a
// failed file, a stop) and whether the editor cancelled it.
type ImportOutcome struct {
	Report    *portal.Report
	Err       error
	Cancelled bool
	Total     int // files asked for
}

// ImportController runs File > Import: portal section pages and ninjs,
// format detected, times read in the newsroom's zone. It knows nothing of
// widgets and is tested without a window.
type ImportController struct {
	svc *app.Service
}

// NewImportController returns an import controller over svc.
func NewImportController(svc *app.Service) *ImportController {
	return &ImportController{svc: svc}
}

// Options are the import options the GUI uses: format detected per file,
// the newsroom's time zone and default section.
func (c *ImportController) Options(ctx context.Context) (portal.Options, error) {
	nr, err := c.svc.Newsroom(ctx)
	if err != nil {
		return portal.Options{}, fmt.Errorf("read the newsroom settings: %w", err)
	}
	return portal.Options{Format: portal.FormatAuto, TimeZone: nr.TimeZone, Section: nr.DefaultSection}, nil
}

// Run imports inputs, one transaction per file, calling progress (from
// Run's goroutine) before each file and at the end. Cancelling ctx stops
// the import before the next file; the files done stay imported.
func (c *ImportController) Run(ctx context.Context, inputs []portal.Input, progress func(ImportProgress)) *ImportOutcome {
	out := &ImportOutcome{Total: len(inputs)}
	if progress == nil {
		progress = func(ImportProgress) {}
	}
	opt, err := c.Options(ctx)
	if err != nil {
		out.Report, out.Err = portal.NewReport(), err
		out.Cancelled = ctx.Err() != nil
		return out
	}
	rep, err := portal.Import(ctx, c.svc, inputs, opt, func(done, total int) {
		p := ImportProgress{Done: done, Total: total}
		if done < len(inputs) {
			p.File = inputs[done].Name
		}
		progress(p)
	})
	out.Report, out.Err = rep, err
	out.Cancelled = errors.Is(err, context.Canceled) && ctx.Err() != nil
	if err != nil && !out.Cancelled {
		c.svc.Log.Error("import", "files", len(inputs), "err", err)
	}
	return out
}

// Summary is the report dialog's first line.
func (o *ImportOutcome) Summary() string {
	r := o.Report
	s := fmt.Sprintf("%s imported, %s already in the store", countOf(r.Imported, "story", "stories"),
		countOf(r.Duplicates, "duplicate", "duplicates"))
	if n := len(r.Flagged); n > 0 {
		s += fmt.Sprintf(", %s for an editor", countOf(n, "story flagged", "stories flagged"))
	}
	s += "."
	if o.Cancelled {
		done := len(r.Files)
		s = fmt.Sprintf("Import cancelled after %d of %d files. ", done, o.Total) + s
	}
	return s
}

// ReportSection is a titled list in the report dialog.
type ReportSection struct {
	Title string
	Lines []ReportLine
}

// ReportLine is one line of a report section; ID, when set, is the
// article the line is about, which the dialog offers to open.
type ReportLine struct {
	Text string
	ID   string
}

// Sections lists what needs reading after an import: a file stopped by
// Cancel, files that failed, flagged stories with their reasons, and
// warnings with file and line.
// Empty sections are left out.
func (o *ImportOutcome) Sections() []ReportSection {
	r := o.Report
	var out []ReportSection
	var errs, stopped []ReportLine
	for _, e := range r.Errors {
		// The store refuses to go on once Cancel is pressed, and the file
		// it was saving is rolled back whole: not a fault of the file.
		if o.Cancelled && strings.HasSuffix(e.Message, context.Canceled.Error()) {
			stopped = append(stopped, ReportLine{Text: e.File + ": stopped by Cancel; nothing from it was imported"})
			continue
		}
		errs = append(errs, ReportLine{Text: e.Message})
	}
	if len(stopped) > 0 {
		out = append(out, ReportSection{Title: "Cancelled", Lines: stopped})
	}
	if len(r.Errors) == 0 && o.Err != nil && !o.Cancelled {
		errs = append(errs, ReportLine{Text: userMessage(o.Err)})
	}
	if len(errs) > 0 {
		out = append(out, ReportSection{Title: "Not imported", Lines: errs})
	}
	if len(r.Flagged) > 0 {
		s := ReportSection{Title: "Flagged for an editor"}
		for _, f := range r.Flagged {
			where := f.File
			if f.Line > 0 {
				where = fmt.Sprintf("%s line %d", f.File, f.Line)
			}
			s.Lines = append(s.Lines, ReportLine{
				Text: fmt.Sprintf("%s: %s (%s)", headlineOrPlaceholder(f.Headline), strings.Join(f.Reasons, ", "), where),
				ID:   f.ID,
			})
		}
		out = append(out, s)
	}
	if len(r.Warnings) > 0 {
		s := ReportSection{Title: "Warnings"}
		for _, w := range r.Warnings {
			s.Lines = append(s.Lines, ReportLine{Text: w.String()})
		}
		out = append(out, s)
	}
	return out
}

// countOf formats n with the singular or plural noun.
func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
