package app

import (
	"context"
	"io"
	"time"
)

// Store keeps articles and their revisions. Package store implements it on
// Badger; every method is one transaction. Errors carry the codes of this
// package (ENOTFOUND, ECONFLICT, ...).
type Store interface {
	// SaveRevision appends a revision holding a (already normalised and
	// validated). If a.ID is empty a new article is created and a.ID set.
	// base is the revision the editor started from: if another save landed
	// since, it fails with ECONFLICT; base < 0 skips the check.
	// It sets a.Revision, a.CreatedAt, a.UpdatedAt, a.UpdatedBy and
	// info.StatusFrom (when the status changed). An article in the Trash
	// cannot be saved (EINVALID). A save that changes nothing writes
	// nothing: a then carries the latest revision's number and times.
	SaveRevision(ctx context.Context, a *Article, base int, info RevisionInfo) error
	// Summary returns what a listing shows of one article: one read, no body.
	Summary(ctx context.Context, id string) (*Summary, error)
	// Article returns the latest state (deleted articles too; see Deleted).
	Article(ctx context.Context, id string) (*Article, error)
	// History lists every revision, oldest first.
	History(ctx context.Context, id string) ([]RevisionInfo, error)
	// Revision returns revision n of the article.
	Revision(ctx context.Context, id string, n int) (*Revision, error)
	// SaveBatch saves several revisions in one transaction: all of them or,
	// on any error, none (an import of one file). Each item is as for
	// SaveRevision; errors name the item's index.
	SaveBatch(ctx context.Context, items []BatchItem) error
	// ArticleByImportKey returns the id of the article holding an import
	// key (trashed ones too), or an ENOTFOUND error.
	ArticleByImportKey(ctx context.Context, key string) (string, error)
	// SetDeleted moves an article to the Trash or back; revisions stay.
	SetDeleted(ctx context.Context, id string, deleted bool, author string) error
	// List returns summaries matching f, served by index keys.
	List(ctx context.Context, f Filter) (*ListResult, error)
	// Counts returns the number of live articles per status, section and
	// tag, plus the Trash, for sidebars.
	Counts(ctx context.Context) (*Counts, error)
	// PutBlob stores data once by content and returns its reference.
	PutBlob(ctx context.Context, data []byte) (string, error)
	// Blob returns the data of a reference made by PutBlob.
	Blob(ctx context.Context, ref string) ([]byte, error)
	// Setting returns a newsroom setting (ENOTFOUND when unset);
	// PutSetting stores one. Values are the caller's encoding (JSON).
	// Newsroom settings live in the store so that a backup carries them.
	Setting(ctx context.Context, name string) ([]byte, error)
	PutSetting(ctx context.Context, name string, value []byte) error
	// Recovery slots keep unsaved editor state between autosaves and a
	// crash; they are not revisions and are overwritten freely.
	PutRecovery(ctx context.Context, key string, data []byte) error
	DeleteRecovery(ctx context.Context, key string) error
	Recoveries(ctx context.Context) (map[string][]byte, error)
	// RecordExports appends to the export log and, for records with
	// Result "exported", remembers the revision exported to the target.
	RecordExports(ctx context.Context, recs []ExportRecord) error
	// ExportedRevisions returns, for one target, the last revision of each
	// article exported there.
	ExportedRevisions(ctx context.Context, target string) (map[string]int, error)
	// ExportLog returns an article's export records, oldest first.
	ExportLog(ctx context.Context, id string) ([]ExportRecord, error)
	// Search finds articles matching a query, ranked, with snippets. The
	// index is brought up to date with every save before it answers.
	Search(ctx context.Context, r SearchRequest) (*SearchResult, error)
	// Reindex rebuilds the search index from the articles.
	Reindex(ctx context.Context, progress func(done, total int)) error
	// Backup writes the whole store to w; Load reads one into an empty store.
	Backup(ctx context.Context, w io.Writer) error
	Load(ctx context.Context, r io.Reader) error
	// Path names the store for messages and the status bar.
	Path() string
	Close() error
}

// BatchItem is one save of a SaveBatch.
type BatchItem struct {
	Article *Article
	Base    int
	Info    RevisionInfo
}

// SortKey orders a listing.
type SortKey string

// Sort keys served by indexes.
const (
	SortUpdated   SortKey = "updated"
	SortScheduled SortKey = "scheduled"
	SortCreated   SortKey = "created"
)

