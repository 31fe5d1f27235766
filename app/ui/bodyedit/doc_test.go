package bodyedit

import (
	"strings"
	"testing"
)

func TestDocumentEditsAndUndo(t *testing.T) {
	const start = "First paragraph.\n\n第二段。\n\nThird."
	d := newDocument(start)
	if len(d.paras) != 3 || d.text() != start {
		t.Fatalf("paragraphs %q", d.paras)
	}
	// Typing a word letter by letter is one undo step per word.
	typeIn := func(i int, s string) {
		for _, r := range s {
			old := d.paras[i]
			d.edit(i, old+string(r), Caret{i, len([]rune(old))}, Caret{i, len([]rune(old)) + 1})
		}
	}
	typeIn(0, " More words")
	if len(d.undo) != 2 {
		t.Errorf("typing two words made %d undo steps, want 2", len(d.undo))
	}
	c := d.split(Caret{1, 2})
	if c != (Caret{2, 0}) || d.paras[1] != "第二" || d.paras[2] != "段。" {
		t.Fatalf("split: caret %v paragraphs %q", c, d.paras)
	}
	c = d.merge(2, Caret{2, 0})
	if c != (Caret{1, 2}) || d.paras[1] != "第二段。" || len(d.paras) != 3 {
		t.Fatalf("merge: caret %v paragraphs %q", c, d.paras)
	}
	c = d.insert(Caret{2, 6}, "A\n\nB\n\nC ")
	if c != (Caret{4, 2}) || strings.Join(d.paras, "|") != "First paragraph. More words|第二段。|Third.A|B|C " {
		t.Fatalf("insert: caret %v paragraphs %q", c, d.paras)
	}
	// Undo everything, step by step, back to the start; redo it all.
	var carets []Caret
	for {
		a, ok := d.undoStep()
		if !ok {
			break
		}
		carets = append(carets, a.caret)
	}
	if d.text() != start || len(carets) != 5 {
		t.Fatalf("after undoing %d steps: %q", len(carets), d.text())
	}
	if carets[0] != (Caret{2, 6}) || carets[2] != (Caret{1, 2}) {
		t.Errorf("undo carets %v", carets)
	}
	for {
		if _, ok := d.redoStep(); !ok {
			break
		}
	}
	if got := strings.Join(d.paras, "|"); got != "First paragraph. More words|第二段。|Third.A|B|C " {
		t.Errorf("after redo: %q", got)
	}
	// A new edit after an undo drops the redo history.
	d.undoStep()
	d.edit(0, "X", Caret{0, 0}, Caret{0, 1})
	if _, ok := d.redoStep(); ok {
		t.Error("redo after a new edit")
	}
}

func TestEndsWord(t *testing.T) {
	for _, tt := range []struct {
		old, text string
		want      bool
	}{
		{"word", "word ", true},
		{"word", "word,", true},
		{"词", "词，", true},
		{"word ", "word  ", false},
		{"wor", "word", false},
		{"word", "wor", false},
	} {
		if got := endsWord(tt.old, tt.text); got != tt.want {
			t.Errorf("endsWord(%q, %q) = %v", tt.old, tt.text, got)
		}
	}
}

func TestHeightsPrefixSums(t *testing.T) {
	var h heights
	h.reset([]float32{10, 20, 30})
	if h.total() != 60 || h.top(2) != 30 || h.at(0) != 0 || h.at(29.9) != 1 || h.at(30) != 2 || h.at(1e6) != 2 {
		t.Fatalf("total %v top2 %v", h.total(), h.top(2))
	}
	h.set(0, 15)
	h.replace(1, 1, []float32{5, 5, 5})
	if h.total() != 60 || h.top(4) != 30 || h.at(20) != 2 {
		t.Errorf("after edits: total %v top4 %v at20 %d; h %v", h.total(), h.top(4), h.at(20), h.h)
	}
	h.replace(0, 4, nil)
	if h.total() != 30 || len(h.h) != 1 {
		t.Errorf("after delete: %v", h.h)
	}
}
