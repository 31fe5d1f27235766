package export

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"newsdesk/app"
)

func TestDefaultProfileOutOfTheBox(t *testing.T) {
	svc := mustStore(t)
	ps, err := LoadProfiles(context.Background(), svc.Store)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ps.Get("")
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "default" || p.Target != "portal" || p.DateFormat != "Jan 02, 2006 03:04 PM" || p.TimeZone != "Asia/Shanghai" ||
		p.Title == "" || p.Blurb == "" || p.Footer == "" || p.BaseURL == "" {
		t.Errorf("default profile %+v", p)
	}
	if problems := p.Validate(""); len(problems) != 0 {
		t.Errorf("the default profile is invalid: %v", problems)
	}
	// "portal" sits beside the store folder.
	got, err := FolderPath(p.Target, "/srv/newsroom/newsdesk")
	if err != nil || got != filepath.FromSlash("/srv/newsroom/portal") {
		t.Errorf("FolderPath = %s, %v", got, err)
	}
}

func TestProfilesAreValidatedAndStored(t *testing.T) {
	ctx := context.Background()
	svc := mustStore(t)
	bad := DefaultProfile()
	bad.BaseURL, bad.TimeZone, bad.DateFormat = "news.example.com/no-scheme", "Mars/Olympus_Mons", "today"
	push := Profile{Name: "partner wire", Target: "https://partner.example.com/ninjs", BaseURL: "https://news.example.com/?x=1",
		TokenEnv: "Bearer abc.def"}
	err := SaveProfiles(ctx, svc.Store, &Profiles{Default: "nope", Profiles: []Profile{bad, push, DefaultProfile()}})
	var v *app.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("invalid profiles saved: %v", err)
	}
	for _, want := range []string{
		`profiles[0].base_url: "news.example.com/no-scheme" is not an absolute http(s) URL`,
		`profiles[0].time_zone: "Mars/Olympus_Mons" is not an IANA time zone`,
		`profiles[0].date_format: "today" shows no date`,
		`profiles[1].name: "partner wire" is not a profile name`,
		`profiles[1].base_url: "https://news.example.com/?x=1" has a query or fragment`,
		`profiles[1].token_env: "Bearer abc.def" is not an environment variable name`,
		`profiles[2].name: "default" is used by another profile`,
		`default: "nope" names no profile`,
	} {
		if !slices.ContainsFunc(v.Problems, func(p app.FieldError) bool { return strings.HasPrefix(p.String(), want) }) {
			t.Errorf("no problem %q in %v", want, v.Problems)
		}
	}
	if _, err := svc.Store.Setting(ctx, SettingName); app.ErrorCode(err) != app.ENOTFOUND {
		t.Errorf("invalid profiles reached the settings: %v", err)
	}

	good := DefaultProfile()
	good.Title = "本报 Portal"
	wire := Profile{Name: "wire", Target: "https://partner.example.com/ninjs", BaseURL: "https://news.example.com/", TokenEnv: "WIRE_TOKEN"}
	if err := SaveProfiles(ctx, svc.Store, &Profiles{Default: "wire", Profiles: []Profile{good, wire}}); err != nil {
		t.Fatal(err)
	}
	ps, err := LoadProfiles(ctx, svc.Store)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := ps.Get("")
	if p.Name != "wire" || p.Concurrency != 4 || p.Retries != 4 || p.Timeout != "15s" || p.DateFormat != DefaultDateFormat {
		t.Errorf("stored push profile came back as %+v", p)
	}
	if d, _ := ps.Get("default"); d.Title != "本报 Portal" {
		t.Errorf("title %q", d.Title)
	}
	if _, err := ps.Get("missing"); app.ErrorCode(err) != app.ENOTFOUND || !strings.Contains(err.Error(), "default, wire") {
		t.Errorf("unknown profile: %v", err)
	}
	// A --to override is checked like a stored target.
	_, err = exporter(t, svc).Run(ctx, Options{Profile: "default", To: "ftp://example.com/portal", By: testBy})
	if err == nil {
		t.Error("an ftp:// target was accepted as a folder")
	}
}

