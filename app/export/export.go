// Package export ships finished stories to the news portal: a static
// portal folder (index and section pages that read like the portal,
// article pages with JSON-LD and Open Graph, RSS, Atom and JSON Feed,
// sitemaps, IPTC ninjs, content-addressed images and a manifest), or an
// HTTP push of ninjs documents to the portal's endpoint.
//
// Exports are batches chosen by status, section, tag, time or id. They are
// incremental (a revision already exported to a target is not written or
// pushed again), atomic for folders (the new portal is built beside the old
// one and swapped in; a cancelled or killed export leaves the old one
// whole) and reported item by item in the store's export log. Everything
// editors typed is escaped or sanitised, and no path leaves the target.
package export

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"newsdesk/app"
)

// Exporter runs exports for one store.
type Exporter struct {
	Store app.Store
	// StoreDir places relative folder targets beside the store folder.
	StoreDir string
	// Now is the clock (embargoes, the news sitemap's two days, the log).
	Now func() time.Time
	Log *slog.Logger
	// HTTP is the client for pushes; nil means a default client.
	HTTP *http.Client
	// Getenv reads the bearer token's variable; nil means os.Getenv.
	Getenv func(string) string
	// Backoff is the first retry delay of a push, doubled each time;
	// zero means one second.
	Backoff time.Duration
	// Workers bounds parallel rendering; zero means the number of CPUs.
	Workers int
}

// Options say what to export where.
type Options struct {
	// Profile names the portal profile; empty means the default one.
	Profile string
	// To overrides the profile's target: a folder or an http(s) URL.
	To     string
	Select Selection
	// DryRun checks everything and lists what would be written or
	// pushed, writing nothing.
	DryRun bool
	// By is who exports, for the export log.
	By string
	// Progress, when set, is called as work advances (from one goroutine
	// at a time, never concurrently).
	Progress func(Progress)
}

// Selection chooses the stories of a batch. Zero fields do not filter;
// with no status and no ids, ready, due and published stories are taken.
type Selection struct {
	// Statuses: "ready", "due" (scheduled and its time has come),
	// "scheduled" (all scheduled) and "published".
	Statuses []string
	Section  string
	Tag      string
	// From and To bound the time a story shows (publication, else
	// schedule, else last update): From inclusive, To exclusive.
	From, To time.Time
	// IDs names stories explicitly (the GUI's selection).
	IDs []string
	// Articles exports these in-memory versions (the scheduler's story
	// as it goes live, before its published revision is saved).
	Articles []*app.Article
}

// Progress reports how far an export has come.
type Progress struct {
	Phase string `json:"phase"` // "check", "images", "articles", "pages", "swap", "push"
	Done  int    `json:"done"`
	Total int    `json:"total"`
	Item  string `json:"item,omitempty"`
}

// Report says exactly what an export did, item by item.
type Report struct {
	Profile   string       `json:"profile"`
	Target    string       `json:"target"`
	DryRun    bool         `json:"dry_run,omitempty"`
	Started   time.Time    `json:"started"`
	Finished  time.Time    `json:"finished"`
	Exported  []ItemResult `json:"exported"`
	Unchanged []ItemResult `json:"unchanged"`
	Skipped   []ItemResult `json:"skipped"`
	Failed    []ItemResult `json:"failed"`
	// Removed lists stories taken off the portal: killed or in the Trash.
	Removed []ItemResult `json:"removed,omitempty"`
	// Written lists the files written (or, in a dry run, that would be);
	// Kept counts files carried over unchanged; Deleted lists files the
	// new portal no longer has.
	Written []string `json:"written,omitempty"`
	Kept    int      `json:"kept"`
	Deleted []string `json:"deleted,omitempty"`
}

// ItemResult is one story's outcome. Problems lists every reason an item
// was skipped or failed ("photos[0].credit: is required").
type ItemResult struct {
	ID       string   `json:"id"`
	Headline string   `json:"headline"`
	Revision int      `json:"revision"`
	Path     string   `json:"path,omitempty"`
	Problems []string `json:"problems,omitempty"`
}

