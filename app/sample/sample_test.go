package sample

import (
	"bytes"
	"context"
	"errors"
	"image"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"newsdesk/app"
	"newsdesk/store"
)

// testNow is the service clock in these tests, so that every time Fill
// writes can be checked exactly.
var testNow = time.Date(2026, 3, 10, 9, 41, 27, 0, time.FixedZone("CST", 8*3600))

func mustService(tb testing.TB) *app.Service {
	tb.Helper()
	st, err := store.OpenMemory()
	if err != nil {
		tb.Fatalf("open memory store: %v", err)
	}
	tb.Cleanup(func() { st.Close() })
	svc := app.NewService(st)
	svc.Now = func() time.Time { return testNow }
	return svc
}

// shared is one filled store for the tests that only read it: a fill takes
// a couple of seconds under the race detector.
var shared struct {
	once sync.Once
	st   *store.Store
	svc  *app.Service
	err  error
}

func filledService(tb testing.TB) *app.Service {
	tb.Helper()
	shared.once.Do(func() {
		if shared.st, shared.err = store.OpenMemory(); shared.err != nil {
			return
		}
		shared.svc = app.NewService(shared.st)
		shared.svc.Now = func() time.Time { return testNow }
		_, shared.err = Fill(context.Background(), shared.svc, "Demo Editor")
	})
	if shared.err != nil {
		tb.Fatalf("fill the shared store: %v", shared.err)
	}
	return shared.svc
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.st != nil {
		shared.st.Close()
	}
	os.Exit(code)
}

func mustFill(tb testing.TB, svc *app.Service) {
	tb.Helper()
	n, err := Fill(context.Background(), svc, "Demo Editor")
	if err != nil {
		tb.Fatalf("Fill: %v", err)
	}
	if n != len(stories()) {
		tb.Fatalf("Fill created %d articles, want %d", n, len(stories()))
	}
}

// TestMaterial checks the hand-written stories themselves, so that a
// careless edit of the text fails here with a clear message rather than as
// an odd history in the app.
func TestMaterial(t *testing.T) {
	all := stories()
	if len(all) < 28 || len(all) > 32 {
		t.Errorf("%d stories, want about 30", len(all))
	}
	seen := map[string]int{}
	headlines := map[string]bool{}
	for i, st := range all {
		if _, dup := seen[st.key]; dup || headlines[st.headline] {
			t.Errorf("%s: duplicate key or headline", st.key)
		}
		seen[st.key], headlines[st.headline] = i, true
		if got := withCorrection(applyEdits(st.filedBody(), st.edits), st.correction); got != st.body {
			t.Errorf("%s: replaying the edits on the filed body does not give the final body", st.key)
		}
		for _, e := range st.edits {
			if e.from == e.to || !strings.Contains(st.body, e.to) || strings.Count(st.filedBody(), e.from) == 0 {
				t.Errorf("%s: edit %q -> %q changes nothing", st.key, e.from, e.to)
			}
		}
		if words := app.CountWords(st.body); words < 150 || words > 700 {
			t.Errorf("%s: body has %d words, want 150 to 700", st.key, words)
		}
		if !strings.Contains(st.filedBody(), "\n\n") {
			t.Errorf("%s: body needs paragraphs", st.key)
		}
		names := splitByline(st.byline)
		if st.source != "" {
			if len(names) != 0 || !strings.HasPrefix(st.body, "("+st.source+") — ") {
				t.Errorf("%s: wire copy needs an empty byline and a body starting with the %s dateline", st.key, st.source)
			}
		} else if len(names) < 1 || len(names) > 5 {
			t.Errorf("%s: byline %q has %d names, want 1 to 5", st.key, st.byline, len(names))
		}
		for _, name := range append(names, st.editor) {
			if err := app.CheckEmail(staff[name].email); err != nil {
				t.Errorf("%s: %s has no valid e-mail in the staff list: %v", st.key, name, err)
			}
		}
		for _, k := range st.related {
			if j, ok := seen[k]; !ok || j >= i {
				t.Errorf("%s: related story %q must come earlier in the list", st.key, k)
			}
		}
		if (st.status == app.StatusKilled || st.correction != nil) != (st.note != "") {
			t.Errorf("%s: a note goes with a kill or a correction, and only with them", st.key)
		}
		if st.correction != nil && st.status != app.StatusPublished {
			t.Errorf("%s: only published stories get corrections", st.key)
		}
		if got := app.DetectLanguage(st.headline + " " + st.body); got != st.language {
			t.Errorf("%s: language %q, but the text reads as %q", st.key, st.language, got)
		}
		if len(st.tags) < 2 {
			t.Errorf("%s: needs at least two tags (the copy desk adds the last)", st.key)
		}
	}
}

