package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/dgraph-io/badger/v4"

	"newsdesk/app"
	"newsdesk/app/search"
)

// Search index keys (see keys.go for the layout of everything else):
//
//	q/z/<id:16>               -> pending: the article changed since it was indexed
//	q/n/<id:16>               -> its document number and the revision indexed (0: none)
//	q/d/<doc:4>               -> the article id of a document number
//	q/c                       -> the next document number
//	q/b/<term>\x00<seg:4>     -> scoring block of a term for one segment
//	q/p/<term>\x00<seg:4>     -> positions block of a term for one segment
//
// A save marks its article pending in the same transaction that writes the
// revision, so the index can lag but never be silently stale: Search
// indexes whatever is pending before it answers, and so does a crash
// recovery, since the marks are durable.
var (
	prefixSearch  = []byte("q/")
	prefixPending = []byte("q/z/")
	prefixDocOf   = []byte("q/n/")
	prefixIDOf    = []byte("q/d/")
	keyNextDoc    = []byte("q/c")
	prefixBlock   = []byte("q/b/")
	prefixPosBlk  = []byte("q/p/")
)

func pendingKey(id [16]byte) []byte { return cat(prefixPending, id[:]) }

func docOfKey(id [16]byte) []byte { return cat(prefixDocOf, id[:]) }

func idOfKey(doc uint32) []byte {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], doc)
	return cat(prefixIDOf, b[:])
}

func blockKey(term string, seg uint32) []byte {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], seg)
	return cat(prefixBlock, []byte(term), []byte{0}, b[:])
}

func posKey(term string, seg uint32) []byte {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], seg)
	return cat(prefixPosBlk, []byte(term), []byte{0}, b[:])
}

func termPrefix(term string) []byte { return cat(prefixBlock, []byte(term), []byte{0}) }

// weightOf is a term's weight in a document: the sum of its occurrences'
// field weights, stored ×4 as an integer.
func weightOf(pos []uint32) uint32 {
	w := 0.0
	for _, p := range pos {
		w += search.Weight(p)
	}
	return uint32(w*4 + 0.5)
}

// termPositions groups an article's tokens by term.
func termPositions(a *app.Article) map[string][]uint32 {
	out := map[string][]uint32{}
	if a == nil {
		return out
	}
	search.ArticleTokens(a, func(t search.Token) { out[t.Term] = append(out[t.Term], t.Pos) })
	return out
}

// indexPending brings the index up to date with every pending article.
func (s *Store) indexPending(ctx context.Context) error {
	for {
		var ids [][16]byte
		err := s.view(ctx, func(txn *badger.Txn) error {
			it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixPending})
			defer it.Close()
			for it.Rewind(); it.Valid() && len(ids) < 256; it.Next() {
				var id [16]byte
				copy(id[:], it.Item().Key()[len(prefixPending):])
				ids = append(ids, id)
			}
			return nil
		})
		if err != nil || len(ids) == 0 {
			return err
		}
		for _, id := range ids {
			if err := s.update(ctx, func(txn *badger.Txn) error { return indexDoc(txn, id) }); err != nil {
				return fmt.Errorf("index article %x: %w", id, err)
			}
		}
	}
}

// indexDoc re-indexes one article in txn: it compares the terms of the
// revision last indexed with those of the current one (none when trashed)
// and rewrites only the blocks of terms whose positions changed. Reading
// the head in txn makes a concurrent save a conflict, retried by update.
func indexDoc(txn *badger.Txn, id [16]byte) error {
	head, err := getHead(txn, id)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return txn.Delete(pendingKey(id))
	}
	if err != nil {
		return err
	}
	doc, indexed, err := docOf(txn, id, true)
	if err != nil {
		return err
	}
	want := head.Revision
	if head.Deleted {
		want = 0
	}
	if want != indexed {
		var before, after *app.Article
		if indexed > 0 {
			r, err := loadRevision(txn, id, head, indexed)
			if err != nil {
				return err
			}
			before = r.Article
		}
		if want > 0 {
			r, err := loadRevision(txn, id, head, want)
			if err != nil {
				return err
			}
			after = r.Article
		}
		if err := patchPostings(txn, doc, termPositions(before), termPositions(after)); err != nil {
			return err
		}
		var v [8]byte
		binary.BigEndian.PutUint32(v[:4], doc)
		binary.BigEndian.PutUint32(v[4:], uint32(want))
		if err := txn.Set(docOfKey(id), v[:]); err != nil {
			return err
		}
	}
	return txn.Delete(pendingKey(id))
}

// docOf returns an article's document number and indexed revision,
// allocating a number when assign is set and it has none.
func docOf(txn *badger.Txn, id [16]byte, assign bool) (doc uint32, indexed int, err error) {
	item, err := txn.Get(docOfKey(id))
	if err == nil {
		v, err := item.ValueCopy(nil)
		if err != nil || len(v) != 8 {
			return 0, 0, fmt.Errorf("corrupt document number entry")
		}
		return binary.BigEndian.Uint32(v[:4]), int(binary.BigEndian.Uint32(v[4:])), nil
	}
	if !errors.Is(err, badger.ErrKeyNotFound) || !assign {
		return 0, 0, err
	}
	if item, err := txn.Get(keyNextDoc); err == nil {
		v, err := item.ValueCopy(nil)
		if err != nil || len(v) != 4 {
			return 0, 0, fmt.Errorf("corrupt document counter")
		}
		doc = binary.BigEndian.Uint32(v)
	} else if !errors.Is(err, badger.ErrKeyNotFound) {
		return 0, 0, err
	}
	if err := txn.Set(keyNextDoc, uint32Bytes(doc+1)); err != nil {
		return 0, 0, err
	}
	if err := txn.Set(idOfKey(doc), id[:]); err != nil {
		return 0, 0, err
	}
	return doc, 0, nil
}

