package portal

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"

	"newsdesk/app"
)

// importer saves parsed files into one store and keeps the report.
type importer struct {
	svc    *app.Service
	opt    Options
	report *Report
	// titles maps normalised headlines to article ids, for related
	// lines: the store's (read when a file first needs them, loaded
	// then true) and those of the files imported so far.
	titles map[string]string
	loaded bool
}

func newImporter(ctx context.Context, svc *app.Service, opt Options) (*importer, error) {
	opt, err := opt.withNewsroom(ctx, svc)
	if err != nil {
		return nil, err
	}
	if _, err := opt.zone(); err != nil {
		return nil, err
	}
	return &importer{svc: svc, opt: opt, report: NewReport()}, nil
}

// NewReport returns an empty report whose lists print as [] in JSON.
func NewReport() *Report {
	return &Report{Flagged: []Flagged{}, Warnings: []Warning{}, IDs: []string{}, Files: []FileResult{}}
}

// failed records a failed file in the report and returns its error.
func (imp *importer) failed(name string, err error) error {
	var e *Error
	if !errors.As(err, &e) {
		e = fileError(name, err)
	}
	imp.report.Errors = append(imp.report.Errors, e.entry())
	imp.report.Files = append(imp.report.Files, FileResult{File: name, Error: e.Error()})
	return e
}

// save imports the new items of one file in one transaction.
func (imp *importer) save(ctx context.Context, f *File) error {
	res := FileResult{File: f.Name, Format: f.Format}
	warnings := append([]Warning(nil), f.Warnings...)
	seen := map[string]int{}
	var fresh []*Item
	for _, it := range f.Items {
		key := it.Article.ImportKey
		if line, ok := seen[key]; ok {
			res.Duplicates++
			warnings = append(warnings, Warning{File: f.Name, Line: it.Line, Message: fmt.Sprintf("the same story as line %d; imported once", line)})
			continue
		}
		seen[key] = it.Line
		_, err := imp.svc.Store.ArticleByImportKey(ctx, key)
		switch {
		case err == nil:
			res.Duplicates++
			continue
		case app.ErrorCode(err) != app.ENOTFOUND:
			return &Error{File: f.Name, Line: it.Line, Err: err}
		}
		fresh = append(fresh, it)
	}
	arts := make([]*app.Article, len(fresh))
	for i, it := range fresh {
		arts[i] = it.Article.Clone()
		// Ids are chosen before the save so that items of one file can
		// name each other in their related links.
		id, err := uuid.NewV7()
		if err != nil {
			return &Error{File: f.Name, Err: fmt.Errorf("new article id: %w", err)}
		}
		arts[i].ID = id.String()
	}
	if err := imp.loadTitles(ctx, fresh); err != nil {
		return &Error{File: f.Name, Err: err}
	}
	local := fileTitles(fresh, arts)
	placeholder := false
	for i, it := range fresh {
		w, usesPlaceholder, err := imp.complete(f.Name, it, arts[i], local)
		if err != nil {
			return err
		}
		warnings = append(warnings, w...)
		placeholder = placeholder || usesPlaceholder
	}
	if placeholder && len(arts) > 0 {
		// Stored only now, once every item has passed: a file refused
		// for its content leaves no blob behind.
		ref, err := imp.svc.AttachImage(ctx, "placeholder", PlaceholderImage())
		if err != nil {
			return &Error{File: f.Name, Err: err}
		}
		for _, a := range arts {
			for j := range a.Photos {
				if a.Photos[j].Image == placeholderRef {
					a.Photos[j].Image = ref
				}
			}
		}
	}
	if len(arts) > 0 {
		saved, err := imp.svc.SaveBatch(ctx, arts, app.SaveOptions{Author: Author, Message: "import " + f.Name, Base: -1})
		if err != nil {
			return &Error{File: f.Name, Err: itemLines(err, fresh)}
		}
		arts = saved
	}
	sort.SliceStable(warnings, func(i, j int) bool { return warnings[i].Line < warnings[j].Line })
	if imp.titles == nil {
		imp.titles = map[string]string{}
	}
	for k, id := range local {
		if _, dup := imp.titles[k]; !dup {
			imp.titles[k] = id
		}
	}
	res.Imported = len(arts)
	r := imp.report
	r.Imported += res.Imported
	r.Duplicates += res.Duplicates
	r.Files = append(r.Files, res)
	r.Warnings = append(r.Warnings, warnings...)
	for i, a := range arts {
		r.IDs = append(r.IDs, a.ID)
		if len(a.Flags) > 0 {
			r.Flagged = append(r.Flagged, Flagged{ID: a.ID, Headline: a.Headline, File: f.Name, Line: fresh[i].Line, Reasons: a.Flags})
		}
	}
	return nil
}

