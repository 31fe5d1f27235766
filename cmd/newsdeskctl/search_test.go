package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSearchAndReindex(t *testing.T) {
	dir := t.TempDir()
	mustCtl(t, dir, "", "demo")
	var hits []struct {
		ID, Headline, Snippet string
		Score                 float64
	}
	out := mustCtl(t, dir, "", "search", "--json", "湿地")
	if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) == 0 {
		t.Fatalf("search 湿地: %v\n%s", err, out)
	}
	if !strings.Contains(hits[0].Snippet, "«湿»«地»") && !strings.Contains(hits[0].Headline, "湿地") {
		t.Fatalf("snippet does not mark the word: %q", hits[0].Snippet)
	}
	mustCtl(t, dir, "", "reindex")
	again := mustCtl(t, dir, "", "search", "--json", "湿地")
	if again != out {
		t.Fatalf("reindex changed the results:\n%s\n%s", out, again)
	}
	if r := ctl(t, dir, "", "search", `"unbalanced`); r.code != exitError || !strings.Contains(r.stderr, "quote") {
		t.Fatalf("bad query: %d %s", r.code, r.stderr)
	}
	if got := mustCtl(t, dir, "", "search", "zzzzqqq"); !strings.Contains(got, "no articles match") {
		t.Fatalf("no match: %s", got)
	}
}
