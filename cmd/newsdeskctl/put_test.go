package main

import (
	"encoding/json"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestArticleLifecycle(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	id, rev := mustPut(t, dir, storyJSON, "--message", "first draft")
	if rev != 1 {
		t.Fatalf("new article at revision %d, want 1", rev)
	}

	human := mustCtl(t, dir, "", "show", id)
	for _, want := range []string{
		"City council delays vote on river dredging plan",
		"By Lena Park and 周明 / ",
		" / Environment",
		"Tags: Rivers, City Council",
		"居民要求更多时间阅读调查报告。",
		"Contact reporter Lena Park (lena.park@example.com) and editor 周明 (zhou.ming@example.com, @zhouming)",
		"Read the full story here: https://example.com/river",
	} {
		if !strings.Contains(human, want) {
			t.Errorf("show lacks %q:\n%s", want, human)
		}
	}

	shown := mustCtl(t, dir, "", "show", id, "--json")
	edited := edit(t, shown, func(m map[string]any) {
		m["headline"] = "Council delays river vote to March"
		m["status"] = "copyedit"
	})
	id2, rev := mustPut(t, dir, edited, "--message", "tighten headline")
	if id2 != id || rev != 2 {
		t.Fatalf("update printed %s %d, want %s 2", id2, rev, id)
	}

	log := logJSON(t, dir, id)
	if len(log) != 2 || log[0].Number != 2 || log[1].Number != 1 {
		t.Fatalf("log = %+v, want revisions 2 then 1", log)
	}
	if log[0].Author != testAuthor || log[0].Message != "tighten headline" || log[0].StatusFrom != "draft" || log[0].Status != "copyedit" {
		t.Errorf("revision 2 log entry = %+v", log[0])
	}
	humanLog := mustCtl(t, dir, "", "log", id)
	if !strings.Contains(humanLog, "draft -> copyedit") || !strings.Contains(humanLog, "tighten headline") {
		t.Errorf("log lacks the status change or message:\n%s", humanLog)
	}

	out := mustCtl(t, dir, "", "restore", id, "1")
	if want := "restored " + id + " revision 1 as revision 3\n"; out != want {
		t.Errorf("restore printed %q, want %q", out, want)
	}
	if h := showJSON(t, dir, id)["headline"]; h != "City council delays vote on river dredging plan" {
		t.Errorf("after restore headline = %v", h)
	}
	if l := logJSON(t, dir, id); len(l) != 3 || l[0].RestoredFrom != 1 {
		t.Errorf("after restore log = %+v", l)
	}

	mustCtl(t, dir, "", "delete", id)
	if live := listJSON(t, dir); len(live) != 0 {
		t.Errorf("deleted article still listed: %+v", live)
	}
	trash := listJSON(t, dir, "--trash")
	if len(trash) != 1 || trash[0].ID != id {
		t.Fatalf("list --trash = %+v", trash)
	}
	r := ctl(t, dir, edited, "put", "-")
	if r.code != 1 || !strings.Contains(r.stderr, "Trash") {
		t.Errorf("put on a deleted article: exit %d, stderr %q", r.code, r.stderr)
	}
	mustCtl(t, dir, "", "undelete", id)
	live := listJSON(t, dir)
	if len(live) != 1 || live[0].ID != id || live[0].Revision != 3 {
		t.Errorf("after undelete list = %+v", live)
	}
}

func TestShowJSONRoundTripIsExact(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	src := t.TempDir()
	writePNG(t, filepath.Join(src, "lead.png"), color.RGBA{200, 30, 30, 255})
	story := edit(t, storyJSON, func(m map[string]any) {
		m["status"] = "scheduled"
		m["scheduled_at"] = "2026-12-01T09:00:00+08:00"
		m["photos"] = []any{map[string]any{"file": "lead.png", "credit": "VCG", "caption": "河道 at dawn", "alt": "a river"}}
		m["related"] = []any{map[string]any{"headline": "Earlier: the survey", "url": "https://example.com/survey"}}
	})
	// A relative photo path is relative to the JSON file's folder, not to
	// the working directory.
	file := writeFile(t, src, "story.json", story)
	out := mustCtl(t, dir, "", "put", file)
	id := strings.Fields(out)[0]

	first := mustCtl(t, dir, "", "show", id, "--json")
	var a map[string]any
	if err := json.Unmarshal([]byte(first), &a); err != nil {
		t.Fatal(err)
	}
	photo := a["photos"].([]any)[0].(map[string]any)
	if img, _ := photo["image"].(string); !strings.HasPrefix(img, "sha256:") || photo["file"] != nil {
		t.Fatalf("photo after put = %v, want an image reference and no file", photo)
	}
	if a["scheduled_at"] != "2026-12-01T09:00:00+08:00" || a["revision"] != 1.0 {
		t.Errorf("scheduled_at %v, revision %v", a["scheduled_at"], a["revision"])
	}

	r := ctl(t, dir, first, "put", "-")
	if r.code != 0 || r.stdout != id+" 1\n" {
		t.Fatalf("put of show --json: exit %d, stdout %q, stderr %q; want %s 1", r.code, r.stdout, r.stderr, id)
	}
	if again := mustCtl(t, dir, "", "show", id, "--json"); again != first {
		t.Errorf("round trip changed the article:\nbefore %s\nafter  %s", first, again)
	}
	if l := logJSON(t, dir, id); len(l) != 1 {
		t.Errorf("round trip wrote a revision: %+v", l)
	}
	if human := mustCtl(t, dir, "", "show", id); !strings.Contains(human, "Photo: VCG\n  河道 at dawn") ||
		!strings.Contains(human, "Dec 01, 2026 09:00 AM") {
		t.Errorf("show lacks the photo or the schedule in the article's zone:\n%s", human)
	}
}

func TestPutConflictWithStaleRevision(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	id, _ := mustPut(t, dir, storyJSON)
	base := mustCtl(t, dir, "", "show", id, "--json")
	mine := edit(t, base, func(m map[string]any) { m["dek"] = "My edit" })
	theirs := edit(t, base, func(m map[string]any) { m["dek"] = "Their edit" })
	mustPut(t, dir, theirs, "--author", "Other Editor")

	before := mustCtl(t, dir, "", "log", id, "--json")
	r := ctl(t, dir, mine, "put", "-")
	if r.code != 1 {
		t.Fatalf("stale put: exit %d, want 1 (stderr %q)", r.code, r.stderr)
	}
	for _, want := range []string{"conflict", "revision 2", "Other Editor", "revision 1"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("conflict message %q lacks %q", r.stderr, want)
		}
	}
	if after := mustCtl(t, dir, "", "log", id, "--json"); after != before {
		t.Errorf("refused put changed the history:\n%s\n%s", before, after)
	}
	if d := showJSON(t, dir, id)["dek"]; d != "Their edit" {
		t.Errorf("dek = %v, want the other editor's", d)
	}
}

