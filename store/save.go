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
	return s.SaveBatch(ctx, []app.BatchItem{{Article: a, Base: base, Info: info}})
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
	if err := txn.Set(pendingKey(id), nil); err != nil { // search catches up
		return nil, err
	}
	return &stateChunks{rec: &rec, meta: meta, texts: chunks}, nil
}

// putHead writes the head and moves the index keys from prev's to head's.
func putHead(txn *badger.Txn, id [16]byte, prev, head *headRecord) error {
	if err := moveImportKey(txn, id, prev, head); err != nil {
		return err
	}
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

// moveImportKey keeps the unique import-key entry in step with the head.
// Trashed articles keep theirs: re-importing a file must not bring back
// what an editor deleted.
func moveImportKey(txn *badger.Txn, id [16]byte, prev, head *headRecord) error {
	old := ""
	if prev != nil {
		old = prev.ImportKey
	}
	if old == head.ImportKey {
		return nil
	}
	if old != "" {
		if err := txn.Delete(importKey(old)); err != nil {
			return fmt.Errorf("update import key: %w", err)
		}
	}
	if head.ImportKey == "" {
		return nil
	}
	item, err := txn.Get(importKey(head.ImportKey))
	switch {
	case err == nil:
		other, verr := item.ValueCopy(nil)
		if verr != nil {
			return fmt.Errorf("read import key: %w", verr)
		}
		if string(other) != string(id[:]) {
			return app.Errorf(app.EINVALID, "import_key %q already belongs to article %s", head.ImportKey, uuid.UUID([16]byte(other)))
		}
		return nil
	case !errors.Is(err, badger.ErrKeyNotFound):
		return fmt.Errorf("read import key: %w", err)
	}
	if err := txn.Set(importKey(head.ImportKey), id[:]); err != nil {
		return fmt.Errorf("write import key: %w", err)
	}
	return nil
}

// SaveBatch saves every item in one transaction; see app.Store.
func (s *Store) SaveBatch(ctx context.Context, items []app.BatchItem) error {
	type prepared struct {
		id     [16]byte
		meta   string
		chunks []string
	}
	prep := make([]prepared, len(items))
	for i, it := range items {
		var err error
		if it.Article.ID == "" {
			u, err := uuid.NewV7()
			if err != nil {
				return fmt.Errorf("new article id: %w", err)
			}
			prep[i].id = u
		} else if prep[i].id, err = parseID(it.Article.ID); err != nil {
			return app.Errorf(app.EINVALID, "%sid: %v", itemLabel(items, i), err)
		}
		if prep[i].meta, prep[i].chunks, err = split(it.Article); err != nil {
			return fmt.Errorf("%s%w", itemLabel(items, i), err)
		}
	}
	saved := make([]app.Article, len(items))
	states := make([]*stateChunks, len(items))
	err := s.update(ctx, func(txn *badger.Txn) error {
		for i, it := range items {
			saved[i] = *it.Article
			var err error
			states[i], err = saveTxn(txn, prep[i].id, &saved[i], it.Base, it.Info, prep[i].meta, prep[i].chunks, s.recent.get)
			if err != nil {
				if len(items) == 1 {
					return err
				}
				return fmt.Errorf("%s%w", itemLabel(items, i), err)
			}
		}
		return nil
	})
	if errors.Is(err, badger.ErrTxnTooBig) {
		return app.Errorf(app.EINVALID, "%d items are too many to save in one transaction; split the input into smaller files", len(items))
	}
	if err != nil {
		return err
	}
	for i := range items {
		s.recent.put(prep[i].id, states[i])
		*items[i].Article = saved[i]
	}
	return nil
}

// ArticleByImportKey returns the id of the article holding key.
func (s *Store) ArticleByImportKey(ctx context.Context, key string) (string, error) {
	var id string
	err := s.view(ctx, func(txn *badger.Txn) error {
		item, err := txn.Get(importKey(key))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return app.Errorf(app.ENOTFOUND, "no article has import key %q", key)
		}
		if err != nil {
			return err
		}
		v, err := item.ValueCopy(nil)
		if err != nil || len(v) != idLen {
			return fmt.Errorf("import key %q: corrupt entry", key)
		}
		id = uuid.UUID([16]byte(v)).String()
		return nil
	})
	return id, err
}

// itemLabel names item i of a batch in errors; a single save needs none.
func itemLabel(items []app.BatchItem, i int) string {
	if len(items) == 1 {
		return ""
	}
	return fmt.Sprintf("item %d (%q): ", i+1, items[i].Article.Headline)
}
