package history

import (
	"strings"
	"time"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// OpKind says what an Op does to the older text.
type OpKind string

// The three kinds of diff operation.
const (
	Equal  OpKind = "equal"
	Insert OpKind = "insert"
	Delete OpKind = "delete"
)

// Op is one run of a diff: text both sides share, or text only the newer
// (Insert) or older (Delete) side has.
type Op struct {
	Kind OpKind `json:"op"`
	Text string `json:"text"`
}

// TextDiff is the difference between two texts. The Equal and Delete ops
// concatenate to the old text, the Equal and Insert ops to the new one.
type TextDiff struct {
	Ops []Op `json:"ops"`
	// Degraded is set when a step hit its time limit: the ops are still
	// correct, but a hunk may be shown as deleted and inserted whole
	// instead of word by word.
	Degraded bool `json:"degraded,omitempty"`
}

// Timeout bounds each alignment step. Steps are small (paragraphs, then
// sentences, then words inside one changed hunk), so it is rarely reached.
var Timeout = 500 * time.Millisecond

// Text compares two texts the way git's word diff does, but more finely:
// it aligns paragraphs first, then sentences inside changed runs of
// paragraphs, then words (each Chinese character a word) inside changed
// runs of sentences. Each step is small, so a heavy rewrite of a long
// article stays fast and readable instead of timing out into "everything
// deleted, everything inserted".
func Text(old, new string) TextDiff {
	d := &differ{dmp: diffmatchpatch.New()}
	d.dmp.DiffTimeout = Timeout
	d.units(splitParagraphs(old), splitParagraphs(new), d.sentences)
	return TextDiff{Ops: merge(d.ops), Degraded: d.degraded}
}

type differ struct {
	dmp      *diffmatchpatch.DiffMatchPatch
	ops      []Op
	degraded bool
}

func (d *differ) emit(k OpKind, s string) {
	if s != "" {
		d.ops = append(d.ops, Op{Kind: k, Text: s})
	}
}

// units aligns two lists of units (paragraphs, sentences or tokens) and
// hands each changed run with text on both sides to finer; runs changed on
// one side only are emitted as they are.
func (d *differ) units(a, b []string, finer func(a, b string)) {
	ra, rb := runesFor(a, b)
	start := time.Now()
	diffs := d.dmp.DiffMainRunes(ra, rb, false)
	if time.Since(start) >= d.dmp.DiffTimeout {
		d.degraded = true
	}
	ia, ib := 0, 0
	var del, ins strings.Builder
	flush := func() {
		switch {
		case del.Len() > 0 && ins.Len() > 0 && finer != nil:
			finer(del.String(), ins.String())
		default:
			d.emit(Delete, del.String())
			d.emit(Insert, ins.String())
		}
		del.Reset()
		ins.Reset()
	}
	for _, df := range diffs {
		n := len([]rune(df.Text))
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			flush()
			d.emit(Equal, strings.Join(a[ia:ia+n], ""))
			ia, ib = ia+n, ib+n
		case diffmatchpatch.DiffDelete:
			del.WriteString(strings.Join(a[ia:ia+n], ""))
			ia += n
		case diffmatchpatch.DiffInsert:
			ins.WriteString(strings.Join(b[ib:ib+n], ""))
			ib += n
		}
	}
	flush()
}

func (d *differ) sentences(a, b string) {
	d.units(splitSentences(a), splitSentences(b), d.words)
}

