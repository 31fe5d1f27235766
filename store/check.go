package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"
)

// CheckReport is what Check found, and what it repaired.
type CheckReport struct {
	Articles  int      `json:"articles"`
	Revisions int      `json:"revisions"`
	Chunks    int      `json:"chunks"`
	Blobs     int      `json:"blobs"`
	Problems  []string `json:"problems"`
	// Repaired counts the index and import-key entries rewritten (with
	// repair); revisions and chunks are never touched.
	Repaired int `json:"repaired"`
}

// OK reports whether the store is sound (after any repair).
func (r *CheckReport) OK() bool { return len(r.Problems) == 0 }

// Check verifies the store: every revision chain is complete and decodes,
// every chunk a revision names exists, every photo blob exists, every
// index and import-key entry agrees with the article heads, and nothing
// points at an article that is not there. With repair it rewrites the
// derived entries (indexes, import keys) from the heads, in one
// transaction, and reports what remained; revisions are never changed.
func (s *Store) Check(ctx context.Context, repair bool) (*CheckReport, error) {
	rep := &CheckReport{Problems: []string{}}
	want := map[string][]byte{} // derived key -> value, from the heads
	wrong := 0
	err := s.view(ctx, func(txn *badger.Txn) error {
		if err := s.checkHeads(ctx, txn, rep, want); err != nil {
			return err
		}
		var err error
		wrong, err = checkDerived(txn, rep, want)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", s.path, err)
	}
	if !repair || wrong == 0 {
		if len(rep.Problems) > 0 && wrong > 0 {
			rep.Problems = append(rep.Problems, "suggested repair: newsdeskctl check --repair rebuilds the indexes from the articles (revisions are not touched)")
		}
		return rep, nil
	}
	if err := s.repairDerived(ctx, want); err != nil {
		return nil, fmt.Errorf("repair %s: %w", s.path, err)
	}
	again, err := s.Check(ctx, false)
	if err != nil {
		return nil, err
	}
	again.Repaired = wrong
	return again, nil
}

func (s *Store) checkHeads(ctx context.Context, txn *badger.Txn, rep *CheckReport, want map[string][]byte) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefixHead, PrefetchValues: true})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		k := it.Item().Key()
		if len(k) != len(prefixHead)+idLen {
			rep.Problems = append(rep.Problems, fmt.Sprintf("malformed head key %q", k))
			continue
		}
		var id [16]byte
		copy(id[:], k[len(prefixHead):])
		rep.Articles++
		h, err := getHead(txn, id)
		if err != nil {
			rep.Problems = append(rep.Problems, fmt.Sprintf("article %s: %v", uuid.UUID(id), err))
			continue
		}
		for _, e := range indexEntries(id, h) {
			want[string(e.key)] = e.value
		}
		if h.ImportKey != "" {
			want[string(importKey(h.ImportKey))] = id[:]
		}
		checkRevisions(txn, id, h, rep)
	}
	return nil
}

// checkRevisions verifies one article's chain, chunks and photo blobs.
func checkRevisions(txn *badger.Txn, id [16]byte, h *headRecord, rep *CheckReport) {
	name := uuid.UUID(id).String()
	prefix := revPrefix(id)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	next := 1
	chunks := map[chunkRef]bool{}
	var last *revRecord
	for it.Rewind(); it.Valid(); it.Next() {
		k := it.Item().Key()
		n := int(bytesUint32(k[len(prefix):]))
		if n != next {
			rep.Problems = append(rep.Problems, fmt.Sprintf("article %s: revision chain jumps from %d to %d", name, next-1, n))
		}
		next = n + 1
		rep.Revisions++
		var rec *revRecord
		err := it.Item().Value(func(v []byte) error {
			var err error
			rec, err = decodeRecord(v, false)
			return err
		})
		if err != nil {
			rep.Problems = append(rep.Problems, fmt.Sprintf("article %s revision %d: %v", name, n, err))
			continue
		}
		chunks[rec.meta] = true
		for _, c := range rec.chunks {
			chunks[c] = true
		}
		last = rec
	}
	if next-1 != h.Revision {
		rep.Problems = append(rep.Problems, fmt.Sprintf("article %s: head says revision %d, the chain ends at %d", name, h.Revision, next-1))
	}
	for c := range chunks {
		if _, err := txn.Get(chunkKey(id, c)); err != nil {
			rep.Problems = append(rep.Problems, fmt.Sprintf("article %s: chunk %d/%d is missing: %v", name, c.line, c.rev, err))
		}
	}
	rep.Chunks += len(chunks)
	if last == nil {
		return
	}
	rev, err := loadRevision(txn, id, h, last.info.Number)
	if err != nil {
		return // already reported as a missing chunk
	}
	for i, p := range rev.Article.Photos {
		if p.Image == "" {
			continue
		}
		rep.Blobs++
		if err := blobExists(txn, p.Image); err != nil {
			rep.Problems = append(rep.Problems, fmt.Sprintf("article %s: photos[%d]: %v", name, i, err))
		}
	}
}

func blobExists(txn *badger.Txn, ref string) error {
	sum, err := parseBlobRef(ref)
	if err != nil {
		return err
	}
	if _, err := txn.Get(blobKey(sum)); err != nil {
		return fmt.Errorf("image %s is missing", ref)
	}
	return nil
}

// checkDerived compares the index and import-key entries with want and
// returns how many are wrong (stray, missing or with a wrong value).
func checkDerived(txn *badger.Txn, rep *CheckReport, want map[string][]byte) (int, error) {
	wrong := 0
	seen := map[string]bool{}
	for _, prefix := range [][]byte{prefixIndex, prefixImport} {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
		for it.Rewind(); it.Valid(); it.Next() {
			k := string(it.Item().KeyCopy(nil))
			seen[k] = true
			v, ok := want[k]
			if !ok {
				rep.Problems = append(rep.Problems, fmt.Sprintf("stray index entry %q (no article has it)", k))
				wrong++
				continue
			}
			got, err := it.Item().ValueCopy(nil)
			if err != nil {
				it.Close()
				return 0, err
			}
			if !bytes.Equal(got, v) {
				rep.Problems = append(rep.Problems, fmt.Sprintf("index entry %q has a wrong value", k))
				wrong++
			}
		}
		it.Close()
	}
	for k := range want {
		if !seen[k] {
			rep.Problems = append(rep.Problems, fmt.Sprintf("missing index entry %q", k))
			wrong++
		}
	}
	return wrong, nil
}

// repairDerived rewrites every index and import-key entry from want.
func (s *Store) repairDerived(ctx context.Context, want map[string][]byte) error {
	for _, prefix := range [][]byte{prefixIndex, prefixImport} {
		if err := s.db.DropPrefix(prefix); err != nil {
			return err
		}
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	for k, v := range want {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := wb.Set([]byte(k), v); err != nil {
			return err
		}
	}
	if err := wb.Flush(); err != nil {
		return errors.Join(errors.New("writing the rebuilt indexes"), err)
	}
	return nil
}
