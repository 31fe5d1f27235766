package portal

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineKind is what one line of a section page is, judged on its own.
type lineKind int

const (
	kindBlank    lineKind = iota
	kindByline            // "By A and B / Oct 21, 2020 11:17 AM / Section": an item starts
	kindPhoto             // "Photo: VCG", "Caption. Photo: VCG", "Photo:"
	kindContact           // "Contact reporter X ( and editor Y ("
	kindReadMore          // "Read the full story here", "Read full story: <headline>"
	kindRelated           // "Related: <headline>"
	kindChrome            // a known piece of page furniture ("Share this article")
	kindText              // anything else: body, headline or unknown chrome
)

// cleanLine trims a line the way the page should have been saved: the
// scraper leaves trailing non-breaking spaces (U+00A0) and other Unicode
// spaces at the ends of paragraphs; inside a line every character is kept.
func cleanLine(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' })
}

// Byline lines: "[By ]names / date / section". The date is matched loosely
// here (any "Mon DD, YYYY HH:MM AM", a Chinese "2021年3月5日 09:30" or ISO
// "2021-03-05 09:30") so that an impossible date ("Feb 30") still marks the
// start of an item and is reported, instead of becoming body text of the
// item before it.
var (
	dateExpr = `(?:[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?\s?[Mm]\.?)?` +
		`|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\d{1,2}:\d{2}` +
		`|\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{2})`
	bylineRe = regexp.MustCompile(`^(?:(?i:by)(?:\s+|$))?([^/]{0,400}?)\s*/\s*(` + dateExpr + `)\s*(?:/\s*([^/]*?))?\s*$`)
	// cutBylineRe matches what is left of a byline when a download stops in
	// the middle of it: "By Matthew Walsh / Oct 21, 20".
	cutBylineRe = regexp.MustCompile(`^(?:(?i:by)\s+[^/]{0,200})?/\s*[A-Za-z]{0,9}\.?\s*\d{0,2},?\s*\d{0,4}\s*\d{0,2}:?\d{0,2}\s*[AaPp]?\.?[Mm]?\.?\s*/?\s*$`)
)

// bylineParts splits a byline line into its raw names, date and section.
func bylineParts(s string) (names, date, section string, ok bool) {
	m := bylineRe.FindStringSubmatch(s)
	if m == nil {
		return "", "", "", false
	}
	return strings.TrimSpace(m[1]), strings.TrimSpace(m[2]), strings.TrimSpace(m[3]), true
}

// photoMarkers introduce a credit. The portal prints "Photo: VCG"; other
// pages of the same portal use the plural, a full-width colon or Chinese.
var photoMarkers = []string{"photos:", "photo:", "photograph:", "photos：", "photo：", "图片来源：", "图片来源:", "图片：", "图："}

// maxCreditRunes bounds what can follow "Photo:": a credit is a name or
// two ("Xinhua/Li He", "Bloomberg via Getty Images"), never a sentence.
const maxCreditRunes = 80

// photoParts recognises a photo line and returns its caption and credit.
// The caption is whatever stands before the last marker on the line.
func photoParts(s string) (caption, credit string, ok bool) {
	lower := strings.ToLower(s)
	at, marker := -1, ""
	for _, m := range photoMarkers {
		if i := strings.LastIndex(lower, m); i > at {
			at, marker = i, m
		}
	}
	if at < 0 {
		if rest, found := cutPrefixFold(s, "photo by "); found && utf8.RuneCountInString(rest) <= maxCreditRunes {
			return "", strings.TrimSpace(rest), true
		}
		return "", "", false
	}
	// "Photo:" must start a word: "Telephoto: ..." is not a credit.
	if at > 0 {
		prev, _ := utf8.DecodeLastRuneInString(s[:at])
		if unicode.IsLetter(prev) && marker[0] < utf8.RuneSelf {
			return "", "", false
		}
	}
	credit = strings.TrimSpace(s[at+len(marker):])
	caption = strings.TrimSpace(s[:at])
	if utf8.RuneCountInString(credit) > maxCreditRunes || len(strings.Fields(credit)) > 10 {
		return "", "", false
	}
	// A credit ends the line; a sentence that merely mentions "photo:"
	// goes on after it with more clauses.
	if strings.ContainsAny(credit, "。！？") || strings.Contains(credit, ". ") {
		return "", "", false
	}
	credit = strings.TrimRight(credit, ".。 ")
	return caption, credit, true
}

// cutPrefixFold is strings.CutPrefix ignoring ASCII case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// relatedRe matches "Related: <headline>" and the other wordings portals use.
var relatedRe = regexp.MustCompile(`^(?i:related(?:\s+(?:stories|story|articles?|reading|coverage|news))?|also\s+read|read\s+also|see\s+also|相关报道|相关阅读|相关新闻|延伸阅读|相关)\s*[:：]\s*(.*)$`)

// relatedHeadline returns the headline of a related-story line.
func relatedHeadline(s string) (string, bool) {
	m := relatedRe.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	return strings.TrimSpace(m[1]), true
}