func withCorrection(body string, c *edit) string {
	if c == nil {
		return body
	}
	return strings.Replace(body, c.from, c.to, 1)
}

func TestFill(t *testing.T) {
	ctx := context.Background()
	svc := filledService(t)
	if !svc.Now().Equal(testNow) {
		t.Errorf("Fill changed the caller's clock")
	}

	list, err := svc.List(ctx, app.Filter{})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if list.Total != len(stories()) || len(list.Items) != list.Total {
		t.Fatalf("List: %d items of %d, want %d", len(list.Items), list.Total, len(stories()))
	}
	statuses := map[app.Status]int{}
	languages := map[string]int{}
	sections := map[string]bool{}
	refs := map[string]string{}
	zones := map[string]bool{}
	authors := map[string]bool{}
	wire := 0
	for _, sum := range list.Items {
		a, err := svc.Article(ctx, sum.ID)
		if err != nil {
			t.Fatalf("Article %s: %v", sum.ID, err)
		}
		statuses[a.Status]++
		languages[a.Language]++
		sections[a.Section] = true
		zones[a.TimeZone] = true
		checkArticle(t, svc, a)
		for _, p := range a.Photos {
			if other, dup := refs[p.Image]; dup {
				t.Errorf("%q and %q share a photo; every sample photo should differ", a.Headline, other)
			}
			refs[p.Image] = a.Headline
			checkPhoto(t, svc, a, p)
		}
		if a.Source != "" {
			wire++
		}
		hist, err := svc.History(ctx, a.ID)
		if err != nil {
			t.Fatalf("History %s: %v", a.ID, err)
		}
		checkHistory(t, svc, a, hist)
		for _, h := range hist {
			authors[h.Author] = true
		}
	}
	for _, s := range app.Statuses {
		if statuses[s] == 0 {
			t.Errorf("no sample article is %s", s)
		}
	}
	if languages["en"] < 18 || languages["zh"] < 8 || len(languages) != 2 {
		t.Errorf("languages %v, want about 20 English and 10 Chinese", languages)
	}
	if len(sections) < 6 {
		t.Errorf("sections %v, want at least 6", sections)
	}
	if !zones["Asia/Shanghai"] || !zones["Europe/London"] || !zones["America/New_York"] {
		t.Errorf("time zones %v, want Shanghai, London and New York", zones)
	}
	if wire != 2 {
		t.Errorf("%d wire stories, want 2", wire)
	}
	for _, who := range []string{"Li Na", "Tom Baker", "周雨", "Demo Editor"} {
		if !authors[who] {
			t.Errorf("no revision by %s", who)
		}
	}
}

func checkArticle(t *testing.T, svc *app.Service, a *app.Article) {
	t.Helper()
	if err := app.Validate(a, svc.Rules(), true); err != nil && a.Status.Strict() {
		t.Errorf("%q (%s) fails the strict rules: %v", a.Headline, a.Status, err)
	}
	if err := app.Validate(a, svc.Rules(), false); err != nil {
		t.Errorf("%q fails validation: %v", a.Headline, err)
	}
	if len(a.Byline) > 5 || (len(a.Byline) == 0) == (a.Source == "") {
		t.Errorf("%q: byline %q source %q: want 1-5 names or an agency", a.Headline, a.Byline, a.Source)
	}
	if a.Source != "" && !strings.HasPrefix(a.Body, "("+a.Source+") — ") {
		t.Errorf("%q: wire copy must start with the agency dateline", a.Headline)
	}
	if a.Language == "zh" && !strings.ContainsFunc(a.Headline+a.Body, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		t.Errorf("%q: Chinese article without Chinese text", a.Headline)
	}
	for _, c := range a.Contacts {
		if c.Email == "" || (c.Role != app.RoleReporter && c.Role != app.RoleEditor) {
			t.Errorf("%q: contact %+v needs a role and an e-mail", a.Headline, c)
		}
	}
	for _, r := range a.Related {
		if r.ID == "" {
			continue
		}
		if _, err := svc.Article(context.Background(), r.ID); err != nil {
			t.Errorf("%q: related article %s: %v", a.Headline, r.ID, err)
		}
	}
	switch a.Status {
	case app.StatusScheduled:
		if a.ScheduledAt == nil || !a.ScheduledAt.After(testNow) {
			t.Errorf("%q: scheduled at %v, want a time after %v", a.Headline, a.ScheduledAt, testNow)
		}
	case app.StatusPublished:
		if a.PublishedAt == nil || a.PublishedAt.After(testNow) {
			t.Errorf("%q: published at %v, want a time before %v", a.Headline, a.PublishedAt, testNow)
		}
	case app.StatusKilled:
		if a.Note == "" {
			t.Errorf("%q: killed without a note", a.Headline)
		}
	}
	if a.Status != app.StatusDraft && a.Status != app.StatusCopyedit && (len(a.Related) == 0 && a.ReadMore == nil && len(a.Photos) == 0) {
		t.Errorf("%q: has neither links nor photos", a.Headline)
	}
}

