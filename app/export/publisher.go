package export

import (
	"context"
	"fmt"
	"strings"

	"newsdesk/app"
)

// Publisher exports a story to a portal profile as the scheduler publishes
// it; set it as app.Service.Publisher. With the default profile, scheduled
// publishing works on a fresh install: the story lands in the folder
// "portal" beside the store.
type Publisher struct {
	Exporter *Exporter
	// Profile names the profile; empty means the default one.
	Profile string
	// By is who the export log names; empty means "scheduler".
	By string
}

var _ app.Publisher = (*Publisher)(nil)

// Publish exports a (the story as it goes live) and fails when it did not
// reach the portal, so that the scheduler keeps it scheduled and retries.
func (p *Publisher) Publish(ctx context.Context, a *app.Article) error {
	by := p.By
	if by == "" {
		by = "scheduler"
	}
	rep, err := p.Exporter.Run(ctx, Options{Profile: p.Profile, By: by, Select: Selection{Articles: []*app.Article{a}}})
	if err != nil {
		return err
	}
	for _, list := range [][]ItemResult{rep.Failed, rep.Skipped} {
		for _, it := range list {
			if it.ID == a.ID {
				return app.Errorf(app.EINVALID, "%s was not exported to %s: %s", a.ID, rep.Target, strings.Join(it.Problems, "; "))
			}
		}
	}
	if len(rep.Exported)+len(rep.Unchanged) == 0 {
		return fmt.Errorf("%s was not exported to %s", a.ID, rep.Target)
	}
	return nil
}
