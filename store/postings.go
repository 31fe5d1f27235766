package store

import (
	"encoding/binary"
	"errors"
	"slices"
)

// The search index keeps, per term and per segment of segSize documents,
// two blocks: a scoring block (document number and the term's weight in
// it, all a one-word query reads) and a positions block (only phrases
// read it). Segments are small enough that re-indexing one article
// rewrites a few hundred small blocks, and large enough that a word in
// every one of 100,000 articles is read as under a thousand keys.
//
//	scoring:   [uvarint doc-delta][uvarint weight×4]...
//	positions: [uvarint doc-delta][uvarint count][uvarint position deltas...]...
const segSize = 128

var errCorruptBlock = errors.New("corrupt postings block")

type posting struct {
	doc uint32
	pos []uint32
}

func encodeBlock(ps []posting) []byte {
	var b []byte
	prev := uint32(0)
	for _, p := range ps {
		b = binary.AppendUvarint(b, uint64(p.doc-prev))
		prev = p.doc
		b = binary.AppendUvarint(b, uint64(len(p.pos)))
		last := uint32(0)
		for _, x := range p.pos {
			b = binary.AppendUvarint(b, uint64(x-last))
			last = x
		}
	}
	return b
}

// decodeBlock calls fn for each posting; pos is reused between calls.
func decodeBlock(b []byte, fn func(doc uint32, pos []uint32)) error {
	var doc uint32
	var pos []uint32
	for len(b) > 0 {
		d, n := binary.Uvarint(b)
		if n <= 0 {
			return errCorruptBlock
		}
		b = b[n:]
		doc += uint32(d)
		c, n := binary.Uvarint(b)
		if n <= 0 || c > uint64(len(b)) {
			return errCorruptBlock
		}
		b = b[n:]
		pos = pos[:0]
		last := uint32(0)
		for i := uint64(0); i < c; i++ {
			x, n := binary.Uvarint(b)
			if n <= 0 {
				return errCorruptBlock
			}
			b = b[n:]
			last += uint32(x)
			pos = append(pos, last)
		}
		fn(doc, pos)
	}
	return nil
}

// patchBlock returns block with doc's postings replaced by pos (removed
// when pos is empty).
func patchBlock(block []byte, doc uint32, pos []uint32) ([]byte, error) {
	var ps []posting
	err := decodeBlock(block, func(d uint32, p []uint32) {
		if d != doc {
			ps = append(ps, posting{doc: d, pos: slices.Clone(p)})
		}
	})
	if err != nil {
		return nil, err
	}
	if len(pos) > 0 {
		i, _ := slices.BinarySearchFunc(ps, doc, func(p posting, d uint32) int { return int(int64(p.doc) - int64(d)) })
		ps = slices.Insert(ps, i, posting{doc: doc, pos: pos})
	}
	return encodeBlock(ps), nil
}

// encodeScores writes a scoring block from postings with positions.
func encodeScores(ps []posting) []byte {
	var b []byte
	prev := uint32(0)
	for _, p := range ps {
		b = binary.AppendUvarint(b, uint64(p.doc-prev))
		prev = p.doc
		b = binary.AppendUvarint(b, uint64(weightOf(p.pos)))
	}
	return b
}

// decodeScores calls fn with each document and its weight.
func decodeScores(b []byte, fn func(doc uint32, w float64)) error {
	var doc uint32
	for len(b) > 0 {
		d, n := binary.Uvarint(b)
		if n <= 0 {
			return errCorruptBlock
		}
		b = b[n:]
		w, n := binary.Uvarint(b)
		if n <= 0 {
			return errCorruptBlock
		}
		b = b[n:]
		doc += uint32(d)
		fn(doc, float64(w)/4)
	}
	return nil
}

// patchScores returns a scoring block with doc's entry set to w (removed
// when w is 0).
func patchScores(block []byte, doc uint32, w uint32) ([]byte, error) {
	type entry struct{ doc, w uint32 }
	var es []entry
	err := decodeScores(block, func(d uint32, x float64) {
		if d != doc {
			es = append(es, entry{d, uint32(x * 4)})
		}
	})
	if err != nil {
		return nil, err
	}
	if w > 0 {
		i, _ := slices.BinarySearchFunc(es, doc, func(e entry, d uint32) int { return int(int64(e.doc) - int64(d)) })
		es = slices.Insert(es, i, entry{doc, w})
	}
	var b []byte
	prev := uint32(0)
	for _, e := range es {
		b = binary.AppendUvarint(b, uint64(e.doc-prev))
		b = binary.AppendUvarint(b, uint64(e.w))
		prev = e.doc
	}
	return b, nil
}
