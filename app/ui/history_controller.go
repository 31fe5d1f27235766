package ui

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"newsdesk/app"
	"newsdesk/app/history"
)

// HistoryRow is one revision as the History panel lists it.
type HistoryRow struct {
	Number int
	Author string
	// Time is when the revision was saved, in the article's time zone.
	Time    time.Time
	Message string
	// From is the status before the revision when it changed it, else "".
	From, To     app.Status
	Words        int
	Delta        int // words gained (or lost, when negative) since the parent
	RestoredFrom int
}

// histTimeLayout shows revision times with their zone: desks in several
// zones read one history.
const histTimeLayout = "2006-01-02 15:04 MST"

// Title is the row's first line: "r12 · Li Na · 2026-11-28 09:12 CST · +25 words".
func (r HistoryRow) Title() string {
	return fmt.Sprintf("r%d · %s · %s · %s", r.Number, r.Author, r.Time.Format(histTimeLayout), r.DeltaText())
}

// DeltaText is the size change in words, signed: "+25 words", "-3 words",
// "±0 words".
func (r HistoryRow) DeltaText() string {
	switch {
	case r.Delta > 0:
		return fmt.Sprintf("+%d words", r.Delta)
	case r.Delta < 0:
		return fmt.Sprintf("-%d words", -r.Delta)
	}
	return "±0 words"
}

// Detail is the row's second line: the message and the status change.
func (r HistoryRow) Detail() string {
	var parts []string
	if r.Message != "" {
		parts = append(parts, r.Message)
	}
	if r.From != "" {
		parts = append(parts, fmt.Sprintf("status %s -> %s", r.From, r.To))
	}
	if r.RestoredFrom > 0 && !strings.Contains(r.Message, "estore") {
		parts = append(parts, fmt.Sprintf("restores r%d", r.RestoredFrom))
	}
	if len(parts) == 0 {
		return "(no message)"
	}
	return strings.Join(parts, " · ")
}

// HistoryController holds one article's history for the History panel and
// runs the copy desk's actions on it: compare, keep the older wording of a
// change, restore a revision, blame, export. It knows nothing of widgets
// and is tested without a window; its methods do store I/O and may be
// called from any goroutine.
type HistoryController struct {
	svc    *app.Service
	author string
	log    *slog.Logger

	mu      sync.Mutex
	id      string
	current *app.Article // the latest revision, times in its zone
	rows    []HistoryRow // newest first
	index   map[int]int  // revision number -> row
}

// NewHistoryController returns a controller that signs the revisions it
// writes with author.
func NewHistoryController(svc *app.Service, author string) *HistoryController {
	log := svc.Log
	if log == nil {
		log = slog.Default()
	}
	return &HistoryController{svc: svc, author: author, log: log}
}

// Open loads article id's latest state and its revisions.
func (h *HistoryController) Open(ctx context.Context, id string) error {
	a, err := h.svc.Article(ctx, id)
	if err != nil {
		return fmt.Errorf("history of %s: %w", id, err)
	}
	infos, err := h.svc.History(ctx, id)
	if err != nil {
		return fmt.Errorf("history of %s: %w", id, err)
	}
	rows, index := historyRows(infos, a.Location())
	h.mu.Lock()
	defer h.mu.Unlock()
	h.id, h.current, h.rows, h.index = id, a.InZone(), rows, index
	return nil
}

// historyRows turns revision infos (newest first) into rows; the word
// delta is against the next older revision, so it needs no body.
func historyRows(infos []app.RevisionInfo, loc *time.Location) ([]HistoryRow, map[int]int) {
	rows := make([]HistoryRow, len(infos))
	index := make(map[int]int, len(infos))
	for i, r := range infos {
		parentWords := 0
		if i+1 < len(infos) {
			parentWords = infos[i+1].Words
		}
		rows[i] = HistoryRow{
			Number: r.Number, Author: r.Author, Time: r.Time.In(loc), Message: r.Message,
			From: r.StatusFrom, To: r.Status, Words: r.Words, Delta: r.Words - parentWords,
			RestoredFrom: r.RestoredFrom,
		}
		index[r.Number] = i
	}
	return rows, index
}

// reset forgets the open article.
func (h *HistoryController) reset() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.id, h.current, h.rows, h.index = "", nil, nil, nil
}

// ID returns the open article's id, or "".
func (h *HistoryController) ID() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.id
}

// Rows returns the revisions, newest first; the slice must not be modified.
func (h *HistoryController) Rows() []HistoryRow {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.rows
}

// Current returns the article's latest state as last loaded.
func (h *HistoryController) Current() *app.Article {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.current
}

// Latest returns the latest revision number, 0 when nothing is open.
func (h *HistoryController) Latest() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.rows) == 0 {
		return 0
	}
	return h.rows[0].Number
}