// words diffs tokens and applies go-diff's semantic cleanup, which folds
// scattered one-word matches ("the", ",") into the surrounding change so
// that a rewritten clause reads as one deletion and one insertion.
func (d *differ) words(a, b string) {
	ta, tb := tokenize(a), tokenize(b)
	if !similar(ta, tb) {
		// Rewritten, not edited: a word diff of unrelated text is slow
		// (its cost grows with the product of the lengths) and, after
		// semantic cleanup, says no more than this.
		d.emit(Delete, a)
		d.emit(Insert, b)
		return
	}
	ra, rb := runesFor(ta, tb)
	start := time.Now()
	diffs := d.dmp.DiffMainRunes(ra, rb, false)
	if time.Since(start) >= d.dmp.DiffTimeout {
		d.degraded = true
	}
	diffs = d.dmp.DiffCleanupSemantic(diffs)
	table := make(map[rune]string, len(ta)+len(tb))
	for i, r := range ra {
		table[r] = ta[i]
	}
	for i, r := range rb {
		table[r] = tb[i]
	}
	for _, df := range diffs {
		var sb strings.Builder
		for _, r := range df.Text {
			sb.WriteString(table[r])
		}
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			d.emit(Equal, sb.String())
		case diffmatchpatch.DiffDelete:
			d.emit(Delete, sb.String())
		case diffmatchpatch.DiffInsert:
			d.emit(Insert, sb.String())
		}
	}
}

// runesFor gives every distinct unit one rune, the same on both sides.
// Runes start in the supplementary planes, clear of surrogates; a text has
// far fewer distinct units than the million runes available there.
func runesFor(a, b []string) ([]rune, []rune) {
	ids := make(map[string]rune, len(a)+len(b))
	conv := func(us []string) []rune {
		rs := make([]rune, len(us))
		for i, u := range us {
			r, ok := ids[u]
			if !ok {
				r = rune(0x10000 + len(ids))
				ids[u] = r
			}
			rs[i] = r
		}
		return rs
	}
	return conv(a), conv(b)
}

// merge joins neighbouring ops of one kind and puts, within each changed
// run, the deletion before the insertion, as readers expect.
func merge(ops []Op) []Op {
	var out []Op
	var del, ins strings.Builder
	flush := func() {
		if del.Len() > 0 {
			out = append(out, Op{Kind: Delete, Text: del.String()})
		}
		if ins.Len() > 0 {
			out = append(out, Op{Kind: Insert, Text: ins.String()})
		}
		del.Reset()
		ins.Reset()
	}
	for _, op := range ops {
		switch op.Kind {
		case Delete:
			del.WriteString(op.Text)
		case Insert:
			ins.WriteString(op.Text)
		default:
			flush()
			if n := len(out); n > 0 && out[n-1].Kind == Equal {
				out[n-1].Text += op.Text
			} else {
				out = append(out, op)
			}
		}
	}
	flush()
	return out
}

// Old returns the older text of a diff.
func (t TextDiff) Old() string { return t.side(Insert) }

// New returns the newer text of a diff.
func (t TextDiff) New() string { return t.side(Delete) }

func (t TextDiff) side(skip OpKind) string {
	var sb strings.Builder
	for _, op := range t.Ops {
		if op.Kind != skip {
			sb.WriteString(op.Text)
		}
	}
	return sb.String()
}

// Changed reports whether the texts differ.
func (t TextDiff) Changed() bool {
	for _, op := range t.Ops {
		if op.Kind != Equal {
			return true
		}
	}
	return false
}

// WordDiff renders the diff like `git diff --word-diff`: [-deleted-] and
// {+inserted+}, readable without colour.
func (t TextDiff) WordDiff() string {
	var sb strings.Builder
	for _, op := range t.Ops {
		switch op.Kind {
		case Delete:
			sb.WriteString("[-" + op.Text + "-]")
		case Insert:
			sb.WriteString("{+" + op.Text + "+}")
		default:
			sb.WriteString(op.Text)
		}
	}
	return sb.String()
}

// similar reports whether two token lists share at least a quarter of their
// words (spaces aside), the point below which a word diff is noise.
func similar(a, b []string) bool {
	have := make(map[string]int, len(a))
	na, nb, shared := 0, 0, 0
	for _, t := range a {
		if strings.TrimSpace(t) != "" {
			have[t]++
			na++
		}
	}
	for _, t := range b {
		if strings.TrimSpace(t) == "" {
			continue
		}
		nb++
		if have[t] > 0 {
			have[t]--
			shared++
		}
	}
	return shared*4 >= max(na, nb)
}
