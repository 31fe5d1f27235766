//go:build unix

package store_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsdesk/app"
	"newsdesk/app/corpus"
	"newsdesk/store"
)

var mixedRounds = flag.Int("mixed-rounds", 100, "rounds of the mixed-workload kill -9 test")

const exportTarget = "crash:folder"

// childMixed runs a newsroom's mix of writes until it is killed: edits,
// status changes, batch imports, trash and undelete, export-log records.
// Before an operation on an existing article it prints "begin <id>"; after
// the operation returns it prints its acknowledgement:
//
//	save <id> <rev> <sha256 of body> <status>
//	trash <id> <0|1>
//	export <id> <rev>
func childMixed(dir, seed string) int {
	s, err := store.Open(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	n, _ := strconv.ParseUint(seed, 10, 64)
	g := corpus.New(n+1000, n%2 == 0)
	rng := rand.New(rand.NewPCG(n, 7))
	svc := app.NewService(s)
	ctx := context.Background()
	w := bufio.NewWriter(os.Stdout)
	say := func(format string, args ...any) {
		fmt.Fprintf(w, format+"\n", args...)
		w.Flush()
	}
	ackSave := func(a *app.Article) {
		sum := sha256.Sum256([]byte(a.Body))
		say("save %s %d %s %s", a.ID, a.Revision, hex.EncodeToString(sum[:]), a.Status)
	}
	var live, trashed []*app.Article
	opt := app.SaveOptions{Author: "Crash " + seed, Base: -1}
	for {
		op := rng.IntN(10)
		switch {
		case len(live) == 0 || op == 6: // an import: three stories in one transaction
			batch := []*app.Article{g.Article(200), g.Article(300), g.Article(250)}
			out, err := svc.SaveBatch(ctx, batch, opt)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 4
			}
			live = append(live, out...)
			for _, a := range out {
				ackSave(a)
			}
		case op < 6: // an edit, now and then a status move
			i := rng.IntN(len(live))
			a := live[i]
			say("begin %s", a.ID)
			a.Body = g.CopyEdit(a.Body, 3)
			if op == 0 {
				a.Status = map[app.Status]app.Status{app.StatusDraft: app.StatusCopyedit, app.StatusCopyedit: app.StatusDraft}[a.Status]
			}
			out, err := svc.Save(ctx, a, opt)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 4
			}
			live[i] = out
			ackSave(out)
		case op == 7:
			i := rng.IntN(len(live))
			a := live[i]
			say("begin %s", a.ID)
			if err := svc.Delete(ctx, a.ID, "Crash"); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 4
			}
			live = append(live[:i], live[i+1:]...)
			trashed = append(trashed, a)
			say("trash %s 1", a.ID)
		case op == 8 && len(trashed) > 0:
			a := trashed[len(trashed)-1]
			say("begin %s", a.ID)
			if err := svc.Undelete(ctx, a.ID, "Crash"); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 4
			}
			trashed = trashed[:len(trashed)-1]
			live = append(live, a)
			say("trash %s 0", a.ID)
		case op == 9:
			a := live[rng.IntN(len(live))]
			say("begin %s", a.ID)
			rec := app.ExportRecord{Target: exportTarget, ArticleID: a.ID, Revision: a.Revision, Time: time.Now(), By: "Crash", Result: "exported"}
			if err := s.RecordExports(ctx, []app.ExportRecord{rec}); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 4
			}
			say("export %s %d", a.ID, a.Revision)
		}
	}
}

// TestCrashMixedWorkload kills the mixed child at random points, round
// after round on one store. After each kill the store must open and hold
// every acknowledged operation: revisions byte for byte, Trash state,
// export records; every tenth round and at the end, the full integrity
// check runs too.
func TestCrashMixedWorkload(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(3, 4))
	trash := map[string]bool{}   // last acknowledged Trash state
	exported := map[string]int{} // highest acknowledged exported revision
	var allSaves []ack
	ops := 0
	for round := 0; round < *mixedRounds; round++ {
		got := runAndKill(t, "mixed", dir, round, rng, 120*time.Millisecond)

		inFlight := ""
		var saves []ack
		for _, l := range got {
			f := strings.Fields(l)
			switch {
			case len(f) == 2 && f[0] == "begin":
				inFlight = f[1]
			case len(f) == 5 && f[0] == "save":
				rev, _ := strconv.Atoi(f[2])
				saves = append(saves, ack{id: f[1], rev: rev, sum: f[3], status: f[4]})
				inFlight = ""
				ops++
			case len(f) == 3 && f[0] == "trash":
				trash[f[1]] = f[2] == "1"
				inFlight = ""
				ops++
			case len(f) == 3 && f[0] == "export":
				rev, _ := strconv.Atoi(f[2])
				exported[f[1]] = max(exported[f[1]], rev)
				inFlight = ""
				ops++
			}
		}
		allSaves = append(allSaves, saves...)
		verifyMixed(t, dir, round, saves, trash, exported, inFlight, round%10 == 9 || round == *mixedRounds-1)
	}
	verifyMixed(t, dir, -1, allSaves, trash, exported, "", true)
	t.Logf("%d rounds, %d acknowledged operations verified", *mixedRounds, ops)
}

func verifyMixed(t *testing.T, dir string, round int, saves []ack, trash map[string]bool, exported map[string]int, inFlight string, full bool) {
	t.Helper()
	s, err := store.Open(dir)
	if err != nil {
		t.Fatalf("round %d: store does not open after kill -9: %v", round, err)
	}
	defer s.Close()
	if full {
		if rep, err := s.Check(ctx, false); err != nil || !rep.OK() {
			t.Fatalf("round %d: integrity check: %v %v", round, err, rep.Problems)
		}
	}
	for _, a := range saves {
		rev, err := s.Revision(ctx, a.id, a.rev)
		if err != nil {
			t.Fatalf("round %d: acknowledged revision %d of %s lost: %v", round, a.rev, a.id, err)
		}
		sum := sha256.Sum256([]byte(rev.Article.Body))
		if hex.EncodeToString(sum[:]) != a.sum || string(rev.Article.Status) != a.status {
			t.Fatalf("round %d: revision %d of %s differs from what was acknowledged", round, a.rev, a.id)
		}
	}
	for id, deleted := range trash {
		if id == inFlight {
			// Its next move may or may not have committed before the
			// kill; both are right, and what the store says now is what
			// later rounds must find.
			if sum, err := s.Summary(ctx, id); err == nil {
				trash[id] = sum.Deleted
			}
			continue
		}
		sum, err := s.Summary(ctx, id)
		if err != nil || sum.Deleted != deleted {
			t.Fatalf("round %d: %s should be deleted=%v: %v", round, id, deleted, err)
		}
	}
	got, err := s.ExportedRevisions(ctx, exportTarget)
	if err != nil {
		t.Fatal(err)
	}
	for id, rev := range exported {
		if got[id] < rev {
			t.Fatalf("round %d: export of %s revision %d lost (store says %d)", round, id, rev, got[id])
		}
	}
}
