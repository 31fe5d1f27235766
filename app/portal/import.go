// Package portal moves stories between Newsdesk and the news portal. This
// part imports: the portal's own section pages saved as text, and IPTC
// ninjs JSON from agencies and archives, so that a newsroom starts with its
// archive rather than an empty store.
//
// # Section pages
//
// An item starts at its byline line ("By A, B and C / Oct 21, 2020 11:17 AM
// / Section", "By " optional, names possibly empty, an agency possibly
// standing as the author) and runs to the next one. Lines are classified on
// their own (byline, photo, contact, read-more, related, known furniture,
// text) and then by position: everything before the first byline is page
// chrome; text after an item's contact or read-more line is furniture
// between items. Paragraphs are kept exactly as printed, except that the
// spaces and non-breaking spaces the scraper leaves at both ends of a line
// are trimmed, and a paragraph starting with "#" is escaped ("\#") so that
// it stays a paragraph in Markdown. Short label lines between paragraphs
// become "## " headings (see markHeadings for the rule). The page prints
// each photo line twice; the pair is one photo. Page times are wall clocks
// in the newsroom zone (Options.TimeZone).
//
// # ninjs
//
// One object, an array of them, or one per line (JSON lines), in ninjs 2.x
// and, where its fields differ, 1.x (headline, description_text/html,
// body_text/html, byline, subject, associations as an object). The main
// headline, a summary description as the dek, the main body (HTML reduced
// to plain Markdown by a small, safe converter; plain text split into
// paragraphs), "by" as the byline (an agency as the source), subjects as
// tags (one related as "section" is the section), "located" as a tag,
// firstcreated (else versioncreated) as published_at, embargoed as
// embargo_until. pubstatus usable is published, withheld a draft flagged
// "withheld by provider", canceled killed. Pictures among the associations
// become photos with their caption and credit line (creditline, by or
// byline, copyright holder); their renditions are not fetched. Associated
// stories become related links, people with contact information contacts.
//
// # What the page lacks, and what the store requires
//
// Portal items are live already, so they come in published, with the
// page's time as published_at. Published articles must be complete; the
// pages are not, and the importer fills the gaps honestly and flags them,
// so that the desk's needs-attention queue lists what an editor must do:
//
//   - No headline on the page: a working headline from a "Read full
//     story: <headline>" line, else the first sentence cut at a word
//     boundary; flagged "needs headline".
//   - Photos are credits and captions without the picture (nothing is
//     fetched): the photo keeps its caption and credit and points at a
//     small stored placeholder image (PlaceholderImage), flagged "photo
//     missing". Dropping the photo would lose its credit; importing the
//     story as a draft would put years of published stories back into the
//     desk's work queues and misstate their history.
//   - "Related: <headline>" links to the stored article with that headline
//     (of this import or earlier); otherwise it is an outside story, which
//     has no URL on the page. It is kept by its headline, reported as a
//     warning with its line, and the article is flagged "related link
//     missing" so an editor adds the link. Read-more lines without a link
//     are kept as text the same way ("read more link missing").
//   - Anything else a published article needs and the page lacks (a byline
//     or a source, a section, a photo credit) makes the item a draft
//     flagged "needs byline", "needs section"...: it is imported, never
//     dropped, and never fails the whole file.
//   - A last item cut off in mid-sentence (an incomplete download) is
//     imported and flagged "truncated"; an item with no body text at all
//     is reported and skipped. Nothing is ever merged into another item.
//
// The newsroom's settings apply: its zone when no zone is given, its
// default section for items whose source names none (with a warning), its
// headline limit (longer headlines are cut, with a warning), its controlled
// tag list (other tags are left out, with a warning) and the fields it
// requires per status (a story lacking one comes in as a draft flagged
// "needs <field>").
//
// # Idempotency
//
// Every item carries an import key: "portal:" and a hash of the byline as
// printed, the wall-clock time and the start of the first paragraph (the
// zone is left out, so importing with another --tz finds the same items),
// or "ninjs:" and the item's uri (or guid). The store holds each key once,
// in the Trash too, so importing a file again adds nothing and does not
// bring back what an editor deleted.
//
// One file is saved in one transaction: all its new items or none.
package portal

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"newsdesk/app"
)

// Format is the kind of an import file.
type Format string

// Import formats.
const (
	FormatAuto   Format = "auto"
	FormatPortal Format = "portal"
	FormatNinjs  Format = "ninjs"
)

// ParseFormat accepts a format name; the empty string means auto.
func ParseFormat(s string) (Format, error) {
	switch Format(strings.ToLower(strings.TrimSpace(s))) {
	case "", FormatAuto:
		return FormatAuto, nil
	case FormatPortal:
		return FormatPortal, nil
	case FormatNinjs:
		return FormatNinjs, nil
	}
	return "", app.Errorf(app.EINVALID, "unknown import format %q (want auto, portal or ninjs)", s)
}

