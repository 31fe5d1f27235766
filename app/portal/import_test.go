package portal

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"newsdesk/app"
	"newsdesk/store"
)

var ctx = context.Background()

// mustService returns a service over a real in-memory Badger store.
func mustService(t *testing.T) *app.Service {
	t.Helper()
	st, err := store.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return app.NewService(st)
}

func mustImport(t *testing.T, svc *app.Service, opt Options, paths ...string) *Report {
	t.Helper()
	rep, err := Import(ctx, svc, Files(paths...), opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func count(t *testing.T, svc *app.Service) int {
	t.Helper()
	live, err := svc.List(ctx, app.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	trash, err := svc.List(ctx, app.Filter{Deleted: true})
	if err != nil {
		t.Fatal(err)
	}
	return live.Total + trash.Total
}

func paragraphs(body string) (paras, headings []string) {
	for _, b := range strings.Split(body, "\n\n") {
		if h, ok := strings.CutPrefix(b, "## "); ok {
			headings = append(headings, h)
		} else {
			paras = append(paras, b)
		}
	}
	return paras, headings
}

// TestImportFixture imports the real page into a real store and checks
// every article against the hand-written table, then imports it again.
func TestImportFixture(t *testing.T) {
	_, lines := readFixture(t)
	line := func(n int) string { return cleanLine(lines[n-1]) }
	svc := mustService(t)
	var calls [][2]int
	rep, err := Import(ctx, svc, Files(fixturePath), Options{}, func(done, total int) { calls = append(calls, [2]int{done, total}) })
	if err != nil {
		t.Fatal(err)
	}
	if rep.Imported != 20 || rep.Duplicates != 0 || len(rep.IDs) != 20 || count(t, svc) != 20 {
		t.Fatalf("imported %d, duplicates %d, ids %d, store %d; want 20 articles", rep.Imported, rep.Duplicates, len(rep.IDs), count(t, svc))
	}
	if !slices.Equal(calls, [][2]int{{0, 1}, {1, 1}}) {
		t.Errorf("progress calls %v", calls)
	}
	for i, w := range fixtureItems {
		name := "item " + itoa(i+1) + " (line " + itoa(w.line) + ")"
		a, err := svc.Article(ctx, rep.IDs[i])
		if err != nil {
			t.Fatal(err)
		}
		if a.Revision != 1 || a.UpdatedBy != Author || a.Status != app.StatusPublished || a.TimeZone != "Asia/Shanghai" {
			t.Errorf("%s: revision %d by %q, status %s, zone %s", name, a.Revision, a.UpdatedBy, a.Status, a.TimeZone)
		}
		h, _ := svc.History(ctx, a.ID)
		if len(h) != 1 || h[0].Message != "import "+fixturePath || h[0].Author != "import" {
			t.Errorf("%s: history %+v", name, h)
		}
		if a.PublishedAt == nil || a.PublishedAt.In(shanghai(t)).Format("2006-01-02 15:04") != w.when {
			t.Errorf("%s: published_at %v, want %s Beijing time", name, a.PublishedAt, w.when)
		}
		if !slices.Equal(a.Byline, w.names) && !(len(a.Byline) == 0 && len(w.names) == 0) || a.Source != w.source || a.Section != "Politics & Law" {
			t.Errorf("%s: byline %q source %q section %q", name, a.Byline, a.Source, a.Section)
		}
		var credits, contacts []string
		for _, p := range a.Photos {
			credits = append(credits, p.Credit)
			if !IsPlaceholder(p.Image) {
				t.Errorf("%s: photo image %q is not the placeholder", name, p.Image)
			}
		}
		for _, c := range a.Contacts {
			contacts = append(contacts, string(c.Role)+":"+c.Name+":"+c.Twitter)
		}
		if !slices.Equal(credits, w.credits) || !slices.Equal(contacts, w.contacts) {
			t.Errorf("%s: credits %q contacts %q", name, credits, contacts)
		}
		paras, headings := paragraphs(a.Body)
		if len(paras) != w.paragraphs || paras[0] != line(w.first) || paras[len(paras)-1] != line(w.last) || len(headings) != len(w.headings) {
			t.Errorf("%s: %d paragraphs, %d headings; first %q; last %q", name, len(paras), len(headings), clip(paras[0], 40), clip(paras[len(paras)-1], 40))
		}
		for j, hl := range w.headings {
			if j < len(headings) && headings[j] != line(hl) {
				t.Errorf("%s: heading %q, want line %d", name, headings[j], hl)
			}
		}
		// What the page lacks is flagged, never invented or dropped silently.
		want := []string{FlagNeedsHeadline}
		if w.readMore > 0 {
			want = append(want, FlagReadMoreLink)
		}
		if len(w.related) > 0 {
			want = append(want, FlagRelatedMissing)
		}
		if len(w.credits) > 0 {
			want = append(want, FlagPhotoMissing)
		}
		slices.Sort(want)
		got := slices.Sorted(slices.Values(a.Flags))
		if !slices.Equal(got, want) {
			t.Errorf("%s: flags %q, want %q", name, got, want)
		}
		for _, r := range w.related {
			if !slices.ContainsFunc(rep.Warnings, func(x Warning) bool {
				return x.Line == r && strings.Contains(x.Message, strings.TrimPrefix(line(r), "Related: "))
			}) {
				t.Errorf("%s: no warning names the related line %d", name, r)
			}
		}
	}
	if len(rep.Flagged) != 20 || rep.Flagged[3].Line != 68 || rep.Flagged[3].ID != rep.IDs[3] {
		t.Errorf("flagged %d, fourth %+v", len(rep.Flagged), rep.Flagged[3])
	}

	// Again: nothing new, nothing rewritten.
	again := mustImport(t, svc, Options{}, fixturePath)
	if again.Imported != 0 || again.Duplicates != 20 || count(t, svc) != 20 {
		t.Errorf("second import: imported %d, duplicates %d, store %d", again.Imported, again.Duplicates, count(t, svc))
	}
	if h, _ := svc.History(ctx, rep.IDs[0]); len(h) != 1 {
		t.Errorf("a second import wrote revisions: %+v", h)
	}
}

// TestImportTestdata imports the hand-made pages and ninjs files together:
// related lines link to stored articles across items and files.
func TestImportTestdata(t *testing.T) {
	svc := mustService(t)
	rep := mustImport(t, svc, Options{},
		"testdata/economy-zh.txt", "testdata/tech-truncated.txt", "testdata/ninjs-2.json",
		"testdata/ninjs-array.json", "testdata/ninjs-lines.jsonl", "testdata/ninjs-1.json")
	if rep.Imported != 5+2+1+3+3+1 || count(t, svc) != rep.Imported || len(rep.Files) != 6 {
		t.Fatalf("imported %d, store %d, files %+v", rep.Imported, count(t, svc), rep.Files)
	}
	get := func(i int) *app.Article {
		a, err := svc.Article(ctx, rep.IDs[i])
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	first, ports, sectionless, last := get(0), get(1), get(3), get(4)
	if first.Headline != "城市更新试点扩大到二十个城市" || slices.Contains(first.Flags, FlagNeedsHeadline) || first.Language != "zh" {
		t.Errorf("printed Chinese headline: %q %v %s", first.Headline, first.Flags, first.Language)
	}
	// "Related: Ports Brace for a Busy Spring" names the second item.
	if !slices.Equal(last.Related, []app.Related{{ID: ports.ID, Headline: "Ports Brace for a Busy Spring"}}) {
		t.Errorf("related link within the file: %+v (ports is %s)", last.Related, ports.ID)
	}
	if sectionless.Status != app.StatusDraft || !slices.Contains(sectionless.Flags, "needs byline") || sectionless.Section != "Politics & Law" {
		t.Errorf("an item without byline or source: status %s flags %v section %q", sectionless.Status, sectionless.Flags, sectionless.Section)
	}
	truncated := get(6)
	if !slices.Contains(truncated.Flags, FlagTruncated) || truncated.Status != app.StatusPublished {
		t.Errorf("truncated item: %s %v", truncated.Status, truncated.Flags)
	}
	harbour := get(7)
	// The ninjs story's related headline is stored here too (the page's
	// second item): the link goes to it rather than to the outside URL.
	if !slices.Equal(harbour.Related, []app.Related{{ID: ports.ID, Headline: "Ports Brace for a Busy Spring"}}) || harbour.Dek == "" ||
		!IsPlaceholder(harbour.Photos[0].Image) || harbour.Photos[0].Credit != "Xinhua/Li He" || harbour.EmbargoUntil == nil {
		t.Errorf("ninjs story: related %+v photos %+v", harbour.Related, harbour.Photos)
	}
	withheld, killed := get(9), get(10)
	if withheld.Status != app.StatusDraft || killed.Status != app.StatusKilled {
		t.Errorf("pubstatus: withheld -> %s, canceled -> %s", withheld.Status, killed.Status)
	}
	v1 := get(14)
	if v1.Source != "Xinhua" || len(v1.Related) != 1 || v1.Related[0].Headline != "What the Rules Cover" || !slices.Contains(v1.Flags, FlagRelatedMissing) {
		t.Errorf("ninjs 1.x: %+v", v1)
	}
	data, err := svc.Store.Blob(ctx, harbour.Photos[0].Image)
	if err != nil {
		t.Fatal(err)
	}
	if info, err := app.CheckImage(data); err != nil || info.Width != 320 {
		t.Errorf("placeholder image: %+v %v", info, err)
	}
	for _, w := range rep.Warnings {
		if w.File == "" || (w.Line == 0 && !strings.Contains(w.Message, "no section")) {
			t.Errorf("warning without file or line: %+v", w)
		}
	}
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const goodPage = "Home >\n\nBy Ann Lee / Jan 02, 2020 10:00 AM / World\n\nA complete story.\n\nContact reporter Ann Lee (\n"

// TestImportBadInput: every bad file gets an error naming it (and the line
// when one is to blame) and leaves the store as it was; good files given
// with it are imported all the same.
func TestImportBadInput(t *testing.T) {
	huge := make([]byte, MaxFileBytes+10)
	for i := range huge {
		huge[i] = 'a'
	}
	hugeBody := `{"uri": "a", "headline": "A", "body_text": "` + strings.Repeat("word ", app.MaxBodyBytes/5+10) + `"}`
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty.txt", []byte(" \n\n \n"), "empty.txt is empty"},
		{"picture.txt", []byte("\x89PNG\r\n\x1a\nrest"), "picture.txt is a PNG image"},
		{"nul.txt", []byte("By A / Jan 02, 2020 10:00 AM / X\n\nText\x00more"), "nul.txt line 3, column 5: binary data"},
		{"latin1.txt", []byte("By A / Jan 02, 2020 10:00 AM / X\n\nCaf\xe9 society.\n"), "latin1.txt line 3, column 4: invalid UTF-8 (byte 0xE9)"},
		{"utf16.txt", []byte("\xff\xfeB\x00y\x00"), "utf16.txt is UTF-16"},
		{"huge.txt", huge, "more than the 16 MB"},
		{"shape.json", []byte(`{"items": []}`), "shape.json line 1: this JSON object is not a ninjs item"},
		{"date.txt", []byte(goodPage + "\n\nBy B / Feb 30, 2020 10:00 AM / X\n\nText.\n"), "date.txt line 10: impossible date"},
		{"nothing.txt", []byte("Caixin Global\n\nNo stories today.\n"), "no portal items found"},
		{"body.json", []byte(hugeBody), "body.json line 1: the story starting here cannot be stored"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc := mustService(t)
			bad := writeTemp(t, tc.name, tc.data)
			good := writeTemp(t, "good.txt", []byte(goodPage))
			rep, err := Import(ctx, svc, Files(bad, good), Options{}, nil)
			var ie *Error
			if err == nil || !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), filepath.Base(bad)) {
				t.Fatalf("error %v, want one naming %s and %q", err, tc.name, tc.want)
			}
			if rep.Imported != 1 || count(t, svc) != 1 || len(rep.Errors) != 1 || rep.Errors[0].File != bad {
				t.Errorf("imported %d, store %d, errors %+v: the good file must be imported, the bad one not", rep.Imported, count(t, svc), rep.Errors)
			}
		})
	}
	svc := mustService(t)
	if _, err := Import(ctx, svc, Files(filepath.Join(t.TempDir(), "missing.txt"), t.TempDir()), Options{}, nil); err == nil ||
		!strings.Contains(err.Error(), "missing.txt") || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("missing file and folder: %v", err)
	}
}