// Read-more lines come in many wordings: "Read the full story here",
// "Read full story here", "Click here to read the full story on Caixin
// Global.", "Read the full story on Caixin Global later today.", "To read
// the full article, click here.", "Read the full opinion piece by X here",
// "Read full story: <headline>", "Continue reading", "阅读全文". A line is
// one when it starts like an invitation to read and speaks of the full
// story (or of "here"); a body sentence that merely contains "read the full
// report" does not start that way.
var (
	readMoreStartRe = regexp.MustCompile(`^(?i:(?:please\s+)?(?:click\s+here\s+to\s+|to\s+)?(?:read|continue\s+reading|see|view|find)\b|for\s+the\s+(?:full|whole|complete|rest)\b|the\s+full\s+(?:story|article|text|report)\b|full\s+story\b|more\s+here\b)`)
	readMoreWhatRe  = regexp.MustCompile(`(?i)\b(?:full|whole|complete|entire|rest\s+of|original|more)\b|\bhere\b|\bcontinue`)
	readMoreColonRe = regexp.MustCompile(`^(?i:(?:click\s+here\s+to\s+)?read\s+(?:the\s+)?(?:full|whole|complete|more|on)(?:\s+(?:story|article|report|text))?)\s*[:：]\s*(.+)$`)
	readMoreZhRe    = regexp.MustCompile(`^(?:点击|点此|请)?(?:阅读|查看|浏览)?(?:全文|原文|更多)`)
)

// readMoreParts recognises a read-more line. headline is set for the
// "Read full story: <headline>" form.
func readMoreParts(s string) (headline string, ok bool) {
	if m := readMoreColonRe.FindStringSubmatch(s); m != nil {
		return strings.TrimSpace(m[1]), true
	}
	if readMoreZhRe.MatchString(s) && utf8.RuneCountInString(s) <= 40 {
		return "", true
	}
	if !readMoreStartRe.MatchString(s) || len(strings.Fields(s)) > 16 {
		return "", false
	}
	if !readMoreWhatRe.MatchString(s) {
		return "", false
	}
	// "See you later." or "Read my lips." are not invitations: the line
	// must speak of a story, an article, a piece or "here".
	lower := strings.ToLower(s)
	for _, w := range []string{"story", "article", "piece", "report", "here", "text", "interview", "coverage", "version", "continue", "more"} {
		if strings.Contains(lower, w) {
			return "", true
		}
	}
	return "", false
}

// chromePhrases are page furniture the portal prints around its lists,
// compared with the whole line in lower case, trailing punctuation dropped.
var chromePhrases = map[string]bool{
	"share this article": true, "share this story": true, "share": true, "share on": true,
	"open wechat and scan the qr code": true, "scan the qr code": true,
	"advertisement": true, "ad": true, "sponsored": true,
	"load more": true, "more": true, "more stories": true, "more news": true, "see more": true,
	"most popular": true, "most read": true, "latest": true, "latest news": true, "top stories": true,
	"back to top": true, "print": true, "email": true, "comments": true, "home": true,
	"subscribe": true, "subscribe now": true, "sign in": true, "log in": true,
	"分享": true, "分享到": true, "扫一扫": true, "返回顶部": true, "加载更多": true, "更多": true, "热门文章": true, "最新": true,
}

// chromePrefixes mark furniture lines that carry a variable tail.
var chromePrefixes = []string{"©", "copyright ©", "copyright (c)", "all rights reserved", "share this", "follow us on", "打开微信", "版权所有", "京icp"}

// isChrome reports whether a line is known page furniture.
func isChrome(s string) bool {
	l := strings.ToLower(strings.TrimRight(s, ".:：!|>»›· "))
	if chromePhrases[l] {
		return true
	}
	for _, p := range chromePrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return isBreadcrumb(s)
}

// isBreadcrumb recognises "Home >", "Home > Politics & Law", "首页 > 经济":
// short labels joined by ">" (or "»", "›"), none of them a sentence.
func isBreadcrumb(s string) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '>' || r == '»' || r == '›' })
	if len(parts) == 0 || !strings.ContainsAny(s, ">»›") || utf8.RuneCountInString(s) > 100 {
		return false
	}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if len(strings.Fields(p)) > 4 || utf8.RuneCountInString(p) > 30 || endsSentence(p) {
			return false
		}
	}
	return true
}

// classify judges one cleaned line on its own.
func classify(s string) lineKind {
	switch {
	case s == "":
		return kindBlank
	case bylineRe.MatchString(s):
		return kindByline
	case isContactLine(s):
		return kindContact
	}
	if _, ok := relatedHeadline(s); ok {
		return kindRelated
	}
	if _, ok := readMoreParts(s); ok {
		return kindReadMore
	}
	if _, _, ok := photoParts(s); ok {
		return kindPhoto
	}
	if isChrome(s) {
		return kindChrome
	}
	return kindText
}

// Sentence shape, used for headings, truncation and working headlines.

// closers may follow the punctuation that ends a sentence.
const closers = "”’\"')）」』]】"

// endsSentence reports whether s ends like a finished sentence.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, closers)
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…。！？", r)
}

// endsClause reports whether s ends with any punctuation that continues or
// ends a sentence, which a heading never does.
func endsClause(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…。！？,，;；:：、-—–", r) || strings.ContainsRune(closers, r)
}

// hasCJK reports whether s contains Chinese, Japanese or Korean letters.
func hasCJK(s string) bool {
	for _, r := range s {
		if r >= 0x1100 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
	}
	return false
}

// titleLike reports whether a line could be a heading or a headline: at
// most maxWords words and maxRunes characters (half as many characters for
// CJK text, which has no spaces to count words by), starting with a
// capital, a digit or a CJK character, and not ending in punctuation.
func titleLike(s string, maxWords, maxRunes int) bool {
	if s == "" || endsClause(s) {
		return false
	}
	n := utf8.RuneCountInString(s)
	if hasCJK(s) {
		if n > maxRunes/2 {
			return false
		}
	} else if n > maxRunes || len(strings.Fields(s)) > maxWords {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || (r >= 0x1100 && hasCJK(string(r)))
}

// proseLike reports whether a line reads as running text rather than a
// label: it ends a sentence, or it is longer than a heading can be.
func proseLike(s string) bool {
	return endsSentence(s) || !titleLike(strings.TrimRight(s, ",;:，；："), 12, 80)
}
