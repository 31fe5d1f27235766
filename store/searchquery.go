package store

import (
	"bytes"
	"container/heap"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"newsdesk/app"
	"newsdesk/app/search"
)

// maxExpansions bounds how many words a prefix typed so far stands for.
const maxExpansions = 50

// Search answers a query from the index; see app.Store.
func (s *Store) Search(ctx context.Context, r app.SearchRequest) (*app.SearchResult, error) {
	q, err := search.Parse(r.Query, r.AsYouType)
	if err != nil {
		return nil, err
	}
	if r.Limit <= 0 {
		r.Limit = 20
	}
	if err := s.indexPending(ctx); err != nil {
		return nil, fmt.Errorf("search: bring the index up to date: %w", err)
	}
	res := &app.SearchResult{Hits: []app.SearchHit{}}
	err = s.view(ctx, func(txn *badger.Txn) error {
		n, err := docCount(txn)
		if err != nil || n == 0 {
			return err
		}
		sc := &scorer{score: make([]float32, n), hits: make([]uint8, n), cur: make([]float32, n), docs: float64(n)}
		for i, c := range q.Clauses {
			if err := sc.clause(ctx, txn, c, uint8(i)); err != nil {
				return err
			}
		}
		return s.collect(ctx, txn, sc, uint8(len(q.Clauses)), q, r, res)
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

func docCount(txn *badger.Txn) (uint32, error) {
	item, err := txn.Get(keyNextDoc)
	if err != nil {
		return 0, nil // nothing indexed yet
	}
	v, err := item.ValueCopy(nil)
	if err != nil || len(v) != 4 {
		return 0, fmt.Errorf("corrupt document counter")
	}
	return binary.BigEndian.Uint32(v), nil
}

// scorer accumulates, per document, a BM25-like score and how many
// clauses matched, in dense arrays indexed by document number.
type scorer struct {
	score []float32
	hits  []uint8
	docs  float64
	// the clause being scored: raw weights and the documents touched
	cur     []float32
	touched []uint32
	// a phrase being gathered: words found so far and their weights
	cnt []uint8
	acc []float32
}

// add records a clause match of weight w (sum of field weights).
func (sc *scorer) add(doc uint32, w float64) {
	if int(doc) >= len(sc.cur) {
		return // indexed after this query counted the documents
	}
	if sc.cur[doc] == 0 {
		sc.touched = append(sc.touched, doc)
	}
	sc.cur[doc] += float32(w)
}

// finish turns the clause's raw weights into scores: rarer clauses count
// more (idf), and repeated occurrences saturate (k1 = 1.2).
func (sc *scorer) finish(clause uint8) {
	df := float64(len(sc.touched))
	idf := math.Log(1 + (sc.docs-df+0.5)/(df+0.5))
	for _, doc := range sc.touched {
		w := float64(sc.cur[doc])
		sc.cur[doc] = 0
		if sc.hits[doc] != clause {
			continue // a document must match every earlier clause
		}
		sc.hits[doc]++
		sc.score[doc] += float32(idf * w * 2.2 / (w + 1.2))
	}
	sc.touched = sc.touched[:0]
}

func (sc *scorer) clause(ctx context.Context, txn *badger.Txn, c search.Clause, i uint8) error {
	terms := c.Terms
	if c.Prefix {
		var err error
		if terms, err = expand(txn, c.Terms[0]); err != nil {
			return err
		}
	}
	if len(c.Terms) == 1 {
		// A word, or the words a prefix stands for: any of them matches.
		for _, t := range terms {
			if err := eachBlock(ctx, txn, t, func(_ uint32, b []byte) error { return decodeScores(b, sc.add) }); err != nil {
				return err
			}
		}
		sc.finish(i)
		return nil
	}
	// A phrase: here, documents holding all its words; collect checks the
	// positions of the ones it shows.
	if sc.cnt == nil {
		sc.cnt = make([]uint8, len(sc.score))
		sc.acc = make([]float32, len(sc.score))
	}
	var seen []uint32
	for j, t := range terms {
		err := eachBlock(ctx, txn, t, func(_ uint32, b []byte) error {
			return decodeScores(b, func(doc uint32, w float64) {
				if int(doc) >= len(sc.cnt) || sc.cnt[doc] != uint8(j) {
					return
				}
				if j == 0 {
					seen = append(seen, doc)
				}
				sc.cnt[doc]++
				sc.acc[doc] += float32(w)
			})
		})
		if err != nil {
			return err
		}
	}
	for _, doc := range seen {
		if sc.cnt[doc] == uint8(len(terms)) {
			sc.add(doc, float64(sc.acc[doc]))
		}
		sc.cnt[doc], sc.acc[doc] = 0, 0
	}
	sc.finish(i)
	return nil
}

// eachBlock calls fn with every postings block of term, in segment order.
func eachBlock(ctx context.Context, txn *badger.Txn, term string, fn func(seg uint32, block []byte) error) error {
	prefix := termPrefix(term)
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 64})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		k := it.Item().Key()
		seg := binary.BigEndian.Uint32(k[len(k)-4:])
		if err := it.Item().Value(func(v []byte) error { return fn(seg, v) }); err != nil {
			return err
		}
	}
	return nil
}

// expand lists the indexed words that begin with prefix, jumping from one
// word to the next instead of walking all its blocks.
func expand(txn *badger.Txn, prefix string) ([]string, error) {
	start := cat(prefixBlock, []byte(prefix))
	it := txn.NewIterator(badger.IteratorOptions{Prefix: start})
	defer it.Close()
	var out []string
	for it.Seek(start); it.ValidForPrefix(start) && len(out) < maxExpansions; {
		k := it.Item().Key()[len(prefixBlock):]
		i := bytes.IndexByte(k, 0)
		if i < 0 {
			it.Next()
			continue
		}
		term := string(k[:i])
		out = append(out, term)
		it.Seek(cat(prefixBlock, []byte(term), []byte{1}))
	}
	return out, nil
}

