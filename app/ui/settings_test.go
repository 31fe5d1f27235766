package ui

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"newsdesk/app"
	"newsdesk/store"
)

func mustLoadSettings(t *testing.T, svc *app.Service) *SettingsController {
	t.Helper()
	c := NewSettingsController(svc)
	if err := c.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSettingsRefuseUnknownZoneAndNoSections(t *testing.T) {
	svc := MustService(t)
	ctx := context.Background()
	c := mustLoadSettings(t, svc)
	if c.Dirty() || len(c.Problems()) != 0 {
		t.Fatalf("fresh settings: dirty %v, problems %v", c.Dirty(), c.Problems())
	}

	c.SetTimeZone("Mars/Olympus_Mons")
	if p := c.Problems()["time_zone"]; !strings.Contains(p, "not an IANA time zone") {
		t.Errorf("zone problem %q", p)
	}
	if err := c.Save(ctx); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("saving an unknown zone: %v", err)
	}
	c.SetTimeZone("Europe/London")

	// Retiring every section leaves the newsroom with none to file in.
	for i := range c.Draft().Sections {
		c.SetRetired(i, true)
	}
	probs := c.Problems()
	if !strings.Contains(probs["sections"], "at least one section") || !strings.Contains(probs["default_section"], "not one of the open sections") {
		t.Errorf("problems with no open section: %v", probs)
	}
	if err := c.Save(ctx); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("saving no open section: %v", err)
	}
	if n, _ := svc.Newsroom(ctx); n.TimeZone != app.DefaultTimeZone {
		t.Errorf("a refused save stored zone %q", n.TimeZone)
	}

	// Input that does not parse is refused too, with its own message.
	c.SetRetired(0, false)
	c.SetHeadlineMax("eighty")
	if p := c.Problems()["headline_max"]; p != "must be a whole number of characters" {
		t.Errorf("headline limit problem %q", p)
	}
	if err := c.Save(ctx); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("saving a limit that is not a number: %v", err)
	}
	c.SetHeadlineMax("10")
	if p := c.Problems()["headline_max"]; !strings.Contains(p, "between 20 and") {
		t.Errorf("limit 10: %q", p)
	}
	if err := c.AddSection(" politics & LAW "); err == nil {
		t.Error("a section added twice (case and spaces aside) was accepted")
	}
	if err := c.AddSection("  "); err == nil {
		t.Error("a blank section was accepted")
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	svc := MustService(t)
	ctx := context.Background()
	c := mustLoadSettings(t, svc)

	c.SetName("Caixin Global 财新")
	c.SetTimeZone("Asia/Hong_Kong")
	if err := c.AddSection("科技 Tech"); err != nil {
		t.Fatal(err)
	}
	last := len(c.Draft().Sections) - 1
	c.MoveSection(last, -1)
	c.RenameSection(0, "Politics and Law") // the default section follows
	c.SetRetired(1, true)                  // Economy
	c.SetTags("privacy\n数据, NPC\n\nprivacy")
	c.SetControlled(true)
	c.SetHeadlineMax(" 120 ")
	c.SetRequired(app.StatusReady, "dek", true)
	c.SetRequired(app.StatusReady, "photos", true)
	c.SetRequired(app.StatusPublished, "tags", true)
	c.SetRequired(app.StatusPublished, "tags", false)
	if len(c.Problems()) != 0 || !c.Dirty() {
		t.Fatalf("problems %v, dirty %v", c.Problems(), c.Dirty())
	}
	if err := c.Save(ctx); err != nil {
		t.Fatal(err)
	}
	if c.Dirty() {
		t.Error("dirty after save")
	}

	// Settings the window does not show (the backup policy) are kept.
	want := app.DefaultNewsroom()
	want.Name, want.TimeZone = "Caixin Global 财新", "Asia/Hong_Kong"
	want.Sections = []app.Section{{Name: "Politics and Law"}, {Name: "Economy", Retired: true}, {Name: "Business & Tech"},
		{Name: "Environment"}, {Name: "World"}, {Name: "科技 Tech"}, {Name: "Opinion"}}
	want.DefaultSection = "Politics and Law"
	want.Tags, want.ControlledTags = []string{"privacy", "数据", "NPC"}, true
	want.HeadlineMax = 120
	want.Required = map[app.Status][]string{app.StatusReady: {"dek", "photos"}}
	got, err := svc.Newsroom(ctx)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("stored %+v (%v)\nwant   %+v", got, err, want)
	}
	// The rules apply to saves from now on.
	if svc.Rules().HeadlineMax != 120 || !reflect.DeepEqual(svc.Rules().Vocabulary, want.Tags) {
		t.Errorf("rules not applied: %+v", svc.Rules())
	}
	// A new controller reads back what was saved...
	if again := mustLoadSettings(t, svc); !reflect.DeepEqual(again.Draft(), want) || again.Dirty() {
		t.Errorf("reloaded %+v", again.Draft())
	}
	// ...and a backup carries it to another store.
	var buf bytes.Buffer
	if err := svc.Backup(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	other := app.NewService(st)
	if err := other.Load(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	if got := mustLoadSettings(t, other).Draft(); !reflect.DeepEqual(got, want) {
		t.Errorf("after backup and load %+v", got)
	}
}

func TestIdentityPreferences(t *testing.T) {
	a := test.NewTempApp(t)
	p := a.Preferences()
	// Nothing stored: the OS user's name and its initials.
	if id := LoadIdentity(p, "Anna Berg"); id != (Identity{Name: "Anna Berg", Initials: "AB"}) {
		t.Errorf("default identity %+v", id)
	}
	for _, bad := range []Identity{{Name: "  ", Initials: "X"}, {Name: "Li Na", Initials: ""}, {Name: "Li Na", Initials: "LINAX"}} {
		if err := SaveIdentity(p, bad); app.ErrorCode(err) != app.EINVALID {
			t.Errorf("SaveIdentity(%+v) = %v", bad, err)
		}
	}
	if id := LoadIdentity(p, "Anna Berg"); id.Name != "Anna Berg" {
		t.Errorf("a refused identity was stored: %+v", id)
	}
	if err := SaveIdentity(p, Identity{Name: " 李明 ", Initials: "李明"}); err != nil {
		t.Fatal(err)
	}
	if id := LoadIdentity(p, "Anna Berg"); id != (Identity{Name: "李明", Initials: "李明"}) {
		t.Errorf("stored identity %+v", id)
	}
	for name, want := range map[string]string{"Wang Lei": "WL", "jean-paul de la tour": "JDL", "欧阳娜娜": "欧阳娜", "": ""} {
		if got := InitialsOf(name); got != want {
			t.Errorf("InitialsOf(%q) = %q, want %q", name, got, want)
		}
	}
	if c := LoadThemeChoice(p); c != ThemeSystem {
		t.Errorf("default theme %q", c)
	}
	p.SetString(prefTheme, "dark")
	if c := LoadThemeChoice(p); c != ThemeDark {
		t.Errorf("stored theme %q", c)
	}
	if WindowTitle("Caixin Global") != "Caixin Global — Newsdesk" || WindowTitle(" ") != "Newsdesk" {
		t.Errorf("titles %q %q", WindowTitle("Caixin Global"), WindowTitle(" "))
	}
}
