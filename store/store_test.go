package store_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"newsdesk/app"
	"newsdesk/store"
)

var ctx = context.Background()

func TestSaveAndReadBack(t *testing.T) {
	s := MustOpenMemory(t)
	svc := newService(s)
	a := save(t, svc, sampleArticle(1), "Li Na")
	if a.ID == "" || a.Revision != 1 {
		t.Fatalf("got id %q revision %d", a.ID, a.Revision)
	}
	got, err := svc.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(jsonOf(t, got), jsonOf(t, a)) {
		t.Fatalf("read back differs:\n got %s\nwant %s", jsonOf(t, got), jsonOf(t, a))
	}
	if got.UpdatedBy != "Li Na" || got.CreatedAt.IsZero() || !got.CreatedAt.Equal(got.UpdatedAt) {
		t.Fatalf("bookkeeping: by %q created %v updated %v", got.UpdatedBy, got.CreatedAt, got.UpdatedAt)
	}
	if want := []string{"Data", "NPC"}; !reflect.DeepEqual(got.Tags, want) {
		t.Fatalf("tags %v, want %v", got.Tags, want)
	}
}

func jsonOf(t *testing.T, a *app.Article) string {
	t.Helper()
	b, err := json.Marshal(a.InZone())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestRevisionsAreImmutableAndRestorable(t *testing.T) {
	s := MustOpenMemory(t)
	svc := newService(s)
	a := save(t, svc, sampleArticle(2), "Li Na")
	bodies := []string{a.Body}
	for i := 0; i < 5; i++ {
		a.Body = strings.Replace(a.Body, "two sentences", "two sentences"+strings.Repeat("!", i+1), 1)
		a = save(t, svc, a, "Tom Baker")
		bodies = append(bodies, a.Body)
	}
	hist, err := svc.History(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 6 || hist[0].Number != 6 || hist[5].Number != 1 || hist[0].Author != "Tom Baker" {
		t.Fatalf("history newest first: %+v", hist)
	}
	for n, body := range bodies {
		rev, err := svc.Revision(ctx, a.ID, n+1)
		if err != nil {
			t.Fatal(err)
		}
		if rev.Article.Body != body || rev.Number != n+1 {
			t.Fatalf("revision %d body differs", n+1)
		}
	}
	restored, err := svc.Restore(ctx, a.ID, 2, "周雨")
	if err != nil {
		t.Fatal(err)
	}
	if restored.Revision != 7 || restored.Body != bodies[1] {
		t.Fatalf("restore gave revision %d", restored.Revision)
	}
	hist, _ = svc.History(ctx, a.ID)
	if hist[0].RestoredFrom != 2 || hist[0].Author != "周雨" || len(hist) != 7 {
		t.Fatalf("restore not recorded: %+v", hist[0])
	}
	// Revision 6 is still there, unchanged.
	rev6, _ := svc.Revision(ctx, a.ID, 6)
	if rev6.Article.Body != bodies[5] {
		t.Fatal("restore rewrote history")
	}
	if _, err := svc.Revision(ctx, a.ID, 8); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("revision 8: %v", err)
	}
}

func TestConflictOnStaleBase(t *testing.T) {
	s := MustOpenMemory(t)
	svc := newService(s)
	a := save(t, svc, sampleArticle(3), "Li Na")
	b := a.Clone()
	a.Headline = "First editor wins"
	if _, err := svc.Save(ctx, a, app.SaveOptions{Author: "A", Base: 1}); err != nil {
		t.Fatal(err)
	}
	b.Headline = "Second editor loses"
	_, err := svc.Save(ctx, b, app.SaveOptions{Author: "B", Base: 1})
	if app.ErrorCode(err) != app.ECONFLICT || !strings.Contains(err.Error(), "revision 2") {
		t.Fatalf("want conflict naming revision 2, got %v", err)
	}
	got, _ := svc.Article(ctx, a.ID)
	if got.Headline != "First editor wins" || got.Revision != 2 {
		t.Fatalf("store changed by a refused save: %q rev %d", got.Headline, got.Revision)
	}
}

func TestStatusTransitionRecorded(t *testing.T) {
	s := MustOpenMemory(t)
	svc := newService(s)
	a := save(t, svc, sampleArticle(4), "Li Na")
	a.Status = app.StatusCopyedit
	a = save(t, svc, a, "Tom Baker")
	hist, _ := svc.History(ctx, a.ID)
	if hist[0].StatusFrom != app.StatusDraft || hist[0].Status != app.StatusCopyedit {
		t.Fatalf("transition: %+v", hist[0])
	}
}

func TestStrictValidationLeavesStoreUnchanged(t *testing.T) {
	s := MustOpenMemory(t)
	svc := newService(s)
	a := save(t, svc, sampleArticle(5), "Li Na")
	a.Photos[0].Credit = ""
	a.Status = app.StatusReady
	_, err := svc.Save(ctx, a, app.SaveOptions{Author: "Li Na", Base: -1})
	var v *app.ValidationError
	if !errors.As(err, &v) || len(v.For("photos[0].credit")) != 1 {
		t.Fatalf("want a credit problem, got %v", err)
	}
	got, _ := svc.Article(ctx, a.ID)
	if got.Revision != 1 || got.Status != app.StatusDraft {
		t.Fatalf("store changed: rev %d status %s", got.Revision, got.Status)
	}
}

func TestListFiltersSortAndPaging(t *testing.T) {
	s := MustOpenMemory(t)
	svc := newService(s)
	var ids []string
	for i := 0; i < 9; i++ {
		a := sampleArticle(i)
		if i%2 == 0 {
			a.Tags = append(a.Tags, "Courts")
		}
		ids = append(ids, save(t, svc, a, "Li Na").ID)
	}
	all, err := s.List(ctx, app.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != 9 || len(all.Items) != 9 || all.Items[0].ID != ids[8] || all.Items[8].ID != ids[0] {
		t.Fatalf("default list is not newest first: total %d", all.Total)
	}
	page, _ := s.List(ctx, app.Filter{Offset: 2, Limit: 3, Ascending: true})
	if page.Total != 9 || len(page.Items) != 3 || page.Items[0].ID != ids[2] {
		t.Fatalf("paging: %+v", page)
	}
	sec, _ := s.List(ctx, app.Filter{Section: "Economy"})
	if sec.Total != 3 {
		t.Fatalf("section filter: %d", sec.Total)
	}
	tag, _ := s.List(ctx, app.Filter{Tag: "courts"})
	if tag.Total != 5 {
		t.Fatalf("tag filter (case-insensitive): %d", tag.Total)
	}
	both, _ := s.List(ctx, app.Filter{Tag: "COURTS", Section: "Politics & Law"})
	if both.Total != 2 { // i = 0, 6
		t.Fatalf("tag+section: %d", both.Total)
	}
	// Move one to copy desk: it leaves the draft index.
	a, _ := svc.Article(ctx, ids[4])
	a.Status = app.StatusCopyedit
	save(t, svc, a, "Tom")
	drafts, _ := s.List(ctx, app.Filter{Status: app.StatusDraft})
	ce, _ := s.List(ctx, app.Filter{Status: app.StatusCopyedit})
	if drafts.Total != 8 || ce.Total != 1 || ce.Items[0].ID != ids[4] || ce.Items[0].Revision != 2 {
		t.Fatalf("status index not moved: drafts %d copyedit %d", drafts.Total, ce.Total)
	}
	// Updated-time range: only the re-saved article is newer than all others.
	newest, _ := s.List(ctx, app.Filter{UpdatedFrom: ce.Items[0].UpdatedAt})
	if newest.Total != 1 {
		t.Fatalf("updated range: %d", newest.Total)
	}
	older, _ := s.List(ctx, app.Filter{UpdatedTo: ce.Items[0].UpdatedAt, Ascending: true})
	if older.Total != 8 {
		t.Fatalf("updated range to: %d", older.Total)
	}
	counts, _ := s.Counts(ctx)
	if counts.Status[app.StatusDraft] != 8 || counts.Section["Economy"] != 3 || counts.Tag["Courts"] != 5 || counts.Tag["Data"] != 9 {
		t.Fatalf("counts: %+v", counts)
	}
}

func TestScheduledIndex(t *testing.T) {
	s := MustOpenMemory(t)
	svc := newService(s)
	base := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for i := 0; i < 4; i++ {
		a := sampleArticle(i)
		at := base.Add(time.Duration(3-i) * time.Hour)
		a.ScheduledAt = &at
		a.Status = app.StatusScheduled
		a.Photos = nil
		save(t, svc, a, "Li Na")
	}
	save(t, svc, sampleArticle(9), "Li Na") // not scheduled
	res, _ := s.List(ctx, app.Filter{Sort: app.SortScheduled, Ascending: true, ScheduledFrom: base.Add(time.Hour)})
	if res.Total != 3 || !res.Items[0].ScheduledAt.Equal(base.Add(time.Hour)) || !res.Items[2].ScheduledAt.Equal(base.Add(3*time.Hour)) {
		t.Fatalf("agenda: %+v", res)
	}
}

func TestTrash(t *testing.T) {
	s := MustOpenMemory(t)
	svc := newService(s)
	a := save(t, svc, sampleArticle(1), "Li Na")
	if err := svc.Delete(ctx, a.ID, "Tom"); err != nil {
		t.Fatal(err)
	}
	if err := svc.Delete(ctx, a.ID, "Tom"); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("double delete: %v", err)
	}
	live, _ := s.List(ctx, app.Filter{})
	trash, _ := s.List(ctx, app.Filter{Deleted: true})
	if live.Total != 0 || trash.Total != 1 || trash.Items[0].DeletedBy != "Tom" {
		t.Fatalf("live %d trash %d", live.Total, trash.Total)
	}
	if _, err := svc.Save(ctx, a, app.SaveOptions{Author: "X", Base: -1}); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("save to trashed article: %v", err)
	}
	if h, _ := svc.History(ctx, a.ID); len(h) != 1 {
		t.Fatal("delete touched revisions")
	}
	if err := svc.Undelete(ctx, a.ID, "Tom"); err != nil {
		t.Fatal(err)
	}
	live, _ = s.List(ctx, app.Filter{Status: app.StatusDraft})
	c, _ := s.Counts(ctx)
	if live.Total != 1 || c.Trash != 0 {
		t.Fatalf("undelete: live %d trash %d", live.Total, c.Trash)
	}
}

