package main

import (
	"fmt"
	"strings"

	"newsdesk/app"
	"newsdesk/store"
)

func cmdCheck(e *env, args []string) error {
	fs := e.flags("check")
	repair := fs.Bool("repair", false, "rebuild indexes and import keys from the articles (revisions are never touched)")
	if _, err := e.parse(fs, args, 0, 0); err != nil {
		return err
	}
	return e.withService(mustExist, func(svc *app.Service) error {
		st, ok := svc.Store.(*store.Store)
		if !ok {
			return fmt.Errorf("check needs the Badger store")
		}
		rep, err := st.Check(e.ctx, *repair)
		if err != nil {
			return err
		}
		if e.json {
			if err := writeJSON(e.stdout, rep); err != nil {
				return err
			}
		} else {
			var sb strings.Builder
			fmt.Fprintf(&sb, "%s: %s, %s, %s, %s checked\n", st.Path(), plural(rep.Articles, "article"),
				plural(rep.Revisions, "revision"), plural(rep.Chunks, "chunk"), plural(rep.Blobs, "photo"))
			if rep.Repaired > 0 {
				fmt.Fprintf(&sb, "repaired %s\n", plural(rep.Repaired, "index entry"))
			}
			for _, p := range rep.Problems {
				sb.WriteString("problem: " + p + "\n")
			}
			if rep.OK() {
				sb.WriteString("no problems found\n")
			}
			if _, err := fmt.Fprint(e.stdout, sb.String()); err != nil {
				return err
			}
		}
		if !rep.OK() {
			return silentError{fmt.Errorf("the store has %s", plural(len(rep.Problems), "problem"))}
		}
		return nil
	})
}
