package portal

import (
	"fmt"
	"strings"
	"time"

	"newsdesk/app"
)

// Page is a portal section page read as text: its items in page order and
// the lines that belong to no item (site title, breadcrumb, blurbs, share
// buttons), kept so that nothing on the page goes unaccounted for.
type Page struct {
	Name   string
	Items  []*PageItem
	Chrome []Line
	// Skipped lists items that could not be imported (no body text), each
	// with a warning saying why.
	Skipped  []*PageItem
	Warnings []Warning
}

// Line is one line of an input, numbered from 1.
type Line struct {
	N    int
	Text string
}

// Warning is something an import noticed and worked around; File and
// Line say where, so that an editor can look at the source.
type Warning struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

func (w Warning) String() string {
	if w.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Message)
	}
	return w.File + ": " + w.Message
}

// PageItem is one story of a section page as printed: the byline line
// starts it, the next byline line (or the end of the page) ends it.
type PageItem struct {
	Line, EndLine int // first and last line (the byline line, the last line read)
	// BylineText is the names part as printed ("Liu Denghui, Di Ning and
	// Han Wei"); Byline holds the people in it, Source an agency named
	// there or in a "(Bloomberg) —" dateline.
	BylineText string
	Byline     []string
	Source     string
	TimeText   string
	Time       time.Time
	Section    string
	// Headline is set when the page printed one above the byline line;
	// HeadlineLine is its line.
	Headline     string
	HeadlineLine int
	Photos       []PagePhoto
	Blocks       []Block
	ReadMore     *PageReadMore
	Contacts     []PageContact
	Related      []PageRelated
	Chrome       []Line // lines inside the item that are page furniture
	// Truncated is set on a last item cut off in mid-sentence.
	Truncated bool
}

// PagePhoto is one photo; the portal prints each photo line twice, so
// Lines usually holds two line numbers.
type PagePhoto struct {
	Lines   []int
	Caption string
	Credit  string
}

// Block is one body paragraph, or a heading inside the body.
type Block struct {
	Line    int
	Text    string
	Heading bool
	gap     int // blank lines before it
}

// PageReadMore is a "Read the full story here" line.
type PageReadMore struct {
	Line     int
	Text     string
	Headline string // from "Read full story: <headline>"
}

// PageContact is one person of a contact line.
type PageContact struct {
	Line int
	app.Contact
}

// PageRelated is a "Related: <headline>" line.
type PageRelated struct {
	Line     int
	Headline string
}

// PageOptions tune the parser.
type PageOptions struct {
	// Location is the newsroom time zone the page's times are printed in;
	// nil means app.DefaultTimeZone.
	Location *time.Location
	// Agencies adds names that, standing alone in a byline, are a wire
	// service rather than a person (see Agencies for the built-in list).
	Agencies []string
	// Section is used for byline lines that name none.
	Section string
}

// scan is the state of one parse.
type scan struct {
	name    string
	opt     PageOptions
	raw     []string // lines as read (without line ends)
	text    []string // cleaned lines
	kind    []lineKind
	used    []bool // lines already given to an item (headlines)
	page    *Page
	agency  map[string]bool
	lastRow int // index of the last non-blank line
}

// ParsePage reads a portal section page. The text must already be checked
// (see checkText); ParsePage itself refuses only what makes the page
// meaningless: an impossible date in a byline line, or no item at all.
func ParsePage(name, text string, opt PageOptions) (*Page, error) {
	if opt.Location == nil {
		opt.Location = defaultLocation()
	}
	s := &scan{name: name, opt: opt, raw: splitLines(text), page: &Page{Name: name}, agency: agencySet(opt.Agencies)}
	n := len(s.raw)
	s.text, s.kind, s.used = make([]string, n), make([]lineKind, n), make([]bool, n)
	var starts []int
	s.lastRow = -1
	for i, l := range s.raw {
		s.text[i] = cleanLine(l)
		s.kind[i] = classify(s.text[i])
		if s.kind[i] == kindByline {
			starts = append(starts, i)
		}
		if s.kind[i] != kindBlank {
			s.lastRow = i
		}
	}
	if len(starts) == 0 {
		return nil, app.Errorf(app.EINVALID, "%s: no portal items found: an item starts with a byline line like \"By Name / Oct 21, 2020 11:17 AM / Section\"", name)
	}
	items := make([]*PageItem, len(starts))
	for k, st := range starts {
		it, err := s.byline(st)
		if err != nil {
			return nil, err
		}
		items[k] = it
		s.headlineFor(it, st, starts, k)
	}
	for i := 0; i < starts[0]; i++ {
		if !s.used[i] && s.kind[i] != kindBlank {
			s.page.Chrome = append(s.page.Chrome, Line{i + 1, s.text[i]})
		}
	}
	for k, st := range starts {
		end := n
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		s.body(items[k], st+1, end)
	}
	gap := paragraphGap(items)
	for k, it := range items {
		s.finish(it, gap, k == len(items)-1)
		if len(it.Blocks) == 0 {
			s.warn(it.Line, "item has no body text; skipped")
			s.page.Skipped = append(s.page.Skipped, it)
			continue
		}
		s.page.Items = append(s.page.Items, it)
	}
	return s.page, nil
}