// Parent returns the revision before n in the history, or 0 for the first.
func (h *HistoryController) Parent(n int) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	if i, ok := h.index[n]; ok && i+1 < len(h.rows) {
		return h.rows[i+1].Number
	}
	return 0
}

// Row returns revision n's row.
func (h *HistoryController) Row(n int) (HistoryRow, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	i, ok := h.index[n]
	if !ok {
		return HistoryRow{}, false
	}
	return h.rows[i], true
}

// revision loads revision n; revision 0 is the empty article a story
// starts from, so the first revision compares as "everything added".
func (h *HistoryController) revision(ctx context.Context, id string, n int) (*app.Revision, error) {
	if n == 0 {
		empty := &app.Article{ID: id}
		if cur := h.Current(); cur != nil {
			empty.TimeZone = cur.TimeZone
		}
		return &app.Revision{Article: empty}, nil
	}
	r, err := h.svc.Revision(ctx, id, n)
	if err != nil {
		return nil, fmt.Errorf("revision %d of %s: %w", n, id, err)
	}
	return r, nil
}

// Compare diffs revision oldRev against newRev (oldRev 0: the empty
// article). The diff of long texts costs milliseconds to tens of
// milliseconds, so the views call it off the UI goroutine.
func (h *HistoryController) Compare(ctx context.Context, oldRev, newRev int) (*CompareResult, error) {
	id := h.ID()
	if id == "" {
		return nil, errNothingOpenHistory
	}
	if oldRev > newRev {
		oldRev, newRev = newRev, oldRev
	}
	older, err := h.revision(ctx, id, oldRev)
	if err != nil {
		return nil, err
	}
	newer, err := h.revision(ctx, id, newRev)
	if err != nil {
		return nil, err
	}
	return newCompareResult(id, older, newer), nil
}

var errNothingOpenHistory = app.Errorf(app.EINVALID, "no article is open in History")

// KeepOlder puts change n (an index into res.Changes) back to the older
// wording as a new revision on top of the latest one, with the message
// "revert change N from revision X". The change must still read as it did
// in the newer side of res; otherwise someone has moved on since and the
// editor is asked to compare with the current revision.
func (h *HistoryController) KeepOlder(ctx context.Context, res *CompareResult, n int) (*app.Article, error) {
	if n < 0 || n >= len(res.Changes) {
		return nil, app.Errorf(app.EINVALID, "change %d does not exist: the comparison has %d changes", n+1, len(res.Changes))
	}
	cur, err := h.svc.Article(ctx, res.ID)
	if err != nil {
		return nil, err
	}
	c := res.Changes[n]
	edited := cur.Clone()
	if c.Field != nil {
		if err := history.RevertField(edited, res.Old.Article, *c.Field); err != nil {
			return nil, err
		}
	} else {
		if cur.Body != res.New.Article.Body {
			return nil, app.Errorf(app.ECONFLICT, "the body has changed since revision %d; compare with the current revision (r%d) to review it",
				res.New.Number, cur.Revision)
		}
		if edited.Body, err = res.Body.KeepOlder(c.Body); err != nil {
			return nil, err
		}
	}
	msg := fmt.Sprintf("revert change %d from revision %d", n+1, res.New.Number)
	saved, err := h.svc.Save(ctx, edited, app.SaveOptions{Author: h.author, Message: msg, Base: cur.Revision})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", msg, err)
	}
	h.log.Info("kept older wording", "id", res.ID, "change", n+1, "from", res.New.Number, "revision", saved.Revision)
	return saved, h.Open(ctx, res.ID)
}

// Restore appends a revision equal to revision n; nothing is rewritten.
func (h *HistoryController) Restore(ctx context.Context, n int) (*app.Article, error) {
	id := h.ID()
	if id == "" {
		return nil, errNothingOpenHistory
	}
	a, err := h.svc.Restore(ctx, id, n, h.author)
	if err != nil {
		return nil, fmt.Errorf("restore revision %d: %w", n, err)
	}
	h.log.Info("restored revision", "id", id, "from", n, "revision", a.Revision)
	return a, h.Open(ctx, id)
}

// Blame attributes each paragraph of the current text to the revision
// that last changed it.
func (h *HistoryController) Blame(ctx context.Context) ([]history.Attribution, error) {
	id := h.ID()
	if id == "" {
		return nil, errNothingOpenHistory
	}
	at, err := history.BlameArticle(ctx, h.svc, id)
	if err != nil {
		return nil, fmt.Errorf("blame %s: %w", id, err)
	}
	return at, nil
}

// WriteHTML writes res as a self-contained, printable HTML page.
func (h *HistoryController) WriteHTML(w io.Writer, res *CompareResult) error {
	return history.WriteHTML(w, history.HTMLPage{
		Title:      headlineOrPlaceholder(res.New.Article.Headline),
		OldLabel:   res.label(res.Old),
		NewLabel:   res.label(res.New),
		Comparison: res.Comparison,
	})
}
