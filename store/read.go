package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"newsdesk/app"
)

func notFound(id string) error { return app.Errorf(app.ENOTFOUND, "article %s not found", id) }

func getHead(txn *badger.Txn, id [16]byte) (*headRecord, error) {
	item, err := txn.Get(headKey(id))
	if err != nil {
		return nil, err
	}
	var h headRecord
	err = item.Value(func(v []byte) error { return json.Unmarshal(v, &h) })
	if err != nil {
		return nil, fmt.Errorf("article %s: corrupt head: %w", uuid.UUID(id), err)
	}
	return &h, nil
}

func getRecord(txn *badger.Txn, id [16]byte, n int, infoOnly bool) (*revRecord, error) {
	item, err := txn.Get(revKey(id, n))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, app.Errorf(app.ENOTFOUND, "article %s has no revision %d", uuid.UUID(id), n)
	}
	if err != nil {
		return nil, fmt.Errorf("read revision %d of %s: %w", n, uuid.UUID(id), err)
	}
	var rec *revRecord
	err = item.Value(func(v []byte) error {
		var err error
		rec, err = decodeRecord(v, infoOnly)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("revision %d of %s: %w", n, uuid.UUID(id), err)
	}
	return rec, nil
}

func getChunk(txn *badger.Txn, id [16]byte, r chunkRef) ([]byte, error) {
	item, err := txn.Get(chunkKey(id, r))
	if err != nil {
		return nil, fmt.Errorf("article %s: chunk %d/%d: %w", uuid.UUID(id), r.line, r.rev, err)
	}
	return item.ValueCopy(nil)
}

// loadRevision assembles the article state of one revision.
func loadRevision(txn *badger.Txn, id [16]byte, head *headRecord, n int) (*app.Revision, error) {
	rec, err := getRecord(txn, id, n, false)
	if err != nil {
		return nil, err
	}
	meta, err := getChunk(txn, id, rec.meta)
	if err != nil {
		return nil, err
	}
	a := &app.Article{}
	if err := json.Unmarshal(meta, a); err != nil {
		return nil, fmt.Errorf("article %s revision %d: corrupt metadata: %w", uuid.UUID(id), n, err)
	}
	var body []byte
	for _, c := range rec.chunks {
		item, err := txn.Get(chunkKey(id, c))
		if err != nil {
			return nil, fmt.Errorf("article %s revision %d: chunk %d/%d: %w", uuid.UUID(id), n, c.line, c.rev, err)
		}
		if err := item.Value(func(v []byte) error { body = append(body, v...); return nil }); err != nil {
			return nil, fmt.Errorf("article %s revision %d: %w", uuid.UUID(id), n, err)
		}
	}
	a.Body = string(body)
	a.ID = uuid.UUID(id).String()
	a.Revision = n
	a.CreatedAt = head.CreatedAt
	a.UpdatedAt = rec.info.Time
	a.UpdatedBy = rec.info.Author
	return &app.Revision{RevisionInfo: rec.info, Article: a}, nil
}

// viewArticle runs fn in a read transaction with the article's head, or
// fails with ENOTFOUND naming the id.
func (s *Store) viewArticle(ctx context.Context, id string, fn func(txn *badger.Txn, key [16]byte, head *headRecord) error) error {
	key, err := parseID(id)
	if err != nil {
		return app.Errorf(app.ENOTFOUND, "%v", err)
	}
	return s.view(ctx, func(txn *badger.Txn) error {
		head, err := getHead(txn, key)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return notFound(id)
		}
		if err != nil {
			return err
		}
		return fn(txn, key, head)
	})
}

// Article returns the latest revision's state, marked Deleted when trashed.
func (s *Store) Article(ctx context.Context, id string) (*app.Article, error) {
	var out *app.Article
	err := s.viewArticle(ctx, id, func(txn *badger.Txn, key [16]byte, head *headRecord) error {
		rev, err := loadRevision(txn, key, head, head.Revision)
		if err != nil {
			return err
		}
		out = rev.Article
		out.Deleted = head.Deleted
		return nil
	})
	return out, err
}

// Summary returns the head of an article.
func (s *Store) Summary(ctx context.Context, id string) (*app.Summary, error) {
	var out *app.Summary
	err := s.viewArticle(ctx, id, func(_ *badger.Txn, _ [16]byte, head *headRecord) error {
		out = head
		return nil
	})
	return out, err
}

// Revision returns revision n of an article.
func (s *Store) Revision(ctx context.Context, id string, n int) (*app.Revision, error) {
	var out *app.Revision
	err := s.viewArticle(ctx, id, func(txn *badger.Txn, key [16]byte, head *headRecord) error {
		if n < 1 || n > head.Revision {
			return app.Errorf(app.ENOTFOUND, "article %s has no revision %d (revisions 1 to %d)", id, n, head.Revision)
		}
		var err error
		out, err = loadRevision(txn, key, head, n)
		return err
	})
	return out, err
}

// History lists every revision of an article, oldest first.
func (s *Store) History(ctx context.Context, id string) ([]app.RevisionInfo, error) {
	var out []app.RevisionInfo
	err := s.viewArticle(ctx, id, func(txn *badger.Txn, key [16]byte, _ *headRecord) error {
		prefix := revPrefix(key)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 64})
		defer it.Close()
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			var rec *revRecord
			err := it.Item().Value(func(v []byte) error {
				var err error
				rec, err = decodeRecord(v, true)
				return err
			})
			if err != nil {
				return fmt.Errorf("history of %s: %w", id, err)
			}
			out = append(out, rec.info)
		}
		return nil
	})
	return out, err
}