// TestImportAllOrNothing: a file whose last item cannot be stored saves
// none of its items, and leaves no placeholder image behind.
func TestImportAllOrNothing(t *testing.T) {
	svc := mustService(t)
	bad := `{"uri": "ok-1", "headline": "Fine", "body_text": "Fine.", "by": "Ann Lee",
 "associations": [{"type": "picture", "creditline": "VCG"}]}
{"uri": "ok-2", "headline": "Also fine", "body_text": "Fine.", "by": "Ann Lee"}
{"uri": "bad", "headline": "Broken", "body_text": "` + strings.Repeat("x", app.MaxBodyBytes+1) + `", "by": "Ann Lee"}
`
	path := writeTemp(t, "feed.jsonl", []byte(bad))
	rep, err := Import(ctx, svc, Files(path), Options{}, nil)
	if err == nil || !strings.Contains(err.Error(), "feed.jsonl line 4") || !strings.Contains(err.Error(), "body") {
		t.Fatalf("error %v, want one naming feed.jsonl line 4 and the body", err)
	}
	if rep.Imported != 0 || count(t, svc) != 0 {
		t.Errorf("a failed file left %d articles", count(t, svc))
	}
	sum := placeholderRef
	if _, err := svc.Store.Blob(ctx, sum); app.ErrorCode(err) != app.ENOTFOUND {
		t.Errorf("a failed file stored the placeholder image: %v", err)
	}
}

