package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
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
	err = s.update(ctx, func(txn *badger.Txn) error {
		saved = *a // retries start from the caller's article again
		return saveTxn(txn, id, &saved, base, info, meta, chunks)
	})
	if err != nil {
		return err
	}
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

func saveTxn(txn *badger.Txn, id [16]byte, a *app.Article, base int, info app.RevisionInfo, meta string, chunks []string) error {
	a.ID = uuid.UUID(id).String()
	prev, err := getHead(txn, id)
	switch {
	case errors.Is(err, badger.ErrKeyNotFound):
		prev = nil
		if base > 0 {
			return app.Errorf(app.ENOTFOUND, "article %s not found", a.ID)
		}
	case err != nil:
		return err
	case prev.Deleted:
		return app.Errorf(app.EINVALID, "article %s is in the Trash; undelete it before saving", a.ID)
	case base >= 0 && prev.Revision != base:
		return app.Errorf(app.ECONFLICT, "article %q was saved by %s at %s (revision %d) after you opened revision %d; reload it and apply your change again",
			prev.Headline, prev.UpdatedBy, prev.UpdatedAt.Format("2006-01-02 15:04:05"), prev.Revision, base)
	}

	// Chunks the previous revision already has are not looked up again.
	have := map[[hashLen]byte]bool{}
	if prev != nil {
		rec, err := getRecord(txn, id, prev.Revision, false)
		if err != nil {
			return err
		}
		have[rec.meta] = true
		for _, c := range rec.chunks {
			have[c] = true
		}
	}
	rec := revRecord{info: info}
	if rec.meta, err = putChunk(txn, id, meta, have); err != nil {
		return err
	}
	rec.chunks = make([][hashLen]byte, len(chunks))
	for i, c := range chunks {
		if rec.chunks[i], err = putChunk(txn, id, c, have); err != nil {
			return err
		}
	}

	rec.info.Number = 1
	if a.CreatedAt.IsZero() {
		a.CreatedAt = info.Time // an import may bring the original time
	}
	if prev != nil {
		rec.info.Number = prev.Revision + 1
		a.CreatedAt = prev.CreatedAt
	}
	a.Revision = rec.info.Number
	a.UpdatedAt = info.Time
	a.UpdatedBy = info.Author
	a.Deleted = false
	if err := txn.Set(revKey(id, rec.info.Number), rec.encode()); err != nil {
		return fmt.Errorf("write revision: %w", err)
	}
	head := app.SummaryOf(a)
	return putHead(txn, id, prev, &head)
}

// putChunk stores a chunk unless an identical one is already there.
func putChunk(txn *badger.Txn, id [16]byte, text string, have map[[hashLen]byte]bool) ([hashLen]byte, error) {
	h := chunkHash(text)
	if have[h] {
		return h, nil
	}
	key := chunkKey(id, h)
	item, err := txn.Get(key)
	switch {
	case errors.Is(err, badger.ErrKeyNotFound):
		if err := txn.Set(key, []byte(text)); err != nil {
			return h, fmt.Errorf("write chunk: %w", err)
		}
	case err != nil:
		return h, fmt.Errorf("read chunk: %w", err)
	default:
		same := false
		if err := item.Value(func(v []byte) error { same = bytes.Equal(v, []byte(text)); return nil }); err != nil {
			return h, fmt.Errorf("read chunk: %w", err)
		}
		if !same {
			return h, app.Errorf(app.EINTERNAL, "chunk hash collision in article %s: refusing to save rather than mix texts", uuid.UUID(id))
		}
	}
	have[h] = true
	return h, nil
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