func TestBlobs(t *testing.T) {
	s := MustOpenMemory(t)
	data := bytes.Repeat([]byte{1, 2, 3}, 1000)
	ref, err := s.PutBlob(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	ref2, _ := s.PutBlob(ctx, data)
	if ref != ref2 || !strings.HasPrefix(ref, "sha256:") {
		t.Fatalf("refs %s %s", ref, ref2)
	}
	got, err := s.Blob(ctx, ref)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("blob back: %v", err)
	}
	if _, err := s.Blob(ctx, "sha256:"+strings.Repeat("0", 64)); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("missing blob: %v", err)
	}
	if _, err := s.Blob(ctx, "../../etc/passwd"); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("bad ref: %v", err)
	}
}

func TestBackupLoadRoundTrip(t *testing.T) {
	src := MustOpenMemory(t)
	svc := newService(src)
	var ids []string
	for i := 0; i < 5; i++ {
		a := save(t, svc, sampleArticle(i), "Li Na")
		for j := 0; j < 3; j++ {
			a.Body += "\n\nMore text " + strings.Repeat("x", j)
			a = save(t, svc, a, "Tom")
		}
		ids = append(ids, a.ID)
	}
	svc.Delete(ctx, ids[0], "Tom")
	ref, _ := src.PutBlob(ctx, []byte("photo bytes"))
	var buf bytes.Buffer
	if err := src.Backup(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	dst := MustOpen(t, t.TempDir())
	defer dst.Close()
	if err := dst.Load(ctx, bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		hs, _ := src.History(ctx, id)
		hd, err := dst.History(ctx, id)
		if err != nil || !reflect.DeepEqual(hs, hd) {
			t.Fatalf("history of %s differs: %v", id, err)
		}
		for _, h := range hs {
			rs, _ := src.Revision(ctx, id, h.Number)
			rd, _ := dst.Revision(ctx, id, h.Number)
			if jsonOf(t, rs.Article) != jsonOf(t, rd.Article) {
				t.Fatalf("%s revision %d differs", id, h.Number)
			}
		}
	}
	if b, err := dst.Blob(ctx, ref); err != nil || string(b) != "photo bytes" {
		t.Fatalf("blob after load: %v", err)
	}
	if c, _ := dst.Counts(ctx); c.Trash != 1 {
		t.Fatal("trash not restored")
	}
	// A second load into the now non-empty store is refused.
	if err := dst.Load(ctx, bytes.NewReader(buf.Bytes())); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("load into non-empty store: %v", err)
	}
}

