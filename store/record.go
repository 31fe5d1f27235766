package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"newsdesk/app"
)

// headRecord is the value of a head key: what a listing shows, plus the
// number of the latest revision.
type headRecord = app.Summary

// chunkRef names a stored chunk: the line (the lineage of one paragraph
// through the revisions; 0 is the metadata) and the revision that wrote it.
type chunkRef struct{ line, rev uint32 }

// revRecord is the stored form of one revision: who, when and why, plus
// the chunks that hold the article's state (see chunk.go and save.go).
type revRecord struct {
	info    app.RevisionInfo
	meta    chunkRef
	chunks  []chunkRef
	maxLine uint32 // highest line used so far in the article
}

const recordVersion = 1

var errCorruptRecord = errors.New("corrupt revision record")

// encode writes refs relative to the record's own revision: most chunks
// were written recently or by this revision, so the numbers stay small.
func (r *revRecord) encode() []byte {
	b := make([]byte, 0, 64+len(r.info.Author)+len(r.info.Message)+4*(len(r.chunks)+1))
	b = append(b, recordVersion)
	b = binary.AppendUvarint(b, uint64(r.info.Number))
	b = binary.AppendVarint(b, r.info.Time.UnixNano())
	b = appendString(b, r.info.Author)
	b = appendString(b, r.info.Message)
	b = appendString(b, string(r.info.Status))
	b = appendString(b, string(r.info.StatusFrom))
	b = binary.AppendUvarint(b, uint64(r.info.RestoredFrom))
	b = binary.AppendUvarint(b, uint64(r.info.Words))
	b = binary.AppendUvarint(b, uint64(r.maxLine))
	b = r.appendRef(b, r.meta)
	b = binary.AppendUvarint(b, uint64(len(r.chunks)))
	for _, c := range r.chunks {
		b = r.appendRef(b, c)
	}
	return b
}

func (r *revRecord) appendRef(b []byte, c chunkRef) []byte {
	b = binary.AppendUvarint(b, uint64(c.line))
	return binary.AppendUvarint(b, uint64(uint32(r.info.Number)-c.rev))
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// decodeRecord parses a record; with infoOnly it stops before the chunk
// list, which History does not need.
func decodeRecord(b []byte, infoOnly bool) (*revRecord, error) {
	d := decoder{b: b}
	if v := d.byte(); v != recordVersion {
		return nil, fmt.Errorf("%w: version %d", errCorruptRecord, v)
	}
	r := &revRecord{}
	r.info.Number = int(d.uvarint())
	r.info.Time = time.Unix(0, d.varint())
	r.info.Author = d.string()
	r.info.Message = d.string()
	r.info.Status = app.Status(d.string())
	r.info.StatusFrom = app.Status(d.string())
	r.info.RestoredFrom = int(d.uvarint())
	r.info.Words = int(d.uvarint())
	r.maxLine = uint32(d.uvarint())
	if !infoOnly {
		r.meta = d.ref(r.info.Number)
		n := d.uvarint()
		if n > uint64(len(b)) {
			d.err = errCorruptRecord
		} else {
			r.chunks = make([]chunkRef, n)
			for i := range r.chunks {
				r.chunks[i] = d.ref(r.info.Number)
			}
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	return r, nil
}

// decoder reads the record format; the first error sticks.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) ref(number int) chunkRef {
	line := d.uvarint()
	back := d.uvarint()
	if line > 1<<32-1 || back > uint64(number) {
		d.err = errCorruptRecord
	}
	return chunkRef{line: uint32(line), rev: uint32(uint64(number) - back)}
}

func (d *decoder) take(n int) []byte {
	if d.err != nil || n > len(d.b) || n < 0 {
		d.err = errCorruptRecord
		return make([]byte, max(n, 0))
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v
}

func (d *decoder) byte() byte { return d.take(1)[0] }

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errCorruptRecord
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errCorruptRecord
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.err = errCorruptRecord
		return ""
	}
	return string(d.take(int(n)))
}
