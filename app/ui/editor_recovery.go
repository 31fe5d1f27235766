package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"newsdesk/app"
)

// Recovery is unsaved editor state kept in a store recovery slot: written
// every few seconds while an article has unsaved edits, deleted when they
// are saved or discarded, and offered back after a crash.
type Recovery struct {
	// Key is the slot: "article:<id>" for edits to a stored article,
	// "new:<uuid>" for an article never saved.
	Key     string       `json:"-"`
	Article *app.Article `json:"article"`
	// Base is the revision the edits started from, so that saving them
	// after a restart still detects a save made in between.
	Base    int       `json:"base"`
	SavedAt time.Time `json:"saved_at"`
	Author  string    `json:"author,omitempty"`
}

// Title names a recovery for the offer dialog.
func (r Recovery) Title() string {
	h := headlineOrPlaceholder(r.Article.Headline)
	if strings.HasPrefix(r.Key, "new:") {
		return h + " (new article, never saved)"
	}
	return fmt.Sprintf("%s (edits to revision %d)", h, r.Base)
}

// Autosave writes unsaved edits to the open article's recovery slot; with
// nothing unsaved it does nothing. It is not a revision: the history stays
// as the editor's saves made it.
func (e *ArticleEditor) Autosave(ctx context.Context) error {
	e.mu.Lock()
	if e.art == nil || !e.dirty {
		e.mu.Unlock()
		return nil
	}
	r := Recovery{Key: e.slot, Article: e.art.Clone(), Base: e.base, SavedAt: e.now(), Author: e.author}
	e.mu.Unlock()
	data, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("autosave %s: %w", r.Key, err)
	}
	if err := e.svc.Store.PutRecovery(ctx, r.Key, data); err != nil {
		e.log.Error("autosave", "slot", r.Key, "err", err)
		return fmt.Errorf("autosave %s: %w", r.Key, err)
	}
	return nil
}

// Recoveries lists the recovery slots in the store, newest first. A slot
// that cannot be read is logged and left out: it must not stop the start.
func (e *ArticleEditor) Recoveries(ctx context.Context) ([]Recovery, error) {
	slots, err := e.svc.Store.Recoveries(ctx)
	if err != nil {
		return nil, fmt.Errorf("read recovery slots: %w", err)
	}
	out := make([]Recovery, 0, len(slots))
	for key, data := range slots {
		var r Recovery
		if err := json.Unmarshal(data, &r); err != nil || r.Article == nil {
			e.log.Warn("unreadable recovery slot", "slot", key, "err", err)
			continue
		}
		r.Key = key
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SavedAt.After(out[j].SavedAt) })
	return out, nil
}

// Recover opens a recovery's edits in the editor, unsaved, on top of the
// revision they started from; thumbnails and related headlines are read
// from the store.
func (e *ArticleEditor) Recover(ctx context.Context, r Recovery) error {
	a := r.Article.Clone()
	d := &Detail{Article: a}
	for _, p := range a.Photos {
		d.Photos = append(d.Photos, loadPhoto(ctx, e.svc, p))
	}
	for _, rel := range a.Related {
		d.Related = append(d.Related, resolveRelated(ctx, e.svc, rel))
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.reset(a.InZone(), r.Base, r.Key)
	e.adoptDetail(d)
	e.dirty, e.recovered = true, true
	e.gen++
	return nil
}

// DiscardRecovery deletes a recovery slot.
func (e *ArticleEditor) DiscardRecovery(ctx context.Context, key string) error {
	return e.dropSlot(ctx, key)
}

func (e *ArticleEditor) dropSlot(ctx context.Context, key string) error {
	if err := e.svc.Store.DeleteRecovery(ctx, key); err != nil {
		e.log.Warn("delete recovery slot", "slot", key, "err", err)
		return fmt.Errorf("delete recovery slot %s: %w", key, err)
	}
	return nil
}
