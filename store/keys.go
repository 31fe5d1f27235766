package store

import (
	"encoding/binary"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Key layout. Every key the store writes is built here, so the whole layout
// can be read (and tested) in one place. Numbers are fixed-width big-endian
// so that byte order is numeric order; times are UnixNano with the sign bit
// flipped so that instants before 1970 still sort first. Index entries are
// key-only (the tag index keeps the tag's spelling as its value).
//
//	!schema                          -> uint32 schema version
//	a/<id:16>                        -> head: the article's Summary (JSON)
//	r/<id:16><rev:4>                 -> revision record (see record.go)
//	c/<id:16><line:4><rev:4>         -> chunk: a piece of body (line >= 1) or the
//	                                    metadata JSON (line 0), written by revision rev
//	b/<sha256:32>                    -> blob (photo bytes)
//	k/<import key>                   -> id of the article holding it (unique)
//	s/<name>                         -> newsroom setting (the caller's JSON)
//	w/<key>                          -> recovery slot (unsaved editor state)
//	e/<target>\x00<id:16>            -> last revision exported to target
//	l/<id:16><time:8><n:4>           -> export log record (JSON)
//	i/u/<time:8><id:16>              -> live articles by updated time
//	i/n/<time:8><id:16>              -> live articles by created time
//	i/d/<time:8><id:16>              -> live articles by scheduled time (when set)
//	i/s/<status>\x00<time:8><id:16>  -> live articles by status, then updated time
//	i/c/<section>\x00<time:8><id:16> -> live articles by section, then updated time
//	i/g/<tag lower>\x00<time:8><id:16> -> live articles by tag, then updated time
//	i/t/<time:8><id:16>              -> the Trash, by deletion time
const (
	idLen   = 16
	timeLen = 8
)

var (
	keySchema      = []byte("!schema")
	prefixHead     = []byte("a/")
	prefixRev      = []byte("r/")
	prefixChunk    = []byte("c/")
	prefixBlob     = []byte("b/")
	prefixImport   = []byte("k/")
	prefixSetting  = []byte("s/")
	prefixRecovery = []byte("w/")
	prefixExported = []byte("e/")
	prefixExpLog   = []byte("l/")
	prefixIndex    = []byte("i/")
	prefixUpdated  = []byte("i/u/")
	prefixCreated  = []byte("i/n/")
	prefixSched    = []byte("i/d/")
	prefixStatus   = []byte("i/s/")
	prefixSection  = []byte("i/c/")
	prefixTag      = []byte("i/g/")
	prefixTrash    = []byte("i/t/")
)

// parseID turns an article id into its 16 key bytes.
func parseID(id string) ([16]byte, error) {
	u, err := uuid.Parse(id)
	if err != nil {
		return [16]byte{}, fmt.Errorf("%q is not an article id", id)
	}
	return u, nil
}

func cat(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func headKey(id [16]byte) []byte { return cat(prefixHead, id[:]) }

func revKey(id [16]byte, rev int) []byte {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(rev))
	return cat(prefixRev, id[:], n[:])
}

// revPrefix is the prefix of every revision of one article.
func revPrefix(id [16]byte) []byte { return cat(prefixRev, id[:]) }

// chunkKey places every version of one paragraph ("line") next to the
// others, so that Badger's block compression packs a paragraph's history
// like a delta chain would, without a chain to replay on read.
func chunkKey(id [16]byte, r chunkRef) []byte {
	var n [8]byte
	binary.BigEndian.PutUint32(n[:4], r.line)
	binary.BigEndian.PutUint32(n[4:], r.rev)
	return cat(prefixChunk, id[:], n[:])
}

func blobKey(sum [32]byte) []byte { return cat(prefixBlob, sum[:]) }

func importKey(key string) []byte { return cat(prefixImport, []byte(key)) }

func timeBytes(t time.Time) []byte {
	var b [timeLen]byte
	binary.BigEndian.PutUint64(b[:], uint64(t.UnixNano())^(1<<63))
	return b[:]
}

func bytesTime(b []byte) time.Time {
	return time.Unix(0, int64(binary.BigEndian.Uint64(b)^(1<<63)))
}

// namedPrefix is the prefix of one value of a named index (a status, a
// section, a tag). Names never contain NUL: validation refuses control
// characters in one-line fields.
func namedPrefix(index []byte, name string) []byte {
	return cat(index, []byte(name), []byte{0})
}

func tagName(tag string) string { return strings.ToLower(tag) }

// indexEntry is one key of a time-ordered index; value is nil except for tags.
type indexEntry struct {
	key, value []byte
}

// indexEntries lists the index keys a head contributes. Live articles appear
// in every index that applies; trashed ones only in the Trash.
func indexEntries(id [16]byte, s *headRecord) []indexEntry {
	if s.Deleted {
		at := s.UpdatedAt
		if s.DeletedAt != nil {
			at = *s.DeletedAt
		}
		return []indexEntry{{key: cat(prefixTrash, timeBytes(at), id[:])}}
	}
	upd := timeBytes(s.UpdatedAt)
	out := []indexEntry{
		{key: cat(prefixUpdated, upd, id[:])},
		{key: cat(prefixCreated, timeBytes(s.CreatedAt), id[:])},
		{key: cat(namedPrefix(prefixStatus, string(s.Status)), upd, id[:])},
	}
	if s.ScheduledAt != nil {
		out = append(out, indexEntry{key: cat(prefixSched, timeBytes(*s.ScheduledAt), id[:])})
	}
	if s.Section != "" {
		out = append(out, indexEntry{key: cat(namedPrefix(prefixSection, s.Section), upd, id[:])})
	}
	for _, t := range s.Tags {
		out = append(out, indexEntry{key: cat(namedPrefix(prefixTag, tagName(t)), upd, id[:]), value: []byte(t)})
	}
	return out
}

// splitIndexKey returns the time and id at the end of any index key.
func splitIndexKey(k []byte) (time.Time, [16]byte, bool) {
	var id [16]byte
	if len(k) < timeLen+idLen {
		return time.Time{}, id, false
	}
	copy(id[:], k[len(k)-idLen:])
	return bytesTime(k[len(k)-idLen-timeLen : len(k)-idLen]), id, true
}

func exportedKey(target string, id [16]byte) []byte {
	return cat(prefixExported, []byte(target), []byte{0}, id[:])
}
