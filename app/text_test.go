package app_test

import (
	"strings"
	"testing"

	"newsdesk/app"
)

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"   \n\t ", 0},
		{"... — !!!", 0},
		{"Hello", 1},
		{"Hello, world.", 2},
		{"don't stop", 2},
		{"China’s state-owned banks", 3},
		{"-leading hyphen", 2},
		{"GDP grew 4.8% in 2026", 6},
		{"## Subheading\n\nOne paragraph.\n\n- a list item", 6},
		{"王晓明", 3},
		{"数据保护法草案。", 7},
		{"王晓明 said 数据 matters", 7},
		{"人大常委会审议AI法草案", 11},
		{"ひらがなカタカナ", 8},
		{"한국어", 3},
		{"Ünïcödé façade", 2},
	}
	for _, tt := range tests {
		if got := app.CountWords(tt.in); got != tt.want {
			t.Errorf("CountWords(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestReadingMinutes(t *testing.T) {
	words := func(n int) string { return strings.Repeat("word ", n) }
	han := func(n int) string { return strings.Repeat("字", n) }
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"empty", "", 0},
		{"punctuation only", "— … !", 0},
		{"one word", "Hello", 1},
		{"230 words", words(230), 1},
		{"460 words", words(460), 2},
		{"one word past two minutes", words(465), 3},
		{"1000 words", words(1000), 5},
		{"400 characters", han(400), 1},
		{"800 characters", han(800), 2},
		{"a few seconds past two minutes", han(820), 3},
		{"mixed", words(230) + han(1200), 4},
	}
	for _, tt := range tests {
		if got := app.ReadingMinutes(tt.in); got != tt.want {
			t.Errorf("ReadingMinutes(%s) = %d, want %d", tt.name, got, tt.want)
		}
	}
}
