package app

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"
)

// Service holds the use cases the GUI and the CLI share. It normalises and
// validates before anything reaches the store, so both front ends obey the
// same rules and print the same messages.
type Service struct {
	Store Store
	// rules are the newsroom's validation rules; the settings window may
	// change them on one goroutine while the editor validates on another.
	rulesMu sync.RWMutex
	rules   Rules
	// Now is the clock; tests set it to make times exact.
	Now func() time.Time
	Log *slog.Logger
	// Publisher, when set, exports stories as they are published on
	// schedule (see PublishDue).
	Publisher Publisher
}

// NewService returns a service over s with the default rules.
func NewService(s Store) *Service {
	return &Service{Store: s, rules: DefaultRules, Now: time.Now, Log: slog.Default()}
}

// SaveOptions say who saves and why.
type SaveOptions struct {
	Author  string
	Message string
	// Base is the revision the editor started from; a save on top of a
	// newer revision fails with ECONFLICT. Negative means "latest".
	Base int
}

// Save normalises and validates a, then appends it as a new revision (a
// new article when a.ID is empty). It returns the stored article; when a
// says nothing new, nothing is written and the latest revision comes back.
func (s *Service) Save(ctx context.Context, a *Article, opt SaveOptions) (*Article, error) {
	out, err := s.SaveBatch(ctx, []*Article{a}, opt)
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// SaveBatch saves several articles in one transaction, all or none: an
// import of one file. Every article is checked before anything is
// written; problems name the item ("items[3].headline") when there are
// several.
func (s *Service) SaveBatch(ctx context.Context, arts []*Article, opt SaveOptions) ([]*Article, error) {
	author := strings.TrimSpace(opt.Author)
	if author == "" {
		return nil, Errorf(EINVALID, "author: every revision needs an author")
	}
	items := make([]BatchItem, len(arts))
	var problems []FieldError
	for i, in := range arts {
		a := in.Clone()
		Normalize(a)
		prefix := ""
		if len(arts) > 1 {
			prefix = fmt.Sprintf("items[%d].", i)
		}
		for j, p := range a.Photos {
			if p.File != "" {
				problems = append(problems, FieldError{Field: fmt.Sprintf("%sphotos[%d].file", prefix, j),
					Message: fmt.Sprintf("%q was not attached; attach files with AttachImage first", p.File)})
			}
		}
		if a.ID != "" {
			// Status moves follow the workflow whichever way they come in
			// (the editor, put, an import of an existing id).
			cur, err := s.Store.Summary(ctx, a.ID)
			switch {
			case err == nil && cur.Status != a.Status:
				if err := CheckTransition(cur.Status, a.Status); err != nil {
					problems = append(problems, FieldError{Field: prefix + "status", Message: err.Error()})
				}
			case err != nil && ErrorCode(err) != ENOTFOUND:
				return nil, err
			}
		}
		if a.Status == StatusPublished && a.PublishedAt == nil {
			t := s.now()
			a.PublishedAt = &t
		}
		if err := Validate(a, s.Rules(), a.Status.Strict()); err != nil {
			for _, p := range err.(*ValidationError).Problems {
				problems = append(problems, FieldError{Field: prefix + p.Field, Message: p.Message})
			}
		}
		items[i] = BatchItem{Article: a, Base: opt.Base, Info: RevisionInfo{
			Author: author, Time: s.now(), Message: strings.TrimSpace(opt.Message),
			Status: a.Status, Words: CountWords(a.Body),
		}}
	}
	if len(problems) > 0 {
		return nil, &ValidationError{Problems: problems}
	}
	if err := s.Store.SaveBatch(ctx, items); err != nil {
		if len(arts) == 1 {
			return nil, fmt.Errorf("save %q: %w", items[0].Article.Headline, err)
		}
		return nil, fmt.Errorf("save %d articles: %w", len(arts), err)
	}
	out := make([]*Article, len(items))
	for i, it := range items {
		out[i] = it.Article
		s.Log.Debug("saved", "id", it.Article.ID, "revision", it.Article.Revision, "author", author)
	}
	return out, nil
}

// Rules returns the validation rules in force.
func (s *Service) Rules() Rules {
	s.rulesMu.RLock()
	defer s.rulesMu.RUnlock()
	return s.rules
}

// SetRules replaces the validation rules (SetNewsroom does it for the
// newsroom's settings).
func (s *Service) SetRules(r Rules) {
	s.rulesMu.Lock()
	s.rules = r
	s.rulesMu.Unlock()
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}

// Article returns the latest state of an article.
func (s *Service) Article(ctx context.Context, id string) (*Article, error) {
	return s.Store.Article(ctx, id)
}

// History lists the revisions of an article, newest first.
func (s *Service) History(ctx context.Context, id string) ([]RevisionInfo, error) {
	h, err := s.Store.History(ctx, id)
	if err != nil {
		return nil, err
	}
	for i, j := 0, len(h)-1; i < j; i, j = i+1, j-1 {
		h[i], h[j] = h[j], h[i]
	}
	return h, nil
}

// Revision returns revision n of an article.
func (s *Service) Revision(ctx context.Context, id string, n int) (*Revision, error) {
	return s.Store.Revision(ctx, id, n)
}

// Restore appends a new revision whose content equals revision n. Nothing
// is rewritten: the revisions after n stay in the history.
func (s *Service) Restore(ctx context.Context, id string, n int, author string) (*Article, error) {
	cur, err := s.Store.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	if cur.Deleted {
		return nil, Errorf(EINVALID, "article %s is in the Trash; undelete it before restoring", id)
	}
	old, err := s.Store.Revision(ctx, id, n)
	if err != nil {
		return nil, err
	}
	a := old.Article.Clone()
	author = strings.TrimSpace(author)
	if author == "" {
		return nil, Errorf(EINVALID, "author: every revision needs an author")
	}
	// Restoring reproduces history, which was valid when written: only the
	// rules that keep data sound apply, not today's completeness rules.
	if err := Validate(a, s.Rules(), false); err != nil {
		return nil, err
	}
	info := RevisionInfo{
		Author: author, Time: s.now(), Message: fmt.Sprintf("Restore revision %d", n),
		Status: a.Status, RestoredFrom: n, Words: CountWords(a.Body),
	}
	if cur.Status != a.Status {
		info.StatusFrom = cur.Status
	}
	if err := s.Store.SaveRevision(ctx, a, cur.Revision, info); err != nil {
		return nil, fmt.Errorf("restore %s revision %d: %w", id, n, err)
	}
	if a.Revision == cur.Revision {
		return nil, Errorf(EINVALID, "revision %d says the same as the current revision %d: nothing to restore", n, cur.Revision)
	}
	return a, nil
}

// Delete moves an article to the Trash; its revisions are kept.
func (s *Service) Delete(ctx context.Context, id, author string) error {
	return s.Store.SetDeleted(ctx, id, true, author)
}

// Undelete brings an article back from the Trash.
func (s *Service) Undelete(ctx context.Context, id, author string) error {
	return s.Store.SetDeleted(ctx, id, false, author)
}

// List returns a page of summaries.
func (s *Service) List(ctx context.Context, f Filter) (*ListResult, error) {
	return s.Store.List(ctx, f)
}

// AttachImage checks that data is a whole, decodable image and stores it;
// the returned reference goes into Photo.Image.
func (s *Service) AttachImage(ctx context.Context, name string, data []byte) (string, error) {
	if _, err := CheckImage(data); err != nil {
		return "", fmt.Errorf("image %s: %w", name, err)
	}
	return s.Store.PutBlob(ctx, data)
}

// Backup writes the whole store to w.
func (s *Service) Backup(ctx context.Context, w io.Writer) error { return s.Store.Backup(ctx, w) }

// Load fills an empty store from a backup.
func (s *Service) Load(ctx context.Context, r io.Reader) error { return s.Store.Load(ctx, r) }

// Search finds articles by words, phrases and filters; see SearchRequest.
func (s *Service) Search(ctx context.Context, r SearchRequest) (*SearchResult, error) {
	return s.Store.Search(ctx, r)
}