func (s *scan) warn(line int, format string, args ...any) {
	s.page.Warnings = append(s.page.Warnings, Warning{File: s.name, Line: line, Message: fmt.Sprintf(format, args...)})
}

// splitLines splits on \n, \r\n and lone \r (old Mac files).
func splitLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	return strings.Split(text, "\n")
}

// byline reads the byline line of the item starting at index i.
func (s *scan) byline(i int) (*PageItem, error) {
	names, date, section, _ := bylineParts(s.text[i])
	t, err := parsePortalTime(date, s.opt.Location)
	if err != nil {
		return nil, fmt.Errorf("%s line %d: %w", s.name, i+1, err)
	}
	it := &PageItem{Line: i + 1, EndLine: i + 1, BylineText: names, TimeText: date, Time: t, Section: section}
	for _, n := range splitNames(names) {
		if s.agency[strings.ToLower(n)] && it.Source == "" {
			it.Source = n
			continue
		}
		it.Byline = append(it.Byline, n)
	}
	if section == "" {
		if it.Section = strings.TrimSpace(s.opt.Section); it.Section == "" {
			s.warn(i+1, "byline line names no section")
		} else {
			s.warn(i+1, "byline line names no section; filed under %q", it.Section)
		}
	}
	return it, nil
}

// headlineFor takes the line just above an item's byline line as its
// headline when the page printed one there: a title-like line that follows
// the previous item's closing lines (or the page header) rather than its
// body text. A list of headlines in the header is ambiguous and left alone.
func (s *scan) headlineFor(it *PageItem, start int, starts []int, k int) {
	c := s.prevRow(start)
	if c < 0 || s.kind[c] != kindText || !headlineLike(s.text[c]) {
		return
	}
	q := s.prevRow(c)
	switch {
	case k == 0 && (q < 0 || s.kind[q] != kindText || !titleLike(s.text[q], 20, 150)):
	case k > 0 && q > starts[k-1] && s.closes(starts[k-1], q):
	default:
		return
	}
	s.used[c] = true
	it.Headline, it.HeadlineLine = s.text[c], c+1
}

// closes reports whether the lines of the item starting at start, up to q,
// end in its closing lines (contact, read-more, related) rather than body.
func (s *scan) closes(start, q int) bool {
	switch s.kind[q] {
	case kindContact, kindReadMore, kindRelated, kindChrome:
		return true
	}
	body := false
	for i := start + 1; i <= q; i++ {
		switch s.kind[i] {
		case kindText:
			body = true
		case kindContact, kindReadMore:
			if body {
				return true
			}
		}
	}
	return false
}

func (s *scan) prevRow(i int) int {
	for i--; i >= 0; i-- {
		if s.kind[i] != kindBlank {
			return i
		}
	}
	return -1
}

// body sorts the lines of an item into photos, paragraphs and closing lines.
// Once the contact or read-more line has closed the story, further text
// is page furniture (an advert, a share box), never more body.
func (s *scan) body(it *PageItem, from, to int) {
	var last *PagePhoto // the photo a repeated line would repeat
	ended, started := false, false
	gap := 0
	for i := from; i < to; i++ {
		line, n := s.text[i], i+1
		if s.used[i] {
			continue
		}
		if s.kind[i] == kindBlank {
			gap++
			continue
		}
		it.EndLine = n
		if s.kind[i] != kindPhoto {
			last = nil
		}
		switch s.kind[i] {
		case kindPhoto:
			last = s.photo(it, last, line, n)
		case kindContact:
			cl := parseContactLine(line)
			for _, note := range cl.Notes {
				s.warn(n, "%s", note)
			}
			for _, c := range cl.Contacts {
				it.Contacts = append(it.Contacts, PageContact{Line: n, Contact: c})
			}
			if len(cl.Contacts) == 0 {
				it.Chrome = append(it.Chrome, Line{n, line})
			}
			ended = ended || started
		case kindReadMore:
			if it.ReadMore != nil {
				s.warn(n, "a second read-more line; only the first (line %d) is kept", it.ReadMore.Line)
				it.Chrome = append(it.Chrome, Line{n, line})
			} else {
				h, _ := readMoreParts(line)
				it.ReadMore = &PageReadMore{Line: n, Text: line, Headline: h}
			}
			ended = ended || started
		case kindRelated:
			if h, _ := relatedHeadline(line); h != "" {
				it.Related = append(it.Related, PageRelated{Line: n, Headline: h})
			} else {
				s.warn(n, "related line without a headline; ignored")
				it.Chrome = append(it.Chrome, Line{n, line})
			}
		case kindChrome:
			it.Chrome = append(it.Chrome, Line{n, line})
		case kindText:
			if ended {
				s.warn(n, "text after the item's closing lines is taken as page furniture, not body: %s", clip(line, 60))
				it.Chrome = append(it.Chrome, Line{n, line})
				break
			}
			it.Blocks = append(it.Blocks, Block{Line: n, Text: line, gap: gap})
			started = true
		}
		gap = 0
	}
}

