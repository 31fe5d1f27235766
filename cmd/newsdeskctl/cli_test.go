package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestUsageErrorsExit2(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	id, _ := mustPut(t, dir, storyJSON)
	for _, args := range [][]string{
		{},
		{"publish", id},
		{"put"},
		{"put", "a.json", "b.json"},
		{"show"},
		{"show", id, "extra"},
		{"show", id, "--rev", "-1"},
		{"show", id, "--rev", "two"},
		{"show", id, "--colour"},
		{"list", "--status", "bogus"},
		{"list", "--limit", "-3"},
		{"list", "extra"},
		{"log"},
		{"restore", id},
		{"restore", id, "abc"},
		{"restore", id, "0"},
		{"delete"},
		{"backup"},
		{"load"},
		{"--nosuchflag", "list"},
	} {
		before := mustCtl(t, dir, "", "log", id, "--json")
		r := ctl(t, dir, "", args...)
		if r.code != 2 {
			t.Errorf("%q: exit %d, want 2 (stderr %q)", args, r.code, r.stderr)
		}
		if !strings.HasPrefix(r.stderr, "newsdeskctl") || !strings.Contains(r.stderr, "usage: newsdeskctl") {
			t.Errorf("%q: stderr %q lacks a message and a usage line", args, r.stderr)
		}
		if r.stdout != "" {
			t.Errorf("%q: stdout %q, want nothing", args, r.stdout)
		}
		if after := mustCtl(t, dir, "", "log", id, "--json"); after != before {
			t.Errorf("%q changed the store", args)
		}
	}
}

func TestUnknownArticleExit1(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	mustPut(t, dir, storyJSON)
	const missing = "01900000-0000-7000-8000-000000000000"
	for _, args := range [][]string{
		{"show", missing},
		{"show", missing, "--json"},
		{"log", missing},
		{"restore", missing, "1"},
		{"delete", missing},
		{"undelete", missing},
		{"show", "not-an-id"},
	} {
		r := ctl(t, dir, "", args...)
		if r.code != 1 || !strings.HasPrefix(r.stderr, "newsdeskctl: ") || r.stdout != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 1 with a message", args, r.code, r.stdout, r.stderr)
		}
		if args[1] == missing && !strings.Contains(r.stderr, missing) {
			t.Errorf("%q: stderr %q does not name the article", args, r.stderr)
		}
	}
	r := ctl(t, dir, "", "show", missing)
	if !strings.Contains(r.stderr, "not found") {
		t.Errorf("show of a missing article: %q", r.stderr)
	}
	id, _ := mustPut(t, dir, storyJSON)
	if r := ctl(t, dir, "", "show", id, "--rev", "9"); r.code != 1 || !strings.Contains(r.stderr, "no revision 9") {
		t.Errorf("show --rev 9: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestMissingStoreIsNotCreatedByReads(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "typo")
	for _, cmd := range []string{"list", "show", "log"} {
		args := []string{cmd}
		if cmd != "list" {
			args = append(args, "01900000-0000-7000-8000-000000000000")
		}
		r := ctl(t, dir, "", args...)
		if r.code != 1 || !strings.Contains(r.stderr, "no store at "+dir) {
			t.Errorf("%s on a missing store: exit %d, stderr %q", cmd, r.code, r.stderr)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		var out, errOut bytes.Buffer
		if code := run(args, strings.NewReader(""), &out, &errOut); code != 0 || errOut.Len() != 0 {
			t.Errorf("%q: exit %d, stderr %q", args, code, errOut.String())
		}
		for _, c := range commands() {
			if !strings.Contains(out.String(), "\n  "+strings.TrimSpace(c.name+" "+c.args)+"\n") {
				t.Errorf("%q: reference lacks %s", args, c.name)
			}
		}
	}
	var out bytes.Buffer
	if code := run([]string{"show", "-h"}, strings.NewReader(""), &out, &out); code != 0 ||
		!strings.Contains(out.String(), "usage: newsdeskctl show ID [--rev N] [--json]") || !strings.Contains(out.String(), "-rev N") {
		t.Errorf("show -h: exit %d\n%s", code, out.String())
	}
	out.Reset()
	if code := run([]string{"help", "put"}, strings.NewReader(""), &out, &out); code != 0 || !strings.Contains(out.String(), "-message TEXT") {
		t.Errorf("help put: exit %d\n%s", code, out.String())
	}
	out.Reset()
	if code := run([]string{"version"}, strings.NewReader(""), &out, &out); code != 0 || !strings.HasPrefix(out.String(), "newsdeskctl ") {
		t.Errorf("version: exit %d, %q", code, out.String())
	}
}

func TestAuthorFromEnvironmentAndAgencyByline(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	t.Setenv(AuthorEnv, "Desk Bot")
	var out, errOut bytes.Buffer
	in := `{"headline": "Markets open higher", "source": "Bloomberg", "section": "Business", "body": "Shares rose."}`
	if code := run([]string{"--store", dir, "put", "-"}, strings.NewReader(in), &out, &errOut); code != 0 {
		t.Fatalf("put: exit %d, %s", code, errOut.String())
	}
	id := strings.Fields(out.String())[0]
	if l := logJSON(t, dir, id); l[0].Author != "Desk Bot" {
		t.Errorf("author from $%s = %q, want Desk Bot", AuthorEnv, l[0].Author)
	}
	edit := `{"id": "` + id + `", "headline": "Markets open higher still", "source": "Bloomberg", "section": "Business", "body": "Shares rose."}`
	mustCtl(t, dir, edit, "put", "-") // ctl passes --author, which wins
	if l := logJSON(t, dir, id); l[0].Author != testAuthor {
		t.Errorf("author with --author = %q, want %q", l[0].Author, testAuthor)
	}
	if human := mustCtl(t, dir, "", "show", id); !strings.Contains(human, "\nBy Bloomberg / ") {
		t.Errorf("agency copy byline:\n%s", human)
	}
}
