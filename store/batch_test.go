package store_test

import (
	"errors"
	"testing"

	"newsdesk/app"
)

func TestSaveBatchAllOrNothing(t *testing.T) {
	s := MustOpenMemory(t)
	svc := newService(s)
	a, b := sampleArticle(1), sampleArticle(2)
	a.ImportKey, b.ImportKey = "portal:abc", "portal:def"
	out, err := svc.SaveBatch(ctx, []*app.Article{a, b}, app.SaveOptions{Author: "import", Message: "from page.txt", Base: -1})
	if err != nil {
		t.Fatal(err)
	}
	if out[0].ID == "" || out[1].ID == "" || out[0].Revision != 1 {
		t.Fatalf("batch results: %+v", out)
	}
	id, err := s.ArticleByImportKey(ctx, "portal:def")
	if err != nil || id != out[1].ID {
		t.Fatalf("import key lookup: %q %v", id, err)
	}
	// A batch with one bad item writes nothing, and says which item.
	c, d := sampleArticle(3), sampleArticle(4)
	d.Contacts[0].Email = "not an address"
	_, err = svc.SaveBatch(ctx, []*app.Article{c, d}, app.SaveOptions{Author: "import", Base: -1})
	var v *app.ValidationError
	if !errors.As(err, &v) || len(v.For("items[1].contacts")) != 1 {
		t.Fatalf("want a problem on items[1], got %v", err)
	}
	// A batch reusing an import key fails in the store, atomically.
	e, f := sampleArticle(5), sampleArticle(6)
	f.ImportKey = "portal:abc"
	if _, err := svc.SaveBatch(ctx, []*app.Article{e, f}, app.SaveOptions{Author: "import", Base: -1}); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("duplicate import key: %v", err)
	}
	res, _ := s.List(ctx, app.Filter{})
	if res.Total != 2 {
		t.Fatalf("failed batches left %d articles, want 2", res.Total)
	}
}

func TestImportKeySurvivesTrashAndMoves(t *testing.T) {
	s := MustOpenMemory(t)
	svc := newService(s)
	a := sampleArticle(1)
	a.ImportKey = "ninjs:urn:1"
	a = save(t, svc, a, "import")
	if err := svc.Delete(ctx, a.ID, "Tom"); err != nil {
		t.Fatal(err)
	}
	if id, err := s.ArticleByImportKey(ctx, "ninjs:urn:1"); err != nil || id != a.ID {
		t.Fatalf("trashed article lost its import key: %v", err)
	}
	if err := svc.Undelete(ctx, a.ID, "Tom"); err != nil {
		t.Fatal(err)
	}
	a.ImportKey = "ninjs:urn:2"
	save(t, svc, a, "Tom")
	if _, err := s.ArticleByImportKey(ctx, "ninjs:urn:1"); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("old key still resolves: %v", err)
	}
	if id, _ := s.ArticleByImportKey(ctx, "ninjs:urn:2"); id != a.ID {
		t.Fatal("new key does not resolve")
	}
}