// photo adds a photo line to it. The portal prints every photo twice; a
// line repeating the photo just before it (same credit, same or missing
// caption) is the second print, not a second photo. "Photo:" with neither
// caption nor credit is an empty slot.
func (s *scan) photo(it *PageItem, last *PagePhoto, line string, n int) *PagePhoto {
	caption, credit, _ := photoParts(line)
	if last != nil && len(last.Lines) == 1 && last.Credit == credit &&
		(last.Caption == caption || last.Caption == "" || caption == "") {
		last.Lines = append(last.Lines, n)
		if last.Caption == "" {
			last.Caption = caption
		}
		return nil
	}
	if caption == "" && credit == "" {
		it.Chrome = append(it.Chrome, Line{n, line})
		return nil
	}
	it.Photos = append(it.Photos, PagePhoto{Lines: []int{n}, Caption: caption, Credit: credit})
	return &it.Photos[len(it.Photos)-1]
}

// paragraphGap is how many blank lines usually separate two paragraphs on
// this page (one on the portal's pages); a wider gap after the last
// paragraph marks the page furniture that follows.
func paragraphGap(items []*PageItem) int {
	count := map[int]int{}
	for _, it := range items {
		for j := 1; j < len(it.Blocks); j++ {
			count[it.Blocks[j].gap]++
		}
	}
	best, bestN := 1, 0
	for g, c := range count {
		if c > bestN || (c == bestN && g < best) {
			best, bestN = g, c
		}
	}
	return best
}

// finish settles what needs the whole item: furniture after the last
// paragraph, headings, the agency dateline and truncation.
func (s *scan) finish(it *PageItem, gap int, last bool) {
	// The last line of the file: a byline cut short by the download is not
	// text of the item before it.
	if r := s.lastRow; last && r >= 0 && s.kind[r] == kindText && cutBylineRe.MatchString(s.text[r]) && len(it.Blocks) > 0 && it.Blocks[len(it.Blocks)-1].Line == r+1 {
		s.warn(r+1, "the page ends in a cut-off byline line; the item it started is lost: %s", clip(s.text[r], 60))
		it.Chrome = append(it.Chrome, Line{r + 1, s.text[r]})
		it.Blocks = it.Blocks[:len(it.Blocks)-1]
	}
	// Short, label-like lines after the last sentence, set apart by a
	// wider gap than paragraphs have, are furniture ("Sign up for our
	// newsletter"), not the end of the story.
	lastProse := -1
	for j, b := range it.Blocks {
		if proseLike(b.Text) {
			lastProse = j
		}
	}
	for j := lastProse + 1; j < len(it.Blocks); j++ {
		if j > 0 && it.Blocks[j].gap > gap {
			for _, b := range it.Blocks[j:] {
				s.warn(b.Line, "short line after the story's last paragraph is taken as page furniture: %s", clip(b.Text, 60))
				it.Chrome = append(it.Chrome, Line{b.Line, b.Text})
			}
			it.Blocks = it.Blocks[:j]
			break
		}
	}
	markHeadings(it.Blocks)
	if len(it.Blocks) > 0 {
		if src := datelineAgency(it.Blocks[0].Text); src != "" && it.Source == "" {
			it.Source = src
		}
	}
	if !last {
		return
	}
	if len(it.Blocks) == 0 {
		return
	}
	lb := it.Blocks[len(it.Blocks)-1]
	if lb.Line == s.lastRow+1 && !endsSentence(lb.Text) {
		it.Truncated = true
		s.warn(lb.Line, "the page ends in the middle of a sentence: the last item is incomplete (flagged %q)", FlagTruncated)
	}
}

// markHeadings turns short label lines between paragraphs into headings.
// A heading is a body line that is not the first or the last, has at most
// 8 words and 60 characters (30 characters of Chinese), starts with a
// capital letter, a digit or a CJK character, ends without punctuation
// (a question mark is allowed), and stands between two paragraphs of
// running text, so that a list of short lines or a truncated last line
// never becomes a heading.
func markHeadings(blocks []Block) {
	for j := 1; j+1 < len(blocks); j++ {
		t := strings.TrimSuffix(strings.TrimSuffix(blocks[j].Text, "?"), "？")
		if titleLike(t, 8, 60) && !blocks[j-1].Heading && proseLike(blocks[j-1].Text) && proseLike(blocks[j+1].Text) {
			blocks[j].Heading = true
		}
	}
}

// headlineLike reports whether a line could be a printed headline.
func headlineLike(s string) bool {
	t := strings.TrimRight(s, "?？!！")
	return titleLike(t, 20, 150)
}

// clip shortens s for a message.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
