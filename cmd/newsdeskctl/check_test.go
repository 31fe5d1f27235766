package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCheckOnDemoStore(t *testing.T) {
	dir := t.TempDir()
	mustCtl(t, dir, "", "demo")
	out := mustCtl(t, dir, "", "check")
	if !strings.Contains(out, "30 articles") || !strings.Contains(out, "no problems found") {
		t.Fatalf("check:\n%s", out)
	}
	var rep struct {
		Articles, Revisions int
		Problems            []string
	}
	if err := json.Unmarshal([]byte(mustCtl(t, dir, "", "check", "--repair", "--json")), &rep); err != nil ||
		rep.Articles != 30 || rep.Revisions < 60 || len(rep.Problems) != 0 {
		t.Fatalf("check --repair --json: %+v %v", rep, err)
	}
}