// phraseAt reports whether doc has the terms at consecutive positions.
// Positions blocks are read and decoded once per term and segment, through
// cache, since the candidates of one segment share them.
func phraseAt(txn *badger.Txn, cache map[string]map[uint32][]uint32, terms []string, doc uint32) (bool, error) {
	seg := doc / segSize
	var starts []uint32
	for k, t := range terms {
		key := string(posKey(t, seg))
		m, ok := cache[key]
		if !ok {
			m = map[uint32][]uint32{}
			item, err := txn.Get([]byte(key))
			switch {
			case err == nil:
				err = item.Value(func(b []byte) error {
					return decodeBlock(b, func(d uint32, p []uint32) { m[d] = slices.Clone(p) })
				})
				if err != nil {
					return false, err
				}
			case !errors.Is(err, badger.ErrKeyNotFound):
				return false, err
			}
			cache[key] = m
		}
		pos := m[doc]
		if k == 0 {
			starts = slices.Clone(pos)
			continue
		}
		keep := starts[:0]
		for _, st := range starts {
			if _, found := slices.BinarySearch(pos, st+uint32(k)); found {
				keep = append(keep, st)
			}
		}
		if starts = keep; len(starts) == 0 {
			return false, nil
		}
	}
	return len(starts) > 0, nil
}

// collect ranks the documents that matched every clause, applies the
// filters in rank order and fills the page with snippets.
func (s *Store) collect(ctx context.Context, txn *badger.Txn, sc *scorer, clauses uint8, q search.Query, r app.SearchRequest, res *app.SearchResult) error {
	var cands rankHeap
	for doc, n := range sc.hits {
		if n == clauses {
			cands = append(cands, ranked{doc: uint32(doc), score: sc.score[doc]})
		}
	}
	res.Matched = len(cands)
	h := &cands
	heap.Init(h) // O(n); only the page is popped
	posCache := map[string]map[uint32][]uint32{}
	for h.Len() > 0 && len(res.Hits) < r.Limit {
		if err := ctx.Err(); err != nil {
			return err
		}
		top := heap.Pop(h).(ranked)
		ok, err := phrasesHold(txn, posCache, q, top.doc)
		if err != nil {
			return err
		}
		if !ok {
			res.Matched--
			continue
		}
		item, err := txn.Get(idOfKey(top.doc))
		if err != nil {
			continue // a number whose article is gone: check reports it
		}
		idb, err := item.ValueCopy(nil)
		if err != nil || len(idb) != idLen {
			continue
		}
		id := [16]byte(idb)
		head, err := getHead(txn, id)
		if err != nil || !wanted(head, r) {
			continue
		}
		hit := app.SearchHit{Summary: *head, Score: float64(top.score)}
		if hit.Snippet, err = snippet(txn, id, head, q); err != nil {
			return err
		}
		res.Hits = append(res.Hits, hit)
	}
	return nil
}

func wanted(h *headRecord, r app.SearchRequest) bool {
	if h.Deleted != r.Deleted {
		return false
	}
	if r.Status != "" && h.Status != r.Status || r.Section != "" && h.Section != r.Section {
		return false
	}
	if r.Tag != "" && !slices.ContainsFunc(h.Tags, func(t string) bool { return strings.EqualFold(t, r.Tag) }) {
		return false
	}
	if r.Author != "" {
		match := strings.Contains(strings.ToLower(h.UpdatedBy), strings.ToLower(r.Author))
		for _, n := range h.Byline {
			match = match || strings.Contains(strings.ToLower(n), strings.ToLower(r.Author))
		}
		if !match {
			return false
		}
	}
	return inRange(h.UpdatedAt, r.From, r.To)
}

type ranked struct {
	doc   uint32
	score float32
}

// rankHeap pops the best score first; ties go to the newer document.
type rankHeap []ranked

func (h rankHeap) Len() int { return len(h) }
func (h rankHeap) Less(i, j int) bool {
	if h[i].score != h[j].score {
		return h[i].score > h[j].score
	}
	return h[i].doc > h[j].doc
}
func (h rankHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *rankHeap) Push(x any)   { *h = append(*h, x.(ranked)) }
func (h *rankHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// phrasesHold checks every phrase clause of q at doc.
func phrasesHold(txn *badger.Txn, cache map[string]map[uint32][]uint32, q search.Query, doc uint32) (bool, error) {
	for _, c := range q.Clauses {
		if len(c.Terms) < 2 {
			continue
		}
		ok, err := phraseAt(txn, cache, c.Terms, doc)
		if err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

// snippet reads the body chunk by chunk only until one holds a match, so a
// page of results costs a few chunk reads per hit, not whole articles.
func snippet(txn *badger.Txn, id [16]byte, head *headRecord, q search.Query) (string, error) {
	rec, err := getRecord(txn, id, head.Revision, false)
	if err != nil {
		return "", err
	}
	first := ""
	for _, c := range rec.chunks {
		text, err := getChunk(txn, id, c)
		if err != nil {
			return "", err
		}
		if s := search.SnippetOf(string(text), q); s != "" {
			return s, nil
		}
		if first == "" {
			first = string(text)
		}
	}
	if s := search.SnippetOf(head.Headline, q); s != "" {
		return s, nil
	}
	return search.Clip(first, 160), nil
}