func patchPostings(txn *badger.Txn, doc uint32, before, after map[string][]uint32) error {
	seg := doc / segSize
	get := func(key []byte) ([]byte, error) {
		item, err := txn.Get(key)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		return item.ValueCopy(nil)
	}
	put := func(key, block []byte) error {
		if len(block) == 0 {
			return txn.Delete(key)
		}
		return txn.Set(key, block)
	}
	touch := func(term string, pos []uint32) error {
		sk, pk := blockKey(term, seg), posKey(term, seg)
		sb, err := get(sk)
		if err != nil {
			return err
		}
		if sb, err = patchScores(sb, doc, weightOf(pos)); err != nil {
			return fmt.Errorf("term %q: %w", term, err)
		}
		pb, err := get(pk)
		if err != nil {
			return err
		}
		if pb, err = patchBlock(pb, doc, pos); err != nil {
			return fmt.Errorf("term %q: %w", term, err)
		}
		if err := put(sk, sb); err != nil {
			return err
		}
		return put(pk, pb)
	}
	for term, pos := range after {
		if !slices.Equal(before[term], pos) {
			if err := touch(term, pos); err != nil {
				return err
			}
		}
	}
	for term := range before {
		if _, ok := after[term]; !ok {
			if err := touch(term, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// Reindex rebuilds the whole index: document numbers in the order of the
// heads, one segment of postings built in memory at a time and written
// with a write batch, so memory stays bounded by one segment.
func (s *Store) Reindex(ctx context.Context, progress func(done, total int)) error {
	if s.db == nil {
		return errClosed
	}
	if err := s.db.DropPrefix(prefixSearch); err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	var ids [][16]byte
	err := s.view(ctx, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixHead})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			var id [16]byte
			copy(id[:], it.Item().Key()[len(prefixHead):])
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	// Segments are independent: build them on every core, write them in
	// one place (a write batch is not for concurrent use), report in order.
	segs := (len(ids) + segSize - 1) / segSize
	type built struct {
		seg     int
		entries []kv
		err     error
	}
	jobs := make(chan int)
	results := make(chan built)
	workers := max(1, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for seg := range jobs {
				entries, err := s.buildSegment(ctx, ids, seg)
				results <- built{seg: seg, entries: entries, err: err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for seg := 0; seg < segs; seg++ {
			select {
			case jobs <- seg:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	done := 0
	var firstErr error
	for r := range results {
		if firstErr != nil {
			continue // drain, so the workers can finish
		}
		if r.err != nil {
			firstErr = r.err
			continue
		}
		for _, e := range r.entries {
			if err := wb.Set(e.k, e.v); err != nil {
				firstErr = err
				break
			}
		}
		done += min(segSize, len(ids)-r.seg*segSize)
		if progress != nil {
			progress(done, len(ids))
		}
	}
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	if firstErr != nil {
		return fmt.Errorf("reindex: %w", firstErr)
	}
	if err := wb.Set(keyNextDoc, uint32Bytes(uint32(len(ids)))); err != nil {
		return err
	}
	if err := wb.Flush(); err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	// Saves made while this ran left pending marks; index them now.
	return s.indexPending(ctx)
}

// SearchIndexBytes is the size of the search index's keys and values,
// before Badger's compression: what the index costs beside the text.
func (s *Store) SearchIndexBytes(ctx context.Context) (int64, error) {
	var n int64
	err := s.view(ctx, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixSearch})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			n += int64(len(it.Item().Key())) + it.Item().ValueSize()
		}
		return nil
	})
	return n, err
}

type kv struct{ k, v []byte }

// buildSegment reads the articles of one segment and returns every key of
// the index they make: document numbers and both blocks of each term.
func (s *Store) buildSegment(ctx context.Context, ids [][16]byte, seg int) ([]kv, error) {
	start, end := seg*segSize, min((seg+1)*segSize, len(ids))
	blocks := map[string][]posting{}
	var out []kv
	err := s.view(ctx, func(txn *badger.Txn) error {
		for i := start; i < end; i++ {
			doc := uint32(i)
			head, err := getHead(txn, ids[i])
			if err != nil {
				return err
			}
			rev := head.Revision
			if head.Deleted {
				rev = 0
			} else {
				r, err := loadRevision(txn, ids[i], head, rev)
				if err != nil {
					return err
				}
				for term, pos := range termPositions(r.Article) {
					blocks[term] = append(blocks[term], posting{doc: doc, pos: pos})
				}
			}
			v := make([]byte, 8)
			binary.BigEndian.PutUint32(v[:4], doc)
			binary.BigEndian.PutUint32(v[4:], uint32(rev))
			out = append(out, kv{docOfKey(ids[i]), v}, kv{idOfKey(doc), append([]byte(nil), ids[i][:]...)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for term, ps := range blocks {
		out = append(out, kv{blockKey(term, uint32(seg)), encodeScores(ps)}, kv{posKey(term, uint32(seg)), encodeBlock(ps)})
	}
	return out, nil
}
