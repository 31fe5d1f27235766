package ui

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"newsdesk/app"
	"newsdesk/app/portal"
)

// importFiles are the pages of testdata/import: a portal page with two
// items (one with a photo and a related story the page has no link for),
// an agency item in ninjs, and a cut-off JSON file.
var importFiles = portal.Files("testdata/import/harbour-page.txt", "testdata/import/wire-ninjs.json", "testdata/import/broken.json")

func TestImportControllerReportsProgressAndProblems(t *testing.T) {
	svc := MustService(t)
	ctx := context.Background()
	// Page times are read in the newsroom's zone.
	nr := app.DefaultNewsroom()
	nr.TimeZone = "Europe/London"
	if err := svc.SetNewsroom(ctx, nr); err != nil {
		t.Fatal(err)
	}
	c := NewImportController(svc)

	var seen []string
	out := c.Run(ctx, importFiles, func(p ImportProgress) { seen = append(seen, p.Text()) })
	want := []string{
		"File 1 of 3: testdata/import/harbour-page.txt",
		"File 2 of 3: testdata/import/wire-ninjs.json",
		"File 3 of 3: testdata/import/broken.json",
		"3 of 3 files imported",
	}
	if !reflect.DeepEqual(seen, want) {
		t.Errorf("progress %q", seen)
	}
	if out.Cancelled || out.Err == nil || out.Report.Imported != 3 {
		t.Fatalf("outcome: cancelled %v, err %v, imported %d", out.Cancelled, out.Err, out.Report.Imported)
	}
	if s := out.Summary(); s != "3 stories imported, 0 duplicates already in the store, 2 stories flagged for an editor." {
		t.Errorf("summary %q", s)
	}
	secs := out.Sections()
	var titles []string
	for _, s := range secs {
		titles = append(titles, s.Title)
	}
	if !reflect.DeepEqual(titles, []string{"Not imported", "Flagged for an editor", "Warnings"}) {
		t.Fatalf("sections %q", titles)
	}
	if l := secs[0].Lines; len(l) != 1 || !strings.Contains(l[0].Text, "broken.json line 2") || !strings.Contains(l[0].Text, "cut off") {
		t.Errorf("errors %+v", l)
	}
	flagged := secs[1].Lines
	if len(flagged) != 2 || flagged[0].ID == "" || !strings.Contains(flagged[0].Text, "needs headline") ||
		!strings.Contains(flagged[0].Text, "photo missing") || !strings.HasSuffix(flagged[0].Text, "(testdata/import/harbour-page.txt line 4)") ||
		!strings.HasPrefix(flagged[1].Text, "港口吞吐量连续第五个月增长") {
		t.Errorf("flagged %+v", flagged)
	}
	if w := secs[2].Lines; len(w) != 1 || !strings.HasPrefix(w[0].Text, "testdata/import/harbour-page.txt:14: related story") {
		t.Errorf("warnings %+v", w)
	}

	a, err := svc.Article(ctx, flagged[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	london, _ := time.LoadLocation("Europe/London")
	if want := time.Date(2021, 3, 4, 15, 5, 0, 0, london); a.PublishedAt == nil || !a.PublishedAt.Equal(want) || a.TimeZone != "Europe/London" {
		t.Errorf("published at %v in %q, want %v", a.PublishedAt, a.TimeZone, want)
	}

	// Importing again adds nothing.
	again := c.Run(ctx, importFiles[:2], nil)
	if again.Err != nil || again.Report.Imported != 0 || again.Report.Duplicates != 3 || len(again.Sections()) != 0 {
		t.Errorf("second import: %+v %v", again.Report, again.Err)
	}
	if s := again.Summary(); s != "0 stories imported, 3 duplicates already in the store." {
		t.Errorf("second summary %q", s)
	}
}

func TestImportControllerCancel(t *testing.T) {
	svc := MustService(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := NewImportController(svc)
	// The editor presses Cancel while the first file is being imported:
	// that file completes (one transaction), the others are not started.
	out := c.Run(ctx, importFiles, func(p ImportProgress) {
		if p.Done == 1 {
			cancel()
		}
	})
	if !out.Cancelled || out.Report.Imported != 2 || len(out.Report.Files) != 1 {
		t.Fatalf("cancelled import: cancelled %v, imported %d, files %+v", out.Cancelled, out.Report.Imported, out.Report.Files)
	}
	if s := out.Summary(); !strings.HasPrefix(s, "Import cancelled after 1 of 3 files. 2 stories imported") {
		t.Errorf("summary %q", s)
	}
	for _, s := range out.Sections() {
		if s.Title == "Not imported" {
			t.Errorf("a cancel is not a failed file: %+v", s.Lines)
		}
	}
	res, err := svc.List(context.Background(), app.Filter{})
	if err != nil || res.Total != 2 {
		t.Errorf("store holds %v articles (%v), want the first file's 2", res, err)
	}
}

func TestImportable(t *testing.T) {
	for name, want := range map[string]bool{
		"page.txt": true, "WIRE.JSON": true, "feed.jsonl": true, "a.ndjson": true,
		"photo.jpg": false, "notes": false, "page.txt.bak": false,
	} {
		if Importable(name) != want {
			t.Errorf("Importable(%q) = %v", name, !want)
		}
	}
}
