package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const readyStory = `{"headline": "Council votes on budget", "byline": ["Li Na"], "section": "Economy",
	"body": "The council voted.\n", "time_zone": "America/New_York"}`

func TestStatusScheduleAgendaPublishDue(t *testing.T) {
	dir := t.TempDir()
	a, _ := mustPut(t, dir, readyStory)
	b, _ := mustPut(t, dir, strings.Replace(readyStory, "Council", "Mayor", 1))

	// Several ids, one report; a bad id fails alone and the exit is 1.
	r := ctl(t, dir, "", "status", a, b, "nope", "copyedit")
	if r.code != exitError || !strings.Contains(r.stdout, "ok      "+a) || !strings.Contains(r.stdout, "FAILED  nope") {
		t.Fatalf("bulk status: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	mustCtl(t, dir, "", "status", a, b, "ready")
	if r := ctl(t, dir, "", "status", a, "published", "--note", "x"); r.code != exitOK {
		t.Fatalf("ready -> published: %s", r.stderr)
	}
	if r := ctl(t, dir, "", "status", a, "draft"); r.code != exitError || !strings.Contains(r.stdout, "cannot move from published to draft") {
		t.Fatalf("invalid move: %d %s", r.code, r.stdout)
	}

	// A wall-clock time is read in the article's own zone and kept with it.
	out := mustCtl(t, dir, "", "schedule", b, "--at", "2099-03-08 09:00")
	if !strings.Contains(out, "2099-03-08 09:00 EDT") {
		t.Fatalf("schedule: %s", out)
	}
	if r := ctl(t, dir, "", "schedule", b, "--at", "2099-03-08 02:30"); r.code != exitError {
		t.Fatalf("rescheduling a scheduled story must go through unschedule: %d", r.code)
	}
	mustCtl(t, dir, "", "unschedule", b)
	if r := ctl(t, dir, "", "schedule", b, "--at", "2099-03-08 02:30"); r.code != exitError || !strings.Contains(r.stderr, "does not exist") {
		t.Fatalf("DST gap: %d %s", r.code, r.stderr)
	}
	mustCtl(t, dir, "", "schedule", b, "--at", "2099-03-09T09:00:00Z")

	var due struct {
		Due       []struct{ ID string }
		Published []struct{ ID string }
	}
	js := mustCtl(t, dir, "", "publish-due", "--now", "2099-03-09T09:00:00Z", "--dry-run", "--json")
	if err := json.Unmarshal([]byte(js), &due); err != nil || len(due.Due) != 1 || due.Due[0].ID != b {
		t.Fatalf("dry run: %s %v", js, err)
	}
	if out := mustCtl(t, dir, "", "publish-due", "--now", "2099-03-09 08:59", "--tz", "UTC"); !strings.Contains(out, "nothing is due") {
		t.Fatalf("not yet due: %s", out)
	}
	js = mustCtl(t, dir, "", "publish-due", "--now", "2099-03-09T09:00:00Z", "--json")
	if err := json.Unmarshal([]byte(js), &due); err != nil || len(due.Published) != 1 {
		t.Fatalf("publish: %s %v", js, err)
	}
	if out := mustCtl(t, dir, "", "publish-due", "--now", "2099-03-09T09:00:00Z"); !strings.Contains(out, "nothing is due") {
		t.Fatalf("second run: %s", out)
	}
	if l := logJSON(t, dir, b); l[0].Status != "published" || l[0].Author != "publish-due" {
		t.Fatalf("publish revision: %+v", l[0])
	}
	// Publishing exported the story to the default profile's portal, a
	// folder beside the store.
	manifest, err := os.ReadFile(filepath.Join(filepath.Dir(dir), "portal", "manifest.json"))
	if err != nil || !strings.Contains(string(manifest), b) {
		t.Fatalf("the published story is not in the portal: %v", err)
	}
	if out := mustCtl(t, dir, "", "agenda", "--days", "3"); !strings.Contains(out, "nothing scheduled") {
		t.Fatalf("agenda: %s", out)
	}
}
