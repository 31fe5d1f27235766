package ui

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"newsdesk/app"
)

func hitIDs(st SearchState) []string {
	var out []string
	for _, h := range st.Hits {
		out = append(out, h.ID)
	}
	return out
}

func TestSearchAsYouTypeSeesEdits(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	ctx := context.Background()
	c := NewSearchController(svc)

	// The last word is a prefix as the editor types it.
	st := c.Search(ctx, "Shenz")
	if got := hitIDs(st); !reflect.DeepEqual(got, []string{n.Port.ID}) || st.Err != "" {
		t.Fatalf("Shenz: hits %v err %q", got, st.Err)
	}
	if !strings.Contains(st.Hits[0].Snippet, "«Shenzhen»") {
		t.Errorf("snippet %q does not mark the match", st.Hits[0].Snippet)
	}

	// An editor renames the port; the next keystrokes find the new name
	// and no longer the old one.
	port, err := svc.Article(ctx, n.Port.ID)
	if err != nil {
		t.Fatal(err)
	}
	port.Headline = "Port traffic rebounds in Ningbo"
	if _, err := svc.Save(ctx, port, app.SaveOptions{Author: "tester", Base: -1}); err != nil {
		t.Fatal(err)
	}
	if got := hitIDs(c.Search(ctx, "Ningb")); !reflect.DeepEqual(got, []string{n.Port.ID}) {
		t.Errorf("after the edit, Ningb finds %v", got)
	}
	if got := hitIDs(c.Search(ctx, "Shenzhen")); len(got) != 0 {
		t.Errorf("after the edit, Shenzhen still finds %v", got)
	}

	// Chinese: a two-character word inside a sentence without spaces.
	st = c.Search(ctx, "草案")
	if got := hitIDs(st); !reflect.DeepEqual(got, []string{n.Draft.ID}) {
		t.Errorf("草案 finds %v", got)
	}
	if c.State().Query != "草案" || st.ResultCount() != "1 story" {
		t.Errorf("state %q, count %q", c.State().Query, st.ResultCount())
	}
}

func TestSearchNewestQuestionWins(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	ctx := context.Background()
	c := NewSearchController(svc)

	older := c.Ask(ctx, "Shenzhen")
	newer := c.Ask(ctx, "草案")
	if older.ctx.Err() == nil {
		t.Error("asking again did not cancel the older search")
	}
	if st, ok := c.Answer(newer); !ok || hitIDs(st)[0] != n.Draft.ID {
		t.Fatalf("newer answer: published %v, hits %v", ok, hitIDs(st))
	}
	// The older answer arrives last and is dropped.
	if _, ok := c.Answer(older); ok {
		t.Error("the older answer was published over the newer one")
	}
	if !c.Newest(newer) || c.Newest(older) {
		t.Error("Newest does not name the last question")
	}
	if got := c.State(); got.Query != "草案" || hitIDs(got)[0] != n.Draft.ID {
		t.Errorf("state answers %q with %v", got.Query, hitIDs(got))
	}
}

func TestSearchFiltersAndBadQueries(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	ctx := context.Background()
	c := NewSearchController(svc)

	// 数据 is a tag of the published story and the text of the draft.
	if got := hitIDs(c.Search(ctx, "数据")); len(got) != 2 {
		t.Fatalf("数据 finds %v", got)
	}
	c.SetFilters(SearchFilters{Status: app.StatusDraft})
	if got := hitIDs(c.Search(ctx, "数据")); !reflect.DeepEqual(got, []string{n.Draft.ID}) {
		t.Errorf("drafts only: %v", got)
	}
	c.SetFilters(SearchFilters{Section: "Business"})
	if got := hitIDs(c.Search(ctx, "Shenzhen")); !reflect.DeepEqual(got, []string{n.Port.ID}) {
		t.Errorf("Business: %v", got)
	}
	c.SetFilters(SearchFilters{Section: "Politics & Law"})
	if st := c.Search(ctx, "Shenzhen"); len(st.Hits) != 0 || st.ResultCount() != "No story matches." {
		t.Errorf("Politics & Law: %v, %q", hitIDs(st), st.ResultCount())
	}
	// A story in the Trash is not found.
	if got := hitIDs(c.Search(ctx, "Spiked")); len(got) != 0 {
		t.Errorf("Spiked (in the Trash) finds %v", got)
	}
	c.SetFilters(SearchFilters{})

	for _, q := range []string{`"data protection`, strings.Repeat("word ", 3000)} {
		st := c.Search(ctx, q)
		if st.Err == "" || len(st.Hits) != 0 || st.ResultCount() != "" {
			t.Errorf("bad query %.20q: err %q, hits %v", q, st.Err, hitIDs(st))
		}
	}
	if st := c.Search(ctx, `"data`); !strings.Contains(st.Err, "unbalanced quote") {
		t.Errorf("unbalanced quote says %q", st.Err)
	}
	// A blank query is the desk listing, not an error.
	if st := c.Search(ctx, "  "); !st.Blank() || st.Err != "" || len(st.Hits) != 0 {
		t.Errorf("blank query: %+v", st)
	}
}

func TestSnippetParts(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []SnippetPart
	}{
		{"", nil},
		{"no match here", []SnippetPart{{"no match here", false}}},
		{"…the «data» law", []SnippetPart{{"…the ", false}, {"data", true}, {" law", false}}},
		{"«数据»保护法«草案»", []SnippetPart{{"数据", true}, {"保护法", false}, {"草案", true}}},
		// Each Chinese character is marked on its own; a word reads as one.
		{"审议了«草»«案»。", []SnippetPart{{"审议了", false}, {"草案", true}, {"。", false}}},
		// A snippet cut inside a match ends it with the text.
		{"ends «in a mat", []SnippetPart{{"ends ", false}, {"in a mat", true}}},
		{"stray » mark", []SnippetPart{{"stray  mark", false}}},
	} {
		if got := SnippetParts(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("SnippetParts(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	if got := PlainSnippet("审议了**«数据»保护法**草案。\n\n## What  the «draft» says"); got != "审议了«数据»保护法草案。 What the «draft» says" {
		t.Errorf("PlainSnippet = %q", got)
	}
}
