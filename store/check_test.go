package store

import (
	"context"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"newsdesk/app"
)

func TestCheckFindsAndRepairs(t *testing.T) {
	ctx := context.Background()
	s, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	svc := app.NewService(s)
	var ids []string
	photo, err := s.PutBlob(ctx, []byte("not decoded by the store"))
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range []string{"One", "Two", "Three"} {
		a := &app.Article{Headline: h, Section: "World", Tags: []string{"NPC"}, ImportKey: "k" + h,
			Photos: []app.Photo{{Image: photo, Credit: "VCG"}},
			Body:   strings.Repeat("A paragraph of text that is long enough.\n\n", i+2)}
		out, err := svc.Save(ctx, a, app.SaveOptions{Author: "Li Na", Base: -1})
		if err != nil {
			t.Fatal(err)
		}
		out.Body += "More.\n"
		if _, err := svc.Save(ctx, out, app.SaveOptions{Author: "Tom", Base: -1}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, out.ID)
	}
	rep, err := s.Check(ctx, false)
	if err != nil || !rep.OK() || rep.Articles != 3 || rep.Revisions != 6 || rep.Blobs != 3 {
		t.Fatalf("sound store: %+v %v", rep, err)
	}

	// Break derived data: drop a status index entry, add a stray one, and
	// point an import key at the wrong article.
	id0, _ := uuid.Parse(ids[0])
	id1, _ := uuid.Parse(ids[1])
	h0, _ := s.Summary(ctx, ids[0])
	err = s.db.Update(func(txn *badger.Txn) error {
		if err := txn.Delete(cat(namedPrefix(prefixStatus, "draft"), timeBytes(h0.UpdatedAt), id0[:])); err != nil {
			return err
		}
		if err := txn.Set(cat(prefixUpdated, timeBytes(h0.UpdatedAt), []byte("0123456789abcdef")), nil); err != nil {
			return err
		}
		return txn.Set(importKey("kOne"), id1[:])
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, _ = s.Check(ctx, false)
	if rep.OK() || len(rep.Problems) != 4 || !strings.Contains(rep.Problems[3], "--repair") {
		t.Fatalf("broken indexes: %q", rep.Problems)
	}
	rep, err = s.Check(ctx, true)
	if err != nil || !rep.OK() || rep.Repaired != 3 {
		t.Fatalf("repair: %+v %v", rep, err)
	}
	drafts, _ := s.List(ctx, app.Filter{Status: app.StatusDraft})
	if drafts.Total != 3 {
		t.Fatalf("after repair the draft desk lists %d", drafts.Total)
	}

	// A missing chunk is reported and not "repaired": revisions are never
	// rewritten.
	id2, _ := uuid.Parse(ids[2])
	s.db.Update(func(txn *badger.Txn) error { return txn.Delete(chunkKey(id2, chunkRef{line: 1, rev: 1})) })
	rep, _ = s.Check(ctx, true)
	if rep.OK() || !strings.Contains(strings.Join(rep.Problems, "\n"), "chunk 1/1 is missing") || rep.Repaired != 0 {
		t.Fatalf("missing chunk: %+v", rep)
	}
}

func TestCheckReportsMissingPhoto(t *testing.T) {
	ctx := context.Background()
	s, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ref := "sha256:" + strings.Repeat("ab", 32)
	a := &app.Article{Headline: "Lost photo", Photos: []app.Photo{{Image: ref, Credit: "VCG"}}}
	if _, err := app.NewService(s).Save(ctx, a, app.SaveOptions{Author: "Li", Base: -1}); err != nil {
		t.Fatal(err)
	}
	rep, _ := s.Check(ctx, false)
	if rep.OK() || !strings.Contains(rep.Problems[0], "image "+ref+" is missing") {
		t.Fatalf("missing photo: %q", rep.Problems)
	}
}
