package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"newsdesk/app"
	"newsdesk/app/export"
)

func cmdExport(e *env, args []string) error {
	fs := e.flags("export")
	profile := fs.String("profile", "", "portal profile `NAME` (default: the default profile, a folder \"portal\" beside the store)")
	to := fs.String("to", "", "export to `DIR` or push to URL instead of the profile's target")
	var statuses, ids multiFlag
	fs.Var(&statuses, "status", "only stories in status `S`: ready, due or published (repeat or comma-separate; default all three)")
	section := fs.String("section", "", "only stories of section `S`")
	tag := fs.String("tag", "", "only stories tagged `T`")
	since := fs.String("since", "", "only stories whose time is `TIME` or later (\"2026-12-01 09:00\" in the profile's zone, or RFC 3339)")
	until := fs.String("until", "", "only stories whose time is before `TIME`")
	fs.Var(&ids, "ids", "export these story `IDS` (comma-separated; ids may also follow the flags)")
	dry := fs.Bool("dry-run", false, "check everything and list what would be written or pushed; write nothing")
	pos, err := e.parse(fs, args, 0, -1)
	if err != nil {
		return err
	}
	sel := export.Selection{Statuses: statuses, Section: *section, Tag: *tag, IDs: append(ids.list(), pos...)}
	if _, err := export.ParseStatuses(sel.Statuses); err != nil {
		return usagef("export", "--status: %v", err)
	}
	target := *to
	if target != "" && !export.IsURL(target) {
		// A folder on the command line means the one the user sees from
		// here, not one beside the store.
		if target, err = filepath.Abs(target); err != nil {
			return usagef("export", "--to %s: %v", *to, err)
		}
	}
	return e.withService(mustExist, func(svc *app.Service) error {
		storeDir, err := e.dir()
		if err != nil {
			return err
		}
		x := &export.Exporter{Store: svc.Store, StoreDir: storeDir, Log: svc.Log}
		ps, err := export.LoadProfiles(e.ctx, svc.Store)
		if err != nil {
			return err
		}
		prof, err := ps.Get(*profile)
		if err != nil {
			return err
		}
		for _, f := range []struct {
			value string
			into  *time.Time
		}{{*since, &sel.From}, {*until, &sel.To}} {
			if f.value == "" {
				continue
			}
			if *f.into, err = parseAt(e, f.value, prof.TimeZone); err != nil {
				return err
			}
		}
		prog := newProgress(e.stderr)
		rep, err := x.Run(e.ctx, export.Options{Profile: prof.Name, To: target, Select: sel, DryRun: *dry,
			By: e.authorName(), Progress: prog.update})
		prog.finish()
		if rep != nil {
			if werr := writeExportReport(e, rep); werr != nil && err == nil {
				err = werr
			}
		}
		if err != nil {
			return err
		}
		if len(rep.Failed) > 0 {
			return silentError{fmt.Errorf("%s failed to export; see the report", plural(len(rep.Failed), "story"))}
		}
		return nil
	})
}

// multiFlag collects a flag given several times or comma-separated.
type multiFlag []string

func (m *multiFlag) String() string { return strings.Join(*m, ",") }

func (m *multiFlag) Set(v string) error {
	*m = append(*m, v)
	return nil
}

func (m multiFlag) list() []string {
	var out []string
	for _, v := range m {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// writeExportReport prints what the export did, item by item.
func writeExportReport(e *env, rep *export.Report) error {
	if e.json {
		return writeJSON(e.stdout, rep)
	}
	var b strings.Builder
	verb := "exported"
	if rep.DryRun {
		verb = "would export"
		fmt.Fprintf(&b, "dry run: nothing was written\n")
	}
	fmt.Fprintf(&b, "%s -> %s\n", rep.Profile, strings.TrimPrefix(rep.Target, rep.Profile+":"))
	section := func(title string, items []export.ItemResult, detail bool) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(&b, "%s: %d\n", title, len(items))
		for _, it := range items {
			line := fmt.Sprintf("  %s  r%d  %s", it.ID, it.Revision, oneLine(it.Headline))
			if it.Path != "" && !detail {
				line += "  (" + it.Path + ")"
			}
			b.WriteString(line + "\n")
			if detail {
				for _, p := range it.Problems {
					fmt.Fprintf(&b, "      %s\n", oneLine(p))
				}
			}
		}
	}
	section(verb, rep.Exported, false)
	section("unchanged", rep.Unchanged, false)
	section("skipped", rep.Skipped, true)
	section("FAILED", rep.Failed, true)
	section("removed", rep.Removed, true)
	if rep.DryRun && len(rep.Written) > 0 {
		b.WriteString("would write:\n")
		for _, w := range rep.Written {
			b.WriteString("  " + w + "\n")
		}
	}
	if !export.IsURL(strings.TrimPrefix(rep.Target, rep.Profile+":")) {
		fmt.Fprintf(&b, "files: %d written, %d unchanged, %d deleted\n", len(rep.Written), rep.Kept, len(rep.Deleted))
	}
	fmt.Fprintf(&b, "%d exported, %d unchanged, %d skipped, %d failed\n", len(rep.Exported), len(rep.Unchanged), len(rep.Skipped), len(rep.Failed))
	_, err := io.WriteString(e.stdout, b.String())
	return err
}

// progress shows an export's progress on stderr: a redrawn bar on a
// terminal, else a line per phase and per tenth of the work, so that a
// log file stays short.
type progress struct {
	w         io.Writer
	tty       bool
	phase     string
	lastTenth int
	lastDraw  time.Time
	drawn     bool
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

func (p *progress) update(pr export.Progress) {
	if pr.Total <= 0 {
		return
	}
	tenth := pr.Done * 10 / pr.Total
	if p.tty {
		if pr.Phase == p.phase && pr.Done != pr.Total && time.Since(p.lastDraw) < 100*time.Millisecond {
			return
		}
		const width = 30
		filled := pr.Done * width / pr.Total
		fmt.Fprintf(p.w, "\r\033[K%-8s [%s%s] %3d%% %d/%d", pr.Phase, strings.Repeat("#", filled), strings.Repeat(".", width-filled),
			pr.Done*100/pr.Total, pr.Done, pr.Total)
		p.phase, p.lastDraw, p.drawn = pr.Phase, time.Now(), true
		return
	}
	// A line when a phase starts and ends, and per tenth of a long one.
	switch {
	case pr.Phase != p.phase:
	case pr.Done == pr.Total:
	case pr.Total >= 100 && tenth != p.lastTenth:
	default:
		return
	}
	p.phase, p.lastTenth = pr.Phase, tenth
	fmt.Fprintf(p.w, "export: %s %d/%d\n", pr.Phase, pr.Done, pr.Total)
}

// finish ends the bar's line.
func (p *progress) finish() {
	if p.tty && p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
