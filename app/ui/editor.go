package ui

import (
	"context"
	"errors"
	"fmt"
	"image"
	"log/slog"
	"sync"
	"time"

	"github.com/google/uuid"

	"newsdesk/app"
)

// ArticleEditor is the state behind the editor: the article being edited,
// the revision the edit started from, whether it has unsaved changes, and
// the problems validation finds as the editor types. Its methods may be
// called from any goroutine (saves run off the UI goroutine while the
// editor keeps typing); getters return copies. It is tested without a
// window.
type ArticleEditor struct {
	svc    *app.Service
	log    *slog.Logger
	author string
	// now is the wall clock of the status bar's "saved at"; tests set it.
	now func() time.Time

	mu sync.Mutex
	// art is the working copy, times in the article's zone; nil when
	// nothing is open.
	art *app.Article
	// base is the revision the edit started from (0 for a new article):
	// a save on top of a newer one is a conflict, not a silent overwrite.
	base  int
	dirty bool
	// gen counts edits, so that a save which ran while the editor kept
	// typing knows that the newer edits are still unsaved.
	gen uint64
	// slot is the recovery key: "article:<id>", or "new:<uuid>" until a
	// new article is first saved.
	slot string
	// sched is the schedule as typed; schedErr says why it does not parse.
	sched    ScheduleInput
	schedErr string
	// gate is the status a refused move aimed at: until the next move or
	// article, validation stays at that status's strictness, so that the
	// problems it listed disappear one by one as the editor fixes them.
	gate     app.Status
	problems *app.ValidationError
	thumbs   map[string]image.Image
	titles   map[string]string // related article id -> headline
	saved    time.Time
	// recovered is set when the state came from a recovery slot.
	recovered bool
}

// NewArticleEditor returns an editor over svc that signs revisions as author.
func NewArticleEditor(svc *app.Service, author string) *ArticleEditor {
	log := svc.Log
	if log == nil {
		log = slog.Default()
	}
	return &ArticleEditor{svc: svc, log: log, author: author, now: time.Now}
}

// SetAuthor changes who signs the revisions saved from now on (the
// Settings window's Personal name).
func (e *ArticleEditor) SetAuthor(name string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.author = name
}

func (e *ArticleEditor) signer() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.author
}

// errNothingOpen is returned by actions that need an open article.
var errNothingOpen = app.Errorf(app.EINVALID, "no article is open")

// New opens a blank draft in the newsroom's zone. It is not dirty until
// something is typed, so closing it untouched asks nothing.
func (e *ArticleEditor) New() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.reset(&app.Article{Status: app.StatusDraft, TimeZone: app.DefaultTimeZone}, 0, "new:"+uuid.NewString())
}

// Open loads article id (with photo thumbnails and related headlines) into
// the editor, replacing what was open.
func (e *ArticleEditor) Open(ctx context.Context, id string) error {
	d, err := loadDetail(ctx, e.svc, id)
	if err != nil {
		err = fmt.Errorf("open article %s: %w", id, err)
		e.log.Error("open article", "id", id, "err", err)
		return err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.reset(d.Article, d.Article.Revision, "article:"+id)
	e.adoptDetail(d)
	return nil
}

// reset replaces the open article; the caller holds mu.
func (e *ArticleEditor) reset(a *app.Article, base int, slot string) {
	e.art, e.base, e.slot = a, base, slot
	e.dirty, e.recovered, e.gate, e.schedErr = false, false, "", ""
	e.gen++
	e.thumbs = map[string]image.Image{}
	e.titles = map[string]string{}
	e.saved = time.Time{}
	e.sched = scheduleOf(a)
	e.validate()
}

func (e *ArticleEditor) adoptDetail(d *Detail) {
	for _, p := range d.Photos {
		if p.Thumb != nil {
			e.thumbs[p.Image] = p.Thumb
		}
	}
	for _, r := range d.Related {
		if r.ID != "" {
			e.titles[r.ID] = r.Title
		}
	}
}

// Close forgets the open article. Unsaved edits are dropped, and so is
// their recovery slot: closing after "Discard" means discard.
func (e *ArticleEditor) Close(ctx context.Context) error {
	e.mu.Lock()
	slot := e.slot
	e.art, e.slot, e.dirty = nil, "", false
	e.gen++
	e.mu.Unlock()
	if slot == "" {
		return nil
	}
	return e.dropSlot(ctx, slot)
}

// Update applies an edit to the working copy and validates again. Edits
// that change nothing (a widget echoing the value it was given) leave the
// article clean.
func (e *ArticleEditor) Update(edit func(a *app.Article)) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.art == nil {
		return
	}
	before := e.art.Clone()
	edit(e.art)
	if articlesEqual(before, e.art) {
		return
	}
	e.dirty = true
	e.gen++
	e.validate()
}

// Article returns a copy of the working article, or nil.
func (e *ArticleEditor) Article() *app.Article {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.art.Clone()
}

