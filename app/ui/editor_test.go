package ui

import (
	"context"
	"strings"
	"testing"

	"newsdesk/app"
	"newsdesk/store"
)

var ectx = context.Background()

func problemFields(v *app.ValidationError) []string {
	if v == nil {
		return nil
	}
	var out []string
	for _, p := range v.Problems {
		out = append(out, p.Field)
	}
	return out
}

func TestEditorNewEditSave(t *testing.T) {
	svc := MustService(t)
	e := NewArticleEditor(svc, "Li Na")
	e.New()
	if !e.IsOpen() || e.Dirty() || e.ID() != "" || e.Base() != 0 {
		t.Fatalf("new: open %v dirty %v id %q base %d", e.IsOpen(), e.Dirty(), e.ID(), e.Base())
	}
	e.Update(func(a *app.Article) {
		a.Headline = "  数据保护法草案征求意见  "
		a.Byline = []string{"李明", "Anna Berg"}
		a.Body = "全国人大常委会审议了草案。\n\nExperts say more detail is needed."
	})
	if !e.Dirty() {
		t.Fatal("an edit left the article clean")
	}
	st := e.Stats()
	// 12 Chinese characters plus 6 English words; the trimmed headline
	// is 11 characters.
	if st.Words != 12+6 || st.HeadlineChars != 11 || st.HeadlineMax != 200 || st.Minutes != 1 {
		t.Errorf("stats %+v, want 18 words, 11/200 characters, 1 minute", st)
	}
	saved, err := e.Save(ectx, SaveRequest{Message: "first draft"})
	if err != nil {
		t.Fatalf("save: %v", err)
	}
	if saved.ID == "" || saved.Revision != 1 || e.Dirty() || e.Base() != 1 || e.ID() != saved.ID {
		t.Fatalf("after save: id %q rev %d dirty %v base %d", saved.ID, saved.Revision, e.Dirty(), e.Base())
	}
	if got := e.Article().Headline; got != "数据保护法草案征求意见" {
		t.Errorf("the editor shows %q after save, want the stored (trimmed) headline", got)
	}
	if e.LastSaved().IsZero() {
		t.Error("LastSaved not set")
	}
	hist, err := svc.History(ectx, saved.ID)
	if err != nil || len(hist) != 1 || hist[0].Author != "Li Na" || hist[0].Message != "first draft" || hist[0].Words != 18 {
		t.Fatalf("history %+v %v", hist, err)
	}

	// A second edit saves as revision 2 on top of revision 1.
	e.MoveByline(1, -1)
	if got := e.Article().Byline; strings.Join(got, ",") != "Anna Berg,李明" {
		t.Fatalf("byline after move: %q", got)
	}
	if _, err := e.Save(ectx, SaveRequest{}); err != nil {
		t.Fatal(err)
	}
	stored, _ := svc.Article(ectx, saved.ID)
	if stored.Revision != 2 || stored.Byline[0] != "Anna Berg" {
		t.Errorf("stored rev %d byline %q", stored.Revision, stored.Byline)
	}

	// An edit that changes nothing leaves the article clean.
	e.Update(func(a *app.Article) { a.Headline = a.Headline + "" })
	if e.Dirty() {
		t.Error("a no-op edit made the article dirty")
	}
}

func TestEditorOpenShowsPhotosAndRelated(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	e := NewArticleEditor(svc, "tester")
	if err := e.Open(ectx, n.Port.ID); err != nil {
		t.Fatal(err)
	}
	a := e.Article()
	if a.Headline != n.Port.Headline || e.Base() != 1 || e.Dirty() {
		t.Fatalf("opened %q base %d dirty %v", a.Headline, e.Base(), e.Dirty())
	}
	if got := e.RelatedTitle(a.Related[0]); got != n.Facial.Headline {
		t.Errorf("related title %q, want the facial recognition story's headline", got)
	}
	if a.Location().String() != "Europe/London" || a.UpdatedAt.Location().String() != "Europe/London" {
		t.Errorf("times in %v, want the article's zone", a.UpdatedAt.Location())
	}
	if err := e.Open(ectx, n.Facial.ID); err != nil {
		t.Fatal(err)
	}
	if th := e.Thumb(e.Article().Photos[0].Image); th == nil || th.Bounds().Dx() != ThumbMax {
		t.Errorf("thumbnail %v, want %d wide", th, ThumbMax)
	}
	if err := e.Open(ectx, "0190f1c4-7c1e-7000-8000-000000000000"); app.ErrorCode(err) != app.ENOTFOUND {
		t.Errorf("opening a missing article: %v, want not found", err)
	}
}

