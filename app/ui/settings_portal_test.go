package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsdesk/app/export"
)

func TestSettingsPortalTabSavesProfiles(t *testing.T) {
	a := test.NewTempApp(t)
	svc := MustService(t)
	loop := &uiLoop{}
	r := &testRunner{loop: loop}
	v := newSettingsView(svc, a.Preferences(), "Anna Berg", r.run)
	w := test.NewTempWindow(t, v.root)
	w.Resize(fyne.NewSize(900, 900))
	settle := func() { drain(loop, r.wg.Wait) }
	settle()
	f := v.portal
	if f.pick.Selected != "default" || f.target.Text != "portal" {
		t.Fatalf("portal tab shows profile %q target %q", f.pick.Selected, f.target.Text)
	}
	// A malformed base URL is refused and nothing is stored.
	f.baseURL.SetText("not a url")
	test.Tap(f.save)
	settle()
	if !strings.HasPrefix(f.status.Text, "Not saved") {
		t.Fatalf("status %q", f.status.Text)
	}
	if ps, _ := export.LoadProfiles(context.Background(), svc.Store); ps.Profiles[0].BaseURL == "not a url" {
		t.Fatal("a refused profile was stored")
	}
	f.baseURL.SetText("https://news.example.org/")
	f.title.SetText("财新 Global")
	f.token.SetText("PORTAL_TOKEN")
	test.Tap(f.save)
	settle()
	ps, err := export.LoadProfiles(context.Background(), svc.Store)
	if err != nil || ps.Profiles[0].Title != "财新 Global" || ps.Profiles[0].TokenEnv != "PORTAL_TOKEN" {
		t.Fatalf("stored %+v %v (status %q)", ps, err, f.status.Text)
	}
}