// Run exports a batch with a profile and records the outcome in the
// store's export log (not for a dry run). An error means the export as a
// whole did not happen (bad profile, cancelled, disk full); item failures
// are in the report.
func (x *Exporter) Run(ctx context.Context, opt Options) (*Report, error) {
	ps, err := LoadProfiles(ctx, x.Store)
	if err != nil {
		return nil, err
	}
	prof, err := ps.Get(opt.Profile)
	if err != nil {
		return nil, err
	}
	if opt.To != "" {
		prof.Target = opt.To
		if problems := prof.Validate(""); len(problems) > 0 {
			return nil, &app.ValidationError{Problems: problems}
		}
	}
	rep := &Report{Profile: prof.Name, DryRun: opt.DryRun, Started: x.now(),
		Exported: []ItemResult{}, Unchanged: []ItemResult{}, Skipped: []ItemResult{}, Failed: []ItemResult{}}
	if IsURL(prof.Target) {
		rep.Target = prof.Name + ":" + redact(prof.Target)
		err = x.push(ctx, prof, opt, rep)
	} else {
		dir, ferr := FolderPath(prof.Target, x.StoreDir)
		if ferr != nil {
			return nil, ferr
		}
		rep.Target = prof.Name + ":" + dir
		err = x.folder(ctx, prof, dir, opt, rep)
	}
	rep.Finished = x.now()
	if err != nil {
		return rep, err
	}
	x.log().Info("export", "profile", prof.Name, "target", rep.Target, "dry_run", opt.DryRun,
		"exported", len(rep.Exported), "unchanged", len(rep.Unchanged), "skipped", len(rep.Skipped), "failed", len(rep.Failed))
	return rep, nil
}

// redact drops a password written into an endpoint URL, so that the
// report and the export log never carry it.
func redact(endpoint string) string {
	u, err := url.Parse(endpoint)
	if err != nil || u.User == nil {
		return endpoint
	}
	u.User = url.User(u.User.Username())
	return u.String()
}

func (x *Exporter) now() time.Time {
	if x.Now == nil {
		return time.Now()
	}
	return x.Now()
}

func (x *Exporter) log() *slog.Logger {
	if x.Log == nil {
		return slog.Default()
	}
	return x.Log
}

func (x *Exporter) getenv(name string) string {
	if x.Getenv == nil {
		return os.Getenv(name)
	}
	return x.Getenv(name)
}

// progress calls opt.Progress when set.
func (o *Options) progress(phase string, done, total int, item string) {
	if o.Progress != nil {
		o.Progress(Progress{Phase: phase, Done: done, Total: total, Item: item})
	}
}

// recordChunk bounds one write to the export log: a store transaction
// has a size limit, and a batch may hold tens of thousands of stories.
const recordChunk = 1000

// record appends recs to the export log in chunks. A failure part-way
// leaves the earlier chunks recorded; the portal itself is already whole.
func (x *Exporter) record(ctx context.Context, recs []app.ExportRecord) error {
	for len(recs) > 0 {
		n := min(len(recs), recordChunk)
		if err := x.Store.RecordExports(ctx, recs[:n]); err != nil {
			return err
		}
		recs = recs[n:]
	}
	return nil
}

// records turns a report into export-log lines: every item of the batch,
// with what happened to it.
func (r *Report) records(by string, at time.Time) []app.ExportRecord {
	var out []app.ExportRecord
	add := func(items []ItemResult, result string) {
		for _, it := range items {
			rec := app.ExportRecord{Target: r.Target, ArticleID: it.ID, Revision: it.Revision, Time: at, By: by, Result: result}
			if len(it.Problems) > 0 {
				rec.Detail = strings.Join(it.Problems, "; ")
			}
			out = append(out, rec)
		}
	}
	add(r.Exported, "exported")
	add(r.Unchanged, "unchanged")
	add(r.Skipped, "skipped")
	add(r.Failed, "failed")
	add(r.Removed, "removed")
	return out
}
