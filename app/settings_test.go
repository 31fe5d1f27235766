package app_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"newsdesk/app"
	"newsdesk/store"
)

func TestDefaultNewsroomIsValid(t *testing.T) {
	n := app.DefaultNewsroom()
	if err := n.Validate(); err != nil {
		t.Fatal(err)
	}
	if n.TimeZone != "Asia/Shanghai" || len(n.OpenSections()) == 0 {
		t.Fatalf("defaults: %+v", n)
	}
}

func TestNewsroomValidation(t *testing.T) {
	cases := map[string]func(n *app.Newsroom){
		"time_zone":       func(n *app.Newsroom) { n.TimeZone = "Mars/Olympus" },
		"sections":        func(n *app.Newsroom) { n.Sections = nil },
		"sections[1]":     func(n *app.Newsroom) { n.Sections[1].Name = n.Sections[0].Name },
		"default_section": func(n *app.Newsroom) { n.Sections[0].Retired = true },
		"headline_max":    func(n *app.Newsroom) { n.HeadlineMax = 5000 },
		"name":            func(n *app.Newsroom) { n.Name = " " },
		"required.ready":  func(n *app.Newsroom) { n.Required = map[app.Status][]string{app.StatusReady: {"horoscope"}} },
		"tags":            func(n *app.Newsroom) { n.ControlledTags = true },
	}
	for field, breakIt := range cases {
		n := app.DefaultNewsroom()
		breakIt(&n)
		var v *app.ValidationError
		if err := n.Validate(); !errors.As(err, &v) || len(v.For(field)) == 0 {
			t.Errorf("%s: want a problem, got %v", field, err)
		}
	}
}

func TestNewsroomSettingsApplyAndSurviveBackup(t *testing.T) {
	svc, _ := newDesk(t)
	n := app.DefaultNewsroom()
	n.Name = "财新 Desk"
	n.TimeZone = "Europe/London"
	n.HeadlineMax = 40
	n.Required = map[app.Status][]string{app.StatusReady: {"dek", "tags"}}
	if err := svc.SetNewsroom(bg, n); err != nil {
		t.Fatal(err)
	}
	// The rules took effect: too long, and ready needs a dek and tags.
	short := mustSaveErr(t, svc, story(strings.Repeat("x", 41)))
	if short == nil || !strings.Contains(short.Error(), "limit of 40") {
		t.Fatalf("headline limit not applied: %v", short)
	}
	b := mustSave(t, svc, story("Short one"))
	svc.Transition(bg, b.ID, app.StatusCopyedit, app.TransitionOptions{Author: "Tom", Base: -1})
	_, err := svc.Transition(bg, b.ID, app.StatusReady, app.TransitionOptions{Author: "Tom", Base: -1})
	var v *app.ValidationError
	if !errors.As(err, &v) || len(v.For("dek")) != 1 || len(v.For("tags")) != 1 {
		t.Fatalf("required fields: %v", err)
	}

	var buf bytes.Buffer
	if err := svc.Backup(bg, &buf); err != nil {
		t.Fatal(err)
	}
	dst, err := store.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	if err := dst.Load(bg, &buf); err != nil {
		t.Fatal(err)
	}
	got, err := app.NewService(dst).LoadNewsroom(bg)
	if err != nil || got.Name != "财新 Desk" || got.TimeZone != "Europe/London" || got.HeadlineMax != 40 {
		t.Fatalf("after backup/load: %+v %v", got, err)
	}
	if err := svc.SetNewsroom(bg, app.Newsroom{Name: "x", TimeZone: "Nowhere"}); err == nil {
		t.Fatal("an invalid newsroom was stored")
	}
	if cur, _ := svc.Newsroom(bg); cur.Name != "财新 Desk" {
		t.Fatal("a refused setting changed the stored one")
	}
}

func mustSaveErr(t *testing.T, svc *app.Service, a *app.Article) error {
	t.Helper()
	_, err := svc.Save(bg, a, app.SaveOptions{Author: "Li Na", Base: -1})
	return err
}