func TestPutBadInputLeavesStoreUnchanged(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	id, _ := mustPut(t, dir, storyJSON)
	current := mustCtl(t, dir, "", "show", id, "--json")
	src := t.TempDir()
	good := writePNG(t, filepath.Join(src, "good.png"), color.Gray{128})
	if err := os.WriteFile(filepath.Join(src, "broken.png"), good[:len(good)/2], 0o644); err != nil {
		t.Fatal(err)
	}

	snapshot := func() string {
		return mustCtl(t, dir, "", "list", "--json") + mustCtl(t, dir, "", "list", "--trash", "--json") +
			mustCtl(t, dir, "", "log", id, "--json") + mustCtl(t, dir, "", "show", id, "--json")
	}
	before := snapshot()

	cases := []struct {
		name, input, want string
	}{
		{"truncated JSON", storyJSON[:len(storyJSON)/2], "truncated"},
		{"wrong type", `{"headline": "A", "byline": "Lena Park"}`, "byline: expected"},
		{"5 MB headline", `{"headline": "` + strings.Repeat("x", 5<<20) + `"}`, "headline: is 5242880 characters long"},
		{"invalid e-mail", edit(t, current, func(m map[string]any) {
			m["contacts"] = []any{map[string]any{"role": "reporter", "name": "Lena", "email": "lena at example"}}
		}), "contacts[0].email: \"lena at example\" is not an e-mail address"},
		{"impossible date", edit(t, current, func(m map[string]any) {
			m["status"] = "scheduled"
			m["scheduled_at"] = "2026-02-30T10:00:00+08:00"
		}), "scheduled_at: \"2026-02-30T10:00:00+08:00\" is not a valid RFC 3339 time"},
		{"unknown field", `{"headline": "A", "headlin": "B"}`, `unknown field "headlin"`},
		{"broken image", edit(t, current, func(m map[string]any) {
			m["photos"] = []any{
				map[string]any{"file": filepath.Join(src, "good.png"), "credit": "VCG"},
				map[string]any{"file": filepath.Join(src, "broken.png"), "credit": "VCG"},
			}
		}), "photos[1].file: " + filepath.Join(src, "broken.png")},
		{"missing image file", `{"headline": "A", "photos": [{"file": "` + filepath.Join(src, "nope.png") + `", "credit": "VCG"}]}`,
			"photos[0].file: " + filepath.Join(src, "nope.png")},
		{"image from another store", `{"headline": "A", "photos": [{"image": "sha256:` + strings.Repeat("ab", 32) + `", "credit": "VCG"}]}`,
			"photos[0].image: sha256:abab"},
		{"strict rules on ready", `{"headline": "A", "status": "ready"}`, "section: is required"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ctl(t, dir, c.input, "put", "-")
			if r.code != 1 {
				t.Fatalf("exit %d, want 1; stderr %q", r.code, r.stderr)
			}
			if !strings.Contains(r.stderr, c.want) || !strings.HasPrefix(r.stderr, "newsdeskctl: ") {
				t.Errorf("stderr %q lacks %q", clipForLog(r.stderr), c.want)
			}
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing", clipForLog(r.stdout))
			}
			if after := snapshot(); after != before {
				t.Errorf("the store changed:\nbefore %s\nafter  %s", before, after)
			}
		})
	}

	// Bad input never even creates a store that does not exist yet.
	fresh := filepath.Join(t.TempDir(), "fresh")
	if r := ctl(t, fresh, `{"headline": 1}`, "put", "-"); r.code != 1 {
		t.Errorf("bad put into a new store: exit %d", r.code)
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Errorf("bad put created the store folder %s (stat: %v)", fresh, err)
	}
}