// Author signs every revision an import writes.
const Author = "import"

// Flags set on imported articles, for the desk's needs-attention queue.
const (
	FlagNeedsHeadline  = "needs headline"
	FlagTruncated      = "truncated"
	FlagPhotoMissing   = "photo missing"
	FlagRelatedMissing = "related link missing"
	FlagReadMoreLink   = "read more link missing"
	FlagWithheld       = "withheld by provider"
)

// Options tune an import.
type Options struct {
	Format Format
	// TimeZone is the zone (IANA) in which the portal prints its times and
	// in which imported articles are kept; empty means the newsroom's zone
	// (app.DefaultTimeZone before a store is at hand).
	TimeZone string
	// Section is given to items whose source names none (ninjs has no
	// section field; a byline line may lack one); empty means the
	// newsroom's default section.
	Section string
	// Agencies adds wire-service names to the built-in Agencies.
	Agencies []string
}

func (o Options) zone() (string, error) {
	name := strings.TrimSpace(o.TimeZone)
	if name == "" {
		name = app.DefaultTimeZone
	}
	if _, err := app.LoadZone(name); err != nil || name == "Local" {
		return "", app.Errorf(app.EINVALID, "time zone %q is not an IANA zone name (e.g. Asia/Shanghai)", o.TimeZone)
	}
	return name, nil
}

// withNewsroom fills the zone and section the caller left empty from the
// newsroom's settings.
func (o Options) withNewsroom(ctx context.Context, svc *app.Service) (Options, error) {
	if strings.TrimSpace(o.TimeZone) != "" && strings.TrimSpace(o.Section) != "" {
		return o, nil
	}
	nr, err := svc.Newsroom(ctx)
	if err != nil {
		return o, fmt.Errorf("read the newsroom settings: %w", err)
	}
	if strings.TrimSpace(o.TimeZone) == "" {
		o.TimeZone = nr.TimeZone
	}
	if strings.TrimSpace(o.Section) == "" {
		o.Section = nr.DefaultSection
	}
	return o, nil
}

// File is one input read and parsed, not yet saved.
type File struct {
	Name     string
	Format   Format
	Items    []*Item
	Warnings []Warning
	// text and opt allow Save to read the file again when the newsroom's
	// zone or default section differ from those it was parsed with.
	text string
	opt  Options
}

// Item is one story read from a file, in the shape it will be saved in.
type Item struct {
	// Line is where the item starts in its file.
	Line    int
	Article *app.Article
	// Refs are the related stories the source names; the import links them
	// to stored articles by headline, or keeps them as outside stories.
	Refs []Ref
	// ReadMoreLine is the line of the read-more line, for messages.
	ReadMoreLine int
	// Indexed says whether the headline is a real one that related lines
	// elsewhere may name (a working headline made from the first sentence
	// is not).
	Indexed bool
}

// Ref is a related story named by a source.
type Ref struct {
	Line     int
	Headline string
	URL      string
}

// Error is a failed input: its name, the line when one is to blame, and
// why. Nothing of a failed input is saved.
type Error struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	Err  error  `json:"-"`
}

// Error says "import FILE line N: why".
func (e *Error) Error() string {
	msg := e.Err.Error()
	// Parsers already name the file; say it once.
	if strings.HasPrefix(msg, e.File+" ") || strings.HasPrefix(msg, e.File+":") {
		return "import " + msg
	}
	if e.Line > 0 {
		return fmt.Sprintf("import %s line %d: %s", e.File, e.Line, msg)
	}
	return fmt.Sprintf("import %s: %s", e.File, msg)
}

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *Error) Unwrap() error { return e.Err }

// lineRe finds the line parsers name in their messages ("x.txt line 12").
var lineRe = regexp.MustCompile(`^ line (\d+)`)

// fileError wraps a parser's error, taking the line from its message so
// that reports list it as a field.
func fileError(name string, err error) *Error {
	e := &Error{File: name, Err: err}
	if rest, ok := strings.CutPrefix(err.Error(), name); ok {
		if m := lineRe.FindStringSubmatch(rest); m != nil {
			e.Line, _ = strconv.Atoi(m[1])
		}
	}
	return e
}

// entry is the error as a report lists it.
func (e *Error) entry() FileError {
	return FileError{File: e.File, Line: e.Line, Message: e.Error()}
}

// Parse reads and parses one input without touching any store.
func Parse(in Input, opt Options) (*File, error) {
	fail := func(err error) error { return fileError(in.Name, err) }
	if _, err := opt.zone(); err != nil {
		return nil, fail(err)
	}
	data, err := in.read()
	if err != nil {
		return nil, fail(err)
	}
	text, err := checkText(in.Name, data)
	if err != nil {
		return nil, fail(err)
	}
	if opt.Format == "" || opt.Format == FormatAuto {
		opt.Format = detectFormat(in.Name, text)
	}
	f, err := parseText(in.Name, text, opt)
	if err != nil {
		return nil, fail(err)
	}
	return f, nil
}

