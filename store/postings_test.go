package store

import (
	"slices"
	"testing"
)

func TestPostingsRoundTripAndPatch(t *testing.T) {
	ps := []posting{{doc: 3, pos: []uint32{0, 5, 16384}}, {doc: 7, pos: []uint32{2}}, {doc: 130, pos: []uint32{1, 2, 3}}}
	var got []posting
	if err := decodeBlock(encodeBlock(ps), func(d uint32, p []uint32) { got = append(got, posting{d, slices.Clone(p)}) }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[2].doc != 130 || !slices.Equal(got[0].pos, ps[0].pos) {
		t.Fatalf("round trip: %+v", got)
	}
	b, _ := patchBlock(encodeBlock(ps), 7, nil)
	b, _ = patchBlock(b, 5, []uint32{9})
	got = nil
	decodeBlock(b, func(d uint32, p []uint32) { got = append(got, posting{d, slices.Clone(p)}) })
	if len(got) != 3 || got[1].doc != 5 || got[1].pos[0] != 9 {
		t.Fatalf("patch: %+v", got)
	}
	sb := encodeScores(ps)
	sb, _ = patchScores(sb, 3, 0)
	var docs []uint32
	decodeScores(sb, func(d uint32, w float64) { docs = append(docs, d) })
	if !slices.Equal(docs, []uint32{7, 130}) {
		t.Fatalf("scores patch: %v", docs)
	}
}

func FuzzDecodePostings(f *testing.F) {
	f.Add(encodeBlock([]posting{{doc: 1, pos: []uint32{1, 2}}}))
	f.Add(encodeScores([]posting{{doc: 1, pos: []uint32{1, 2}}}))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, b []byte) {
		// Damaged blocks are errors, never panics or runaway allocations.
		decodeBlock(b, func(uint32, []uint32) {})
		decodeScores(b, func(uint32, float64) {})
		patchBlock(b, 3, []uint32{1})
		patchScores(b, 3, 4)
	})
}

func FuzzSplitIndexKey(f *testing.F) {
	f.Add(append(append([]byte("i/u/"), timeBytes(timeOf(1))...), make([]byte, 16)...))
	f.Add([]byte("i/u/"))
	f.Fuzz(func(t *testing.T, k []byte) {
		if _, _, ok := splitIndexKey(k); ok && len(k) < timeLen+idLen {
			t.Fatal("accepted a short key")
		}
		parseBlobRef(string(k))
	})
}
