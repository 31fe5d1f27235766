package ui

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
)

// cmpPiece is a run of one kind on one screen line, at x from the line's
// start and w wide.
type cmpPiece struct {
	x, w float32
	text string
	kind cmpKind
}

// cmpLine is one screen line of a laid-out document.
type cmpLine struct {
	pieces []cmpPiece
	gutter string // blame: shown on a block's first line
	change int    // the first change on the line, or -1
	// changes lists every change with text on the line, in order.
	changes []int
	target  int // the block's target (blame revision), 0 for none
}

// addChange records that change c has text on the line.
func (l *cmpLine) addChange(c int) {
	if c < 0 || slices.Contains(l.changes, c) {
		return
	}
	l.changes = append(l.changes, c)
	l.change = firstChange(l.change, c)
}

// cmpLayout is a document wrapped to a width: the lines, and the first
// line of each change (-1 when a change shows on no line).
type cmpLayout struct {
	lines      []cmpLine
	changeLine []int
}

// cmpMeasurer measures text with Fyne's text engine and remembers the
// widths: a 20,000-word article has about a thousand distinct words, so
// after the first layout a re-wrap (the window resized) costs a couple of
// milliseconds. Fyne's fonts are not safe for concurrent use: call it on
// the UI goroutine only.
type cmpMeasurer struct {
	size  float32
	cache map[cmpMeasureKey]float32
}

type cmpMeasureKey struct {
	text string
	bold bool
}

func newCmpMeasurer(size float32) *cmpMeasurer {
	return &cmpMeasurer{size: size, cache: map[cmpMeasureKey]float32{}}
}

func (m *cmpMeasurer) width(text string, bold bool) float32 {
	k := cmpMeasureKey{text, bold}
	if w, ok := m.cache[k]; ok {
		return w
	}
	w := fyne.MeasureText(text, m.size, fyne.TextStyle{Bold: bold}).Width
	m.cache[k] = w
	return w
}

// cmpGeometry is what a layout needs to know of the screen.
type cmpGeometry struct {
	width  float32 // usable line width
	gutter float32 // width kept for blame gutters (0: none)
	gap    float32 // space between the two columns side by side
}

// layoutDoc wraps blocks into screen lines. Two-column blocks wrap each
// side in half the width and put their lines side by side.
func layoutDoc(blocks []cmpBlock, changes int, g cmpGeometry, m *cmpMeasurer) cmpLayout {
	lay := cmpLayout{changeLine: make([]int, changes)}
	for i := range lay.changeLine {
		lay.changeLine[i] = -1
	}
	text := max(g.width-g.gutter, 40)
	for _, b := range blocks {
		var lines []cmpLine
		switch len(b.cols) {
		case 1:
			lines = wrapColumn(b.cols[0], text, m)
		case 2:
			colW := max((text-g.gap)/2, 20)
			left, right := wrapColumn(b.cols[0], colW, m), wrapColumn(b.cols[1], colW, m)
			lines = make([]cmpLine, max(len(left), len(right)))
			for i := range lines {
				lines[i].change = -1
				if i < len(left) {
					lines[i] = left[i]
				}
				if i < len(right) {
					for _, p := range right[i].pieces {
						p.x += colW + g.gap
						lines[i].pieces = append(lines[i].pieces, p)
					}
					for _, c := range right[i].changes {
						lines[i].addChange(c)
					}
				}
			}
		}
		if len(lines) == 0 {
			lines = []cmpLine{{change: -1}}
		}
		lines[0].gutter = b.gutter
		for i := range lines {
			lines[i].target = b.target
			if g.gutter > 0 {
				for j := range lines[i].pieces {
					lines[i].pieces[j].x += g.gutter
				}
			}
			for _, c := range lines[i].changes {
				if c < changes && lay.changeLine[c] < 0 {
					lay.changeLine[c] = len(lay.lines) + i
				}
			}
		}
		lay.lines = append(lay.lines, lines...)
		if b.gap {
			lay.lines = append(lay.lines, cmpLine{change: -1, target: b.target})
		}
	}
	return lay
}

// firstChange returns the smaller of two change indexes, -1 meaning none.
func firstChange(a, b int) int {
	switch {
	case a < 0:
		return b
	case b < 0:
		return a
	}
	return min(a, b)
}

// wrapColumn wraps paragraphs stacked in one column of width w, breaking
// Latin text between words and Chinese text between characters, as the
// portal's renderer does.
func wrapColumn(paras []cmpPara, w float32, m *cmpMeasurer) []cmpLine {
	var lines []cmpLine
	for _, p := range paras {
		cur := cmpLine{change: -1}
		x := float32(0)
		add := func(text string, kind cmpKind, tw float32) {
			if n := len(cur.pieces); n > 0 && cur.pieces[n-1].kind == kind {
				cur.pieces[n-1].text += text
				cur.pieces[n-1].w += tw
			} else {
				cur.pieces = append(cur.pieces, cmpPiece{x: x, w: tw, text: text, kind: kind})
			}
			x += tw
		}
		newline := func() {
			lines = append(lines, cur)
			cur, x = cmpLine{change: -1}, 0
		}
		for _, s := range p {
			bold := s.kind == cmpLabel
			for _, u := range wrapUnits(s.text) {
				uw := m.width(u, bold)
				word := strings.TrimRight(u, " ")
				fit := uw
				if len(word) < len(u) {
					fit = m.width(word, bold)
				}
				if x > 0 && x+fit > w {
					newline()
				}
				if fit > w { // a URL or a word longer than the line: break it anywhere
					for _, part := range splitToWidth(u, w-x, w, bold, m) {
						if x > 0 && x+m.width(part, bold) > w {
							newline()
						}
						add(part, s.kind, m.width(part, bold))
					}
				} else {
					add(u, s.kind, uw)
				}
				cur.addChange(s.change)
			}
		}
		lines = append(lines, cur)
	}
	return lines
}

// wrapUnits cuts text where a line may break: after each word with the
// spaces that follow it, and around each Chinese, Japanese or Korean
// character. Concatenated, the units give the text back.
func wrapUnits(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWideRune(r):
			if i > start {
				out = append(out, s[start:i])
			}
			j := i + size
			for j < len(s) && s[j] == ' ' {
				j++
			}
			out = append(out, s[i:j])
			start, i = j, j
			continue
		case r == ' ':
			j := i + 1
			for j < len(s) && s[j] == ' ' {
				j++
			}
			out = append(out, s[start:j])
			start, i = j, j
			continue
		}
		i += size
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

func isWideRune(r rune) bool {
	return r >= 0x1100 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// splitToWidth cuts a unit too wide for any line into parts, the first no
// wider than first, the rest no wider than w (one rune at least each).
func splitToWidth(u string, first, w float32, bold bool, m *cmpMeasurer) []string {
	var out []string
	limit := first
	start := 0
	for i, r := range u {
		end := i + utf8.RuneLen(r)
		if i > start && m.width(u[start:end], bold) > limit {
			out = append(out, u[start:i])
			start, limit = i, w
		}
	}
	return append(out, u[start:])
}
