package main

import (
	"fmt"

	"newsdesk/app"
	"newsdesk/app/sample"
)

// cmdDemo fills an empty store with the sample newsroom, so that a new user
// (or a screenshot) has stories, history and photos to look at.
func cmdDemo(e *env, args []string) error {
	fs := e.flags("demo")
	if _, err := e.parse(fs, args, 0, 0); err != nil {
		return err
	}
	author := e.authorName()
	return e.withService(mayCreate, func(svc *app.Service) error {
		if err := requireEmpty(e.ctx, svc, "demo"); err != nil {
			return err
		}
		n, err := sample.Fill(e.ctx, svc, author)
		if err != nil {
			// Revisions are never removed, so a half-filled store stays
			// half filled: say so, and how to start over.
			if live, trash, cerr := articleCounts(e.ctx, svc); cerr == nil && live+trash > 0 {
				return fmt.Errorf("fill %s with the sample newsroom (stopped after %s; remove the folder to start over): %w",
					svc.Store.Path(), plural(live+trash, "article"), err)
			}
			return fmt.Errorf("fill %s with the sample newsroom: %w", svc.Store.Path(), err)
		}
		if e.json {
			return writeJSON(e.stdout, struct {
				Store    string `json:"store"`
				Articles int    `json:"articles"`
			}{svc.Store.Path(), n})
		}
		_, err = fmt.Fprintf(e.stdout, "created %s of the sample newsroom in %s\n", plural(n, "article"), svc.Store.Path())
		return err
	})
}