func TestEditorValidationNextToFields(t *testing.T) {
	svc := MustService(t)
	e := NewArticleEditor(svc, "tester")
	e.New()
	e.Update(func(a *app.Article) {
		a.Headline = strings.Repeat("长", 201)
		a.Contacts = []app.Contact{{Role: app.RoleReporter, Name: "Wang Lei", Email: "wanglei@"}}
		a.Photos = []app.Photo{{Image: "sha256:" + strings.Repeat("0", 64)}}
	})
	v := e.Problems()
	if v == nil || len(v.For("headline")) != 1 || len(v.For("contacts[0].email")) != 1 {
		t.Fatalf("problems %v, want the headline length and the e-mail", problemFields(v))
	}
	if len(v.For("photos[0].credit")) != 0 {
		t.Errorf("a draft was asked for a credit: %v", v.For("photos"))
	}
	if _, err := e.Save(ectx, SaveRequest{}); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("save with problems: %v, want invalid", err)
	}
	e.Update(func(a *app.Article) {
		a.Headline = "Typhoon nears coast"
		a.Contacts[0].Email = "wanglei@example.com"
	})
	if v := e.Problems(); v != nil {
		t.Fatalf("problems left after fixing: %v", v)
	}
}

func TestEditorConflict(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	e := NewArticleEditor(svc, "tester")
	if err := e.Open(ectx, n.Draft.ID); err != nil {
		t.Fatal(err)
	}
	e.Update(func(a *app.Article) { a.Dek = "编辑的导语" })
	// Meanwhile someone saves from newsdeskctl.
	other := n.Draft.Clone()
	other.Headline = "数据保护法草案二审"
	MustSave(t, svc, other)

	_, err := e.Save(ectx, SaveRequest{})
	if app.ErrorCode(err) != app.ECONFLICT {
		t.Fatalf("save over a newer revision: %v, want conflict", err)
	}
	if !e.Dirty() || e.Base() != 1 {
		t.Fatalf("after the conflict: dirty %v base %d", e.Dirty(), e.Base())
	}
	out, err := e.Save(ectx, SaveRequest{Overwrite: true, Message: "mine wins"})
	if err != nil {
		t.Fatal(err)
	}
	if out.Revision != 3 || out.Dek != "编辑的导语" || out.Headline != n.Draft.Headline {
		t.Errorf("overwrite stored rev %d dek %q headline %q", out.Revision, out.Dek, out.Headline)
	}
}

func TestEditorTags(t *testing.T) {
	svc := MustService(t)
	MustNewsroom(t, svc)
	c := NewController(svc)
	if err := c.Reload(ectx); err != nil {
		t.Fatal(err)
	}
	known := c.Tags()
	if len(known) == 0 || known[0] != (TagCount{"数据", 2}) {
		t.Fatalf("known tags %+v, want 数据 (2) first", known)
	}
	// Tags starting with the text come before those containing it.
	if got := SuggestTags(known, "p", nil, 5); len(got) != 2 || got[0].Name != "privacy" || got[1].Name != "NPC" {
		t.Errorf("suggest p: %+v", got)
	}
	if got := SuggestTags(known, "", []string{"数据"}, 5); len(got) != 2 {
		t.Errorf("suggest all but 数据: %+v", got)
	}
	e := NewArticleEditor(svc, "tester")
	e.New()
	if got := e.AddTag(" npc ", known); got != "NPC" {
		t.Errorf("AddTag npc = %q, want the newsroom's spelling NPC", got)
	}
	if got := e.AddTag("Npc", known); got != "" {
		t.Errorf("a tag added twice: %q", got)
	}
	e.AddTag("台风", known)
	if got := e.Article().Tags; strings.Join(got, ",") != "NPC,台风" {
		t.Errorf("tags %q", got)
	}
	if got := c.Sections(); len(got) != 3 {
		t.Errorf("sections %q, want the three in use", got)
	}
}

func TestEditorPhotoAndRelated(t *testing.T) {
	svc := MustService(t)
	n := MustNewsroom(t, svc)
	e := NewArticleEditor(svc, "tester")
	e.New()
	if err := e.AttachPhoto(ectx, "broken.png", []byte("not a picture")); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("attach junk: %v", err)
	}
	if err := e.AttachPhoto(ectx, "lead.png", MustPNG(t, 400, 300)); err != nil {
		t.Fatal(err)
	}
	a := e.Article()
	if len(a.Photos) != 1 || e.Thumb(a.Photos[0].Image) == nil {
		t.Fatalf("photos %+v", a.Photos)
	}
	e.AddRelated(n.Facial.ID, n.Facial.Headline)
	e.AddRelated(n.Facial.ID, n.Facial.Headline)
	e.Update(func(a *app.Article) {
		a.Related = append(a.Related, app.Related{Headline: "Outside", URL: "https://example.com/x"})
		a.Headline = "With links"
	})
	a = e.Article()
	if len(a.Related) != 2 || e.RelatedTitle(a.Related[0]) != n.Facial.Headline || e.RelatedTitle(a.Related[1]) != "Outside" {
		t.Fatalf("related %+v", a.Related)
	}
	out, err := e.Save(ectx, SaveRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if data, err := svc.Store.Blob(ectx, out.Photos[0].Image); err != nil || len(data) == 0 {
		t.Errorf("photo blob: %v", err)
	}
}

