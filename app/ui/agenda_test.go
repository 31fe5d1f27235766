package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app"
)

// agendaDesk schedules five stories around Dec 1, 2026 (Beijing time) and
// returns their ids by name.
func agendaDesk(t *testing.T, svc *app.Service) map[string]string {
	t.Helper()
	bj, _ := time.LoadLocation("Asia/Shanghai")
	at := func(d, h, m, s int) time.Time { return time.Date(2026, 12, d, h, m, s, 0, bj) }
	ids := map[string]string{}
	for _, s := range []struct {
		name, section string
		at            time.Time
	}{
		{"Early bird", "Economy", at(1, 0, 30, 0)}, // Nov 30 in UTC: grouped by newsroom day
		{"Lead A", "Economy", at(1, 9, 0, 0)},
		{"Politics lead", "Politics & Law", at(1, 9, 0, 10)},
		{"Lead B 港口", "Economy", at(1, 9, 0, 30)}, // same section, same minute as Lead A
		{"Next day", "Economy", at(2, 23, 30, 0)},
	} {
		id := scheduledStory(t, svc, s.name, s.at)
		a, _ := svc.Article(context.Background(), id)
		a.Section = s.section
		deskSave(t, svc, a, "Li Na", "section")
		ids[s.name] = id
	}
	return ids
}

func TestAgendaByNewsroomDayWithConflicts(t *testing.T) {
	svc, _ := deskService(t)
	agendaDesk(t, svc)
	c := NewAgendaController(svc)
	c.Local, _ = time.LoadLocation("America/New_York")
	if err := c.Load(context.Background(), time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC), 7); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range c.Rows() {
		got = append(got, r.Text())
	}
	want := []string{
		"Tuesday, December 1, 2026",
		"00:30 (Mon 11:30 EST here) · Economy · Early bird · Li Na",
		"⚠ 09:00 (Mon 20:00 EST here) · Economy · Lead A · Li Na — same minute as another Economy story",
		"09:00 (Mon 20:00 EST here) · Politics & Law · Politics lead · Li Na",
		"⚠ 09:00 (Mon 20:00 EST here) · Economy · Lead B 港口 · Li Na — same minute as another Economy story",
		"Wednesday, December 2, 2026",
		"23:30 (10:30 EST here) · Economy · Next day · Li Na",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("agenda:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s := c.Summary(7); s != "5 stories scheduled in the next 7 days (Asia/Shanghai time); 2 in conflict (same section, same minute)." {
		t.Errorf("summary = %q", s)
	}
	// One day only: Dec 2 from the morning of Dec 2 (newsroom time).
	if err := c.Load(context.Background(), time.Date(2026, 12, 2, 1, 0, 0, 0, time.UTC), 1); err != nil {
		t.Fatal(err)
	}
	if rows := c.Rows(); len(rows) != 2 || rows[1].Item.Headline != "Next day" {
		t.Errorf("one day: %+v", rows)
	}
}

func TestAgendaViewOpensStory(t *testing.T) {
	test.NewTempApp(t)
	svc, clock := deskService(t)
	ids := agendaDesk(t, svc)
	clock.mu.Lock()
	clock.now = time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	clock.mu.Unlock()
	loop := &deskLoop{}
	v := newAgendaView(svc, loop.do)
	v.ctl.Local, _ = time.LoadLocation("Asia/Shanghai")
	var opened []string
	v.OnOpen = func(id string) { opened = append(opened, id) }
	w := test.NewTempWindow(t, v.Object())
	w.Resize(fyne.NewSize(900, 600))
	v.Reload()
	loop.settle(v.run)
	assertShown(t, v.Object(), "5 stories scheduled in the next 7 days", "Tuesday, December 1, 2026",
		"⚠ 09:00 · Economy · Lead A · Li Na — same minute as another Economy story", "23:30 · Economy · Next day")
	i := slices.IndexFunc(v.rows, func(r AgendaRow) bool { return r.Item.Headline == "Lead B 港口" })
	var conflictLabel *widget.Label
	v.list.UpdateItem(i, func() fyne.CanvasObject { l := &widget.Label{}; conflictLabel = l; return l }())
	if conflictLabel.Importance != widget.WarningImportance {
		t.Errorf("a conflict is drawn with importance %v", conflictLabel.Importance)
	}
	v.list.Select(i)
	v.list.Select(0) // a day heading opens nothing
	if !slices.Equal(opened, []string{ids["Lead B 港口"]}) {
		t.Errorf("opened %q", opened)
	}
	v.span.SetSelected("Today") // Nov 29: nothing scheduled
	loop.settle(v.run)
	assertShown(t, v.Object(), "0 stories scheduled in the next 1 day")

	// The missed-schedule setting is kept in the store.
	if v.auto.Checked {
		t.Error("missed schedules are published without asking by default")
	}
	v.auto.SetChecked(true)
	loop.settle(v.run)
	if p, _ := LoadMissedPolicy(context.Background(), svc); p != MissedPublish {
		t.Errorf("policy after ticking the box: %q", p)
	}
}