func checkPhoto(t *testing.T, svc *app.Service, a *app.Article, p app.Photo) {
	t.Helper()
	if !slices.Contains([]string{"VCG", "Xinhua", "Reuters", "Newsdesk staff"}, p.Credit) || p.Caption == "" || p.Alt == "" {
		t.Errorf("%q: photo %+v needs a caption, alt text and a known credit", a.Headline, p)
	}
	data, err := svc.Store.Blob(context.Background(), p.Image)
	if err != nil {
		t.Fatalf("%q: blob %s: %v", a.Headline, p.Image, err)
	}
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%q: photo does not decode: %v", a.Headline, err)
	}
	if b := img.Bounds(); b.Dx() != picW || b.Dy() != picH || (format != "png" && format != "jpeg") {
		t.Errorf("%q: photo is a %s of %v, want a %dx%d PNG or JPEG", a.Headline, format, b, picW, picH)
	}
}

func checkHistory(t *testing.T, svc *app.Service, a *app.Article, hist []app.RevisionInfo) {
	t.Helper()
	ctx := context.Background()
	if len(hist) < 2 || len(hist) > 6 || hist[0].Number != a.Revision {
		t.Fatalf("%q: %d revisions (latest %d, article at %d), want 2 to 6", a.Headline, len(hist), hist[0].Number, a.Revision)
	}
	oldest := hist[len(hist)-1]
	if oldest.Status != app.StatusDraft || hist[0].Status != a.Status {
		t.Errorf("%q: history goes %s -> %s, want draft -> %s", a.Headline, oldest.Status, hist[0].Status, a.Status)
	}
	for i, h := range hist {
		if !h.Time.Before(testNow) {
			t.Errorf("%q: revision %d at %v, not before the clock %v", a.Headline, h.Number, h.Time, testNow)
		}
		if h.Message == "" || h.Author == "" {
			t.Errorf("%q: revision %d needs an author and a message", a.Headline, h.Number)
		}
		if i > 0 && !h.Time.Before(hist[i-1].Time) {
			t.Errorf("%q: revision %d is not older than revision %d", a.Headline, h.Number, hist[i-1].Number)
		}
	}
	if a.Status == app.StatusPublished {
		ok := false
		for _, h := range hist {
			ok = ok || (h.Status == app.StatusPublished && h.StatusFrom == app.StatusReady && h.Time.Equal(*a.PublishedAt))
		}
		if !ok {
			t.Errorf("%q: no ready -> published revision at the publication time %v", a.Headline, a.PublishedAt)
		}
	}
	if a.Source != "" && oldest.Author != "Demo Editor" {
		t.Errorf("%q: wire copy taken by %q, want the person filling the sample", a.Headline, oldest.Author)
	}
	// The second save completes the draft, so every history has a diff.
	r1, err1 := svc.Revision(ctx, a.ID, oldest.Number)
	r2, err2 := svc.Revision(ctx, a.ID, oldest.Number+1)
	if err1 != nil || err2 != nil {
		t.Fatalf("%q: revisions: %v, %v", a.Headline, err1, err2)
	}
	if r1.Article.Body == r2.Article.Body || !strings.HasPrefix(r2.Article.Body, strings.TrimSuffix(r1.Article.Body, "\n")) {
		t.Errorf("%q: the second revision should add the closing paragraph to the first", a.Headline)
	}
}

func TestFillDeterministic(t *testing.T) {
	a, b := filledService(t), mustService(t)
	mustFill(t, b)
	sa, sb := snapshot(t, a), snapshot(t, b)
	if len(sa) != len(sb) {
		t.Fatalf("two fills gave %d and %d articles", len(sa), len(sb))
	}
	for i := range sa {
		if sa[i] != sb[i] {
			t.Errorf("two fills differ:\n%s\n---\n%s", sa[i], sb[i])
		}
	}
}

