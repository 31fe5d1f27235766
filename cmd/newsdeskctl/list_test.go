package main

import (
	"path/filepath"
	"strings"
	"testing"

	"newsdesk/app"
)

func TestListFilters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	mk := func(headline, section, status string, tags ...string) string {
		t.Helper()
		id, _ := mustPut(t, dir, edit(t, storyJSON, func(m map[string]any) {
			m["headline"], m["section"], m["status"] = headline, section, status
			tt := make([]any, len(tags))
			for i, s := range tags {
				tt[i] = s
			}
			m["tags"] = tt
		}))
		return id
	}
	a := mk("River plan delayed", "Environment", "draft", "Rivers")
	b := mk("法院审理数据案", "Politics & Law", "copyedit", "Privacy", "Courts")
	c := mk("Court rules on data case", "Politics & Law", "draft", "privacy")

	ids := func(flags ...string) string {
		var out []string
		for _, s := range listJSON(t, dir, flags...) {
			out = append(out, s.ID)
		}
		return strings.Join(out, ",")
	}
	for _, tc := range []struct {
		flags []string
		want  string
	}{
		{nil, strings.Join([]string{c, b, a}, ",")}, // newest update first
		{[]string{"--status", "draft"}, c + "," + a},
		{[]string{"--section", "Politics & Law"}, c + "," + b},
		{[]string{"--tag", "Privacy"}, c + "," + b},
		{[]string{"--section", "Politics & Law", "--status", "copyedit"}, b},
		{[]string{"--limit", "1"}, c},
		{[]string{"--status", "published"}, ""},
	} {
		if got := ids(tc.flags...); got != tc.want {
			t.Errorf("list %v = %s, want %s", tc.flags, got, tc.want)
		}
	}

	if out := mustCtl(t, dir, "", "list", "--status", "killed", "--json"); out != "[]\n" {
		t.Errorf("empty list --json = %q, want []", out)
	}
	s := listJSON(t, dir, "--status", "copyedit")[0]
	if s.Headline != "法院审理数据案" || s.Section != "Politics & Law" || s.Revision != 1 ||
		strings.Join(s.Byline, "|") != "Lena Park|周明" || s.UpdatedAt.IsZero() {
		t.Errorf("summary = %+v", s)
	}
	if _, off := s.UpdatedAt.Zone(); off != 8*3600 {
		t.Errorf("updated_at offset %d, want the article's zone (+08:00)", off)
	}

	// The human table aligns columns by display width, Chinese included.
	table := mustCtl(t, dir, "", "list")
	lines := strings.Split(strings.TrimSuffix(table, "\n"), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "ID") {
		t.Fatalf("list table:\n%s", table)
	}
	col := displayWidth(lines[0][:strings.Index(lines[0], "HEADLINE")])
	for _, l := range lines[1:] {
		if !strings.HasSuffix(l, "River plan delayed") && !strings.HasSuffix(l, "法院审理数据案") && !strings.HasSuffix(l, "Court rules on data case") {
			t.Errorf("row does not end with a headline: %q", l)
		}
		var head string
		for _, h := range []string{"River plan delayed", "法院审理数据案", "Court rules on data case"} {
			if strings.HasSuffix(l, h) {
				head = h
			}
		}
		if w := displayWidth(strings.TrimSuffix(l, head)); w != col {
			t.Errorf("headline column starts at %d in %q, want %d", w, l, col)
		}
	}
}

func TestJoinNamesLikeThePortal(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"Yang Ge"}, "Yang Ge"},
		{[]string{"Zhang Yuzhe", "Guo Yingzhe"}, "Zhang Yuzhe and Guo Yingzhe"},
		{[]string{"Liu Denghui", "Di Ning", "Tang Hanyu", "Wang Yiran", "Han Wei"}, "Liu Denghui, Di Ning, Tang Hanyu, Wang Yiran and Han Wei"},
	} {
		if got := app.JoinNames(c.in); got != c.want {
			t.Errorf("app.JoinNames(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := bylineOf(nil, "Bloomberg"); got != "Bloomberg" {
		t.Errorf("byline of agency copy = %q", got)
	}
}