// TestImportTwiceAndTrash: a second import adds nothing, and does not bring
// back what an editor moved to the Trash.
func TestImportTwiceAndTrash(t *testing.T) {
	svc := mustService(t)
	rep := mustImport(t, svc, Options{}, "testdata/economy-zh.txt")
	if err := svc.Delete(ctx, rep.IDs[0], "Editor"); err != nil {
		t.Fatal(err)
	}
	again := mustImport(t, svc, Options{}, "testdata/economy-zh.txt")
	if again.Imported != 0 || again.Duplicates != 5 || count(t, svc) != 5 {
		t.Errorf("second import: %d imported, %d duplicates, %d stored", again.Imported, again.Duplicates, count(t, svc))
	}
	if a, _ := svc.Article(ctx, rep.IDs[0]); !a.Deleted {
		t.Error("the trashed article came back")
	}
	// The same story twice in one file is imported once.
	dup := writeTemp(t, "dup.txt", []byte(goodPage+"\n\n"+goodPage))
	r := mustImport(t, svc, Options{}, dup)
	if r.Imported != 1 || r.Duplicates != 1 || !slices.ContainsFunc(r.Warnings, func(w Warning) bool { return w.Line == 12 && strings.Contains(w.Message, "same story as line 3") }) {
		t.Errorf("duplicate in one file: %+v", r)
	}
}