func TestValidationProblemsOnePerLine(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	in := `{"headline": "A", "contacts": [{"role": "boss", "name": "X", "email": "bad"}]}`
	r := ctl(t, dir, in, "put", "-")
	want := "newsdeskctl: invalid article:\n" +
		"  contacts[0].role: \"boss\" is not a role (reporter, editor or other)\n" +
		"  contacts[0].email: \"bad\" is not an e-mail address (name@example.com)\n"
	if r.code != 1 || r.stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", r.code, r.stderr, want)
	}
}

func clipForLog(s string) string {
	if len(s) > 300 {
		return s[:300] + "..."
	}
	return s
}

func TestPutCopiesIntoAnotherStore(t *testing.T) {
	src := filepath.Join(t.TempDir(), "a")
	dst := filepath.Join(t.TempDir(), "b")
	id, _ := mustPut(t, src, storyJSON)
	shown := mustCtl(t, src, "", "show", id, "--json")

	r := ctl(t, dst, shown, "put", "-")
	if r.code != 1 || !strings.Contains(r.stderr, id+" not found") || !strings.Contains(r.stderr, `drop "revision"`) {
		t.Errorf("put of another store's revision: exit %d, stderr %q", r.code, r.stderr)
	}
	copied := edit(t, shown, func(m map[string]any) { delete(m, "revision") })
	if gotID, rev := mustPut(t, dst, copied); gotID != id || rev != 1 {
		t.Errorf("copy got %s %d, want %s 1", gotID, rev, id)
	}
	a, b := showJSON(t, src, id), showJSON(t, dst, id)
	for _, k := range []string{"headline", "body", "created_at", "slug", "language"} {
		if a[k] != b[k] {
			t.Errorf("copy changed %s: %v -> %v", k, a[k], b[k])
		}
	}
}
