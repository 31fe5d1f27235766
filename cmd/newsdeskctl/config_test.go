package main

import (
	"strings"
	"testing"
)

func TestConfig(t *testing.T) {
	dir := t.TempDir()
	mustCtl(t, dir, "", "config", "set", "newsroom.name", "财新 Desk")
	if got := mustCtl(t, dir, "", "config", "get", "newsroom.name"); got != "财新 Desk\n" {
		t.Fatalf("get name: %q", got)
	}
	r := ctl(t, dir, "", "config", "set", "newsroom.time_zone", "Mars/Base")
	if r.code != exitError || !strings.Contains(r.stderr, "invalid newsroom settings") || !strings.Contains(r.stderr, "time_zone") {
		t.Fatalf("bad zone: %d %s", r.code, r.stderr)
	}
	mustCtl(t, dir, "", "config", "set", "newsroom.sections", `["Politics & Law", "Economy", "-Opinion"]`)
	if got := mustCtl(t, dir, "", "config", "get", "newsroom.sections"); got != "Politics & Law, Economy, -Opinion\n" {
		t.Fatalf("sections: %q", got)
	}
	if r := ctl(t, dir, "", "config", "set", "newsroom.sections", ""); r.code != exitError {
		t.Fatal("an empty section list was accepted")
	}
	// The newsroom's rules apply to later commands.
	mustCtl(t, dir, "", "config", "set", "newsroom.headline_max", "30")
	if r := ctl(t, dir, `{"headline": "`+strings.Repeat("x", 31)+`"}`, "put", "-"); r.code != exitError || !strings.Contains(r.stderr, "limit of 30") {
		t.Fatalf("headline limit: %d %s", r.code, r.stderr)
	}
	mustCtl(t, dir, "", "config", "set", "newsroom.required.ready", "dek")
	if got := mustCtl(t, dir, "", "config", "list"); !strings.Contains(got, "newsroom.required.ready      dek") {
		t.Fatalf("list:\n%s", got)
	}
	if r := ctl(t, dir, "", "config", "get", "nope"); r.code != exitUsage {
		t.Fatalf("unknown key: %d", r.code)
	}
}

func TestConfigPortalProfiles(t *testing.T) {
	dir := t.TempDir()
	mustCtl(t, dir, "", "config", "set", "portal.default.title", "财新 Global")
	if got := mustCtl(t, dir, "", "config", "get", "portal.default.title"); got != "财新 Global\n" {
		t.Fatalf("title: %q", got)
	}
	mustCtl(t, dir, "", "config", "set", "portal.partner.target", "https://partner.example/api")
	mustCtl(t, dir, "", "config", "set", "portal.partner.token_env", "PARTNER_TOKEN")
	if r := ctl(t, dir, "", "config", "set", "portal.partner.base_url", "not a url"); r.code != exitError {
		t.Fatalf("a malformed URL was accepted: %d", r.code)
	}
	if r := ctl(t, dir, "", "config", "set", "portal.default", "nope"); r.code != exitError {
		t.Fatalf("an unknown default profile was accepted: %d", r.code)
	}
	list := mustCtl(t, dir, "", "config", "list")
	for _, want := range []string{"portal.partner.token_env", "PARTNER_TOKEN", "portal.default "} {
		if !strings.Contains(list, want) {
			t.Fatalf("list lacks %q:\n%s", want, list)
		}
	}
}
