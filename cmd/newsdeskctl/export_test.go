package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"newsdesk/app/export"
)

// demoStore makes a store holding the sample newsroom.
func demoStore(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "newsdesk")
	mustCtl(t, dir, "", "demo")
	return dir
}

func TestExportToTheDefaultPortal(t *testing.T) {
	dir := demoStore(t)
	r := ctl(t, dir, "", "export")
	if r.code != 0 {
		t.Fatalf("export: exit %d\n%s", r.code, r.stderr)
	}
	portal := filepath.Join(filepath.Dir(dir), "portal")
	if _, err := os.Stat(filepath.Join(portal, "index.html")); err != nil {
		t.Fatalf("no portal beside the store: %v", err)
	}
	if !strings.Contains(r.stdout, "default -> "+portal+"\n") || !strings.Contains(r.stdout, " exported, 0 unchanged, 0 skipped, 0 failed\n") {
		t.Errorf("report:\n%s", r.stdout)
	}
	// Progress goes to stderr as plain lines when it is not a terminal.
	if !strings.Contains(r.stderr, "export: articles ") || !strings.Contains(r.stderr, "export: swap 1/1") || strings.Contains(r.stderr, "\r") {
		t.Errorf("progress on stderr:\n%q", r.stderr)
	}
	if problems, err := export.Verify(portal); err != nil || len(problems) > 0 {
		t.Errorf("Verify: %v %q", err, problems)
	}

	// Again, as JSON: nothing to do.
	var rep export.Report
	out := mustCtl(t, dir, "", "export", "--json")
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("export --json: %v\n%s", err, out)
	}
	if len(rep.Exported) != 0 || len(rep.Unchanged) < 10 || rep.Profile != "default" || len(rep.Written) != 0 {
		t.Errorf("second export: %+v", rep)
	}
}

func TestExportProgressBarOnATerminal(t *testing.T) {
	var buf strings.Builder
	p := &progress{w: &buf, tty: true}
	for i := 0; i <= 40; i++ {
		p.update(export.Progress{Phase: "articles", Done: i, Total: 40})
	}
	p.update(export.Progress{Phase: "pages", Done: 3, Total: 3})
	p.finish()
	out := buf.String()
	if !strings.Contains(out, "\r\033[Karticles [") || !strings.Contains(out, "] 100% 40/40") || !strings.Contains(out, "pages    [##############################] 100% 3/3") ||
		!strings.HasSuffix(out, "\r\033[K") || strings.Contains(out, "\n") {
		t.Errorf("terminal progress: %q", out)
	}
	// Redraws are throttled: not one per update.
	if n := strings.Count(out, "\r\033[K"); n > 10 {
		t.Errorf("%d redraws for 42 updates", n)
	}
}

func TestExportDryRunAndSelection(t *testing.T) {
	dir := demoStore(t)
	to := filepath.Join(t.TempDir(), "site")
	r := ctl(t, dir, "", "export", "--to", to, "--dry-run", "--status", "published", "--section", "Politics & Law")
	if r.code != 0 {
		t.Fatalf("dry run: exit %d\n%s", r.code, r.stderr)
	}
	if !strings.HasPrefix(r.stdout, "dry run: nothing was written\n") || !strings.Contains(r.stdout, "would write:\n  articles/") ||
		!strings.Contains(r.stdout, "would export: ") {
		t.Errorf("dry run report:\n%s", r.stdout)
	}
	if _, err := os.Stat(to); !os.IsNotExist(err) {
		t.Errorf("the dry run created %s (%v)", to, err)
	}

	var drafts []struct{ ID string }
	_ = json.Unmarshal([]byte(mustCtl(t, dir, "", "list", "--status", "draft", "--json")), &drafts)
	out := mustCtl(t, dir, "", "export", "--to", to, "--ids", drafts[0].ID+",01a22337-0000-7000-8000-0000000000ff")
	if !strings.Contains(out, "skipped: 2\n") || !strings.Contains(out, "only ready, due and published stories are exported") ||
		!strings.Contains(out, "no such article in the store") {
		t.Errorf("export of a draft and an unknown id:\n%s", out)
	}

	for _, args := range [][]string{{"--status", "draft"}, {"--since", "yesterday"}, {"--bogus"}} {
		r := ctl(t, dir, "", append([]string{"export", "--to", to}, args...)...)
		if r.code == 0 || !strings.Contains(r.stderr, "newsdeskctl") {
			t.Errorf("export %v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	if r := ctl(t, dir, "", "export", "--to", to, "--status", "ready"); r.code != 0 || !strings.Contains(r.stdout, "exported: ") {
		t.Errorf("export --status ready: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if help := mustCtl(t, dir, "", "export", "-h"); !strings.Contains(help, "-dry-run") || !strings.Contains(help, "-profile") {
		t.Errorf("export -h:\n%s", help)
	}
}

func TestExportPushFailuresExitOne(t *testing.T) {
	dir := demoStore(t)
	var calls atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		body, _ := io.ReadAll(r.Body)
		if r.Header.Get("Idempotency-Key") == "" || !json.Valid(body) {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		if strings.Contains(string(body), `"zh"`) {
			w.WriteHeader(http.StatusUnprocessableEntity)
			io.WriteString(w, `{"message":"this portal takes English copy only"}`)
			return
		}
		w.WriteHeader(http.StatusCreated)
	}))
	defer srv.Close()
	r := ctl(t, dir, "", "export", "--to", srv.URL+"/ninjs", "--status", "published")
	if r.code != 1 {
		t.Fatalf("push with refusals: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "FAILED: ") || !strings.Contains(r.stdout, "this portal takes English copy only") ||
		!strings.Contains(r.stderr, "failed to export") {
		t.Errorf("report:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
	if strings.Contains(r.stdout, "files:") {
		t.Errorf("a push reports files:\n%s", r.stdout)
	}
}
