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