// parseText parses checked text in a known format.
func parseText(name, text string, opt Options) (*File, error) {
	zone, err := opt.zone()
	if err != nil {
		return nil, err
	}
	f := &File{Name: name, Format: opt.Format, text: text, opt: opt}
	switch opt.Format {
	case FormatPortal:
		loc, _ := app.LoadZone(zone)
		page, err := ParsePage(name, text, PageOptions{Location: loc, Agencies: opt.Agencies, Section: opt.Section})
		if err != nil {
			return nil, err
		}
		f.Warnings = page.Warnings
		for _, it := range page.Items {
			f.Items = append(f.Items, it.item(zone))
		}
	case FormatNinjs:
		items, warnings, err := parseNinjs(name, text, zone, opt)
		if err != nil {
			return nil, err
		}
		f.Items, f.Warnings = items, warnings
	default:
		return nil, app.Errorf(app.EINVALID, "unknown import format %q", opt.Format)
	}
	if len(f.Items) == 0 {
		return nil, app.Errorf(app.EINVALID, "%s: no story to import in it", name)
	}
	return f, nil
}

// reparse reads f again with the options an import settled on.
func (f *File) reparse(opt Options) (*File, error) {
	opt.Format = f.Format
	if opt.TimeZone == f.opt.TimeZone && opt.Section == f.opt.Section {
		return f, nil
	}
	return parseText(f.Name, f.text, opt)
}

// ParseAll parses every input; the files that failed are reported in the
// returned error (one *Error each, joined) and left out of the result.
func ParseAll(inputs []Input, opt Options) ([]*File, error) {
	var files []*File
	var errs []error
	for _, in := range inputs {
		f, err := Parse(in, opt)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		files = append(files, f)
	}
	return files, errors.Join(errs...)
}

// Import parses and saves inputs, one transaction per file, and reports
// what it did. progress, when not nil, is called with the number of files
// done and the total, first with 0. A file that fails is named in the
// returned error and in the report, and leaves the store as it was; the
// other files are imported all the same.
func Import(ctx context.Context, svc *app.Service, inputs []Input, opt Options, progress func(done, total int)) (*Report, error) {
	if progress == nil {
		progress = func(int, int) {}
	}
	imp, err := newImporter(ctx, svc, opt)
	if err != nil {
		return NewReport(), err
	}
	opt = imp.opt
	var errs []error
	progress(0, len(inputs))
	for i, in := range inputs {
		if err := ctx.Err(); err != nil {
			errs = append(errs, fmt.Errorf("import stopped before %s: %w", in.Name, err))
			break
		}
		f, err := Parse(in, opt)
		if err == nil {
			err = imp.save(ctx, f)
		}
		if err != nil {
			errs = append(errs, imp.failed(in.Name, err))
		}
		progress(i+1, len(inputs))
	}
	return imp.report, errors.Join(errs...)
}

// Save saves files parsed by ParseAll, like Import.
func Save(ctx context.Context, svc *app.Service, files []*File, opt Options, progress func(done, total int)) (*Report, error) {
	if progress == nil {
		progress = func(int, int) {}
	}
	imp, err := newImporter(ctx, svc, opt)
	if err != nil {
		return NewReport(), err
	}
	var errs []error
	progress(0, len(files))
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			errs = append(errs, fmt.Errorf("import stopped before %s: %w", f.Name, err))
			break
		}
		g, err := f.reparse(imp.opt)
		if err == nil {
			err = imp.save(ctx, g)
		}
		if err != nil {
			errs = append(errs, imp.failed(f.Name, err))
		}
		progress(i+1, len(files))
	}
	return imp.report, errors.Join(errs...)
}

// Report says what an import did, for the CLI (--json prints it) and the
// GUI's report dialog.
type Report struct {
	Imported   int          `json:"imported"`
	Duplicates int          `json:"duplicates"`
	Flagged    []Flagged    `json:"flagged"`
	Warnings   []Warning    `json:"warnings"`
	IDs        []string     `json:"ids"`
	Files      []FileResult `json:"files"`
	Errors     []FileError  `json:"errors,omitempty"`
}

// Flagged is an imported article that needs an editor, and why.
type Flagged struct {
	ID       string   `json:"id"`
	Headline string   `json:"headline"`
	File     string   `json:"file"`
	Line     int      `json:"line,omitempty"`
	Reasons  []string `json:"reasons"`
}

// FileResult is what became of one file.
type FileResult struct {
	File       string `json:"file"`
	Format     Format `json:"format,omitempty"`
	Imported   int    `json:"imported"`
	Duplicates int    `json:"duplicates"`
	Error      string `json:"error,omitempty"`
}

// FileError is a failed file in a report.
type FileError struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}
