package main

import (
	"image/color"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// fillHistory writes a few articles with several revisions, a photo and
// one article in the Trash, and returns their ids.
func fillHistory(t *testing.T, dir string) []string {
	t.Helper()
	src := t.TempDir()
	writePNG(t, filepath.Join(src, "p.png"), color.RGBA{10, 120, 200, 255})
	var ids []string
	for i, head := range []string{"Port traffic rebounds", "新规定明年生效", "Rail link opens"} {
		story := edit(t, storyJSON, func(m map[string]any) {
			m["headline"] = head
			m["photos"] = []any{map[string]any{"file": "p.png", "credit": "VCG"}}
		})
		out := mustCtl(t, dir, "", "put", writeFile(t, src, "s"+strconv.Itoa(i)+".json", story))
		id := strings.Fields(out)[0]
		for r := 0; r < i+1; r++ {
			cur := mustCtl(t, dir, "", "show", id, "--json")
			mustPut(t, dir, edit(t, cur, func(m map[string]any) {
				m["body"] = m["body"].(string) + "\n\nUpdate " + strconv.Itoa(r) + "：补充。"
			}), "--message", "update "+strconv.Itoa(r))
		}
		ids = append(ids, id)
	}
	mustCtl(t, dir, "", "delete", ids[2])
	return ids
}

// everything prints every revision of every article of a store, and its
// listings, as the CLI shows them in JSON.
func everything(t *testing.T, dir string, ids []string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(mustCtl(t, dir, "", "list", "--json"))
	b.WriteString(mustCtl(t, dir, "", "list", "--trash", "--json"))
	for _, id := range ids {
		b.WriteString(mustCtl(t, dir, "", "log", id, "--json"))
		for _, r := range logJSON(t, dir, id) {
			b.WriteString(mustCtl(t, dir, "", "show", id, "--rev", strconv.Itoa(r.Number), "--json"))
		}
	}
	return b.String()
}

func TestBackupAndLoadReproduceEveryRevision(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	ids := fillHistory(t, dir)
	want := everything(t, dir, ids)

	out := t.TempDir()
	file := filepath.Join(out, "newsroom.backup")
	if got := mustCtl(t, dir, "", "backup", file); !strings.HasPrefix(got, "backed up ") {
		t.Errorf("backup printed %q", got)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 1 {
		t.Errorf("backup left %d files in its folder, want only the backup: %v", len(entries), entries)
	}

	fresh := filepath.Join(t.TempDir(), "fresh")
	if got := mustCtl(t, fresh, "", "load", file); !strings.Contains(got, "loaded 3 articles (1 in the Trash)") {
		t.Errorf("load printed %q", got)
	}
	if got := everything(t, fresh, ids); got != want {
		t.Errorf("loaded store differs from the original:\nwant %s\ngot  %s", want, got)
	}

	// Through stdout and stdin, as in `newsdeskctl backup - | ssh host newsdeskctl load -`.
	stream := mustCtl(t, dir, "", "backup", "-")
	viaPipe := filepath.Join(t.TempDir(), "pipe")
	mustCtl(t, viaPipe, stream, "load", "-")
	if got := everything(t, viaPipe, ids); got != want {
		t.Errorf("store loaded from stdin differs from the original")
	}

	// A store with work in it is never merged into.
	r := ctl(t, fresh, "", "load", file)
	if r.code != 1 || !strings.Contains(r.stderr, "load needs an empty store") || !strings.Contains(r.stderr, fresh) {
		t.Errorf("load into a non-empty store: exit %d, stderr %q", r.code, r.stderr)
	}
	if got := everything(t, fresh, ids); got != want {
		t.Errorf("refused load changed the store")
	}

	// Something that is not a backup is refused and leaves the store empty.
	junk := writeFile(t, t.TempDir(), "junk", "hello")
	empty := filepath.Join(t.TempDir(), "empty")
	if r := ctl(t, empty, "", "load", junk); r.code != 1 || !strings.Contains(r.stderr, "not a Newsdesk backup") {
		t.Errorf("load of junk: exit %d, stderr %q", r.code, r.stderr)
	}
	if out := mustCtl(t, empty, "", "list", "--json"); out != "[]\n" {
		t.Errorf("store after a refused load lists %s", out)
	}
}

func TestFailedBackupLeavesNoFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	mustPut(t, dir, storyJSON)
	target := filepath.Join(t.TempDir(), "missing-folder", "b.backup")
	if r := ctl(t, dir, "", "backup", target); r.code != 1 || !strings.Contains(r.stderr, target) {
		t.Errorf("backup into a missing folder: exit %d, stderr %q", r.code, r.stderr)
	}
	// A backup over an existing file replaces it whole.
	file := writeFile(t, t.TempDir(), "b.backup", "old contents")
	mustCtl(t, dir, "", "backup", file)
	data, err := os.ReadFile(file)
	if err != nil || !strings.HasPrefix(string(data), "NEWSDESK-BACKUP") {
		t.Errorf("backup over an old file: %v, starts %q", err, data[:min(len(data), 20)])
	}
}

func TestDemoFillsAnEmptyStoreOnly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	out := mustCtl(t, dir, "", "demo")
	if !strings.HasPrefix(out, "created ") {
		t.Errorf("demo printed %q", out)
	}
	n := len(listJSON(t, dir)) + len(listJSON(t, dir, "--trash"))
	if n < 20 || n > 50 || !strings.Contains(out, strconv.Itoa(n)+" articles") {
		t.Errorf("demo made %d articles and printed %q, want about 30", n, out)
	}
	r := ctl(t, dir, "", "demo")
	if r.code != 1 || !strings.Contains(r.stderr, "demo needs an empty store") {
		t.Errorf("second demo: exit %d, stderr %q", r.code, r.stderr)
	}
	if m := len(listJSON(t, dir)) + len(listJSON(t, dir, "--trash")); m != n {
		t.Errorf("refused demo changed the count from %d to %d", n, m)
	}
}

func TestAutoBackupCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	mustCtl(t, dir, "", "demo")
	out := mustCtl(t, dir, "", "backup", "--auto")
	if !strings.Contains(out, "backed up to "+dir+"-backups") {
		t.Fatalf("backup --auto: %s", out)
	}
	if out := mustCtl(t, dir, "", "backup", "--auto"); !strings.Contains(out, "already") {
		t.Fatalf("second backup --auto: %s", out)
	}
	if r := ctl(t, dir, "", "backup", "--auto", "x"); r.code != exitUsage {
		t.Fatalf("--auto with a file: %d", r.code)
	}
}
