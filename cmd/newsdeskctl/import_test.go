package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The hand-made pages and feeds of package portal, and the real portal
// page kept outside the repository (../shared/fixtures).
var (
	economyPage = filepath.Join("..", "..", "app", "portal", "testdata", "economy-zh.txt")
	techPage    = filepath.Join("..", "..", "app", "portal", "testdata", "tech-truncated.txt")
	ninjsFile   = filepath.Join("..", "..", "app", "portal", "testdata", "ninjs-2.json")
	fixturePage = filepath.Join("..", "..", "..", "shared", "fixtures", "portal", "caixin-politics-law.txt")
)

// importReport is the --json output.
type importReport struct {
	Imported   int               `json:"imported"`
	Duplicates int               `json:"duplicates"`
	Flagged    []json.RawMessage `json:"flagged"`
	Warnings   []struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Message string `json:"message"`
	} `json:"warnings"`
	IDs    []string `json:"ids"`
	Errors []struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Message string `json:"message"`
	} `json:"errors"`
}

func importJSON(t *testing.T, dir string, args ...string) importReport {
	t.Helper()
	out := mustCtl(t, dir, "", append([]string{"import", "--json"}, args...)...)
	var r importReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("import --json printed invalid JSON: %v\n%s", err, out)
	}
	var keys map[string]json.RawMessage
	_ = json.Unmarshal([]byte(out), &keys)
	for _, k := range []string{"imported", "duplicates", "flagged", "warnings", "ids"} {
		if _, ok := keys[k]; !ok {
			t.Errorf("import --json lacks %q:\n%s", k, out)
		}
	}
	return r
}

func TestImportCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	out := mustCtl(t, dir, "", "import", economyPage, techPage)
	for _, want := range []string{
		"economy-zh.txt: imported 5 articles", "tech-truncated.txt: imported 2 articles",
		"Flagged for the desk:", "truncated", "needs byline",
		"Warnings:", "economy-zh.txt:75: byline line names no section",
		"7 articles imported, 0 duplicates",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q:\n%s", want, out)
		}
	}
	if n := len(listJSON(t, dir)); n != 7 {
		t.Fatalf("%d articles listed, want 7", n)
	}
	again := importJSON(t, dir, economyPage, techPage)
	if again.Imported != 0 || again.Duplicates != 7 || len(again.IDs) != 0 || len(listJSON(t, dir)) != 7 {
		t.Errorf("second import: %+v", again)
	}
	rep := importJSON(t, dir, ninjsFile)
	if rep.Imported != 1 || len(rep.IDs) != 1 || len(rep.Flagged) != 1 {
		t.Fatalf("ninjs import: %+v", rep)
	}
	a := showJSON(t, dir, rep.IDs[0])
	if a["headline"] != "Harbour Cities Race to Build Container Terminals" || a["status"] != "published" || a["updated_by"] != "import" {
		t.Errorf("ninjs article: %v", a)
	}
	log := logJSON(t, dir, rep.IDs[0])
	if len(log) != 1 || log[0].Author != "import" || log[0].Message != "import "+ninjsFile {
		t.Errorf("log %+v", log)
	}
}

// TestImportRoundTrip: import, show --json, put the same JSON: no article
// gets a new revision (nothing in an imported article changes on a save).
func TestImportRoundTrip(t *testing.T) {
	files := []string{economyPage, techPage, ninjsFile}
	if _, err := os.Stat(fixturePage); err == nil {
		files = append(files, fixturePage)
	} else {
		t.Logf("the real portal fixture %s is absent; round trip of the synthetic pages only", fixturePage)
	}
	dir := filepath.Join(t.TempDir(), "store")
	rep := importJSON(t, dir, files...)
	if len(rep.IDs) < 8 {
		t.Fatalf("imported %d", len(rep.IDs))
	}
	for _, id := range rep.IDs {
		shown := mustCtl(t, dir, "", "show", id, "--json")
		out := mustCtl(t, dir, shown, "put", "--json", "-")
		var res putResult
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		if res.Revision != 1 || !res.Unchanged {
			t.Errorf("%s: put of its own show --json wrote revision %d (unchanged %v)", id, res.Revision, res.Unchanged)
		}
		if log := logJSON(t, dir, id); len(log) != 1 {
			t.Errorf("%s has %d revisions after the round trip", id, len(log))
		}
	}
}