// TestImportNewsroomSettings: the newsroom's zone is the default for page
// times, an explicit zone still finds the same items, the newsroom's
// required fields and tag list are honoured.
func TestImportNewsroomSettings(t *testing.T) {
	svc := mustService(t)
	nr, err := svc.Newsroom(ctx)
	if err != nil {
		t.Fatal(err)
	}
	nr.TimeZone = "Europe/Berlin"
	nr.ControlledTags, nr.Tags = true, []string{"Shipping"}
	nr.Required = map[app.Status][]string{app.StatusPublished: {"dek"}}
	nr.HeadlineMax = 40
	if err := svc.SetNewsroom(ctx, nr); err != nil {
		t.Fatal(err)
	}
	page := writeTemp(t, "p.txt", []byte(goodPage))
	rep := mustImport(t, svc, Options{}, page, "testdata/ninjs-2.json")
	a, _ := svc.Article(ctx, rep.IDs[0])
	berlin, _ := app.LoadZone("Europe/Berlin")
	if want := time.Date(2020, 1, 2, 10, 0, 0, 0, berlin); a.PublishedAt == nil || !a.PublishedAt.Equal(want) || a.TimeZone != "Europe/Berlin" {
		t.Errorf("published %v in %s, want %v", a.PublishedAt, a.TimeZone, want)
	}
	// No dek on the page: the newsroom requires one to publish.
	if a.Status != app.StatusDraft || !slices.Contains(a.Flags, "needs dek") {
		t.Errorf("status %s flags %v", a.Status, a.Flags)
	}
	n, _ := svc.Article(ctx, rep.IDs[1])
	if n.Headline != "Harbour Cities Race to Build Container…" {
		t.Errorf("headline %q not cut to the newsroom's 40 characters", n.Headline)
	}
	if !slices.Equal(n.Tags, []string{"Shipping"}) || n.Status != app.StatusPublished ||
		!slices.ContainsFunc(rep.Warnings, func(w Warning) bool {
			return strings.Contains(w.Message, "“Ports” is not in the newsroom's tag list")
		}) {
		t.Errorf("tags %q status %s warnings %v", n.Tags, n.Status, rep.Warnings)
	}
	again := mustImport(t, svc, Options{TimeZone: "Asia/Shanghai"}, page)
	if again.Duplicates != 1 || again.Imported != 0 {
		t.Errorf("import with another zone: %+v", again)
	}
	if _, err := Import(ctx, svc, Files(page), Options{TimeZone: "Mars/Olympus"}, nil); err == nil || !strings.Contains(err.Error(), "Mars/Olympus") {
		t.Errorf("unknown zone: %v", err)
	}
}

