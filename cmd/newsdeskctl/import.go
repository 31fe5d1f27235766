package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"newsdesk/app"
	"newsdesk/app/portal"
)

// cmdImport brings portal section pages and ninjs files into the store.
// Every file is read and checked before the store is opened, so a run
// whose files are all unreadable leaves no store behind; each good file is
// then saved in one transaction.
func cmdImport(e *env, args []string) error {
	fs := e.flags("import")
	format := fs.String("format", "auto", "input `FORMAT`: auto, portal (a section page saved as text) or ninjs (JSON)")
	tz := fs.String("tz", "", "newsroom time `ZONE` the page's times are in (default "+app.DefaultTimeZone+")")
	section := fs.String("section", "", "`SECTION` for items whose source names none (ninjs has no section)")
	pos, err := e.parse(fs, args, 1, -1)
	if err != nil {
		return err
	}
	f, err := portal.ParseFormat(*format)
	if err != nil {
		return usagef("import", "%v", err)
	}
	opt := portal.Options{Format: f, TimeZone: *tz, Section: *section}
	if _, err := app.LoadZone(strings.TrimSpace(*tz)); *tz != "" && (err != nil || *tz == "Local") {
		return usagef("import", "--tz %q is not an IANA time zone (e.g. Asia/Shanghai)", *tz)
	}
	files, parseErr := portal.ParseAll(portal.Files(pos...), opt)
	rep := portal.NewReport()
	var saveErr error
	if len(files) > 0 {
		err = e.withService(mayCreate, func(svc *app.Service) error {
			rep, saveErr = portal.Save(e.ctx, svc, files, opt, nil)
			return nil
		})
		if err != nil {
			return err
		}
	}
	failed := append(unjoin(parseErr), unjoin(saveErr)...)
	for _, fe := range unjoin(parseErr) {
		var ie *portal.Error
		if errors.As(fe, &ie) {
			rep.Errors = append(rep.Errors, portal.FileError{File: ie.File, Line: ie.Line, Message: ie.Error()})
			rep.Files = append(rep.Files, portal.FileResult{File: ie.File, Error: ie.Error()})
		}
	}
	if e.json {
		if err := writeJSON(e.stdout, rep); err != nil {
			return err
		}
	} else if err := writeReport(e.stdout, rep); err != nil {
		return err
	}
	switch len(failed) {
	case 0:
		return nil
	case 1:
		return failed[0]
	}
	msgs := make([]string, len(failed))
	for i, fe := range failed {
		msgs[i] = "  " + fe.Error()
	}
	return app.Errorf(app.EINVALID, "%d of %s not imported (nothing of them was saved):\n%s",
		len(failed), plural(len(pos), "file"), strings.Join(msgs, "\n"))
}

// unjoin lists the errors of errors.Join, or err alone.
func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// writeReport prints an import report for people: per file, then the
// flagged articles for the desk, then the warnings with file and line.
func writeReport(w io.Writer, r *portal.Report) error {
	var b strings.Builder
	for _, f := range r.Files {
		if f.Error != "" {
			continue
		}
		fmt.Fprintf(&b, "%s: imported %s", f.File, plural(f.Imported, "article"))
		if f.Duplicates > 0 {
			fmt.Fprintf(&b, ", %s already in the store", plural(f.Duplicates, "duplicate"))
		}
		b.WriteString("\n")
	}
	if len(r.Flagged) > 0 {
		b.WriteString("\nFlagged for the desk:\n")
		t := &table{}
		for _, f := range r.Flagged {
			t.add("  "+f.ID, fmt.Sprintf("%s:%d", f.File, f.Line), strings.Join(f.Reasons, ", "), clipWidth(oneLine(f.Headline), 50))
		}
		if err := t.write(&b); err != nil {
			return err
		}
	}
	if len(r.Warnings) > 0 {
		b.WriteString("\nWarnings:\n")
		for _, wn := range r.Warnings {
			b.WriteString("  " + wn.String() + "\n")
		}
	}
	fmt.Fprintf(&b, "\n%s imported, %s, %s flagged, %s\n", plural(r.Imported, "article"),
		plural(r.Duplicates, "duplicate"), itoa(len(r.Flagged)), plural(len(r.Warnings), "warning"))
	_, err := io.WriteString(w, b.String())
	return err
}

func itoa(n int) string { return fmt.Sprint(n) }
