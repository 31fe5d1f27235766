package ui

import (
	"fmt"
	"strings"

	"newsdesk/app/history"
)

// cmpKind says how a run of text is drawn in a comparison.
type cmpKind uint8

const (
	cmpEqual  cmpKind = iota // unchanged text
	cmpInsert                // newer wording: underlined, green
	cmpDelete                // older wording: struck through, red
	cmpLabel                 // field names, headings, blame gutters: bold
	cmpMuted                 // arrows, markers, notes: dim
)

// cmpSpan is a run of text of one kind; change is the global index of the
// change it belongs to (fields first, then the body), or -1.
type cmpSpan struct {
	text   string
	kind   cmpKind
	change int
}

// cmpPara is one paragraph of one column.
type cmpPara []cmpSpan

// cmpBlock is the unit the view aligns: one paragraph in the inline mode,
// the two sides of a changed stretch in the side-by-side mode, one
// attributed paragraph in blame.
type cmpBlock struct {
	cols   [][]cmpPara // one column, or two (older | newer)
	gutter string      // drawn left of the first line (blame)
	target int         // what a click on the block opens (blame: a revision), 0 for nothing
	gap    bool        // a blank line follows, as between paragraphs
}

// cmpDocOptions choose how a comparison is laid out.
type cmpDocOptions struct {
	side bool // side by side instead of inline
	// markers add [- -] and {+ +} around changes, as `git diff --word-diff`
	// does, for print and screen readers; strike and underline are always on.
	markers bool
}

// paraMark stands for a paragraph break that was added or removed, which
// would otherwise be invisible.
const paraMark = "¶"

// compareDoc lays a comparison out as blocks: field changes first (old ->
// new), then the body with paragraphs kept as paragraphs.
func compareDoc(res *CompareResult, opt cmpDocOptions) []cmpBlock {
	var out []cmpBlock
	heading := func(text string) {
		out = append(out, cmpBlock{cols: [][]cmpPara{{{{text: text, kind: cmpLabel, change: -1}}}}})
	}
	if len(res.Fields) > 0 {
		heading("Fields")
		for i, f := range res.Fields {
			out = append(out, fieldBlock(f, i, opt))
		}
		out[len(out)-1].gap = true
		heading("Body")
	}
	if !res.Body.Changed() {
		out = append(out, cmpBlock{cols: [][]cmpPara{{{{text: "The body did not change.", kind: cmpMuted, change: -1}}}}})
		return out
	}
	b := &bodyBuilder{opt: opt, first: len(res.Fields)}
	b.build(res.Body.Ops)
	return append(out, b.blocks...)
}

func fieldBlock(f history.FieldChange, change int, opt cmpDocOptions) cmpBlock {
	label := cmpSpan{text: f.Field + ": ", kind: cmpLabel, change: change}
	old, new := markSpan(f.Old, cmpDelete, change, opt), markSpan(f.New, cmpInsert, change, opt)
	none := []cmpSpan{{text: "(none)", kind: cmpMuted, change: change}}
	if f.Old == "" {
		old = none
	}
	if f.New == "" {
		new = none
	}
	if opt.side {
		left := append(cmpPara{label}, old...)
		right := append(cmpPara{label}, new...)
		switch f.Kind {
		case history.Added:
			left = cmpPara{label, {text: "—", kind: cmpMuted, change: change}}
		case history.Removed:
			right = cmpPara{label, {text: "— removed", kind: cmpMuted, change: change}}
		}
		return cmpBlock{cols: [][]cmpPara{{left}, {right}}}
	}
	p := cmpPara{label}
	switch f.Kind {
	case history.Added:
		p = append(append(p, cmpSpan{text: "added ", kind: cmpMuted, change: change}), new...)
	case history.Removed:
		p = append(append(p, cmpSpan{text: "removed ", kind: cmpMuted, change: change}), old...)
	default:
		p = append(append(append(p, old...), cmpSpan{text: " → ", kind: cmpMuted, change: change}), new...)
	}
	return cmpBlock{cols: [][]cmpPara{{p}}}
}

// markSpan returns text as a span of kind, inside markers when asked.
func markSpan(text string, kind cmpKind, change int, opt cmpDocOptions) []cmpSpan {
	s := cmpSpan{text: text, kind: kind, change: change}
	if !opt.markers || (kind != cmpInsert && kind != cmpDelete) {
		return []cmpSpan{s}
	}
	open, close := "[-", "-]"
	if kind == cmpInsert {
		open, close = "{+", "+}"
	}
	return []cmpSpan{{text: open, kind: cmpMuted, change: change}, s, {text: close, kind: cmpMuted, change: change}}
}