// IsOpen reports whether an article (new or stored) is open.
func (e *ArticleEditor) IsOpen() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.art != nil
}

// ID returns the open article's id; "" for none or a new, unsaved one.
func (e *ArticleEditor) ID() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.art == nil {
		return ""
	}
	return e.art.ID
}

// Dirty reports unsaved edits.
func (e *ArticleEditor) Dirty() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.dirty
}

// Base returns the revision the edit started from (0 for a new article).
func (e *ArticleEditor) Base() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.base
}

// LastSaved returns when this window last saved the open article, or zero.
func (e *ArticleEditor) LastSaved() time.Time {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.saved
}

// Recovered reports whether the open state came from a recovery slot.
func (e *ArticleEditor) Recovered() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.recovered
}

// Thumb returns the thumbnail of a stored image, or nil.
func (e *ArticleEditor) Thumb(ref string) image.Image {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.thumbs[ref]
}

// ReadOnly says why the open article cannot be changed, or "".
func (e *ArticleEditor) ReadOnly() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return readOnlyReason(e.art)
}

func readOnlyReason(a *app.Article) string {
	switch {
	case a == nil:
		return ""
	case a.Deleted:
		return "This article is in the Trash; undelete it (newsdeskctl undelete) to edit it."
	case a.Status == app.StatusKilled:
		return "This story was killed; a killed story stays withdrawn. Write a new one instead."
	}
	return ""
}

// SaveRequest says how to save.
type SaveRequest struct {
	// Message explains the revision; for a published story it is the
	// correction note, which is required.
	Message string
	// Overwrite saves on top of the latest revision even if someone saved
	// since the edit started: the answer to a conflict, given by a person.
	Overwrite bool
}

// Save writes the working copy as a new revision based on the revision the
// edit started from. A conflict (someone saved since) comes back as an
// error with code ECONFLICT, edits untouched; problems come back as a
// *app.ValidationError and are also shown by Problems.
func (e *ArticleEditor) Save(ctx context.Context, req SaveRequest) (*app.Article, error) {
	e.mu.Lock()
	if e.art == nil {
		e.mu.Unlock()
		return nil, errNothingOpen
	}
	if why := readOnlyReason(e.art); why != "" {
		e.mu.Unlock()
		return nil, app.Errorf(app.EINVALID, "%s", why)
	}
	if e.schedErr != "" {
		e.mu.Unlock()
		return nil, &app.ValidationError{Problems: []app.FieldError{{Field: "scheduled_at", Message: e.schedErr}}}
	}
	a, base, gen := e.art.Clone(), e.base, e.gen
	e.mu.Unlock()

	opt := app.SaveOptions{Author: e.signer(), Message: req.Message, Base: base}
	if a.ID == "" || req.Overwrite {
		opt.Base = -1
	}
	var saved *app.Article
	var err error
	if a.ID != "" && a.Status == app.StatusPublished {
		saved, err = e.svc.Correct(ctx, a, req.Message, opt)
	} else {
		saved, err = e.svc.Save(ctx, a, opt)
	}
	if err != nil {
		e.failed("save", err)
		return nil, err
	}
	e.adopt(ctx, saved, gen)
	return saved, nil
}

// failed keeps validation problems on screen and logs the rest.
func (e *ArticleEditor) failed(what string, err error) {
	var v *app.ValidationError
	if errors.As(err, &v) {
		e.mu.Lock()
		e.problems = mergeProblems(e.problems, v)
		e.mu.Unlock()
		return
	}
	e.log.Warn(what, "err", err)
}

// adopt takes a stored revision as the new starting point. If nothing was
// typed since the save began (gen unchanged) the stored article replaces
// the working copy; otherwise the newer edits stay, on top of the new
// revision, and remain unsaved.
func (e *ArticleEditor) adopt(ctx context.Context, saved *app.Article, gen uint64) {
	e.mu.Lock()
	oldSlot := e.slot
	if e.art == nil {
		e.mu.Unlock()
		return
	}
	if e.gen == gen {
		e.art = saved.InZone()
		e.dirty = false
		e.sched, e.schedErr = scheduleOf(e.art), ""
	} else {
		z := saved.InZone()
		a := e.art
		a.ID, a.Slug, a.Revision, a.Status, a.Note = z.ID, z.Slug, z.Revision, z.Status, z.Note
		a.CreatedAt, a.UpdatedAt, a.UpdatedBy, a.PublishedAt = z.CreatedAt, z.UpdatedAt, z.UpdatedBy, z.PublishedAt
	}
	e.base = saved.Revision
	e.slot = "article:" + saved.ID
	e.saved = e.now()
	e.gate, e.recovered = "", false
	e.validate()
	dirty, slot := e.dirty, e.slot
	e.mu.Unlock()

	if oldSlot != slot {
		_ = e.dropSlot(ctx, oldSlot)
	}
	if !dirty {
		_ = e.dropSlot(ctx, slot)
	}
}