// snapshot renders every revision of every article, oldest article first,
// leaving out the ids the store makes up.
func snapshot(t *testing.T, svc *app.Service) []string {
	ctx := context.Background()
	list, err := svc.List(ctx, app.Filter{Sort: app.SortCreated, Ascending: true})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	var out []string
	for _, s := range list.Items {
		hist, err := svc.History(ctx, s.ID)
		if err != nil {
			t.Fatalf("History: %v", err)
		}
		var b strings.Builder
		for _, h := range hist {
			r, err := svc.Revision(ctx, s.ID, h.Number)
			if err != nil {
				t.Fatalf("Revision: %v", err)
			}
			a := r.Article
			b.WriteString(strings.Join([]string{
				h.Author, h.Message, h.Time.UTC().String(), string(a.Status), a.Headline, a.Dek, a.Body,
				strings.Join(a.Byline, "|"), strings.Join(a.Tags, "|"), a.Note, a.Slug, a.TimeZone,
			}, "\n"))
			for _, p := range a.Photos {
				b.WriteString("\n" + p.Image + " " + p.Credit)
			}
			if a.ScheduledAt != nil {
				b.WriteString("\nscheduled " + a.ScheduledAt.UTC().String())
			}
			if a.PublishedAt != nil {
				b.WriteString("\npublished " + a.PublishedAt.UTC().String())
			}
			b.WriteString("\n\n")
		}
		out = append(out, b.String())
	}
	return out
}

func TestFillRefusesNonEmptyStore(t *testing.T) {
	ctx := context.Background()
	svc := mustService(t)
	a, err := svc.Save(ctx, &app.Article{Headline: "王晓明的草稿"}, app.SaveOptions{Author: "王晓明", Base: -1})
	if err != nil {
		t.Fatalf("Save: %v", err)
	}
	n, err := Fill(ctx, svc, "Demo Editor")
	var e *app.Error
	if n != 0 || !errors.As(err, &e) || e.Code != app.EINVALID || !strings.Contains(e.Message, "already has 1 article") {
		t.Fatalf("Fill on a store with one article = %d, %v; want 0 and EINVALID naming the articles", n, err)
	}
	// An article in the Trash is still someone's work.
	if err := svc.Delete(ctx, a.ID, "王晓明"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := Fill(ctx, svc, "Demo Editor"); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("Fill on a store with only the Trash = %v, want EINVALID", err)
	}
	list, err := svc.List(ctx, app.Filter{Deleted: true})
	if err != nil || list.Total != 1 {
		t.Fatalf("after refused fills the store holds %v (%v), want the one trashed article", list, err)
	}
	live, err := svc.List(ctx, app.Filter{})
	if err != nil || live.Total != 0 {
		t.Fatalf("refused fills added articles: %v, %v", live, err)
	}
}

func TestFillAgainRefuses(t *testing.T) {
	svc := filledService(t)
	n, err := Fill(context.Background(), svc, "")
	if n != 0 || app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("second Fill = %d, %v; want 0 and EINVALID", n, err)
	}
}

func TestFillDefaultAuthorAndCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	svc := mustService(t)
	cancel()
	n, err := Fill(ctx, svc, "  ")
	if err == nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("Fill with a cancelled context = %d, %v; want context.Canceled", n, err)
	}
	svc = mustService(t)
	if _, err := Fill(context.Background(), svc, " "); err != nil {
		t.Fatalf("Fill: %v", err)
	}
	list, err := svc.List(context.Background(), app.Filter{})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	for _, s := range list.Items {
		if s.Source == "" {
			continue
		}
		hist, err := svc.History(context.Background(), s.ID)
		if err != nil {
			t.Fatalf("History: %v", err)
		}
		if who := hist[len(hist)-1].Author; who != DefaultAuthor {
			t.Errorf("%q: wire copy taken by %q, want %q when no author is given", s.Headline, who, DefaultAuthor)
		}
	}
}

func TestSplitByline(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Grace Lin", []string{"Grace Lin"}},
		{"Liu Mengqi and Owen Price", []string{"Liu Mengqi", "Owen Price"}},
		{"Chen Yuxin, Daniel Hart and Liu Mengqi", []string{"Chen Yuxin", "Daniel Hart", "Liu Mengqi"}},
		{"王晓明", []string{"王晓明"}},
		{"林芳、黄磊、刘洋", []string{"林芳", "黄磊", "刘洋"}},
	}
	for _, tt := range tests {
		if got := splitByline(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("splitByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkFill(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		svc := mustService(b)
		b.StartTimer()
		mustFill(b, svc)
	}
}
