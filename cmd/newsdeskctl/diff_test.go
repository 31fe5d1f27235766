package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDiffAndBlame(t *testing.T) {
	dir := t.TempDir()
	first := `{"headline": "Lawmakers weigh data law", "section": "Politics & Law", "tags": ["NPC"],
		"body": "Lawmakers considered a draft law.\n\n全国人大审议草案。\n"}`
	id, _ := mustPut(t, dir, first)
	second := edit(t, showJSONText(t, dir, id), func(m map[string]any) {
		m["headline"] = "Lawmakers pass data law"
		m["tags"] = []string{"NPC", "Data"}
		m["body"] = "Lawmakers approved a draft law.\n\n全国人大审议草案。\n\nA new paragraph.\n"
	})
	mustPut(t, dir, second)

	text := mustCtl(t, dir, "", "diff", id, "1", "2")
	for _, want := range []string{
		`headline: "Lawmakers weigh data law" -> "Lawmakers pass data law"`,
		"tags: added Data",
		"Lawmakers [-considered-]{+approved+} a draft law.",
		"全国人大审议草案。",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("diff text lacks %q:\n%s", want, text)
		}
	}
	// One revision: compared with the current one.
	if got := mustCtl(t, dir, "", "diff", id, "1"); got != text {
		t.Errorf("diff ID 1 differs from diff ID 1 2:\n%s", got)
	}

	var js struct {
		Old    struct{ Number int }
		New    struct{ Number int }
		Fields []struct{ Field, Kind string }
		Body   struct {
			Ops []struct{ Op, Text string }
		}
	}
	if err := json.Unmarshal([]byte(mustCtl(t, dir, "", "diff", id, "1", "2", "--format", "json")), &js); err != nil {
		t.Fatal(err)
	}
	if js.Old.Number != 1 || js.New.Number != 2 || len(js.Fields) != 2 {
		t.Fatalf("json diff: %+v", js)
	}
	var rebuilt strings.Builder
	for _, op := range js.Body.Ops {
		if op.Op != "delete" {
			rebuilt.WriteString(op.Text)
		}
	}
	if !strings.HasPrefix(rebuilt.String(), "Lawmakers approved") {
		t.Fatalf("json ops do not rebuild the new body: %q", rebuilt.String())
	}

	html := mustCtl(t, dir, "", "diff", id, "1", "2", "--format", "html")
	if !strings.Contains(html, "<!DOCTYPE html>") || !strings.Contains(html, "<del>") {
		t.Fatalf("html diff:\n%s", html)
	}

	blame := mustCtl(t, dir, "", "blame", id)
	lines := strings.Split(strings.TrimSpace(blame), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "r2") || !strings.HasPrefix(lines[1], "r1") || !strings.HasPrefix(lines[2], "r2") {
		t.Fatalf("blame:\n%s", blame)
	}
	if r := ctl(t, dir, "", "diff", id, "1", "9"); r.code != exitError {
		t.Fatalf("missing revision: exit %d", r.code)
	}
	if r := ctl(t, dir, "", "diff", id, "x"); r.code != exitUsage {
		t.Fatalf("bad revision: exit %d", r.code)
	}
}

func showJSONText(t *testing.T, dir, id string) string {
	t.Helper()
	return mustCtl(t, dir, "", "show", id, "--json")
}
