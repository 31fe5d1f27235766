package store

import (
	"reflect"
	"testing"
	"time"

	"newsdesk/app"
)

func TestRecordRoundTrip(t *testing.T) {
	r := &revRecord{
		info: app.RevisionInfo{Number: 42, Author: "周雨", Time: time.Unix(0, 1764300000123456789), Message: "fix dek",
			Status: app.StatusReady, StatusFrom: app.StatusCopyedit, RestoredFrom: 7, Words: 2048},
		meta: chunkRef{0, 40}, chunks: []chunkRef{{1, 1}, {2, 42}, {9, 30}}, maxLine: 9,
	}
	got, err := decodeRecord(r.encode(), false)
	if err != nil {
		t.Fatal(err)
	}
	got.info.Time, r.info.Time = got.info.Time.UTC(), r.info.Time.UTC()
	if !reflect.DeepEqual(got, r) {
		t.Fatalf("got %+v\nwant %+v", got, r)
	}
	info, err := decodeRecord(r.encode(), true)
	if err != nil || info.chunks != nil || info.info.Author != "周雨" {
		t.Fatalf("info only: %+v %v", info, err)
	}
}

func FuzzDecodeRecord(f *testing.F) {
	r := &revRecord{info: app.RevisionInfo{Number: 3, Author: "a"}, chunks: []chunkRef{{1, 1}, {2, 3}}, maxLine: 2}
	f.Add(r.encode())
	f.Add([]byte{1})
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, b []byte) {
		rec, err := decodeRecord(b, false)
		if err == nil {
			for _, c := range rec.chunks {
				if int(c.rev) > rec.info.Number {
					t.Fatal("ref to a future revision accepted")
				}
			}
		}
	})
}
