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

// revRecord is the stored form of one revision: who, when and why, plus the
// references of the chunks that hold the article's state. The state itself
// (metadata JSON and body pieces) lives in chunk keys shared by every
// revision that has the same text, which is what makes 1,000 copy edits of
// a long article cost about what git needs for them.
type revRecord struct {
	info   app.RevisionInfo
	meta   [hashLen]byte
	chunks [][hashLen]byte
}

const recordVersion = 1

var errCorruptRecord = errors.New("corrupt revision record")

func (r *revRecord) encode() []byte {
	b := make([]byte, 0, 64+len(r.info.Author)+len(r.info.Message)+hashLen*(len(r.chunks)+1))
	b = append(b, recordVersion)
	b = binary.AppendUvarint(b, uint64(r.info.Number))
	b = binary.AppendVarint(b, r.info.Time.UnixNano())
	b = appendString(b, r.info.Author)
	b = appendString(b, r.info.Message)
	b = appendString(b, string(r.info.Status))
	b = appendString(b, string(r.info.StatusFrom))
	b = binary.AppendUvarint(b, uint64(r.info.RestoredFrom))
	b = binary.AppendUvarint(b, uint64(r.info.Words))
	b = append(b, r.meta[:]...)
	b = binary.AppendUvarint(b, uint64(len(r.chunks)))
	for _, c := range r.chunks {
		b = append(b, c[:]...)
	}
	return b
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
	copy(r.meta[:], d.take(hashLen))
	if !infoOnly {
		n := d.uvarint()
		if n > uint64(len(b)) {
			d.err = errCorruptRecord
		} else {
			r.chunks = make([][hashLen]byte, n)
			for i := range r.chunks {
				copy(r.chunks[i][:], d.take(hashLen))
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