// bodyBuilder turns diff ops into blocks. Inline, every line break starts
// a paragraph. Side by side, the columns stay aligned at unchanged
// paragraph breaks; between two such breaks, each side holds what it has.
type bodyBuilder struct {
	opt    cmpDocOptions
	first  int // global index of the body's first change
	blocks []cmpBlock
	// side-by-side state: finished paragraphs and the open one, per side
	left, right []cmpPara
	lcur, rcur  cmpPara
	inline      cmpPara
	change      int
}

func (b *bodyBuilder) build(ops []history.Op) {
	b.change = -1
	for i, op := range ops {
		if op.Kind != history.Equal && (i == 0 || ops[i-1].Kind == history.Equal) {
			b.change++
		}
		kind, change := cmpEqual, -1
		switch op.Kind {
		case history.Insert:
			kind, change = cmpInsert, b.first+b.change
		case history.Delete:
			kind, change = cmpDelete, b.first+b.change
		}
		forLines(op.Text, func(text string, brk string) {
			if text != "" {
				b.text(text, kind, change)
			}
			if brk != "" {
				b.lineBreak(brk, kind, change)
			}
		})
	}
	if b.opt.side {
		b.endSide(false)
	} else if len(b.inline) > 0 {
		b.blocks = append(b.blocks, cmpBlock{cols: [][]cmpPara{{b.inline}}})
	}
}

func (b *bodyBuilder) text(text string, kind cmpKind, change int) {
	spans := markSpan(strings.ReplaceAll(text, "\t", "    "), kind, change, b.opt)
	if !b.opt.side {
		b.inline = append(b.inline, spans...)
		return
	}
	if kind != cmpInsert {
		b.lcur = append(b.lcur, spans...)
	}
	if kind != cmpDelete {
		b.rcur = append(b.rcur, spans...)
	}
}

func (b *bodyBuilder) lineBreak(brk string, kind cmpKind, change int) {
	gap := strings.Count(brk, "\n") >= 2
	if kind != cmpEqual {
		b.text(paraMark, kind, change)
	}
	if !b.opt.side {
		if len(b.inline) > 0 {
			b.blocks = append(b.blocks, cmpBlock{cols: [][]cmpPara{{b.inline}}, gap: gap})
		}
		b.inline = nil
		return
	}
	switch kind {
	case cmpEqual:
		b.endSide(gap)
	case cmpDelete:
		b.left, b.lcur = append(b.left, b.lcur), nil
	case cmpInsert:
		b.right, b.rcur = append(b.right, b.rcur), nil
	}
}

func (b *bodyBuilder) endSide(gap bool) {
	if len(b.lcur) > 0 {
		b.left = append(b.left, b.lcur)
	}
	if len(b.rcur) > 0 {
		b.right = append(b.right, b.rcur)
	}
	if len(b.left)+len(b.right) > 0 {
		b.blocks = append(b.blocks, cmpBlock{cols: [][]cmpPara{b.left, b.right}, gap: gap})
	}
	b.left, b.right, b.lcur, b.rcur = nil, nil, nil, nil
}

// forLines calls f for each line of s with the run of line breaks that
// ends it ("" for the last line).
func forLines(s string, f func(text, brk string)) {
	for s != "" {
		i := strings.IndexAny(s, "\r\n")
		if i < 0 {
			f(s, "")
			return
		}
		j := i
		for j < len(s) && (s[j] == '\n' || s[j] == '\r') {
			j++
		}
		f(s[:i], s[i:j])
		s = s[j:]
	}
}

// blameDoc lays attributed paragraphs out with a gutter naming the
// revision and author that last changed each one.
func blameDoc(at []history.Attribution) []cmpBlock {
	out := make([]cmpBlock, 0, len(at))
	for _, a := range at {
		var paras []cmpPara
		forLines(strings.TrimRight(a.Text, "\r\n"), func(text, _ string) {
			paras = append(paras, cmpPara{{text: strings.ReplaceAll(text, "\t", "    "), kind: cmpEqual, change: -1}})
		})
		out = append(out, cmpBlock{
			cols:   [][]cmpPara{paras},
			gutter: blameGutter(a),
			target: a.Revision,
			gap:    true,
		})
	}
	return out
}

func blameGutter(a history.Attribution) string {
	return fmt.Sprintf("r%d %s · %s", a.Revision, a.Author, a.Time.Format("01-02 15:04"))
}
