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
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"newsdesk/app"
	"newsdesk/app/corpus"
	"newsdesk/store"
)

var crashRounds = flag.Int("crash-rounds", 20, "rounds of the kill -9 crash test")

// The child side of the multi-process tests: the test binary runs itself
// with NEWSDESK_CHILD set, as os/exec's own tests do.
func TestMain(m *testing.M) {
	switch os.Getenv("NEWSDESK_CHILD") {
	case "saver":
		os.Exit(childSaver(os.Getenv("NEWSDESK_DIR"), os.Getenv("NEWSDESK_SEED")))
	case "holder":
		os.Exit(childHolder(os.Getenv("NEWSDESK_DIR")))
	case "mixed":
		os.Exit(childMixed(os.Getenv("NEWSDESK_DIR"), os.Getenv("NEWSDESK_SEED")))
	}
	os.Exit(m.Run())
}

// childSaver saves revisions in a loop across a few articles and prints
// "ack <id> <rev> <sha256 of body> <status>" after each save returns.
func childSaver(dir, seed string) int {
	s, err := store.Open(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	n, _ := strconv.ParseUint(seed, 10, 64)
	g := corpus.New(n, n%2 == 1)
	svc := app.NewService(s)
	ctx := context.Background()
	var live []*app.Article
	for i := 0; ; i++ {
		var a *app.Article
		if len(live) == 0 || i%7 == 0 {
			a = g.Article(300 + int(n%5)*100)
		} else {
			a = live[i%len(live)]
			a.Body = g.CopyEdit(a.Body, 3)
			if i%5 == 0 {
				a.Status = []app.Status{app.StatusDraft, app.StatusCopyedit}[i%2]
			}
		}
		out, err := svc.Save(ctx, a, app.SaveOptions{Author: "Crash " + seed, Message: fmt.Sprint(i), Base: -1})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 4
		}
		if a.ID == "" {
			live = append(live, out)
		} else {
			live[i%len(live)] = out
		}
		sum := sha256.Sum256([]byte(out.Body))
		fmt.Printf("ack %s %d %s %s\n", out.ID, out.Revision, hex.EncodeToString(sum[:]), out.Status)
	}
}

func childHolder(dir string) int {
	s, err := store.Open(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	defer s.Close()
	fmt.Println("open")
	time.Sleep(time.Minute)
	return 0
}

func child(t *testing.T, role, dir, seed string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "NEWSDESK_CHILD="+role, "NEWSDESK_DIR="+dir, "NEWSDESK_SEED="+seed)
	cmd.Stderr = os.Stderr
	return cmd
}

// runAndKill starts a child in role, lets it work until its first line
// and then a random while longer (up to most), kills it with SIGKILL and
// returns every line it printed. Lines cut by the kill do not parse, and
// the callers ignore them: they were never acknowledged whole.
func runAndKill(t *testing.T, role, dir string, round int, rng *rand.Rand, most time.Duration) []string {
	t.Helper()
	cmd := child(t, role, dir, strconv.Itoa(round))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 4096)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	// Opening the store takes a moment: wait for the first line.
	first, ok := <-lines
	if !ok {
		cmd.Wait()
		t.Fatalf("round %d: the %s child did nothing", round, role)
	}
	time.Sleep(time.Duration(rng.Int64N(int64(most))))
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	got := []string{first}
	for l := range lines {
		got = append(got, l)
	}
	cmd.Wait()
	return got
}

type ack struct {
	id     string
	rev    int
	sum    string
	status string
}

// TestCrashKeepsAcknowledgedSaves kills a saving child with SIGKILL at
// random moments; after each kill the store must open and hold every save
// the child reported, byte for byte, with a complete revision chain.
func TestCrashKeepsAcknowledgedSaves(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	acked := map[string][]ack{} // every ack of every round, by article
	for round := 0; round < *crashRounds; round++ {
		got := runAndKill(t, "saver", dir, round, rng, 150*time.Millisecond)
		for _, l := range got {
			var a ack
			if _, err := fmt.Sscanf(l, "ack %s %d %s %s", &a.id, &a.rev, &a.sum, &a.status); err != nil {
				continue // a line cut by the kill was never acknowledged whole
			}
			acked[a.id] = append(acked[a.id], a)
		}
		verify(t, dir, round, acked)
	}
	t.Logf("%d rounds, %d articles checked", *crashRounds, len(acked))
}

func verify(t *testing.T, dir string, round int, acked map[string][]ack) {
	t.Helper()
	s, err := store.Open(dir)
	if err != nil {
		t.Fatalf("round %d: store does not open after kill -9: %v", round, err)
	}
	defer s.Close()
	if rep, err := s.Check(ctx, false); err != nil || !rep.OK() {
		t.Fatalf("round %d: integrity check after kill -9: %v %v", round, err, rep.Problems)
	}
	for id, acks := range acked {
		hist, err := s.History(ctx, id)
		if err != nil {
			t.Fatalf("round %d: acknowledged article %s lost: %v", round, id, err)
		}
		for i, h := range hist {
			if h.Number != i+1 {
				t.Fatalf("round %d: %s revision chain has a gap at %d", round, id, i+1)
			}
		}
		for _, a := range acks {
			rev, err := s.Revision(ctx, id, a.rev)
			if err != nil {
				t.Fatalf("round %d: acknowledged revision %d of %s lost: %v", round, a.rev, id, err)
			}
			sum := sha256.Sum256([]byte(rev.Article.Body))
			if hex.EncodeToString(sum[:]) != a.sum || string(rev.Article.Status) != a.status {
				t.Fatalf("round %d: revision %d of %s differs from what was acknowledged", round, a.rev, id)
			}
		}
	}
	res, err := s.List(ctx, app.Filter{})
	if err != nil || res.Total < len(acked) || res.Total > len(acked)+round+1 {
		// A kill may land after a create committed but before its ack:
		// at most one such article per round.
		t.Fatalf("round %d: list has %d articles, %d acknowledged: %v", round, res.Total, len(acked), err)
	}
}

// TestSecondProcessGetsLockError holds a store in a child process: this
// process must get a clear error naming the store and the child's pid, and
// must get the store once the child is killed (no stale lock).
func TestSecondProcessGetsLockError(t *testing.T) {
	dir := t.TempDir()
	cmd := child(t, "holder", dir, "0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "open" {
		t.Fatalf("holder did not open the store: %q %v", line, err)
	}
	_, err = store.Open(dir)
	if app.ErrorCode(err) != app.ELOCKED {
		t.Fatalf("want ELOCKED, got %v", err)
	}
	for _, want := range []string{dir, fmt.Sprintf("pid %d", cmd.Process.Pid), "in use"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("lock error %q does not mention %q", err, want)
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	s, err := store.Open(dir)
	if err != nil {
		t.Fatalf("store still locked after the holder died: %v", err)
	}
	s.Close()
}
