package export

import (
	"context"
	"strings"
	"testing"
	"time"

	"newsdesk/app"
)

func TestScheduledPublishingExports(t *testing.T) {
	ctx := context.Background()
	svc := mustStore(t)
	x := exporter(t, svc)
	svc.Publisher = &Publisher{Exporter: x}
	ref := mustPNG(t, svc, nil)
	a := mustSave(t, svc, &app.Article{Headline: "Metro line opens to airport", Byline: []string{"Lena Park", "周明"}, Section: "City",
		Body: "The new line cuts the trip to 25 minutes.", Photos: []app.Photo{{Image: ref, Credit: "Newsdesk staff"}}, Status: app.StatusDraft})
	at := testNow.Add(time.Hour)
	for _, step := range []struct {
		to app.Status
		at *time.Time
	}{{app.StatusCopyedit, nil}, {app.StatusReady, nil}, {app.StatusScheduled, &at}} {
		if _, err := svc.Transition(ctx, a.ID, step.to, app.TransitionOptions{Author: testBy, At: step.at, Base: -1}); err != nil {
			t.Fatal(err)
		}
	}
	due, err := svc.PublishDue(ctx, at.Add(time.Minute), false, "")
	if err != nil || len(due.Published) != 1 || len(due.Failed) != 0 {
		t.Fatalf("publish-due: %+v %v", due, err)
	}
	dir, _ := FolderPath("portal", x.StoreDir)
	text := pageText(t, readFile(t, dir, "sections/city/index.html"))
	if !strings.Contains(text, "Metro line opens to airport\nBy Lena Park and 周明 / Mar 10, 2026 10:42 AM / City") {
		t.Errorf("the section page after publish-due:\n%s", text)
	}
	log, _ := svc.Store.ExportLog(ctx, a.ID)
	if len(log) != 1 || log[0].By != "scheduler" || log[0].Result != "exported" {
		t.Errorf("export log: %+v", log)
	}

	// A story the portal cannot take stays scheduled, and says why.
	b := mustSave(t, svc, &app.Article{Headline: "Flagged import", Source: "Xinhua", Section: "City", Body: "Text.", Status: app.StatusDraft})
	for _, step := range []struct {
		to app.Status
		at *time.Time
	}{{app.StatusCopyedit, nil}, {app.StatusReady, nil}, {app.StatusScheduled, &at}} {
		if _, err := svc.Transition(ctx, b.ID, step.to, app.TransitionOptions{Author: testBy, At: step.at, Base: -1}); err != nil {
			t.Fatal(err)
		}
	}
	cur, _ := svc.Article(ctx, b.ID)
	cur.Flags = []string{"truncated"}
	mustSave(t, svc, cur)
	due, err = svc.PublishDue(ctx, at.Add(2*time.Minute), false, "")
	if err != nil || len(due.Failed) != 1 || !strings.Contains(due.Failed[0].Error, "flagged: truncated") {
		t.Fatalf("publish-due of a flagged story: %+v %v", due, err)
	}
	if s, _ := svc.Store.Summary(ctx, b.ID); s.Status != app.StatusScheduled {
		t.Errorf("the story that failed to export is %s, want scheduled", s.Status)
	}
}
