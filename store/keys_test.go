package store

import (
	"bytes"
	"testing"
	"time"

	"github.com/google/uuid"

	"newsdesk/app"
)

func TestTimeBytesOrder(t *testing.T) {
	times := []time.Time{
		time.Date(1901, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1969, 12, 31, 23, 59, 59, 0, time.UTC),
		time.Unix(0, 0),
		time.Date(2020, 10, 21, 3, 17, 0, 0, time.UTC),
		time.Date(2020, 10, 21, 3, 17, 0, 1, time.UTC),
		time.Date(2199, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	for i := 1; i < len(times); i++ {
		if bytes.Compare(timeBytes(times[i-1]), timeBytes(times[i])) >= 0 {
			t.Fatalf("%v does not sort before %v", times[i-1], times[i])
		}
	}
	for _, tm := range times {
		if got := bytesTime(timeBytes(tm)); !got.Equal(tm) {
			t.Fatalf("round trip %v -> %v", tm, got)
		}
	}
}

func TestRevKeysSortNumerically(t *testing.T) {
	id := uuid.Must(uuid.NewV7())
	if bytes.Compare(revKey(id, 9), revKey(id, 10)) >= 0 || bytes.Compare(revKey(id, 255), revKey(id, 256)) >= 0 {
		t.Fatal("revision keys do not sort numerically")
	}
	if !bytes.HasPrefix(revKey(id, 3), revPrefix(id)) {
		t.Fatal("revision key outside its prefix")
	}
}

func TestChunkKeysGroupLines(t *testing.T) {
	id := uuid.Must(uuid.NewV7())
	// Every version of line 2 sorts between line 1 and line 3, whatever
	// the revision numbers: that adjacency is what compresses history.
	a, b, c := chunkKey(id, chunkRef{1, 900}), chunkKey(id, chunkRef{2, 5}), chunkKey(id, chunkRef{2, 700})
	d := chunkKey(id, chunkRef{3, 1})
	if !(bytes.Compare(a, b) < 0 && bytes.Compare(b, c) < 0 && bytes.Compare(c, d) < 0) {
		t.Fatal("chunk keys are not grouped by line")
	}
}

func TestIndexEntries(t *testing.T) {
	id := uuid.Must(uuid.NewV7())
	at := time.Date(2026, 12, 1, 1, 0, 0, 0, time.UTC)
	h := &headRecord{Status: app.StatusScheduled, Section: "Politics & Law", Tags: []string{"NPC", "Data"},
		UpdatedAt: at, CreatedAt: at, ScheduledAt: &at}
	keys := indexEntries(id, h)
	if len(keys) != 7 { // updated, created, status, scheduled, section, 2 tags
		t.Fatalf("%d index keys", len(keys))
	}
	for _, e := range keys {
		tm, got, ok := splitIndexKey(e.key)
		if !ok || got != [16]byte(id) || !tm.Equal(at) {
			t.Fatalf("index key %q does not end in time and id", e.key)
		}
		if !bytes.HasPrefix(e.key, prefixIndex) {
			t.Fatalf("index key %q outside i/", e.key)
		}
	}
	tagKey := keys[len(keys)-2]
	if !bytes.HasPrefix(tagKey.key, namedPrefix(prefixTag, "npc")) || string(tagKey.value) != "NPC" {
		t.Fatalf("tag key %q value %q", tagKey.key, tagKey.value)
	}
	h.Deleted = true
	if keys := indexEntries(id, h); len(keys) != 1 || !bytes.HasPrefix(keys[0].key, prefixTrash) {
		t.Fatalf("a trashed article is only in the Trash: %q", keys)
	}
}

func TestNamedPrefixesDoNotOverlap(t *testing.T) {
	// "Law" must not list articles of section "Law & Order".
	if bytes.HasPrefix(namedPrefix(prefixSection, "Law & Order"), namedPrefix(prefixSection, "Law")) {
		t.Fatal("section prefixes overlap")
	}
}

func timeOf(sec int64) time.Time { return time.Unix(sec, 0) }
