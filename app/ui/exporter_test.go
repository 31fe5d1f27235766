package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"newsdesk/app"
	"newsdesk/app/export"
)

// exportDesk is a newsroom with two portal profiles, each a folder in a
// temporary directory, and a ready story an import flagged.
type exportDesk struct {
	newsroom
	Flagged   *app.Article
	Dir, Wire string
}

func mustExportDesk(t *testing.T, svc *app.Service) exportDesk {
	t.Helper()
	d := exportDesk{newsroom: MustNewsroom(t, svc), Dir: filepath.Join(t.TempDir(), "portal"), Wire: filepath.Join(t.TempDir(), "wire")}
	ps := &export.Profiles{Default: "desk", Profiles: []export.Profile{
		{Name: "wire", Target: d.Wire, BaseURL: "https://wire.example.com/"},
		{Name: "desk", Target: d.Dir, BaseURL: "https://news.example.com/"},
	}}
	if err := export.SaveProfiles(context.Background(), svc.Store, ps); err != nil {
		t.Fatal(err)
	}
	d.Flagged = MustSave(t, svc, &app.Article{
		Headline: "港口吞吐量连续第五个月增长", Byline: []string{"陈宇"}, Section: "Business",
		Body: "深圳港集装箱吞吐量继续上升。", Status: app.StatusReady, Flags: []string{"needs headline"},
	})
	return d
}

func newTestExportController(svc *app.Service) *ExportController {
	return NewExportController(svc, func() string { return "李编辑" })
}

func itemIDs(items []export.ItemResult) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

func sectionTitles(secs []ReportSection) []string {
	var out []string
	for _, s := range secs {
		out = append(out, s.Title)
	}
	return out
}

func TestExportControllerProfiles(t *testing.T) {
	svc := MustService(t)
	c := newTestExportController(svc)
	// A fresh store exports with the default profile.
	ps, err := c.Profiles(context.Background())
	if err != nil || ps.Default != "default" || len(ps.Profiles) != 1 {
		t.Fatalf("fresh profiles %+v, %v", ps, err)
	}
	d := mustExportDesk(t, svc)
	ps, err = c.Profiles(context.Background())
	if err != nil || ps.Default != "desk" || len(ps.Profiles) != 2 {
		t.Fatalf("profiles %+v, %v", ps, err)
	}
	p, _ := ps.Get("")
	if got := c.Target(p); got != d.Dir {
		t.Errorf("target %q, want %q", got, d.Dir)
	}
}

func TestExportControllerDryRunThenExport(t *testing.T) {
	svc := MustService(t)
	d := mustExportDesk(t, svc)
	c := newTestExportController(svc)
	ctx := context.Background()
	ch := ExportChoice{Profile: "desk", Statuses: []string{"ready", "due", "published"}}

	var phases []string
	dry := c.Run(ctx, ch, true, func(p ExportProgress) {
		if len(phases) == 0 || phases[len(phases)-1] != p.Text()[:strings.Index(p.Text(), ":")] {
			phases = append(phases, p.Text()[:strings.Index(p.Text(), ":")])
		}
	})
	if dry.Err != nil || dry.Cancelled {
		t.Fatalf("dry run: %v", dry.Err)
	}
	if !slices.Contains(phases, "Checking stories") {
		t.Errorf("progress phases %q", phases)
	}
	if ids := itemIDs(dry.Report.Exported); !slices.Equal(ids, []string{d.Facial.ID}) {
		t.Errorf("would export %q, want the published story", ids)
	}
	if _, err := os.Stat(d.Dir); !os.IsNotExist(err) {
		t.Errorf("a dry run wrote the portal folder: %v", err)
	}
	if !dry.CanExport() || dry.Title() != "Dry run: nothing written yet" {
		t.Errorf("dry run: can export %v, title %q", dry.CanExport(), dry.Title())
	}
	if s := dry.Summary(); s != "desk → "+d.Dir+": 1 story to export, 0 unchanged, 1 skipped, 0 failed." {
		t.Errorf("summary %q", s)
	}
	secs := dry.Sections()
	titles := sectionTitles(secs)
	if len(titles) != 3 || titles[0] != "Would be exported (1)" || titles[1] != "Skipped (1)" ||
		!strings.HasPrefix(titles[2], "Files that would be written (") {
		t.Fatalf("sections %q", titles)
	}
	if l := secs[0].Lines[0]; l.ID != d.Facial.ID || !strings.HasPrefix(l.Text, "Lawmakers weigh limits on facial recognition (revision 1) → ") {
		t.Errorf("exported line %+v", l)
	}
	if l := secs[1].Lines[0]; l.ID != d.Flagged.ID || !strings.Contains(l.Text, "港口吞吐量连续第五个月增长 (revision 1): ") ||
		!strings.Contains(l.Text, "flagged: needs headline") {
		t.Errorf("skipped line %+v", l)
	}
	if !slices.ContainsFunc(secs[2].Lines, func(l ReportLine) bool { return l.Text == "index.html" }) {
		t.Errorf("files %+v", secs[2].Lines)
	}

	done := c.Run(ctx, ch, false, nil)
	if done.Err != nil || done.Title() != "Export finished" || done.CanExport() {
		t.Fatalf("export: %v, title %q", done.Err, done.Title())
	}
	if ids := itemIDs(done.Report.Exported); !slices.Equal(ids, []string{d.Facial.ID}) {
		t.Errorf("exported %q", ids)
	}
	if _, err := os.Stat(filepath.Join(d.Dir, "manifest.json")); err != nil {
		t.Errorf("no portal written: %v", err)
	}
	log, err := svc.Store.ExportLog(ctx, d.Facial.ID)
	if err != nil || len(log) != 1 || log[0].By != "李编辑" || log[0].Result != "exported" || !strings.HasPrefix(log[0].Target, "desk:") {
		t.Errorf("export log %+v, %v", log, err)
	}
	if secs := done.Sections(); secs[0].Title != "Exported (1)" {
		t.Errorf("sections %q", sectionTitles(secs))
	}

	// Again: nothing changed, nothing to do.
	again := c.Run(ctx, ch, true, nil)
	if again.Err != nil || len(again.Report.Unchanged) != 1 || again.CanExport() {
		t.Errorf("second dry run: %v, unchanged %d, can export %v", again.Err, len(again.Report.Unchanged), again.CanExport())
	}
}