func TestImportFixtureCommand(t *testing.T) {
	if _, err := os.Stat(fixturePage); os.IsNotExist(err) {
		abs, _ := filepath.Abs(fixturePage)
		t.Skipf("SKIPPED: the real portal fixture %s is absent (it lives outside the repository, in ../shared/fixtures)", abs)
	}
	dir := filepath.Join(t.TempDir(), "store")
	rep := importJSON(t, dir, "--tz", "Asia/Shanghai", fixturePage)
	if rep.Imported != 20 || len(rep.IDs) != 20 || len(rep.Flagged) != 20 {
		t.Fatalf("fixture: imported %d, flagged %d", rep.Imported, len(rep.Flagged))
	}
	for _, w := range rep.Warnings {
		if w.File != fixturePage || w.Line == 0 {
			t.Errorf("warning without file and line: %+v", w)
		}
	}
	again := importJSON(t, dir, fixturePage)
	if again.Imported != 0 || again.Duplicates != 20 || len(listJSON(t, dir)) != 20 {
		t.Errorf("second import of the fixture: %+v", again)
	}
	first := showJSON(t, dir, rep.IDs[0])
	if first["published_at"] != "2020-10-21T11:17:00+08:00" {
		t.Errorf("first item published_at %v", first["published_at"])
	}
}

func TestImportBadFiles(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "store")
	empty := writeFile(t, tmp, "empty.txt", "\n\n")
	latin1 := writeFile(t, tmp, "latin1.txt", "By A / Jan 02, 2020 10:00 AM / X\n\nCaf\xe9.\n")
	date := writeFile(t, tmp, "date.txt", "By A / Feb 30, 2020 10:00 AM / X\n\nText.\n")

	r := ctl(t, dir, "", "import", empty, latin1, date)
	if r.code != exitError {
		t.Fatalf("exit %d, want %d\n%s", r.code, exitError, r.stderr)
	}
	for _, want := range []string{"3 of 3 files not imported", "empty.txt is empty", "latin1.txt line 3, column 4: invalid UTF-8", "date.txt line 1: impossible date"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("a run whose files were all refused created the store: %v", err)
	}

	// One bad file among good ones: the good ones are imported, the exit
	// status says something failed, the JSON report names the file.
	r = ctl(t, dir, "", "import", "--json", economyPage, date)
	if r.code != exitError || !strings.Contains(r.stderr, "date.txt line 1") {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var rep importReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Imported != 5 || len(rep.Errors) != 1 || rep.Errors[0].File != date || rep.Errors[0].Line != 1 {
		t.Errorf("report %+v", rep)
	}
}

func TestImportUsage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	for _, args := range [][]string{
		{"import"},
		{"import", "--format", "html", economyPage},
		{"import", "--tz", "Mars/Olympus", economyPage},
	} {
		if r := ctl(t, dir, "", args...); r.code != exitUsage || !strings.Contains(r.stderr, "usage: newsdeskctl import") {
			t.Errorf("%q: exit %d\n%s", args, r.code, r.stderr)
		}
	}
	help := mustCtl(t, dir, "", "import", "-h")
	for _, want := range []string{"--format", "--tz", "--section", "import portal section pages"} {
		if !strings.Contains(help, want) {
			t.Errorf("import -h lacks %q:\n%s", want, help)
		}
	}
	if ref := mustCtl(t, dir, "", "help"); !strings.Contains(ref, "import [--format auto|portal|ninjs]") {
		t.Errorf("help lacks the import command:\n%s", ref)
	}
}
