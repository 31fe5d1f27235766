package store

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"newsdesk/app"
)

// plan is how one listing is served: which index is walked, which time
// range of it, and which conditions must still be checked on the heads.
type plan struct {
	prefix   []byte
	from, to time.Time // bounds on the index's time; zero = open
	// remaining conditions, checked on each candidate's head
	status, section, tag string
	updFrom, updTo       time.Time
	schedFrom, schedTo   time.Time
	deleted              bool
}

func makePlan(f app.Filter) plan {
	p := plan{status: string(f.Status), section: f.Section, tag: tagName(f.Tag),
		updFrom: f.UpdatedFrom, updTo: f.UpdatedTo, schedFrom: f.ScheduledFrom, schedTo: f.ScheduledTo, deleted: f.Deleted}
	switch {
	case f.Deleted:
		p.prefix = prefixTrash
	case f.Sort == app.SortScheduled:
		p.prefix, p.from, p.to = prefixSched, f.ScheduledFrom, f.ScheduledTo
		p.schedFrom, p.schedTo = time.Time{}, time.Time{}
	case f.Sort == app.SortCreated:
		p.prefix = prefixCreated
	case p.tag != "":
		p.prefix, p.tag = namedPrefix(prefixTag, p.tag), ""
	case p.section != "":
		p.prefix, p.section = namedPrefix(prefixSection, p.section), ""
	case p.status != "":
		p.prefix, p.status = namedPrefix(prefixStatus, p.status), ""
	default:
		p.prefix = prefixUpdated
	}
	if bytes.HasPrefix(p.prefix, prefixUpdated) || bytes.HasPrefix(p.prefix, prefixStatus) ||
		bytes.HasPrefix(p.prefix, prefixSection) || bytes.HasPrefix(p.prefix, prefixTag) {
		p.from, p.to, p.updFrom, p.updTo = f.UpdatedFrom, f.UpdatedTo, time.Time{}, time.Time{}
	}
	return p
}

// needsHead reports whether candidates must be checked against their head.
func (p *plan) needsHead() bool {
	return p.status != "" || p.section != "" || p.tag != "" || !p.updFrom.IsZero() || !p.updTo.IsZero() ||
		!p.schedFrom.IsZero() || !p.schedTo.IsZero() || p.deleted
}

func (p *plan) match(h *headRecord) bool {
	if h.Deleted != p.deleted {
		return false
	}
	if p.status != "" && string(h.Status) != p.status || p.section != "" && h.Section != p.section {
		return false
	}
	if p.tag != "" {
		found := false
		for _, t := range h.Tags {
			found = found || tagName(t) == p.tag
		}
		if !found {
			return false
		}
	}
	if !inRange(h.UpdatedAt, p.updFrom, p.updTo) {
		return false
	}
	if !p.schedFrom.IsZero() || !p.schedTo.IsZero() {
		if h.ScheduledAt == nil || !inRange(*h.ScheduledAt, p.schedFrom, p.schedTo) {
			return false
		}
	}
	return true
}

func inRange(t, from, to time.Time) bool {
	return (from.IsZero() || !t.Before(from)) && (to.IsZero() || t.Before(to))
}

