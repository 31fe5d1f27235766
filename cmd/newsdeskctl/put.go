package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"newsdesk/app"
)

// putResult is what put prints with --json.
type putResult struct {
	ID       string `json:"id"`
	Revision int    `json:"revision"`
	// Unchanged is true when the input equalled the latest revision and
	// nothing was written.
	Unchanged bool `json:"unchanged,omitempty"`
}

func cmdPut(e *env, args []string) error {
	fs := e.flags("put")
	message := fs.String("message", "", "revision message `TEXT` saying why")
	pos, err := e.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	// Everything that needs no store is checked before the store is
	// opened: bad input must leave the store untouched, not even created.
	in, err := readInput(e, pos[0])
	if err != nil {
		return err
	}
	author := e.authorName()
	if author == "" {
		return app.Errorf(app.EINVALID, "author: every revision needs an author; pass --author NAME or set %s", AuthorEnv)
	}
	var res putResult
	err = e.withService(mayCreate, func(svc *app.Service) error {
		var err error
		res, err = putArticle(e.ctx, svc, in, app.SaveOptions{Author: author, Message: *message})
		return err
	})
	if err != nil {
		return err
	}
	if e.json {
		return writeJSON(e.stdout, res)
	}
	if res.Unchanged {
		fmt.Fprintf(e.stderr, "newsdeskctl: no change; %s stays at revision %d\n", res.ID, res.Revision)
	}
	_, err = fmt.Fprintf(e.stdout, "%s %d\n", res.ID, res.Revision)
	return err
}

// putInput is an article read and checked for put, with its photo files
// read and decoded, ready to be stored.
type putInput struct {
	article *app.Article
	images  map[int][]byte // photo index -> file contents
}

// readInput decodes the article, validates it and reads its photo files.
// Relative photo paths are relative to the JSON file's folder, so a story
// folder can be moved as a whole; for stdin they are relative to the
// working directory.
func readInput(e *env, name string) (*putInput, error) {
	var (
		r       io.Reader
		baseDir = "."
	)
	if name == "-" {
		r = e.stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, app.Errorf(app.EINVALID, "cannot read article JSON: %v", err)
		}
		defer f.Close()
		r = f
		baseDir = filepath.Dir(name)
	}
	a, err := app.DecodeArticle(r)
	if err != nil {
		if name != "-" {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return nil, err
	}
	// The store maintains these; a stale "deleted" from an old show must
	// not move an article in or out of the Trash behind the user's back.
	a.Deleted = false
	if a.ID == "" {
		a.Revision = 0
	}
	check := a.Clone()
	app.Normalize(check)
	// Report the article's problems and its photo files' together, so
	// that one run shows everything to fix.
	var problems []app.FieldError
	if err := app.Validate(check, app.DefaultRules, check.Status.Strict()); err != nil {
		var v *app.ValidationError
		if !errors.As(err, &v) {
			return nil, err
		}
		problems = append(problems, v.Problems...)
	}
	in := &putInput{article: a, images: map[int][]byte{}}
	for i, p := range a.Photos {
		if p.File == "" {
			continue
		}
		path := p.File
		if !filepath.IsAbs(path) {
			path = filepath.Join(baseDir, path)
		}
		data, err := readImage(path)
		if err == nil {
			_, err = app.CheckImage(data)
		}
		if err != nil {
			problems = append(problems, app.FieldError{
				Field: fmt.Sprintf("photos[%d].file", i), Message: fmt.Sprintf("%s: %v", path, err),
			})
			continue
		}
		in.images[i] = data
	}
	if len(problems) > 0 {
		return nil, &app.ValidationError{Problems: problems}
	}
	return in, nil
}

// readImage reads at most one byte past the image limit, so that a huge
// file is refused without being read whole.
func readImage(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, app.MaxImageBytes+1))
	if err != nil {
		return nil, err
	}
	return data, nil
}

// putArticle saves in as a new revision. It checks everything the store
// can tell before writing the first blob, so that a refused put leaves no
// orphan image behind; the CLI holds the store's lock, so nothing can change
// between the checks and the save.
func putArticle(ctx context.Context, svc *app.Service, in *putInput, opt app.SaveOptions) (putResult, error) {
	a := in.article
	opt.Base = -1
	var cur *app.Article
	if a.ID != "" {
		c, err := svc.Article(ctx, a.ID)
		switch {
		case err == nil:
			cur = c
		case app.ErrorCode(err) != app.ENOTFOUND:
			return putResult{}, err
		}
		if a.Revision > 0 {
			opt.Base = a.Revision
		}
	}
	if cur == nil && opt.Base > 0 {
		return putResult{}, app.Errorf(app.ENOTFOUND,
			"article %s not found in %s; to copy it into this store, drop \"revision\" from the JSON (or set it to 0)", a.ID, svc.Store.Path())
	}
	if cur != nil {
		if cur.Deleted {
			return putResult{}, app.Errorf(app.EINVALID, "article %s is in the Trash; undelete it before saving", a.ID)
		}
		if opt.Base > 0 && opt.Base != cur.Revision {
			return putResult{}, app.Errorf(app.ECONFLICT,
				"conflict: article %s is at revision %d (saved by %s at %s), but this edit started from revision %d; run show %s --json, redo the edit on it, and put again",
				a.ID, cur.Revision, cur.UpdatedBy, cur.InZone().UpdatedAt.Format(portalTime), opt.Base, a.ID)
		}
	}
	if err := checkImageRefs(ctx, svc, a); err != nil {
		return putResult{}, err
	}
	a = a.Clone()
	for i, data := range in.images {
		ref, err := svc.AttachImage(ctx, fmt.Sprintf("photos[%d].file %s", i, a.Photos[i].File), data)
		if err != nil {
			return putResult{}, err
		}
		a.Photos[i].Image, a.Photos[i].File = ref, ""
	}
	saved, err := svc.Save(ctx, a, opt)
	if err != nil {
		return putResult{}, err
	}
	// The store writes no revision for a save that changes nothing.
	unchanged := cur != nil && saved.Revision == cur.Revision
	return putResult{ID: saved.ID, Revision: saved.Revision, Unchanged: unchanged}, nil
}

// checkImageRefs refuses photos pointing at images this store does not
// hold, as JSON copied from another store would.
func checkImageRefs(ctx context.Context, svc *app.Service, a *app.Article) error {
	var problems []app.FieldError
	for i, p := range a.Photos {
		if p.File != "" || p.Image == "" {
			continue
		}
		if _, err := svc.Store.Blob(ctx, p.Image); err != nil {
			if app.ErrorCode(err) != app.ENOTFOUND {
				return err
			}
			problems = append(problems, app.FieldError{
				Field:   fmt.Sprintf("photos[%d].image", i),
				Message: fmt.Sprintf("%s is not in this store; give the picture as \"file\" instead", p.Image),
			})
		}
	}
	if len(problems) > 0 {
		return &app.ValidationError{Problems: problems}
	}
	return nil
}
