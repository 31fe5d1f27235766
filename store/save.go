package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"newsdesk/app"
)

// SaveRevision appends a revision holding a; see app.Store.
func (s *Store) SaveRevision(ctx context.Context, a *app.Article, base int, info app.RevisionInfo) error {
	var id [16]byte
	if a.ID == "" {
		u, err := uuid.NewV7()
		if err != nil {
			return fmt.Errorf("new article id: %w", err)
		}
		id = u
	} else {
		var err error
		if id, err = parseID(a.ID); err != nil {
			return app.Errorf(app.EINVALID, "id: %v", err)
		}
	}
	meta, chunks, err := split(a)
	if err != nil {
		return err
	}
	var saved app.Article
	var state *stateChunks
	err = s.update(ctx, func(txn *badger.Txn) error {
		saved = *a // retries start from the caller's article again
		var err error
		state, err = saveTxn(txn, id, &saved, base, info, meta, chunks, s.recent.get)
		return err
	})
	if err != nil {
		return err
	}
	s.recent.put(id, state)
	*a = saved
	return nil
}

// split turns an article into its metadata chunk and body chunks. The
// metadata leaves out what changes on every save (revision, times, author),
// so a body-only edit shares the previous revision's metadata chunk.
func split(a *app.Article) (string, []string, error) {
	m := a.Clone()
	m.ID, m.Body, m.Revision, m.Deleted = "", "", 0, false
	m.UpdatedBy = ""
	m.UpdatedAt, m.CreatedAt = time.Time{}, time.Time{}
	meta, err := json.Marshal(m)
	if err != nil {
		return "", nil, fmt.Errorf("encode article: %w", err)
	}
	return string(meta), chunkBody(a.Body), nil
}

// saveTxn writes one revision in txn and returns its chunks, for the cache.
// cached returns the chunks of a revision when they are at hand.
func saveTxn(txn *badger.Txn, id [16]byte, a *app.Article, base int, info app.RevisionInfo, meta string, chunks []string,
	cached func([16]byte, int) *stateChunks) (*stateChunks, error) {
	a.ID = uuid.UUID(id).String()
	prev, err := getHead(txn, id)
	switch {
	case errors.Is(err, badger.ErrKeyNotFound):
		prev = nil
		if base > 0 {
			return nil, app.Errorf(app.ENOTFOUND, "article %s not found", a.ID)
		}
	case err != nil:
		return nil, err
	case prev.Deleted:
		return nil, app.Errorf(app.EINVALID, "article %s is in the Trash; undelete it before saving", a.ID)
	case base >= 0 && prev.Revision != base:
		return nil, app.Errorf(app.ECONFLICT, "article %q was saved by %s at %s (revision %d) after you opened revision %d; reload it and apply your change again",
			prev.Headline, prev.UpdatedBy, prev.UpdatedAt.Format("2006-01-02 15:04:05"), prev.Revision, base)
	}

	rec := revRecord{info: info}
	rec.info.Number = 1
	rec.info.StatusFrom = ""
	if a.CreatedAt.IsZero() {
		a.CreatedAt = info.Time // an import may bring the original time
	}
	var old *stateChunks
	if prev != nil {
		rec.info.Number = prev.Revision + 1
		a.CreatedAt = prev.CreatedAt
		if prev.Status != a.Status {
			rec.info.StatusFrom = prev.Status
		}
		if old = cached(id, prev.Revision); old == nil {
			if old, err = readChunks(txn, id, prev.Revision); err != nil {
				return nil, err
			}
		}
	}
	if old != nil && old.meta == meta && slices.Equal(old.texts, chunks) {
		// Nothing changed: an empty revision would only bury real ones.
		// The caller gets the latest revision back, as it is stored.
		a.Revision, a.UpdatedAt, a.UpdatedBy = prev.Revision, prev.UpdatedAt, prev.UpdatedBy
		return old, nil
	}
	rev := uint32(rec.info.Number)
	if old != nil && old.meta == meta {
		rec.meta = old.rec.meta
	} else {
		rec.meta = chunkRef{line: 0, rev: rev}
		if err := txn.Set(chunkKey(id, rec.meta), []byte(meta)); err != nil {
			return nil, fmt.Errorf("write metadata: %w", err)
		}
	}
	rec.chunks, rec.maxLine = assignLines(old, chunks, rev)
	for i, c := range rec.chunks {
		if c.rev == rev {
			if err := txn.Set(chunkKey(id, c), []byte(chunks[i])); err != nil {
				return nil, fmt.Errorf("write chunk: %w", err)
			}
		}
	}
	a.Revision = rec.info.Number
	a.UpdatedAt = info.Time
	a.UpdatedBy = info.Author
	a.Deleted = false
	if err := txn.Set(revKey(id, rec.info.Number), rec.encode()); err != nil {
		return nil, fmt.Errorf("write revision: %w", err)
	}
	head := app.SummaryOf(a)
	if err := putHead(txn, id, prev, &head); err != nil {
		return nil, err
	}
	return &stateChunks{rec: &rec, meta: meta, texts: chunks}, nil
}

// putHead writes the head and moves the index keys from prev's to head's.
func putHead(txn *badger.Txn, id [16]byte, prev, head *headRecord) error {
	newKeys := indexEntries(id, head)
	keep := map[string]bool{}
	for _, e := range newKeys {
		keep[string(e.key)] = true
	}
	if prev != nil {
		for _, e := range indexEntries(id, prev) {
			if !keep[string(e.key)] {
				if err := txn.Delete(e.key); err != nil {
					return fmt.Errorf("update index: %w", err)
				}
			}
		}
	}
	for _, e := range newKeys {
		if err := txn.Set(e.key, e.value); err != nil {
			return fmt.Errorf("update index: %w", err)
		}
	}
	v, err := json.Marshal(head)
	if err != nil {
		return fmt.Errorf("encode head: %w", err)
	}
	if err := txn.Set(headKey(id), v); err != nil {
		return fmt.Errorf("write head: %w", err)
	}
	return nil
}