func TestLoadRejectsGarbageAndStaysEmpty(t *testing.T) {
	s := MustOpenMemory(t)
	if err := s.Load(ctx, strings.NewReader("hello\nworld")); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("garbage: %v", err)
	}
	err := s.Load(ctx, strings.NewReader("NEWSDESK-BACKUP 1\n\x07garbage-that-is-not-protobuf"))
	if err == nil {
		t.Fatal("damaged stream accepted")
	}
	res, _ := s.List(ctx, app.Filter{})
	if res.Total != 0 {
		t.Fatal("damaged load left data")
	}
	if err := s.Load(ctx, strings.NewReader("NEWSDESK-BACKUP 99\n")); app.ErrorCode(err) != app.ESCHEMA {
		t.Fatalf("newer backup: %v", err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	dir := t.TempDir()
	s := MustOpen(t, dir)
	a := save(t, newService(s), sampleArticle(1), "Li Na")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = MustOpen(t, dir)
	defer s.Close()
	got, err := s.Article(ctx, a.ID)
	if err != nil || got.Body != a.Body {
		t.Fatalf("after reopen: %v", err)
	}
}

func TestStoreFolderIsPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	s := MustOpen(t, dir)
	defer s.Close()
	for _, p := range []string{dir, filepath.Join(dir, "newsdesk.lock")} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm()&0o077 != 0 {
			t.Fatalf("%s is %v: others can read it", p, st.Mode().Perm())
		}
	}
}