func TestExportControllerSelection(t *testing.T) {
	svc := MustService(t)
	d := mustExportDesk(t, svc)
	c := newTestExportController(svc)
	// The bulk view's selection: the copy desk's story is named, so it is
	// reported rather than left out; the unticked status filters too.
	out := c.Run(context.Background(), ExportChoice{Profile: "wire", Statuses: []string{"ready"}, IDs: []string{d.Port.ID, d.Facial.ID}}, true, nil)
	if out.Err != nil {
		t.Fatal(out.Err)
	}
	if len(out.Report.Exported) != 0 || len(out.Report.Skipped) != 2 || !strings.HasSuffix(out.Report.Target, d.Wire) {
		t.Fatalf("report %+v", out.Report)
	}
	why := map[string]string{}
	for _, it := range out.Report.Skipped {
		why[it.ID] = strings.Join(it.Problems, "; ")
	}
	if !strings.Contains(why[d.Port.ID], "copyedit") || !strings.Contains(why[d.Facial.ID], "not among the selected (ready)") {
		t.Errorf("reasons %q", why)
	}
	if out.CanExport() {
		t.Error("a dry run with nothing to export offers the export")
	}
}

func TestExportControllerCancelKeepsPortal(t *testing.T) {
	svc := MustService(t)
	d := mustExportDesk(t, svc)
	c := newTestExportController(svc)
	ctx := context.Background()
	ch := ExportChoice{Profile: "desk", Statuses: []string{"published"}}
	if out := c.Run(ctx, ch, false, nil); out.Err != nil {
		t.Fatal(out.Err)
	}
	before, err := os.ReadFile(filepath.Join(d.Dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	edited := *d.Facial
	edited.Headline = "Lawmakers narrow limits on facial recognition"
	MustSave(t, svc, &edited)

	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	out := c.Run(cctx, ch, false, func(p ExportProgress) {
		if p.Phase == "articles" {
			cancel()
		}
	})
	if !out.Cancelled || out.Title() != "Export cancelled" {
		t.Fatalf("cancelled %v, err %v", out.Cancelled, out.Err)
	}
	if s := out.Summary(); !strings.HasPrefix(s, "Cancelled: desk → ") || !strings.HasSuffix(s, "The previous portal is unchanged.") {
		t.Errorf("summary %q", s)
	}
	after, err := os.ReadFile(filepath.Join(d.Dir, "manifest.json"))
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("the portal changed under a cancelled export (%v)", err)
	}
}

func TestExportProgressText(t *testing.T) {
	for p, want := range map[ExportProgress]string{
		{Phase: "articles", Done: 3, Total: 40, Item: "数据保护法草案"}: "Writing article pages: 3 of 40 — 数据保护法草案",
		{Phase: "swap", Done: 0, Total: 1, Item: "/srv/portal"}:  "Putting the new portal in place: 0 of 1",
		{Phase: "later", Done: 1, Total: 2}:                      "later: 1 of 2",
	} {
		if got := p.Text(); got != want {
			t.Errorf("%+v: %q, want %q", p, got, want)
		}
	}
	if f := (ExportProgress{Done: 1, Total: 4}).Fraction(); f != 0.25 {
		t.Errorf("fraction %v", f)
	}
	if f := (ExportProgress{}).Fraction(); f != 0 {
		t.Errorf("empty fraction %v", f)
	}
}
