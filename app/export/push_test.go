package export

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"newsdesk/app"
)

const testToken = "s3cret-token-不可泄露"

// testPortal is a real HTTP server standing in for the portal's endpoint. It
// stores documents by Idempotency-Key (a replay is acknowledged, not
// stored again) and can be told to fail, stall or refuse.
type testPortal struct {
	t       *testing.T
	srv     *httptest.Server
	mu      sync.Mutex
	docs    map[string][]byte // idempotency key -> body
	tries   map[string]int    // idempotency key -> attempts
	asked   []string          // idempotency keys, one per request
	calls   atomic.Int64
	flight  atomic.Int64
	maxSeen atomic.Int64
	// answer decides a response for an attempt; zero status means 201.
	answer func(key string, attempt int, doc map[string]any) (status int, body string, stall time.Duration)
}

func newPortal(t *testing.T) *testPortal {
	p := &testPortal{t: t, docs: map[string][]byte{}, tries: map[string]int{}}
	p.srv = httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(p.srv.Close)
	return p
}

func (p *testPortal) serve(w http.ResponseWriter, r *http.Request) {
	p.calls.Add(1)
	n := p.flight.Add(1)
	defer p.flight.Add(-1)
	for {
		m := p.maxSeen.Load()
		if n <= m || p.maxSeen.CompareAndSwap(m, n) {
			break
		}
	}
	if r.Header.Get("Authorization") != "Bearer "+testToken {
		http.Error(w, `{"message":"bad token"}`, http.StatusUnauthorized)
		return
	}
	key := r.Header.Get("Idempotency-Key")
	body, _ := io.ReadAll(r.Body)
	var doc map[string]any
	if r.Method != http.MethodPost || key == "" || json.Unmarshal(body, &doc) != nil {
		http.Error(w, "want a POST of JSON with an Idempotency-Key", http.StatusBadRequest)
		return
	}
	p.mu.Lock()
	p.asked = append(p.asked, key)
	p.tries[key]++
	attempt := p.tries[key]
	p.mu.Unlock()
	status, msg, stall := 0, "", time.Duration(0)
	if p.answer != nil {
		status, msg, stall = p.answer(key, attempt, doc)
	}
	if stall > 0 {
		select {
		case <-time.After(stall):
		case <-r.Context().Done():
			return
		}
	}
	if status != 0 {
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(status)
		io.WriteString(w, msg)
		return
	}
	p.mu.Lock()
	_, replay := p.docs[key]
	if !replay {
		p.docs[key] = body
	}
	p.mu.Unlock()
	if replay {
		w.WriteHeader(http.StatusOK)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func (p *testPortal) stored() map[string][]byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[string][]byte{}
	for k, v := range p.docs {
		out[k] = v
	}
	return out
}

// pushSetup stores a push profile for srv and returns an exporter whose
// environment holds the token and whose log is captured.
func pushSetup(t *testing.T, svc *app.Service, p *testPortal) (*Exporter, *bytes.Buffer) {
	t.Helper()
	ps := &Profiles{Default: "default", Profiles: []Profile{DefaultProfile(), {Name: "partner", Target: p.srv.URL + "/ninjs",
		BaseURL: "https://news.example.com/", TokenEnv: "PARTNER_TOKEN", Timeout: "400ms", Retries: 3, Concurrency: 3}}}
	if err := SaveProfiles(context.Background(), svc.Store, ps); err != nil {
		t.Fatal(err)
	}
	x := exporter(t, svc)
	var logs bytes.Buffer
	x.Log = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	x.Getenv = func(name string) string {
		if name == "PARTNER_TOKEN" {
			return testToken
		}
		return ""
	}
	return x, &logs
}

func TestPushRetriesAndNeverDuplicates(t *testing.T) {
	svc := sampleStore(t)
	p := newPortal(t)
	var stalled atomic.Bool
	p.answer = func(key string, attempt int, doc map[string]any) (int, string, time.Duration) {
		switch {
		case attempt == 1 && stalled.CompareAndSwap(false, true):
			return 0, "", 2 * time.Second // no answer before the 400ms timeout
		case attempt <= 2 && strings.HasSuffix(strings.Split(key, ":")[0], "1"):
			return http.StatusServiceUnavailable, "busy, try later", 0
		case attempt == 1:
			return http.StatusTooManyRequests, `{"error":"slow down"}`, 0
		}
		return 0, "", 0
	}
	x, logs := pushSetup(t, svc, p)
	rep := mustRun(t, x, Options{Profile: "partner"})
	if len(rep.Exported) < 10 || len(rep.Failed) != 0 {
		t.Fatalf("pushed %d, failed %+v", len(rep.Exported), rep.Failed)
	}
	docs := p.stored()
	if len(docs) != len(rep.Exported) {
		t.Errorf("the portal stored %d documents for %d stories", len(docs), len(rep.Exported))
	}
	schema := loadSchema(t, "ninjs-schema_2.2.json")
	for _, it := range rep.Exported {
		raw, ok := docs[it.ID+":"+itoa(it.Revision)]
		if !ok {
			t.Errorf("no document under Idempotency-Key %s:%d", it.ID, it.Revision)
			continue
		}
		var doc any
		_ = json.Unmarshal(raw, &doc)
		if errs := schema.validate(doc); len(errs) > 0 {
			t.Errorf("pushed ninjs of %s breaks the schema: %q", it.ID, errs)
		}
	}
	if p.maxSeen.Load() > 3 {
		t.Errorf("%d requests at once; the profile allows 3", p.maxSeen.Load())
	}
	if int(p.calls.Load()) <= len(rep.Exported) {
		t.Errorf("%d requests for %d stories: the failures were not retried", p.calls.Load(), len(rep.Exported))
	}

	// A second run pushes nothing: every revision is recorded as sent.
	calls := p.calls.Load()
	again := mustRun(t, x, Options{Profile: "partner"})
	if len(again.Exported) != 0 || len(again.Unchanged) != len(rep.Exported) || p.calls.Load() != calls {
		t.Errorf("re-run: exported %d, unchanged %d, %d new requests", len(again.Exported), len(again.Unchanged), p.calls.Load()-calls)
	}

	// The token is nowhere but in the Authorization header.
	js, _ := json.Marshal([]*Report{rep, again})
	raw, _ := svc.Store.Setting(context.Background(), SettingName)
	var logged strings.Builder
	for _, it := range rep.Exported {
		l, _ := svc.Store.ExportLog(context.Background(), it.ID)
		b, _ := json.Marshal(l)
		logged.Write(b)
	}
	for where, s := range map[string]string{"report": string(js), "settings": string(raw), "log": logs.String(), "export log": logged.String()} {
		if strings.Contains(s, testToken) || strings.Contains(s, "s3cret") {
			t.Errorf("the token appears in the %s", where)
		}
	}
	if !strings.Contains(logs.String(), "push retry") {
		t.Error("retries were not logged")
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestPushStopsOnRefusal(t *testing.T) {
	svc := sampleStore(t)
	p := newPortal(t)
	var mu sync.Mutex
	refuse := ""
	p.answer = func(key string, attempt int, doc map[string]any) (int, string, time.Duration) {
		mu.Lock()
		if refuse == "" {
			refuse = key // the first story the portal sees is refused
		}
		refused := key == refuse
		mu.Unlock()
		if refused {
			return http.StatusUnprocessableEntity, `{"message": "headline is longer than our 80-character limit"}`, 0
		}
		return 0, "", 0
	}
	x, _ := pushSetup(t, svc, p)
	rep := mustRun(t, x, Options{Profile: "partner", Select: Selection{Statuses: []string{"published"}}})
	if len(rep.Failed) != 1 || !strings.Contains(rep.Failed[0].Problems[0], "headline is longer than our 80-character limit") ||
		!strings.Contains(rep.Failed[0].Problems[0], "422") {
		t.Fatalf("failed %+v", rep.Failed)
	}
	mu.Lock()
	first := refuse
	mu.Unlock()
	p.mu.Lock()
	tries := p.tries[first]
	p.mu.Unlock()
	if tries != 1 {
		t.Errorf("a 422 was tried %d times, want once", tries)
	}
	// The refused story is not recorded as sent: the next run tries it again.
	again := mustRun(t, x, Options{Profile: "partner", Select: Selection{Statuses: []string{"published"}}})
	if len(again.Failed) != 1 || len(again.Exported) != 0 {
		t.Errorf("re-run: failed %d exported %d", len(again.Failed), len(again.Exported))
	}
}

func TestPushGivesUpAfterRetries(t *testing.T) {
	svc := sampleStore(t)
	p := newPortal(t)
	p.answer = func(string, int, map[string]any) (int, string, time.Duration) {
		return http.StatusBadGateway, "<html>upstream down</html>", 0
	}
	x, _ := pushSetup(t, svc, p)
	rep := mustRun(t, x, Options{Profile: "partner", Select: Selection{Statuses: []string{"ready"}}})
	if len(rep.Failed) == 0 || len(rep.Exported) != 0 {
		t.Fatalf("exported %d failed %d", len(rep.Exported), len(rep.Failed))
	}
	for _, f := range rep.Failed {
		if !strings.Contains(f.Problems[0], "gave up after 4 attempts") || !strings.Contains(f.Problems[0], "upstream down") {
			t.Errorf("failure reason %q", f.Problems[0])
		}
	}
	// Four attempts each (the message counts them on the client); the
	// server may miss one that a loaded machine timed out on the way.
	if got := int(p.calls.Load()); got > 4*len(rep.Failed) || got <= 2*len(rep.Failed) {
		t.Errorf("%d requests for %d stories, want 4 each", got, len(rep.Failed))
	}
}

func TestPushResumesAfterAnInterruption(t *testing.T) {
	svc := sampleStore(t)
	p := newPortal(t)
	x, _ := pushSetup(t, svc, p)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := x.Run(ctx, Options{Profile: "partner", By: testBy, Progress: func(pr Progress) {
		if pr.Phase == "push" && pr.Done == 5 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted push: %v", err)
	}
	first := len(p.stored())
	if first < 5 {
		t.Fatalf("only %d stored before the interruption", first)
	}
	p.mu.Lock()
	before := len(p.asked)
	p.mu.Unlock()
	rep := mustRun(t, x, Options{Profile: "partner"})
	total := len(rep.Exported) + len(rep.Unchanged)
	if len(p.stored()) != total || len(rep.Unchanged) < 5 {
		t.Errorf("after resuming: %d stored for %d stories; %d were skipped as sent", len(p.stored()), total, len(rep.Unchanged))
	}
	// The second run asks only about stories it had left to send (a slow
	// answer may be asked twice: that is a retry, not a resend).
	left := map[string]bool{}
	for _, it := range rep.Exported {
		left[it.ID+":"+itoa(it.Revision)] = true
	}
	p.mu.Lock()
	for _, k := range p.asked[before:] {
		if !left[k] {
			t.Errorf("the resumed push sent %s again, which the first run had recorded as sent", k)
		}
	}
	p.mu.Unlock()
}

func TestPushWithdrawsKilledStories(t *testing.T) {
	ctx := context.Background()
	svc := sampleStore(t)
	p := newPortal(t)
	x, _ := pushSetup(t, svc, p)
	rep := mustRun(t, x, Options{Profile: "partner", Select: Selection{Statuses: []string{"published"}}})
	id := rep.Exported[0].ID
	if _, err := svc.Transition(ctx, id, app.StatusKilled, app.TransitionOptions{Author: testBy, Note: "legal", Base: -1}); err != nil {
		t.Fatal(err)
	}
	rep = mustRun(t, x, Options{Profile: "partner", Select: Selection{Statuses: []string{"published"}}})
	if len(rep.Removed) != 1 || rep.Removed[0].ID != id {
		t.Fatalf("removed %+v", rep.Removed)
	}
	found := false
	for k, body := range p.stored() {
		var n Ninjs
		if strings.HasPrefix(k, id+":") && json.Unmarshal(body, &n) == nil && n.Pubstatus == "canceled" {
			found = true
		}
	}
	if !found {
		t.Error("the portal never got the withdrawal (pubstatus canceled)")
	}
	if again := mustRun(t, x, Options{Profile: "partner", Select: Selection{Statuses: []string{"published"}}}); len(again.Removed) != 0 {
		t.Errorf("the withdrawal was sent twice: %+v", again.Removed)
	}
}

func TestPushNeedsItsToken(t *testing.T) {
	svc := sampleStore(t)
	p := newPortal(t)
	x, _ := pushSetup(t, svc, p)
	x.Getenv = func(string) string { return "" }
	_, err := x.Run(context.Background(), Options{Profile: "partner", By: testBy})
	if err == nil || !strings.Contains(err.Error(), "PARTNER_TOKEN") || p.calls.Load() != 0 {
		t.Errorf("push without the token: %v, %d requests", err, p.calls.Load())
	}
}
