package store_test

import (
	"testing"
	"time"

	"newsdesk/app"
)

func TestSettingsAndRecovery(t *testing.T) {
	s := MustOpenMemory(t)
	if _, err := s.Setting(ctx, "newsroom"); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("unset setting: %v", err)
	}
	if err := s.PutSetting(ctx, "newsroom", []byte(`{"name":"Desk"}`)); err != nil {
		t.Fatal(err)
	}
	if v, err := s.Setting(ctx, "newsroom"); err != nil || string(v) != `{"name":"Desk"}` {
		t.Fatalf("setting: %q %v", v, err)
	}
	s.PutRecovery(ctx, "article:1", []byte("draft one"))
	s.PutRecovery(ctx, "article:2", []byte("draft two"))
	s.DeleteRecovery(ctx, "article:1")
	rec, err := s.Recoveries(ctx)
	if err != nil || len(rec) != 1 || string(rec["article:2"]) != "draft two" {
		t.Fatalf("recoveries: %v %v", rec, err)
	}
}

func TestExportLog(t *testing.T) {
	s := MustOpenMemory(t)
	svc := newService(s)
	a := save(t, svc, sampleArticle(1), "Li Na")
	at := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	recs := []app.ExportRecord{
		{Target: "portal:folder", ArticleID: a.ID, Revision: 1, Time: at, By: "Tom", Result: "exported"},
		{Target: "portal:http", ArticleID: a.ID, Revision: 1, Time: at.Add(time.Second), By: "Tom", Result: "failed", Detail: "503"},
	}
	if err := s.RecordExports(ctx, recs); err != nil {
		t.Fatal(err)
	}
	got, _ := s.ExportedRevisions(ctx, "portal:folder")
	if got[a.ID] != 1 || len(got) != 1 {
		t.Fatalf("exported revisions: %v", got)
	}
	if got, _ := s.ExportedRevisions(ctx, "portal:http"); len(got) != 0 {
		t.Fatalf("a failed export counts as exported: %v", got)
	}
	log, err := s.ExportLog(ctx, a.ID)
	if err != nil || len(log) != 2 || log[1].Detail != "503" {
		t.Fatalf("export log: %+v %v", log, err)
	}
}