func TestEditorRecoveryAcrossRestart(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	svc := app.NewService(st)
	stored := MustSave(t, svc, &app.Article{Headline: "Port traffic rebounds", Body: "Volumes rose.", Status: app.StatusDraft})

	e := NewArticleEditor(svc, "tester")
	if err := e.Open(ectx, stored.ID); err != nil {
		t.Fatal(err)
	}
	if err := e.Autosave(ectx); err != nil {
		t.Fatal(err)
	}
	if recs, _ := e.Recoveries(ectx); len(recs) != 0 {
		t.Fatalf("autosave without edits wrote %d slots", len(recs))
	}
	e.Update(func(a *app.Article) {
		a.Body = "Volumes rose for a third month.\n\n集装箱吞吐量连续第三个月上升。"
	})
	if err := e.Autosave(ectx); err != nil {
		t.Fatal(err)
	}
	fresh := NewArticleEditor(svc, "tester")
	fresh.New()
	fresh.Update(func(a *app.Article) { a.Headline = "台风逼近" })
	if err := fresh.Autosave(ectx); err != nil {
		t.Fatal(err)
	}
	if hist, _ := svc.History(ectx, stored.ID); len(hist) != 1 {
		t.Fatalf("autosave wrote a revision: %d revisions", len(hist))
	}
	// The process dies without saving: reopen the store from disk.
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err = store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc = app.NewService(st)
	e = NewArticleEditor(svc, "tester")
	recs, err := e.Recoveries(ectx)
	if err != nil || len(recs) != 2 {
		t.Fatalf("recoveries after restart: %d, %v", len(recs), err)
	}
	var edit, draft Recovery
	for _, r := range recs {
		if strings.HasPrefix(r.Key, "new:") {
			draft = r
		} else {
			edit = r
		}
	}
	if edit.Key != "article:"+stored.ID || edit.Base != 1 || !strings.Contains(edit.Title(), "edits to revision 1") {
		t.Fatalf("edit slot %+v", edit)
	}
	if err := e.Recover(ectx, edit); err != nil {
		t.Fatal(err)
	}
	if !e.Dirty() || !e.Recovered() || e.Base() != 1 || !strings.Contains(e.Article().Body, "集装箱") {
		t.Fatalf("recovered: dirty %v base %d body %q", e.Dirty(), e.Base(), e.Article().Body)
	}
	out, err := e.Save(ectx, SaveRequest{Message: "recovered"})
	if err != nil || out.Revision != 2 {
		t.Fatalf("save recovered: %v", err)
	}
	if err := e.DiscardRecovery(ectx, draft.Key); err != nil {
		t.Fatal(err)
	}
	if recs, _ := e.Recoveries(ectx); len(recs) != 0 {
		t.Errorf("slots left after save and discard: %+v", recs)
	}
}

func TestEditorNewSlotMovesOnFirstSave(t *testing.T) {
	svc := MustService(t)
	e := NewArticleEditor(svc, "tester")
	e.New()
	e.Update(func(a *app.Article) { a.Headline = "Breaking" })
	if err := e.Autosave(ectx); err != nil {
		t.Fatal(err)
	}
	// Typing goes on while the save runs: those edits stay unsaved.
	if _, err := e.Save(ectx, SaveRequest{}); err != nil {
		t.Fatal(err)
	}
	e.Update(func(a *app.Article) { a.Dek = "More soon" })
	if err := e.Autosave(ectx); err != nil {
		t.Fatal(err)
	}
	recs, _ := e.Recoveries(ectx)
	if len(recs) != 1 || recs[0].Key != "article:"+e.ID() || recs[0].Base != 1 {
		t.Fatalf("slots %+v, want only article:%s at base 1", recs, e.ID())
	}
	if err := e.Close(ectx); err != nil {
		t.Fatal(err)
	}
	if recs, _ := e.Recoveries(ectx); len(recs) != 0 || e.IsOpen() {
		t.Errorf("close kept %d slots, open %v", len(recs), e.IsOpen())
	}
}