func TestImportCancelled(t *testing.T) {
	svc := mustService(t)
	c, cancel := context.WithCancel(ctx)
	cancel()
	rep, err := Import(c, svc, Files("testdata/economy-zh.txt"), Options{}, nil)
	if !errors.Is(err, context.Canceled) || rep.Imported != 0 || count(t, svc) != 0 {
		t.Errorf("cancelled import: %v, %d imported", err, rep.Imported)
	}
}

func TestImportFromReader(t *testing.T) {
	svc := mustService(t)
	rep, err := Import(ctx, svc, []Input{Reader("pasted page", strings.NewReader(goodPage))}, Options{Format: FormatPortal}, nil)
	if err != nil || rep.Imported != 1 || rep.Files[0].Format != FormatPortal {
		t.Fatalf("%v %+v", err, rep)
	}
	if _, err := ParseFormat("html"); err == nil {
		t.Error("an unknown format was accepted")
	}
	// Forced to ninjs, a page is not JSON.
	_, err = Import(ctx, svc, []Input{Reader("page as json", strings.NewReader(goodPage))}, Options{Format: FormatNinjs}, nil)
	if err == nil || !strings.Contains(err.Error(), "page as json line 1") {
		t.Errorf("page read as ninjs: %v", err)
	}
}

// TestRelatedAcrossImports: a related line finds a story imported earlier,
// and never one of a file that failed to import.
func TestRelatedAcrossImports(t *testing.T) {
	svc := mustService(t)
	// bad.json fails (its body is too long); its headline must not be
	// linked from the file after it, which then keeps its outside link.
	bad := `{"uri": "bad", "headline": "Ports Brace for a Busy Spring", "body_text": "` + strings.Repeat("x", app.MaxBodyBytes+1) + `"}`
	harbour := writeTemp(t, "harbour.json", mustRead(t, "testdata/ninjs-2.json"))
	rep, err := Import(ctx, svc, Files(writeTemp(t, "bad.json", []byte(bad)), harbour), Options{}, nil)
	if err == nil || rep.Imported != 1 {
		t.Fatalf("first run: %v, %d imported", err, rep.Imported)
	}
	a, _ := svc.Article(ctx, rep.IDs[0])
	if !slices.Equal(a.Related, []app.Related{{Headline: "Ports Brace for a Busy Spring", URL: "https://example.com/stories/ports-spring"}}) {
		t.Errorf("related link of the ninjs story: %+v", a.Related)
	}
	// A page brings the story; a later import links to it by its headline,
	// however the headline is spaced, cased or punctuated.
	page := writeTemp(t, "page.txt", []byte("By A / Jan 02, 2020 10:00 AM / X\n\nText.\n\nRead full story: Ports Brace for a Busy Spring\n"))
	ports := mustImport(t, svc, Options{}, page).IDs[0]
	later := writeTemp(t, "later.txt", []byte("By C / Jan 03, 2020 10:00 AM / X\n\nText.\n\nRelated: Ports  brace for a busy spring.\n"))
	r2 := mustImport(t, svc, Options{}, later)
	b, _ := svc.Article(ctx, r2.IDs[0])
	if !slices.Equal(b.Related, []app.Related{{ID: ports, Headline: "Ports  brace for a busy spring."}}) || slices.Contains(b.Flags, FlagRelatedMissing) {
		t.Errorf("related link to an earlier import: %+v %v, want id %s", b.Related, b.Flags, ports)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
