package bodyedit

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsdesk/app/corpus"
)

// wrapCases are paragraphs whose wrapping is easy to get wrong: generated
// English and Chinese copy, and hand-made edge cases.
func wrapCases() []string {
	cases := []string{
		"",
		"One line.",
		"Two  spaces  between  words,  and   three   here, long enough to wrap more than once at the narrow widths.",
		"Averyveryveryveryveryverylongwordwithoutanyspacethatmustbreakmidwayacrosstherowbecausenothingelsefits and then words.",
		"中文段落里有 English words 和数字 2020 年，也有空格：混排的时候 Fyne 只在空格处断行，这一点要照样模仿。",
		"全国人大常委会审议了数据保护法草案。专家认为，草案仍需细化，特别是关于个人信息跨境传输的规定。",
		"A line\nwith a soft break\n\nand an empty line between.",
		" Leading space, and trailing space ",
		"https://example.com/a/very/long/address/that/has/no/spaces/at/all/and/goes/on/and/on/for/a/while",
	}
	for _, zh := range []bool{false, true} {
		body := corpus.New(3, zh).Body(600)
		cases = append(cases, strings.Split(body, "\n\n")...)
	}
	return cases
}

// caretCases is how many of wrapCases also have every caret row checked
// against an Entry, which is slow (each probe re-wraps the Entry's text).
const caretCases = 12

// fyneRowCol asks a real Entry laid out at width w for the caret row and
// column of rune offset pos: typing a rune there and deleting it leaves the
// Entry's own row and column for pos.
func fyneRowCol(e *widget.Entry, pos int) (int, int) {
	e.CursorRow, e.CursorColumn = 0, pos // Entry reads (0, pos) as offset pos
	e.TypedRune('x')
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	return e.CursorRow, e.CursorColumn
}

// TestWrapMatchesFyne checks the token wrap against Fyne's own: the height a
// RichText asks for, and the caret rows of a wrapped Entry, which place every
// row boundary.
func TestWrapMatchesFyne(t *testing.T) {
	test.NewTempApp(t)
	m := newMeasurer(theme.TextSize(), fyne.TextStyle{})
	pad := theme.InnerPadding()
	checked := 0
	for _, width := range []float32{120, 333, 640, 901} {
		for n, text := range wrapCases() {
			rows := m.wrap(text, width-2*pad, nil)
			rt := widget.NewRichTextWithText(text)
			rt.Wrapping = fyne.TextWrapWord
			rt.Resize(fyne.NewSize(width, 100))
			want := rt.MinSize().Height
			if got := float32(len(rows))*m.lineH + 2*pad; got != want {
				t.Errorf("width %v case %d: height %v (%d rows), Fyne %v; text %q", width, n, got, len(rows), want, text)
				continue
			}
			if (width != 120 && width != 640) || n >= caretCases {
				continue // heights at every width; caret rows (slow) at two
			}
			e := widget.NewMultiLineEntry()
			e.Wrapping = fyne.TextWrapWord
			e.SetText(text)
			test.WidgetRenderer(e)
			e.Resize(fyne.NewSize(width, float32(len(rows))*m.lineH+2*pad))
			total := len([]rune(text))
			for pos := 0; pos <= total; pos += 1 + total/12 {
				r, c := rowCol(rows, pos)
				if fr, fc := fyneRowCol(e, pos); fr != r || fc != c {
					t.Errorf("width %v case %d offset %d: row/col %d/%d, Fyne %d/%d; rows %v", width, n, pos, r, c, fr, fc, rows)
					break
				}
				checked++
			}
		}
	}
	t.Logf("%d caret positions checked", checked)
}

func TestSplitParagraphsRoundTrip(t *testing.T) {
	for _, s := range []string{"", "A", "A\n\nB", "A\n\n\nB\n", "\n\n", "第一段。\n\n第二段。\n\n\n\n"} {
		if got := strings.Join(splitParagraphs(s), ParagraphBreak); got != s {
			t.Errorf("%q came back as %q", s, got)
		}
	}
	if got := fmt.Sprintf("%q", splitParagraphs("A\n\nB\n\n\nC")); got != `["A" "B" "\nC"]` {
		t.Errorf("split %s", got)
	}
}
