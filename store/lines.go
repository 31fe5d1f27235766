package store

import (
	"fmt"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// stateChunks is a stored revision with the text of its chunks, which a
// save compares the new chunks against.
type stateChunks struct {
	rec   *revRecord
	meta  string
	texts []string
}

// recentStates keeps the chunks of the latest revision of recently saved
// articles, so that an editor's next save compares against memory instead
// of reading the previous revision back. Revisions are immutable, so an
// entry is never stale: it is used only when its number is the head's.
type recentStates struct {
	mu sync.Mutex
	m  map[[16]byte]*stateChunks
}

const maxRecent = 256

func (r *recentStates) get(id [16]byte, rev int) *stateChunks {
	r.mu.Lock()
	defer r.mu.Unlock()
	if st := r.m[id]; st != nil && st.rec.info.Number == rev {
		return st
	}
	return nil
}

func (r *recentStates) put(id [16]byte, st *stateChunks) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = map[[16]byte]*stateChunks{}
	}
	if len(r.m) >= maxRecent {
		for k := range r.m { // drop any one: a miss only costs a read
			delete(r.m, k)
			break
		}
	}
	r.m[id] = st
}

func readChunks(txn *badger.Txn, id [16]byte, n int) (*stateChunks, error) {
	rec, err := getRecord(txn, id, n, false)
	if err != nil {
		return nil, err
	}
	st := &stateChunks{rec: rec, texts: make([]string, len(rec.chunks))}
	meta, err := getChunk(txn, id, rec.meta)
	if err != nil {
		return nil, err
	}
	st.meta = string(meta)
	for i, c := range rec.chunks {
		t, err := getChunk(txn, id, c)
		if err != nil {
			return nil, err
		}
		st.texts[i] = string(t)
	}
	return st, nil
}

// assignLines gives each new chunk its reference. A chunk whose text the
// previous revision has keeps that chunk. A changed chunk continues the
// line of the chunk it replaces, found by diffing the two chunk lists, so
// that its versions are stored side by side (see chunkKey). Anything else
// starts a new line. It returns the refs and the highest line in use.
func assignLines(old *stateChunks, texts []string, rev uint32) ([]chunkRef, uint32) {
	refs := make([]chunkRef, len(texts))
	var maxLine uint32
	if old == nil {
		for i := range texts {
			refs[i] = chunkRef{line: uint32(i + 1), rev: rev}
		}
		return refs, uint32(len(texts))
	}
	maxLine = old.rec.maxLine
	newLine := func() uint32 { maxLine++; return maxLine }

	// Map every distinct text to a rune so that go-diff can align the two
	// lists; runes start above the BMP to stay clear of surrogates.
	ids := map[string]rune{}
	same := map[string]chunkRef{}
	toRunes := func(ts []string) []rune {
		rs := make([]rune, len(ts))
		for i, t := range ts {
			r, ok := ids[t]
			if !ok {
				r = rune(0x10000 + len(ids))
				ids[t] = r
			}
			rs[i] = r
		}
		return rs
	}
	oldRunes := toRunes(old.texts)
	for i, t := range old.texts {
		if _, ok := same[t]; !ok {
			same[t] = old.rec.chunks[i]
		}
	}
	newRunes := toRunes(texts)
	// A line whose chunk is kept somewhere in the new list (a moved
	// paragraph) is not handed on to a different paragraph.
	kept := map[uint32]bool{}
	for _, t := range texts {
		if ref, ok := same[t]; ok {
			kept[ref.line] = true
		}
	}

	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 200 * time.Millisecond // a worse alignment only costs compression
	oi, ni := 0, 0
	var freed []uint32 // lines of the chunks removed in the current hunk
	var pending []int  // new chunks of the current hunk
	flush := func() {
		for k, i := range pending {
			if ref, ok := same[texts[i]]; ok {
				refs[i] = ref
			} else if k < len(freed) {
				refs[i] = chunkRef{line: freed[k], rev: rev}
			} else {
				refs[i] = chunkRef{line: newLine(), rev: rev}
			}
		}
		freed, pending = freed[:0], pending[:0]
	}
	for _, d := range dmp.DiffMainRunes(oldRunes, newRunes, false) {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			flush()
			for k := 0; k < n; k++ {
				refs[ni+k] = old.rec.chunks[oi+k]
			}
			oi, ni = oi+n, ni+n
		case diffmatchpatch.DiffDelete:
			for k := 0; k < n; k++ {
				if line := old.rec.chunks[oi+k].line; !kept[line] {
					freed = append(freed, line)
				}
			}
			oi += n
		case diffmatchpatch.DiffInsert:
			for k := 0; k < n; k++ {
				pending = append(pending, ni+k)
			}
			ni += n
		}
	}
	flush()
	if ni != len(texts) || oi != len(old.texts) {
		panic(fmt.Sprintf("store: chunk alignment covered %d/%d new and %d/%d old chunks", ni, len(texts), oi, len(old.texts)))
	}
	return refs, maxLine
}