// Filter selects articles for List. Zero fields do not filter.
type Filter struct {
	Status  Status
	Section string
	Tag     string
	// Deleted lists the Trash instead of live articles.
	Deleted bool
	// UpdatedFrom/UpdatedTo and ScheduledFrom/ScheduledTo bound times
	// (inclusive from, exclusive to); zero means open.
	UpdatedFrom, UpdatedTo     time.Time
	ScheduledFrom, ScheduledTo time.Time
	Sort                       SortKey // default SortUpdated
	Ascending                  bool    // default newest first
	Offset, Limit              int     // Limit 0 means all
}

// Summary is what a listing shows of an article; it is kept beside the
// revisions so that a list never reads article bodies.
type Summary struct {
	ID           string     `json:"id"`
	Slug         string     `json:"slug"`
	Headline     string     `json:"headline"`
	Byline       []string   `json:"byline"`
	Source       string     `json:"source,omitempty"`
	Section      string     `json:"section"`
	Tags         []string   `json:"tags"`
	Status       Status     `json:"status"`
	Revision     int        `json:"revision"`
	CreatedAt    time.Time  `json:"created_at"`
	UpdatedAt    time.Time  `json:"updated_at"`
	UpdatedBy    string     `json:"updated_by,omitempty"`
	ScheduledAt  *time.Time `json:"scheduled_at,omitempty"`
	PublishedAt  *time.Time `json:"published_at,omitempty"`
	EmbargoUntil *time.Time `json:"embargo_until,omitempty"`
	TimeZone     string     `json:"time_zone,omitempty"`
	Language     string     `json:"language,omitempty"`
	ImportKey    string     `json:"import_key,omitempty"`
	Flags        []string   `json:"flags,omitempty"`
	Deleted      bool       `json:"deleted,omitempty"`
	DeletedAt    *time.Time `json:"deleted_at,omitempty"`
	DeletedBy    string     `json:"deleted_by,omitempty"`
}

// SummaryOf returns the summary of a.
func SummaryOf(a *Article) Summary {
	return Summary{
		ID: a.ID, Slug: a.Slug, Headline: a.Headline,
		Byline: append([]string(nil), a.Byline...), Source: a.Source,
		Section: a.Section, Tags: append([]string(nil), a.Tags...),
		Status: a.Status, Revision: a.Revision,
		CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt, UpdatedBy: a.UpdatedBy,
		ScheduledAt: a.ScheduledAt, PublishedAt: a.PublishedAt, EmbargoUntil: a.EmbargoUntil,
		TimeZone: a.TimeZone, Language: a.Language, ImportKey: a.ImportKey,
		Flags: append([]string(nil), a.Flags...), Deleted: a.Deleted,
	}
}

// ListResult is one page of a listing and the number of matches in all.
type ListResult struct {
	Items []Summary `json:"items"`
	Total int       `json:"total"`
}

// Counts feeds the sidebar.
type Counts struct {
	Status  map[Status]int `json:"status"`
	Section map[string]int `json:"section"`
	Tag     map[string]int `json:"tag"`
	Trash   int            `json:"trash"`
}

// ExportRecord is one line of the export log: what revision of what went
// where, when, by whom, and how it ended.
type ExportRecord struct {
	Target    string    `json:"target"` // profile name and destination
	ArticleID string    `json:"article_id"`
	Revision  int       `json:"revision"`
	Time      time.Time `json:"time"`
	By        string    `json:"by"`
	// Result is "exported", "unchanged", "skipped" or "failed".
	Result string `json:"result"`
	Detail string `json:"detail,omitempty"`
}

// SearchRequest is a full-text query with filters. Query syntax: words
// (all required), "quoted phrases", Chinese written without spaces.
type SearchRequest struct {
	Query string `json:"query"`
	// AsYouType lets the last word match the words it begins.
	AsYouType bool   `json:"as_you_type,omitempty"`
	Status    Status `json:"status,omitempty"`
	Section   string `json:"section,omitempty"`
	Tag       string `json:"tag,omitempty"`
	// Author matches a byline name or the last editor, case-insensitively.
	Author string `json:"author,omitempty"`
	// From and To bound the last update (inclusive, exclusive).
	From, To time.Time
	// Deleted searches the Trash instead of live articles.
	Deleted bool `json:"deleted,omitempty"`
	Limit   int  `json:"limit,omitempty"` // default 20
}

// SearchHit is one ranked result.
type SearchHit struct {
	Summary
	Score float64 `json:"score"`
	// Snippet is a piece of the text around the first match, with matches
	// between « and ».
	Snippet string `json:"snippet"`
}

// SearchResult is a page of hits and how many articles matched in all,
// before the status, section, tag, author and date filters. With a phrase
// in the query, Matched is an upper bound: word positions are checked for
// the hits shown, not for every article holding the words.
type SearchResult struct {
	Hits    []SearchHit `json:"hits"`
	Matched int         `json:"matched"`
}
