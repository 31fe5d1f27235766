package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

func TestWrapUnits(t *testing.T) {
	cases := map[string][]string{
		"Lawmakers  approved it.": {"Lawmakers  ", "approved ", "it."},
		"全国人大 NPC会议":              {"全", "国", "人", "大 ", "NPC", "会", "议"},
		"":                        nil,
	}
	for in, want := range cases {
		got := wrapUnits(in)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("wrapUnits(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLayoutWrapsAndFindsChanges wraps a paragraph in a narrow column:
// no line is wider than the column, the text survives whole, a word
// longer than a line is cut, and each change maps to its first line.
func TestLayoutWrapsAndFindsChanges(t *testing.T) {
	test.NewTempApp(t)
	m := newCmpMeasurer(14)
	long := strings.Repeat("x", 120)
	para := cmpPara{
		{text: "Lawmakers ", kind: cmpEqual, change: -1},
		{text: "considered", kind: cmpDelete, change: 0},
		{text: "approved", kind: cmpInsert, change: 0},
		{text: " a draft law on facial recognition in public places. 全国人大常委会审议了数据保护法草案。 ", kind: cmpEqual, change: -1},
		{text: long, kind: cmpInsert, change: 1},
	}
	blocks := []cmpBlock{{cols: [][]cmpPara{{para}}, gap: true}}
	lay := layoutDoc(blocks, 2, cmpGeometry{width: 200}, m)
	var text strings.Builder
	for i, l := range lay.lines {
		for _, p := range l.pieces {
			if p.x+p.w > 200.5 && p.w <= 200 {
				t.Errorf("line %d: %q ends at %v, past the 200 column", i, p.text, p.x+p.w)
			}
			text.WriteString(p.text)
		}
	}
	want := "Lawmakers consideredapproved a draft law on facial recognition in public places. 全国人大常委会审议了数据保护法草案。 " + long
	if text.String() != want {
		t.Errorf("text after wrapping:\n%q\nwant\n%q", text.String(), want)
	}
	if len(lay.lines) < 5 {
		t.Errorf("%d lines for a long paragraph in 200 pixels", len(lay.lines))
	}
	if lay.changeLine[0] != 0 || lay.changeLine[1] <= 0 || lay.lines[len(lay.lines)-1].pieces != nil {
		t.Errorf("change lines %v; last line %+v (want the blank line after the paragraph)", lay.changeLine, lay.lines[len(lay.lines)-1])
	}
}

// TestRowStrikesDeletionsAndUnderlinesInsertions checks what a row draws:
// a deletion has a rule through the middle of its text, an insertion one
// under it, so they read apart in black and white.
func TestRowStrikesDeletionsAndUnderlinesInsertions(t *testing.T) {
	test.NewTempApp(t)
	l := newCmpLines(false)
	l.setDoc([]cmpBlock{{cols: [][]cmpPara{{{
		{text: "Lawmakers ", kind: cmpEqual, change: -1},
		{text: "considered", kind: cmpDelete, change: 0},
		{text: "approved", kind: cmpInsert, change: 0},
	}}}}}, 1)
	row := newCmpRow(l)
	row.set(l.lay.lines[0])
	row.Resize(fyne.NewSize(600, l.lineH))
	r := test.WidgetRenderer(row)
	r.Layout(row.Size())
	var texts []*canvas.Text
	var rules []*canvas.Line
	for _, o := range r.Objects() {
		switch x := o.(type) {
		case *canvas.Text:
			if x.Text != "" {
				texts = append(texts, x)
			}
		case *canvas.Line:
			rules = append(rules, x)
		}
	}
	if len(texts) != 3 || len(rules) != 2 {
		t.Fatalf("row draws %d texts and %d rules, want 3 and 2", len(texts), len(rules))
	}
	del, ins := rules[0], rules[1]
	top := texts[1].Position().Y
	if y := del.Position1.Y - top; y < l.lineH*0.3 || y > l.lineH*0.7 {
		t.Errorf("the deletion's rule is at %v of a %v line, not through the text", y, l.lineH)
	}
	if y := ins.Position1.Y - top; y < l.lineH*0.8 {
		t.Errorf("the insertion's rule is at %v of a %v line, not under the text", y, l.lineH)
	}
	if texts[1].Color == texts[2].Color || texts[0].Color == texts[1].Color {
		t.Error("deleted, inserted and unchanged text share a colour")
	}
}
