package store_test

import (
	"strings"
	"testing"

	"newsdesk/app"
	"newsdesk/store"
)

func searchIDs(t *testing.T, s *store.Store, r app.SearchRequest) []string {
	t.Helper()
	res, err := s.Search(ctx, r)
	if err != nil {
		t.Fatalf("search %q: %v", r.Query, err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func TestSearch(t *testing.T) {
	s := MustOpenMemory(t)
	svc := newService(s)
	put := func(headline, body, section string, tags ...string) *app.Article {
		return save(t, svc, &app.Article{Headline: headline, Byline: []string{"Wang Xiaoming"}, Section: section, Tags: tags, Body: body}, "Li Na")
	}
	inHeadline := put("Data protection law passes", "Lawmakers voted on Tuesday.", "Politics & Law", "NPC")
	inBody := put("Lawmakers meet", "The meeting discussed data protection and other matters. Résumé fraud too.", "Economy")
	chinese := put("人脸识别新规", "全国人大常委会审议了数据保护法草案，专家认为草案仍需完善。", "Politics & Law", "数据")
	other := put("Weather", "Rain is expected in Beijing.", "World")

	// A headline match ranks above a body match.
	if got := searchIDs(t, s, app.SearchRequest{Query: "protection"}); len(got) != 2 || got[0] != inHeadline.ID || got[1] != inBody.ID {
		t.Fatalf("protection: %v", got)
	}
	// Phrases need adjacent words.
	if got := searchIDs(t, s, app.SearchRequest{Query: `"data protection"`}); len(got) != 2 {
		t.Fatalf("phrase: %v", got)
	}
	if got := searchIDs(t, s, app.SearchRequest{Query: `"protection data"`}); len(got) != 0 {
		t.Fatalf("reversed phrase matched: %v", got)
	}
	// A two-character Chinese word inside a sentence without spaces.
	if got := searchIDs(t, s, app.SearchRequest{Query: "草案"}); len(got) != 1 || got[0] != chinese.ID {
		t.Fatalf("草案: %v", got)
	}
	if got := searchIDs(t, s, app.SearchRequest{Query: "保护法 专家"}); len(got) != 1 {
		t.Fatalf("two Chinese words: %v", got)
	}
	if got := searchIDs(t, s, app.SearchRequest{Query: "护数"}); len(got) != 0 {
		t.Fatalf("characters out of order matched: %v", got)
	}
	// Case and accents fold; prefixes match as you type.
	if got := searchIDs(t, s, app.SearchRequest{Query: "RESUME"}); len(got) != 1 || got[0] != inBody.ID {
		t.Fatalf("accent folding: %v", got)
	}
	if got := searchIDs(t, s, app.SearchRequest{Query: "lawmak", AsYouType: true}); len(got) != 2 {
		t.Fatalf("prefix: %v", got)
	}
	if got := searchIDs(t, s, app.SearchRequest{Query: "lawmak"}); len(got) != 0 {
		t.Fatalf("prefix without as-you-type: %v", got)
	}
	// Filters, tags and byline.
	if got := searchIDs(t, s, app.SearchRequest{Query: "protection", Section: "Economy"}); len(got) != 1 || got[0] != inBody.ID {
		t.Fatalf("section filter: %v", got)
	}
	if got := searchIDs(t, s, app.SearchRequest{Query: "wang", Tag: "npc"}); len(got) != 1 || got[0] != inHeadline.ID {
		t.Fatalf("byline term + tag filter: %v", got)
	}
	// Snippets mark the match.
	res, _ := s.Search(ctx, app.SearchRequest{Query: "beijing"})
	if len(res.Hits) != 1 || res.Hits[0].ID != other.ID || !strings.Contains(res.Hits[0].Snippet, "«Beijing»") {
		t.Fatalf("snippet: %+v", res.Hits)
	}

	// Edits reindex; deleted articles disappear and come back.
	inBody.Body = "Nothing about that any more."
	save(t, svc, inBody, "Tom")
	if got := searchIDs(t, s, app.SearchRequest{Query: "protection"}); len(got) != 1 {
		t.Fatalf("after edit: %v", got)
	}
	svc.Delete(ctx, inHeadline.ID, "Tom")
	if got := searchIDs(t, s, app.SearchRequest{Query: "protection"}); len(got) != 0 {
		t.Fatalf("trashed article still found: %v", got)
	}
	if got := searchIDs(t, s, app.SearchRequest{Query: "protection", Deleted: true}); len(got) != 0 {
		t.Fatalf("the Trash is not indexed, so it is not searched: %v", got)
	}
	svc.Undelete(ctx, inHeadline.ID, "Tom")
	if got := searchIDs(t, s, app.SearchRequest{Query: "protection"}); len(got) != 1 {
		t.Fatalf("undeleted article not found: %v", got)
	}
}

func TestSearchBadQueries(t *testing.T) {
	s := MustOpenMemory(t)
	for _, q := range []string{`"unbalanced`, strings.Repeat("word ", 2100), "", "   ", "!!!"} {
		_, err := s.Search(ctx, app.SearchRequest{Query: q})
		if app.ErrorCode(err) != app.EINVALID {
			t.Errorf("query %.20q: want a clear error, got %v", q, err)
		}
	}
}

// TestSearchCatchesUpAfterCrash: saves mark their article for indexing in
// the same transaction; a process that dies before indexing leaves the
// marks, and the next search indexes them.
func TestSearchCatchesUpAfterCrash(t *testing.T) {
	dir := t.TempDir()
	s := MustOpen(t, dir)
	a := save(t, newService(s), sampleArticle(1), "Li Na")
	s.Close() // no search ran: nothing was indexed
	s = MustOpen(t, dir)
	defer s.Close()
	if got := searchIDs(t, s, app.SearchRequest{Query: "lawmakers"}); len(got) != 1 || got[0] != a.ID {
		t.Fatalf("after reopen: %v", got)
	}
}

func TestReindexMatchesIncremental(t *testing.T) {
	s := MustOpenMemory(t)
	svc := newService(s)
	for i := 0; i < 300; i++ { // more than two segments
		save(t, svc, sampleArticle(i), "Li Na")
	}
	before := searchIDs(t, s, app.SearchRequest{Query: "paragraph 数据", Limit: 500})
	var calls int
	if err := s.Reindex(ctx, func(done, total int) { calls++ }); err != nil {
		t.Fatal(err)
	}
	after := searchIDs(t, s, app.SearchRequest{Query: "paragraph 数据", Limit: 500})
	if len(before) != 300 || len(after) != 300 || calls < 3 {
		t.Fatalf("before %d, after %d, progress calls %d", len(before), len(after), calls)
	}
	if got := searchIDs(t, s, app.SearchRequest{Query: `"number 42."`}); len(got) != 1 {
		t.Fatalf("phrase after reindex: %v", got)
	}
}
