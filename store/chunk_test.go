package store

import (
	"strings"
	"testing"

	"newsdesk/app/corpus"
)

func TestChunksReassembleExactly(t *testing.T) {
	cases := []string{
		"",
		"one line",
		"para one\n\npara two\n\n\n\npara three\n",
		"## Head\n\n" + strings.Repeat("A sentence that goes on. ", 300),
		strings.Repeat("没有空格的中文句子。", 500),
		strings.Repeat("x", 10000),
		"\n\n\n",
		corpus.New(1, false).Body(3000),
		corpus.New(2, true).Body(3000),
	}
	for _, body := range cases {
		chunks := chunkBody(body)
		if got := strings.Join(chunks, ""); got != body {
			t.Fatalf("chunks of %q... do not reassemble", body[:min(len(body), 40)])
		}
		for _, c := range chunks {
			if len(c) > maxChunk+4 {
				t.Fatalf("chunk of %d bytes", len(c))
			}
			if c == "" {
				t.Fatal("empty chunk")
			}
		}
	}
}

func TestCopyEditTouchesFewChunks(t *testing.T) {
	for _, zh := range []bool{false, true} {
		g := corpus.New(3, zh)
		body := g.Body(2000)
		edited := g.CopyEdit(body, 3)
		before := map[string]bool{}
		for _, c := range chunkBody(body) {
			before[c] = true
		}
		changed := 0
		after := chunkBody(edited)
		for _, c := range after {
			if !before[c] {
				changed++
			}
		}
		if changed == 0 || changed > 6 {
			t.Fatalf("chinese=%v: 3 copy edits changed %d of %d chunks", zh, changed, len(after))
		}
	}
}

func TestLongParagraphBoundariesResync(t *testing.T) {
	// One huge paragraph: an edit near the start must not change the
	// chunks near the end (boundaries are picked by content).
	g := corpus.New(4, false)
	p := strings.ReplaceAll(g.Body(3000), "\n\n", " ")
	q := "Inserted words here. " + p
	end := chunkBody(p)
	endQ := chunkBody(q)
	if end[len(end)-1] != endQ[len(endQ)-1] || end[len(end)-2] != endQ[len(endQ)-2] {
		t.Fatal("an edit at the start moved the boundaries at the end")
	}
}

func FuzzChunkBody(f *testing.F) {
	for _, s := range []string{"", "a\n\nb", "句子。句子。", strings.Repeat("ab. ", 2000)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if strings.Join(chunkBody(body), "") != body {
			t.Fatal("chunks do not reassemble")
		}
	})
}
