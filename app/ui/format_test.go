package ui

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"newsdesk/app"
)

func TestBylineLine(t *testing.T) {
	published := time.Date(2020, 10, 21, 3, 17, 0, 0, time.UTC)
	updated := time.Date(2020, 9, 4, 4, 31, 0, 0, time.UTC)
	tests := []struct {
		name string
		a    app.Article
		want string
	}{
		{"portal shape", app.Article{Byline: []string{"Matthew Walsh"}, Section: "Politics & Law", PublishedAt: &published, UpdatedAt: updated},
			"By Matthew Walsh / Oct 21, 2020 11:17 AM / Politics & Law"},
		{"two names, default zone", app.Article{Byline: []string{"Zhang Yuzhe", "Guo Yingzhe"}, Section: "Law", UpdatedAt: updated},
			"By Zhang Yuzhe and Guo Yingzhe / Sep 04, 2020 12:31 PM / Law"},
		{"many names", app.Article{Byline: []string{"刘登辉", "Di Ning", "Tang Hanyu"}, UpdatedAt: updated},
			"By 刘登辉, Di Ning and Tang Hanyu / Sep 04, 2020 12:31 PM"},
		{"agency copy in its zone", app.Article{Source: "Bloomberg", TimeZone: "America/New_York", UpdatedAt: updated, Section: "Markets"},
			"By Bloomberg / Sep 04, 2020 12:31 AM / Markets"},
		{"bare draft", app.Article{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := BylineLine(&tt.a); got != tt.want {
				t.Errorf("BylineLine = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestContactLine(t *testing.T) {
	got := ContactLine([]app.Contact{
		{Role: app.RoleReporter, Name: "Han Wei", Email: "weihan@example.com"},
		{Role: app.RoleEditor, Name: "Bob Simison", Twitter: "@bob"},
		{Role: app.RoleOther, Name: "王芳"},
	})
	want := "Contact reporter Han Wei (weihan@example.com), editor Bob Simison (@bob) and 王芳"
	if got != want {
		t.Errorf("ContactLine = %q, want %q", got, want)
	}
	if got := ContactLine(nil); got != "" {
		t.Errorf("ContactLine(nil) = %q, want empty", got)
	}
}

func TestSummaryMeta(t *testing.T) {
	s := app.Summary{
		Byline: []string{"李明"}, Section: "政治与法律", Status: app.StatusCopyedit,
		UpdatedAt: time.Date(2020, 10, 21, 3, 17, 0, 0, time.UTC),
	}
	if got, want := SummaryMeta(&s), "李明 · 政治与法律 · Copy desk · updated Oct 21, 2020 11:17 AM CST"; got != want {
		t.Errorf("SummaryMeta = %q, want %q", got, want)
	}
	s.TimeZone = "Europe/London"
	if got, want := SummaryMeta(&s), "李明 · 政治与法律 · Copy desk · updated Oct 21, 2020 04:17 AM BST"; got != want {
		t.Errorf("SummaryMeta in London = %q, want %q", got, want)
	}
	at := time.Date(2030, 12, 1, 9, 0, 0, 0, time.UTC)
	s.Status, s.ScheduledAt, s.UpdatedBy = app.StatusScheduled, &at, "Li Na"
	if got, want := SummaryMeta(&s), "李明 · 政治与法律 · Scheduled for Dec 01, 2030 09:00 AM GMT · updated Oct 21, 2020 04:17 AM BST by Li Na"; got != want {
		t.Errorf("scheduled SummaryMeta = %q, want %q", got, want)
	}
	s.Status, s.PublishedAt = app.StatusPublished, &at
	if got, want := SummaryMeta(&s), "李明 · 政治与法律 · Published Dec 01, 2030 09:00 AM GMT · updated Oct 21, 2020 04:17 AM BST by Li Na"; got != want {
		t.Errorf("published SummaryMeta = %q, want %q", got, want)
	}
}

func TestFolderLabels(t *testing.T) {
	var got []string
	for _, f := range Folders() {
		got = append(got, f.Label())
	}
	want := "[All Drafts Copy desk Ready Scheduled Published Killed Trash]"
	if fmt.Sprint(got) != want {
		t.Errorf("folders = %v, want %s", got, want)
	}
}

func TestUserMessage(t *testing.T) {
	err := fmt.Errorf("open store: %w", app.Errorf(app.ELOCKED, "store /x is in use by newsdeskctl (pid 42)"))
	if got := userMessage(err); got != "store /x is in use by newsdeskctl (pid 42)" {
		t.Errorf("userMessage = %q", got)
	}
	if got := userMessage(errors.New("disk full")); got != "disk full" {
		t.Errorf("userMessage = %q", got)
	}
	if userMessage(nil) != "" {
		t.Error("userMessage(nil) is not empty")
	}
}
