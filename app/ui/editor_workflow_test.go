package ui

import (
	"strings"
	"testing"
	"time"

	"newsdesk/app"
)

func TestEditorStatusGate(t *testing.T) {
	svc := MustService(t)
	e := NewArticleEditor(svc, "tester")
	e.New()
	e.Update(func(a *app.Article) {
		a.Headline = "Typhoon nears coast"
		a.Photos = []app.Photo{{Image: "sha256:" + strings.Repeat("0", 64)}}
	})
	if _, err := e.Save(ectx, SaveRequest{}); err != nil {
		t.Fatal(err)
	}
	if got := e.Actions(); len(got) != 2 || got[0].To != app.StatusCopyedit || got[1].To != app.StatusKilled {
		t.Fatalf("draft actions %+v, want copy desk and spike", got)
	}
	if _, err := e.Transition(ectx, app.StatusCopyedit, ""); err != nil {
		t.Fatalf("send to copy desk: %v", err)
	}
	if a := e.Article(); a.Status != app.StatusCopyedit || a.Revision != 2 || e.Dirty() {
		t.Fatalf("after move: %s rev %d dirty %v", a.Status, a.Revision, e.Dirty())
	}
	// Marking ready needs a byline, a section, a body and a credit: all
	// problems at once, each under its own field.
	_, err := e.Transition(ectx, app.StatusReady, "")
	want := []string{"photos[0].credit", "byline", "section", "body"}
	if got := problemFields(e.Problems()); app.ErrorCode(err) != app.EINVALID || strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("ready gate: err %v, problems %q, want %q", err, got, want)
	}
	// Problems go away one by one as they are fixed.
	e.Update(func(a *app.Article) { a.Section = "Environment" })
	if got := problemFields(e.Problems()); len(got) != 3 {
		t.Errorf("after the section: %q", got)
	}
	e.Update(func(a *app.Article) {
		a.Source = "Xinhua"
		a.Body = "The storm is expected to make landfall tonight."
		a.Photos[0].Credit = "VCG"
	})
	out, err := e.Transition(ectx, app.StatusReady, "")
	if err != nil {
		t.Fatalf("mark ready: %v", err)
	}
	// The edits were saved first (revision 3), then the move (revision 4).
	if out.Status != app.StatusReady || out.Revision != 4 || e.Base() != 4 || e.Dirty() {
		t.Fatalf("after ready: %s rev %d base %d dirty %v", out.Status, out.Revision, e.Base(), e.Dirty())
	}
	hist, _ := svc.History(ectx, out.ID)
	if hist[0].StatusFrom != app.StatusCopyedit || hist[1].Message != "edits before: mark ready" {
		t.Errorf("history %+v", hist[:2])
	}
	if _, err := e.Transition(ectx, app.StatusDraft, ""); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("ready -> draft: %v, want refused", err)
	}
}

func TestEditorSchedule(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	e := NewArticleEditor(svc, "tester")
	if err := e.Open(ectx, n.Port.ID); err != nil {
		t.Fatal(err)
	}
	e.Update(func(a *app.Article) { a.Byline = []string{"Chen Yu"} })
	if _, err := e.Transition(ectx, app.StatusReady, ""); err != nil {
		t.Fatal(err)
	}
	// Scheduling without a time is refused next to the schedule.
	if _, err := e.Transition(ectx, app.StatusScheduled, ""); err == nil || len(e.Problems().For("scheduled_at")) != 1 {
		t.Fatalf("schedule without time: %v, problems %v", err, problemFields(e.Problems()))
	}
	for _, bad := range []ScheduleInput{
		{Date: "2030-12-01", Zone: "Asia/Shanghai"},
		{Date: "2030-12-01", Clock: "9 o'clock", Zone: "Asia/Shanghai"},
		{Date: "2030-03-31", Clock: "01:30", Zone: "Europe/London"}, // the hour clocks skip
		{Date: "2030-12-01", Clock: "09:00", Zone: "Mars/Olympus"},
	} {
		e.SetSchedule(bad)
		if got := e.Problems().For("scheduled_at"); len(got) != 1 {
			t.Errorf("%+v: problems %v, want one at scheduled_at", bad, got)
		}
		if _, err := e.Save(ectx, SaveRequest{}); err == nil {
			t.Errorf("%+v: saved a broken schedule", bad)
		}
	}
	e.SetSchedule(ScheduleInput{Date: "2030-12-01", Clock: "09:00", Zone: "Europe/London"})
	if v := e.Problems(); v != nil {
		t.Fatalf("good schedule: %v", v)
	}
	want := time.Date(2030, 12, 1, 9, 0, 0, 0, time.UTC) // London is on GMT in December
	if got := e.Article().ScheduledAt; got == nil || !got.Equal(want) {
		t.Fatalf("scheduled at %v, want %v", got, want)
	}
	text := e.ScheduleText(time.FixedZone("PST", -8*3600))
	for _, s := range []string{"Newsroom time Sun Dec 1, 2030 17:00 CST", "Europe/London Sun Dec 1, 2030 09:00 GMT", "on this computer Sun Dec 1, 2030 01:00 PST"} {
		if !strings.Contains(text, s) {
			t.Errorf("schedule text %q lacks %q", text, s)
		}
	}
	out, err := e.Transition(ectx, app.StatusScheduled, "")
	if err != nil {
		t.Fatalf("schedule: %v", err)
	}
	if out.Status != app.StatusScheduled || !out.ScheduledAt.Equal(want) || out.TimeZone != "Europe/London" {
		t.Errorf("stored %s at %v in %s", out.Status, out.ScheduledAt, out.TimeZone)
	}
	if got := e.Schedule(); got != (ScheduleInput{Date: "2030-12-01", Clock: "09:00", Zone: "Europe/London"}) {
		t.Errorf("schedule fields after the move: %+v", got)
	}
	// Clearing both fields drops the planned time.
	e.SetSchedule(ScheduleInput{Zone: "Europe/London"})
	if e.Article().ScheduledAt != nil {
		t.Error("clearing the schedule kept the time")
	}
}

func TestEditorKillNeedsNoteAndIsReadOnly(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	e := NewArticleEditor(svc, "tester")
	if err := e.Open(ectx, n.Facial.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Transition(ectx, app.StatusKilled, " "); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("kill without note: %v", err)
	}
	if _, err := e.Transition(ectx, app.StatusKilled, "legal complaint"); err != nil {
		t.Fatal(err)
	}
	if e.ReadOnly() == "" || e.Actions() != nil {
		t.Errorf("killed story: read-only %q actions %v", e.ReadOnly(), e.Actions())
	}
	e.Update(func(a *app.Article) { a.Headline = "Changed" })
	if _, err := e.Save(ectx, SaveRequest{}); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("saving a killed story: %v", err)
	}
}

func TestEditorCorrectionNeedsNote(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	e := NewArticleEditor(svc, "tester")
	if err := e.Open(ectx, n.Facial.ID); err != nil {
		t.Fatal(err)
	}
	e.Update(func(a *app.Article) { a.Dek = "A draft law would decide who may scan faces." })
	if _, err := e.Save(ectx, SaveRequest{}); err == nil || !strings.Contains(err.Error(), "correction needs a note") {
		t.Fatalf("correction without note: %v", err)
	}
	if !e.Dirty() {
		t.Fatal("a refused save lost the edits")
	}
	out, err := e.Save(ectx, SaveRequest{Message: "dek shortened"})
	if err != nil {
		t.Fatal(err)
	}
	if out.Status != app.StatusPublished || out.Note != "dek shortened" {
		t.Errorf("correction stored as %s with note %q", out.Status, out.Note)
	}
}