// complete fits one article to the store's rules, flagging what the source
// lacked; see the package documentation for each case. It returns the
// warnings, whether the article uses the placeholder image, and an error
// when the item breaks a rule no flag can stand in for (a malformed e-mail
// address in ninjs, a body past the size limit).
func (imp *importer) complete(file string, it *Item, a *app.Article, local map[string]string) ([]Warning, bool, error) {
	var warnings []Warning
	warn := func(line int, format string, args ...any) {
		if line == 0 {
			line = it.Line
		}
		warnings = append(warnings, Warning{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
	}
	flag := func(f string) { a.Flags = append(a.Flags, f) }

	seen := map[string]bool{}
	for _, ref := range it.Refs {
		r := app.Related{Headline: ref.Headline, URL: ref.URL}
		if id := imp.titleID(local, ref.Headline); id != "" && id != a.ID {
			r = app.Related{ID: id, Headline: ref.Headline}
		}
		k := r.ID + "\x00" + normTitle(r.Headline) + "\x00" + r.URL
		if seen[k] {
			continue
		}
		seen[k] = true
		if !imp.accepts(&app.Article{Related: []app.Related{r}}) {
			if r.URL == "" {
				warn(ref.Line, "related story %s is not in the store and the source gives no link; left out (flagged %q)", quote(ref.Headline), FlagRelatedMissing)
				flag(FlagRelatedMissing)
			} else {
				warn(ref.Line, "related story %s has an unusable link %q; left out", quote(ref.Headline), ref.URL)
			}
			continue
		}
		if r.ID == "" && r.URL == "" {
			warn(ref.Line, "related story %s is not in the store and the source gives no link; kept by its headline (flagged %q)", quote(ref.Headline), FlagRelatedMissing)
			if !slices.Contains(a.Flags, FlagRelatedMissing) {
				flag(FlagRelatedMissing)
			}
		}
		a.Related = append(a.Related, r)
	}
	if a.ReadMore != nil && a.ReadMore.URL == "" && imp.accepts(&app.Article{ReadMore: a.ReadMore}) {
		warn(it.ReadMoreLine, "read-more line %s has no link; kept as text (flagged %q)", quote(a.ReadMore.Text), FlagReadMoreLink)
		flag(FlagReadMoreLink)
	} else if a.ReadMore != nil && !imp.accepts(&app.Article{ReadMore: a.ReadMore}) {
		warn(it.ReadMoreLine, "read-more line %s has no link the store accepts; left out (flagged %q)", quote(a.ReadMore.Text), FlagReadMoreLink)
		flag(FlagReadMoreLink)
		a.ReadMore = nil
	}
	placeholder := false
	for j := range a.Photos {
		if a.Photos[j].Image == "" && a.Photos[j].File == "" {
			a.Photos[j].Image = placeholderRef
			placeholder = true
		}
	}
	if placeholder {
		flag(FlagPhotoMissing)
	}

	rules := imp.svc.Rules()
	if max := rules.HeadlineMax; max > 0 && utf8.RuneCountInString(a.Headline) > max {
		cut := []rune(a.Headline)[:max-1]
		if i := lastSpace(cut); i > max/2 {
			cut = cut[:i]
		}
		warn(0, "headline is longer than the newsroom's %d characters; cut", max)
		a.Headline = strings.TrimSpace(string(cut)) + "…"
	}
	if len(rules.Vocabulary) > 0 {
		var kept []string
		for _, t := range a.Tags {
			if slices.ContainsFunc(rules.Vocabulary, func(w string) bool { return strings.EqualFold(w, t) }) {
				kept = append(kept, t)
			} else {
				warn(0, "tag %s is not in the newsroom's tag list; left out", quote(t))
			}
		}
		a.Tags = kept
	}

	// First the rules that keep data sound, judged as for a draft: what
	// breaks them cannot be stored in any status, and fails the file.
	check := a.Clone()
	app.Normalize(check)
	check.Status = app.StatusDraft
	sound := rules
	sound.Required = nil
	if err := app.Validate(check, sound, false); err != nil {
		return nil, false, &Error{File: file, Line: it.Line, Err: fmt.Errorf("the story starting here cannot be stored: %w", err)}
	}
	// Then what its status asks for: a story the source left incomplete
	// comes in as a draft, flagged with what is missing.
	check.Status = a.Status
	var v *app.ValidationError
	if err := app.Validate(check, rules, a.Status.Strict()); errors.As(err, &v) && a.Status != app.StatusDraft {
		var missing []string
		for _, p := range v.Problems {
			f := "needs " + fieldLabel(p.Field)
			if !contains(a.Flags, f) {
				flag(f)
				missing = append(missing, fieldLabel(p.Field))
			}
		}
		warn(0, "imported as a draft, not %s: the source gives no %s", a.Status, strings.Join(missing, ", "))
		a.Status = app.StatusDraft
		check.Status = app.StatusDraft
		if err := app.Validate(check, rules, false); err != nil {
			return nil, false, &Error{File: file, Line: it.Line, Err: fmt.Errorf("the story starting here cannot be stored, even as a draft: %w", err)}
		}
	} else if err != nil {
		return nil, false, &Error{File: file, Line: it.Line, Err: fmt.Errorf("the story starting here cannot be stored: %w", err)}
	}
	a.Flags = app.NormalizeTags(a.Flags)
	return warnings, placeholder, nil
}

func lastSpace(r []rune) int {
	for i := len(r) - 1; i >= 0; i-- {
		if r[i] == ' ' {
			return i
		}
	}
	return -1
}

// accepts reports whether the store's rules allow a's links; only the
// links are set, so only they are judged.
func (imp *importer) accepts(a *app.Article) bool {
	return app.Validate(a, imp.svc.Rules(), false) == nil
}

var fieldIndexRe = regexp.MustCompile(`\[\d+\]`)

// fieldLabel names a field for a flag: "photos[1].credit" -> "photo credit".
func fieldLabel(field string) string {
	f := fieldIndexRe.ReplaceAllString(field, "")
	switch f {
	case "photos.credit":
		return "photo credit"
	case "photos.image":
		return "photo"
	case "contacts.name":
		return "contact name"
	}
	return strings.ReplaceAll(f, ".", " ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// loadTitles reads the headlines of the store's live articles, once, when
// a file first has related lines to resolve.
func (imp *importer) loadTitles(ctx context.Context, items []*Item) error {
	if imp.loaded || !slices.ContainsFunc(items, func(it *Item) bool { return len(it.Refs) > 0 }) {
		return nil
	}
	res, err := imp.svc.List(ctx, app.Filter{})
	if err != nil {
		return fmt.Errorf("list the store's headlines for related links: %w", err)
	}
	imp.loaded = true
	if imp.titles == nil {
		imp.titles = make(map[string]string, len(res.Items))
	}
	for _, s := range res.Items {
		if k := normTitle(s.Headline); k != "" {
			if _, dup := imp.titles[k]; !dup {
				imp.titles[k] = s.ID
			}
		}
	}
	return nil
}

// fileTitles indexes the real headlines of one file's new items; they join
// the import's index only once the file is saved.
func fileTitles(items []*Item, arts []*app.Article) map[string]string {
	m := map[string]string{}
	for i, it := range items {
		if k := normTitle(arts[i].Headline); it.Indexed && k != "" {
			if _, dup := m[k]; !dup {
				m[k] = arts[i].ID
			}
		}
	}
	return m
}

// titleID finds the article a related headline names: a stored one first,
// then one of the file being imported.
func (imp *importer) titleID(local map[string]string, headline string) string {
	k := normTitle(headline)
	if id := imp.titles[k]; id != "" {
		return id
	}
	return local[k]
}

// normTitle folds what differs between two printings of one headline:
// case, curly quotes, spacing, a final full stop.
func normTitle(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "\u00a0", " ").Replace(s)
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimRight(s, ".。 ")
}

var itemFieldRe = regexp.MustCompile(`^items\[(\d+)\]\.`)

// itemLines rewrites a batch's "items[3].headline" into the line of the
// item in its file, which is what a person can look up.
func itemLines(err error, items []*Item) error {
	var v *app.ValidationError
	if !errors.As(err, &v) {
		return err
	}
	out := &app.ValidationError{}
	for _, p := range v.Problems {
		if m := itemFieldRe.FindStringSubmatch(p.Field); m != nil {
			if i, _ := strconv.Atoi(m[1]); i < len(items) {
				p.Field = fmt.Sprintf("line %d: %s", items[i].Line, p.Field[len(m[0]):])
			}
		}
		out.Problems = append(out.Problems, p)
	}
	return out
}
