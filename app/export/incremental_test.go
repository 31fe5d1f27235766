package export

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"newsdesk/app"
)

// snapshot maps every file of a portal to its FileInfo, to tell files
// carried over (same inode) from files written again.
func snapshot(t *testing.T, dir string) map[string]os.FileInfo {
	t.Helper()
	out := map[string]os.FileInfo{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := os.Stat(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = fi
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// rewritten lists the files of after that are not the same file as in
// before (new or written again), manifest.json aside.
func rewritten(before, after map[string]os.FileInfo) []string {
	var out []string
	for p, fi := range after {
		if old, ok := before[p]; (!ok || !os.SameFile(old, fi)) && p != manifestName {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

func TestIncrementalExport(t *testing.T) {
	ctx := context.Background()
	svc := sampleStore(t)
	x := exporter(t, svc)
	rep := mustRun(t, x, Options{})
	dir := folderOf(rep)
	before := snapshot(t, dir)

	// Nothing changed: nothing is written, not even the manifest.
	again := mustRun(t, x, Options{})
	if len(again.Exported) != 0 || len(again.Unchanged) != len(rep.Exported) || len(again.Written) != 0 {
		t.Fatalf("unchanged re-export: exported %d, unchanged %d, written %v", len(again.Exported), len(again.Unchanged), again.Written)
	}
	if got := rewritten(before, snapshot(t, dir)); len(got) != 0 {
		t.Fatalf("an unchanged re-export rewrote %v", got)
	}

	// One story corrected: its pages, its section, the index, the feeds and
	// the sitemap are made again; every other file is the same file.
	var target ItemResult
	var recent bool
	for _, it := range rep.Exported {
		a, _ := svc.Article(ctx, it.ID)
		if a.Status == app.StatusPublished && a.Section == "Politics & Law" {
			target, recent = it, testNow.Sub(*a.PublishedAt) <= newsWindow
			a.Body += "\n\nA paragraph added in correction."
			if _, err := svc.Correct(ctx, a, "add a paragraph", appSave()); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	if target.ID == "" {
		t.Fatal("the sample has no published Politics & Law story")
	}
	dry := mustRun(t, x, Options{DryRun: true})
	third := mustRun(t, x, Options{})
	if len(third.Exported) != 1 || third.Exported[0].ID != target.ID || third.Exported[0].Revision != target.Revision+1 {
		t.Fatalf("after one correction: exported %+v", third.Exported)
	}
	got := rewritten(before, snapshot(t, dir))
	want := []string{"atom.xml", "feed.json", "index.html", "ninjs/" + target.ID + ".json", "rss.xml",
		"sections/politics-law/atom.xml", "sections/politics-law/feed.json", "sections/politics-law/index.html",
		"sections/politics-law/rss.xml", "sitemap.xml", target.Path}
	if recent {
		want = append(want, "news-sitemap.xml")
	}
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rewritten files:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if strings.Join(dry.Written, ",") != strings.Join(third.Written, ",") {
		t.Errorf("the dry run said it would write %v; the export wrote %v", dry.Written, third.Written)
	}
	if !strings.Contains(readFile(t, dir, target.Path), "A paragraph added in correction.") {
		t.Error("the corrected text is not on the article page")
	}
	if problems, err := Verify(dir); err != nil || len(problems) > 0 {
		t.Errorf("Verify: %v %q", err, problems)
	}
	log, err := svc.Store.ExportLog(ctx, target.ID)
	if err != nil || len(log) != 3 || log[2].Result != "exported" || log[2].Revision != target.Revision+1 || log[2].By != testBy ||
		log[1].Result != "unchanged" || log[2].Target != third.Target {
		t.Errorf("export log of %s: %+v (%v)", target.ID, log, err)
	}
}

func TestKilledAndTrashedStoriesLeave(t *testing.T) {
	ctx := context.Background()
	svc := sampleStore(t)
	x := exporter(t, svc)
	rep := mustRun(t, x, Options{})
	dir := folderOf(rep)
	var killed, trashed ItemResult
	for _, it := range rep.Exported {
		sum, _ := svc.Store.Summary(ctx, it.ID)
		switch {
		case killed.ID == "" && sum.Status == app.StatusPublished:
			killed = it
			if _, err := svc.Transition(ctx, it.ID, app.StatusKilled, app.TransitionOptions{Author: testBy, Note: "legal", Base: -1}); err != nil {
				t.Fatal(err)
			}
		case trashed.ID == "" && sum.Status == app.StatusReady:
			trashed = it
			if err := svc.Delete(ctx, it.ID, testBy); err != nil {
				t.Fatal(err)
			}
		}
	}
	rep = mustRun(t, x, Options{})
	if len(rep.Removed) != 2 {
		t.Fatalf("removed %+v, want the killed and the trashed story", rep.Removed)
	}
	for _, gone := range []ItemResult{killed, trashed} {
		if _, err := os.Stat(filepath.Join(dir, gone.Path)); !os.IsNotExist(err) {
			t.Errorf("%s is still on the portal (%v)", gone.Path, err)
		}
		for _, f := range []string{"index.html", "rss.xml", "sitemap.xml", "feed.json"} {
			if strings.Contains(readFile(t, dir, f), gone.Headline) && gone.Headline != "" {
				t.Errorf("%s still shows %q", f, gone.Headline)
			}
		}
		if !slices.Contains(rep.Deleted, gone.Path) || !slices.Contains(rep.Deleted, "ninjs/"+gone.ID+".json") {
			t.Errorf("deleted files %v lack %s", rep.Deleted, gone.Path)
		}
	}
	if problems, err := Verify(dir); err != nil || len(problems) > 0 {
		t.Errorf("Verify: %v %q", err, problems)
	}
}

func TestProblemsSkipTheItemNotHalfExport(t *testing.T) {
	ctx := context.Background()
	svc := mustStore(t)
	ref := mustPNG(t, svc, nil)
	a := mustSave(t, svc, &app.Article{Headline: "Port reopens after storm", Byline: []string{"Lena Park"}, Section: "World",
		Body: "The port reopened on Monday.", Photos: []app.Photo{{Image: ref, Credit: "VCG"}}, Status: app.StatusDraft})
	for _, to := range []app.Status{app.StatusCopyedit, app.StatusReady} {
		var err error
		if a, err = svc.Transition(ctx, a.ID, to, app.TransitionOptions{Author: testBy, Base: -1}); err != nil {
			t.Fatal(err)
		}
	}
	x := exporter(t, svc)
	rep := mustRun(t, x, Options{})
	dir := folderOf(rep)
	page := readFile(t, dir, rep.Exported[0].Path)

	// An import flag keeps the new revision off the portal; the old one stays.
	a.Flags = []string{"needs headline"}
	a.Body = "The port reopened on Monday after three days."
	a = mustSave(t, svc, a)
	// A story whose photo is not in the store cannot go out either.
	ghost := a.Clone()
	ghost.ID, ghost.Flags, ghost.Headline = "01a22337-0000-7000-8000-0000000000aa", nil, "Ghost photo"
	ghost.Photos = []app.Photo{{Image: "sha256:" + strings.Repeat("ab", 32), Credit: "VCG"}}
	rep = mustRun(t, x, Options{Select: Selection{IDs: []string{a.ID}, Articles: []*app.Article{ghost}}})
	if len(rep.Exported) != 0 || len(rep.Skipped) != 2 {
		t.Fatalf("exported %+v skipped %+v", rep.Exported, rep.Skipped)
	}
	for _, sk := range rep.Skipped {
		reason := strings.Join(sk.Problems, "; ")
		if !strings.Contains(reason, "flagged: needs headline") && !strings.Contains(reason, "photos[0].image") {
			t.Errorf("skipped %s for %q", sk.Headline, reason)
		}
	}
	if got := readFile(t, dir, "articles/port-reopens-after-storm.html"); got != page {
		t.Error("a skipped revision changed the page on the portal")
	}
	log, _ := svc.Store.ExportLog(ctx, a.ID)
	if len(log) != 2 || log[1].Result != "skipped" || !strings.Contains(log[1].Detail, "flagged") {
		t.Errorf("export log: %+v", log)
	}
}

func TestEmbargoedStoriesStayOff(t *testing.T) {
	svc := mustStore(t)
	ref := mustPNG(t, svc, nil)
	future, past := testNow.Add(6*time.Hour), testNow.Add(-6*time.Hour)
	mk := func(headline string, embargo *time.Time) *app.Article {
		return mustSave(t, svc, &app.Article{Headline: headline, Source: "Bloomberg", Section: "Economy", Body: "Figures out.",
			Photos: []app.Photo{{Image: ref, Credit: "VCG"}}, Status: app.StatusDraft, EmbargoUntil: embargo})
	}
	held, free := mk("GDP figures under embargo", &future), mk("GDP figures released", &past)
	for _, a := range []*app.Article{held, free} {
		for _, to := range []app.Status{app.StatusCopyedit, app.StatusReady} {
			if _, err := svc.Transition(context.Background(), a.ID, to, app.TransitionOptions{Author: testBy, Base: -1}); err != nil {
				t.Fatal(err)
			}
		}
	}
	rep := mustRun(t, exporter(t, svc), Options{})
	dir := folderOf(rep)
	if len(rep.Exported) != 1 || rep.Exported[0].ID != free.ID || len(rep.Skipped) != 1 ||
		!strings.HasPrefix(rep.Skipped[0].Problems[0], "embargoed until 2026-03-10 15:41") {
		t.Fatalf("exported %+v skipped %+v", rep.Exported, rep.Skipped)
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			if strings.Contains(string(b), "under embargo") || strings.Contains(string(b), held.ID) {
				t.Errorf("%s mentions the embargoed story", p)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var n Ninjs
	if err := json.Unmarshal([]byte(readFile(t, dir, "ninjs/"+free.ID+".json")), &n); err != nil || n.Embargoed != "2026-03-10T03:41:27+08:00" {
		t.Errorf("ninjs of a story past its embargo: embargoed %q (%v)", n.Embargoed, err)
	}
	if !strings.Contains(pageText(t, readFile(t, dir, rep.Exported[0].Path)), "By Bloomberg / Mar 10, 2026 09:41 AM / Economy") {
		t.Error("an agency story is bylined By Bloomberg")
	}
}

// A ready story shows the time it first reached the portal: an edit does
// not date it anew (and so does not move it up every page), publication
// does.
func TestReadyStoryKeepsItsPortalTime(t *testing.T) {
	ctx := context.Background()
	svc := mustStore(t)
	ref := mustPNG(t, svc, nil)
	a := mustSave(t, svc, &app.Article{Headline: "Bridge closes for repairs", Byline: []string{"Lena Park"}, Section: "City",
		Body: "The bridge closes on Monday.", Photos: []app.Photo{{Image: ref, Credit: "VCG"}}, Status: app.StatusDraft})
	for _, to := range []app.Status{app.StatusCopyedit, app.StatusReady} {
		if _, err := svc.Transition(ctx, a.ID, to, app.TransitionOptions{Author: testBy, Base: -1}); err != nil {
			t.Fatal(err)
		}
	}
	x := exporter(t, svc)
	rep := mustRun(t, x, Options{})
	dir := folderOf(rep)
	line := "By Lena Park / Mar 10, 2026 09:41 AM / City"
	later := testNow.Add(3 * time.Hour)
	svc.Now = func() time.Time { return later }
	a, _ = svc.Article(ctx, a.ID)
	a.Body += "\n\nIt reopens in May."
	mustSave(t, svc, a)
	if rep = mustRun(t, x, Options{}); len(rep.Exported) != 1 {
		t.Fatalf("exported %+v", rep.Exported)
	}
	page := pageText(t, readFile(t, dir, rep.Exported[0].Path))
	if !strings.Contains(page, line) || !strings.Contains(page, "It reopens in May.") {
		t.Errorf("after an edit the story should still read %q:\n%s", line, page)
	}
	if _, err := svc.Transition(ctx, a.ID, app.StatusPublished, app.TransitionOptions{Author: testBy, Base: -1}); err != nil {
		t.Fatal(err)
	}
	rep = mustRun(t, x, Options{})
	if page := pageText(t, readFile(t, dir, rep.Exported[0].Path)); !strings.Contains(page, "By Lena Park / Mar 10, 2026 12:41 PM / City") {
		t.Errorf("after publication the story shows its publication time:\n%s", page)
	}
}

// A file deleted from the portal by hand is made again by the next
// export, even when no story changed.
func TestLostFilesAreMadeAgain(t *testing.T) {
	svc := sampleStore(t)
	x := exporter(t, svc)
	rep := mustRun(t, x, Options{})
	dir := folderOf(rep)
	lost := rep.Exported[0].Path
	page := readFile(t, dir, lost)
	if err := os.Remove(filepath.Join(dir, lost)); err != nil {
		t.Fatal(err)
	}
	rep = mustRun(t, x, Options{})
	if strings.Join(rep.Written, ",") != lost+","+manifestName || readFile(t, dir, lost) != page {
		t.Errorf("after losing %s the export wrote %v", lost, rep.Written)
	}
}