// List returns summaries matching f; see app.Store.
func (s *Store) List(ctx context.Context, f app.Filter) (*app.ListResult, error) {
	if f.Offset < 0 || f.Limit < 0 {
		return nil, app.Errorf(app.EINVALID, "list: offset and limit must not be negative")
	}
	p := makePlan(f)
	res := &app.ListResult{Items: []app.Summary{}}
	err := s.view(ctx, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: p.prefix, Reverse: !f.Ascending})
		defer it.Close()
		seek := append(append([]byte{}, p.prefix...), timeBytes(p.from)...)
		if p.from.IsZero() {
			seek = p.prefix
		}
		if !f.Ascending {
			seek = append(append([]byte{}, p.prefix...), bytes.Repeat([]byte{0xff}, timeLen+idLen+1)...)
			if !p.to.IsZero() {
				seek = append(append([]byte{}, p.prefix...), timeBytes(p.to)...)
			}
		}
		seen := map[[16]byte]bool{} // a time-ordered index holds an id once, but stay safe
		for it.Seek(seek); it.ValidForPrefix(p.prefix); it.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			at, id, ok := splitIndexKey(it.Item().Key())
			if !ok || seen[id] {
				continue
			}
			if !inRange(at, p.from, p.to) {
				// Ascending walks up from `from`, descending down from `to`:
				// once past the other bound nothing more can match.
				if f.Ascending && !p.to.IsZero() && !at.Before(p.to) || !f.Ascending && !p.from.IsZero() && at.Before(p.from) {
					break
				}
				continue
			}
			seen[id] = true
			inPage := res.Total >= f.Offset && (f.Limit == 0 || res.Total < f.Offset+f.Limit)
			if !p.needsHead() && !inPage {
				res.Total++
				continue
			}
			h, err := getHead(txn, id)
			if errors.Is(err, badger.ErrKeyNotFound) {
				continue // an index key without a head: `check` reports it
			}
			if err != nil {
				return err
			}
			if !p.match(h) {
				continue
			}
			if inPage {
				res.Items = append(res.Items, *h)
			}
			res.Total++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// Counts returns live articles per status, section and tag, and the Trash.
func (s *Store) Counts(ctx context.Context) (*app.Counts, error) {
	c := &app.Counts{Status: map[app.Status]int{}, Section: map[string]int{}, Tag: map[string]int{}}
	err := s.view(ctx, func(txn *badger.Txn) error {
		count := func(prefix []byte, add func(name string, it *badger.Item) error) error {
			it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
			defer it.Close()
			for it.Rewind(); it.Valid(); it.Next() {
				k := it.Item().Key()[len(prefix):]
				name := ""
				if i := bytes.IndexByte(k, 0); i >= 0 {
					name = string(k[:i])
				}
				if err := add(name, it.Item()); err != nil {
					return err
				}
			}
			return nil
		}
		if err := count(prefixStatus, func(n string, _ *badger.Item) error { c.Status[app.Status(n)]++; return nil }); err != nil {
			return err
		}
		if err := count(prefixSection, func(n string, _ *badger.Item) error { c.Section[n]++; return nil }); err != nil {
			return err
		}
		spelling := map[string]string{}
		if err := count(prefixTag, func(n string, item *badger.Item) error {
			if _, ok := spelling[n]; !ok {
				v, err := item.ValueCopy(nil)
				if err != nil {
					return err
				}
				spelling[n] = string(v)
			}
			c.Tag[spelling[n]]++
			return nil
		}); err != nil {
			return err
		}
		return count(prefixTrash, func(string, *badger.Item) error { c.Trash++; return nil })
	})
	return c, err
}

// SetDeleted moves an article to the Trash or back; see app.Store.
func (s *Store) SetDeleted(ctx context.Context, id string, deleted bool, author string) error {
	key, err := parseID(id)
	if err != nil {
		return app.Errorf(app.ENOTFOUND, "%v", err)
	}
	if strings.TrimSpace(author) == "" {
		return app.Errorf(app.EINVALID, "author: say who moves the article")
	}
	return s.update(ctx, func(txn *badger.Txn) error {
		prev, err := getHead(txn, key)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return notFound(id)
		}
		if err != nil {
			return err
		}
		if prev.Deleted == deleted {
			if deleted {
				return app.Errorf(app.EINVALID, "article %s is already in the Trash", id)
			}
			return app.Errorf(app.EINVALID, "article %s is not in the Trash", id)
		}
		head := *prev
		head.Deleted = deleted
		head.DeletedAt, head.DeletedBy = nil, ""
		if deleted {
			now := time.Now()
			head.DeletedAt, head.DeletedBy = &now, author
		}
		if err := putHead(txn, key, prev, &head); err != nil {
			return err
		}
		return txn.Set(pendingKey(key), nil) // leaves or rejoins the search index
	})
}