func TestSecondOpenInSameProcessIsLocked(t *testing.T) {
	dir := t.TempDir()
	s := MustOpen(t, dir)
	defer s.Close()
	_, err := store.Open(dir)
	if app.ErrorCode(err) != app.ELOCKED || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "pid") {
		t.Fatalf("want a lock error naming the store and holder, got %v", err)
	}
}

func TestNotFound(t *testing.T) {
	s := MustOpenMemory(t)
	if _, err := s.Article(ctx, "0192d6a4-0000-7000-8000-000000000000"); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("unknown id: %v", err)
	}
	if _, err := s.Article(ctx, "not-an-id"); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("malformed id: %v", err)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	dir := t.TempDir()
	s := MustOpen(t, dir)
	s.Close()
	if err := store.StampSchemaForTest(dir, store.SchemaVersion+1); err != nil {
		t.Fatal(err)
	}
	_, err := store.Open(dir)
	if app.ErrorCode(err) != app.ESCHEMA || !strings.Contains(err.Error(), "newer Newsdesk") {
		t.Fatalf("want schema error, got %v", err)
	}
	// The refused open released the lock: a second try is refused for the
	// schema again, not for a lock.
	if _, err := store.Open(dir); app.ErrorCode(err) != app.ESCHEMA {
		t.Fatalf("second open after refusal: %v", err)
	}
}

func TestUnchangedSaveWritesNothing(t *testing.T) {
	s := MustOpenMemory(t)
	svc := newService(s)
	a := save(t, svc, sampleArticle(1), "Li Na")
	again := save(t, svc, a, "Tom Baker")
	if again.Revision != 1 || again.UpdatedBy != "Li Na" || !again.UpdatedAt.Equal(a.UpdatedAt) {
		t.Fatalf("no-op save: revision %d by %s", again.Revision, again.UpdatedBy)
	}
	// Also after a reopen-like cache miss: a fresh store handle has no cache.
	a.Status = app.StatusCopyedit
	moved := save(t, svc, a, "Tom Baker")
	if moved.Revision != 2 {
		t.Fatalf("a status change is a change: revision %d", moved.Revision)
	}
	if h, _ := svc.History(ctx, a.ID); len(h) != 2 {
		t.Fatalf("history has %d revisions", len(h))
	}
}

func TestCallsAfterCloseFailCleanly(t *testing.T) {
	s, err := store.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := s.List(ctx, app.Filter{}); err == nil || !strings.Contains(err.Error(), "closed") {
		t.Fatalf("list after close: %v", err)
	}
	if _, err := s.PutBlob(ctx, []byte("x")); err == nil {
		t.Fatal("write after close succeeded")
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second close: %v", err)
	}
}
