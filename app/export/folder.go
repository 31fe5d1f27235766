package export

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
)

// folder exports a batch to a portal folder.
func (x *Exporter) folder(ctx context.Context, prof Profile, dir string, opt Options, rep *Report) error {
	if !opt.DryRun {
		if err := recoverSwap(dir); err != nil {
			return err
		}
	}
	s, old, err := x.plan(ctx, prof, dir, opt, rep)
	if err != nil {
		return err
	}
	now := x.now()
	r := &renderer{site: s, md: newMarkdown()}
	if r.tpl, err = parseTemplates(); err != nil {
		return fmt.Errorf("portal templates: %w", err)
	}
	b := &builder{x: x, r: r, now: now, opt: &opt}
	first, second := b.jobs()
	st := newStage("", "", old.fileIndex())
	if old.Generator != "" {
		st.old = dir
	}
	written, kept, deleted := st.preview(append(first, second...), old)
	if opt.DryRun {
		rep.Written, rep.Kept, rep.Deleted = written, kept, deleted
		return nil
	}
	if st.old != "" && len(written) == 1 && len(deleted) == 0 {
		// Only the same manifest would be written: the portal is up to date.
		rep.Kept = kept
		return x.record(ctx, rep.records(opt.By, now))
	}
	if st.dir, err = newStaging(dir); err != nil {
		return err
	}
	swapped := false
	defer func() {
		if !swapped {
			os.RemoveAll(st.dir)
		}
	}()
	b.st = st
	if err := b.build(ctx, first, second); err != nil {
		return x.failBatch(ctx, rep, opt, err)
	}
	if err := b.writeManifest(prof.Name); err != nil {
		return x.failBatch(ctx, rep, opt, err)
	}
	opt.progress("swap", 0, 1, dir)
	if err := ctx.Err(); err != nil {
		return x.failBatch(ctx, rep, opt, err)
	}
	if err := swapIn(st.dir, dir); err != nil {
		return x.failBatch(ctx, rep, opt, err)
	}
	swapped = true
	opt.progress("swap", 1, 1, dir)
	rep.Written, rep.Kept = append(st.written, manifestName), st.kept
	sort.Strings(rep.Written)
	rep.Deleted = deletedFiles(old, st.files)
	// The portal is in place: its log is written even if the caller
	// gives up now.
	if err := x.record(context.WithoutCancel(ctx), rep.records(opt.By, now)); err != nil {
		return fmt.Errorf("the portal at %s is exported, but the export log could not be written: %w", dir, err)
	}
	return nil
}

// plan reads the old portal and the batch and returns the portal as it
// will be; old is the old portal's manifest (empty, without a generator,
// when there was none).
func (x *Exporter) plan(ctx context.Context, prof Profile, dir string, opt Options, rep *Report) (*site, *Manifest, error) {
	old, err := readManifest(dir)
	if err != nil {
		return nil, nil, err
	}
	if old == nil {
		old = &Manifest{}
	}
	exported, err := x.Store.ExportedRevisions(ctx, rep.Target)
	if err != nil {
		return nil, nil, fmt.Errorf("read the export state of %s: %w", rep.Target, err)
	}
	cands, err := x.gather(ctx, opt.Select)
	if err != nil {
		return nil, nil, err
	}
	oldByID := map[string]Entry{}
	for _, e := range old.Articles {
		oldByID[e.ID] = e
	}
	images := newImageSet(old.Images)
	fresh, order, err := x.check(ctx, cands, opt, oldByID, exported, images, rep)
	if err != nil {
		return nil, nil, err
	}
	removed, err := x.withdrawn(ctx, old, fresh)
	if err != nil {
		return nil, nil, err
	}
	var entries []*siteEntry
	for _, oe := range old.Articles {
		switch {
		case fresh[oe.ID] != nil:
		case removed[oe.ID] != nil:
			rep.Removed = append(rep.Removed, ItemResult{ID: oe.ID, Headline: oe.Headline, Revision: oe.Revision,
				Path: oe.Path, Problems: []string{removed[oe.ID].why}})
		default:
			entries = append(entries, &siteEntry{Entry: oe})
		}
	}
	for _, id := range order {
		e := fresh[id]
		if oe, ok := oldByID[id]; ok {
			e.Time = portalTime(e.dated, e.Time, oe.Time)
		}
		entries = append(entries, e)
	}
	s := newSite(prof, old, entries, images)
	for _, list := range [][]ItemResult{rep.Exported, rep.Unchanged} {
		for i := range list {
			list[i].Path = s.byID[list[i].ID].Path
		}
	}
	return s, old, nil
}

// failBatch records a folder export that did not happen: every story
// meant to go out failed with the reason, and the old portal stands.
func (x *Exporter) failBatch(ctx context.Context, rep *Report, opt Options, cause error) error {
	why := cause.Error()
	if errors.Is(cause, context.Canceled) {
		why = "export cancelled; the previous portal is unchanged"
	}
	for _, it := range rep.Exported {
		it.Problems = []string{why}
		rep.Failed = append(rep.Failed, it)
	}
	rep.Exported = []ItemResult{}
	rep.Removed = nil
	// The log is written on a fresh context: a cancelled export still
	// says what became of its stories.
	if err := x.record(context.WithoutCancel(ctx), rep.records(opt.By, x.now())); err != nil {
		x.log().Warn("export log", "err", err)
	}
	return fmt.Errorf("export to %s: %w", rep.Target, cause)
}

// deletedFiles lists the files of the old portal that the new one lacks.
func deletedFiles(old *Manifest, now []File) []string {
	have := make(map[string]bool, len(now))
	for _, f := range now {
		have[f.Path] = true
	}
	var out []string
	for _, f := range old.Files {
		if !have[f.Path] {
			out = append(out, f.Path)
		}
	}
	sort.Strings(out)
	return out
}

// preview lists what a build would write and keep, writing nothing. A
// file the old portal has lost (deleted by hand) counts as written.
func (st *stage) preview(jobs []*job, old *Manifest) (written []string, kept int, deleted []string) {
	var files []File
	for _, j := range jobs {
		files = append(files, File{Path: j.path})
		if st.carried(j) && st.present(j) {
			kept++
			continue
		}
		written = append(written, j.path)
	}
	written = append(written, manifestName)
	sort.Strings(written)
	return written, kept, deletedFiles(old, files)
}