func TestSelection(t *testing.T) {
	ctx := context.Background()
	svc := sampleStore(t)
	x := exporter(t, svc)
	all := mustRun(t, x, Options{DryRun: true})
	count := func(sel Selection) (int, []ItemResult) {
		rep := mustRun(t, x, Options{DryRun: true, Select: sel})
		return len(rep.Exported), rep.Skipped
	}
	sums, _ := svc.List(ctx, app.Filter{})
	byStatus := map[app.Status][]app.Summary{}
	for _, s := range sums.Items {
		byStatus[s.Status] = append(byStatus[s.Status], s)
	}
	if n, _ := count(Selection{Statuses: []string{"published"}}); n != len(byStatus[app.StatusPublished]) {
		t.Errorf("published: %d of %d", n, len(byStatus[app.StatusPublished]))
	}
	if n, _ := count(Selection{Statuses: []string{"ready,published"}}); n != len(byStatus[app.StatusPublished])+len(byStatus[app.StatusReady]) {
		t.Errorf("ready,published: %d", n)
	}
	if n, _ := count(Selection{Statuses: []string{"due"}}); n != 0 {
		t.Errorf("the sample's scheduled stories are in the future, but %d are due", n)
	}
	secN, _ := count(Selection{Section: "Politics & Law"})
	tagN, _ := count(Selection{Tag: "courts"})
	if secN == 0 || secN >= len(all.Exported) || tagN == 0 {
		t.Errorf("section gave %d, tag gave %d of %d", secN, tagN, len(all.Exported))
	}
	from := testNow.Add(-48 * 60 * 60 * 1e9)
	if n, _ := count(Selection{From: from}); n == 0 || n >= len(all.Exported) {
		t.Errorf("the last two days gave %d of %d", n, len(all.Exported))
	}
	// Ids: a draft, a scheduled story, an unknown id and one that does
	// not match the other filters are skipped with reasons.
	ids := []string{byStatus[app.StatusDraft][0].ID, byStatus[app.StatusScheduled][0].ID, "01a22337-0000-7000-8000-0000000000ff",
		byStatus[app.StatusReady][0].ID, byStatus[app.StatusPublished][0].ID}
	n, skipped := count(Selection{IDs: ids, Statuses: []string{"published"}})
	if n != 1 || len(skipped) != 4 {
		t.Fatalf("ids: %d exported, skipped %+v", n, skipped)
	}
	for i, want := range []string{"only ready, due and published stories are exported", "not due yet", "no such article", "is not among the selected"} {
		if !strings.Contains(skipped[i].Problems[0], want) && !slices.ContainsFunc(skipped, func(s ItemResult) bool { return strings.Contains(s.Problems[0], want) }) {
			t.Errorf("no skip reason %q in %+v", want, skipped)
		}
	}
	if _, err := ParseStatuses([]string{"ready", "draft"}); err == nil {
		t.Error("draft is not an exportable status")
	}
}

func TestPaginationNewestFirst(t *testing.T) {
	svc := sampleStore(t)
	ps, _ := LoadProfiles(context.Background(), svc.Store)
	ps.Profiles[0].PageSize = 4
	if err := SaveProfiles(context.Background(), svc.Store, ps); err != nil {
		t.Fatal(err)
	}
	rep := mustRun(t, exporter(t, svc), Options{})
	dir := folderOf(rep)
	pages := (len(rep.Exported) + 3) / 4
	var text strings.Builder
	for n := 1; n <= pages; n++ {
		rel := "index.html"
		if n > 1 {
			rel = "pages/" + itoa(n) + ".html"
		}
		page := pageText(t, readFile(t, dir, rel))
		if !strings.Contains(page, "Page "+itoa(n)+" of "+itoa(pages)) {
			t.Errorf("%s does not say page %d of %d", rel, n, pages)
		}
		text.WriteString(page + "\n")
	}
	if _, err := os.Stat(filepath.Join(dir, "pages", itoa(pages+1)+".html")); !os.IsNotExist(err) {
		t.Errorf("a page past the last one exists (%v)", err)
	}
	// Every story appears once across the pages, newest first.
	var m Manifest
	if err := json.Unmarshal([]byte(readFile(t, dir, manifestName)), &m); err != nil {
		t.Fatal(err)
	}
	all, at := text.String(), 0
	for i, e := range m.Articles {
		if i > 0 && e.Time.After(m.Articles[i-1].Time) {
			t.Errorf("story %d is newer than the one before it", i)
		}
		j := strings.Index(all[at:], "\n"+e.Headline+"\n")
		if j < 0 {
			t.Fatalf("%q is not on the index pages after the story before it", e.Headline)
		}
		at += j + 1
	}
}
