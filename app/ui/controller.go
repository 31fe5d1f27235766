package ui

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"newsdesk/app"
	"newsdesk/app/sample"
)

// MaxListed bounds one listing. The list widget is virtualised, but the
// summaries still sit in memory; past this the status bar says how many
// more there are, and filters narrow the view.
const MaxListed = 10_000

// Controller holds what the window shows (folder, listing, counts, selected
// article, last error) and loads it from the service. It knows nothing of
// widgets, so it is tested without a window; its methods do store I/O and
// may be called from any goroutine, and its getters return copies that the
// views read on the UI goroutine.
type Controller struct {
	svc *app.Service
	log *slog.Logger

	mu       sync.Mutex
	folder   Folder
	items    []app.Summary
	total    int
	counts   *app.Counts
	selected *Detail
	err      error
	loaded   bool
	query    string // the instant filter (see SetQuery)
	// attention counts the "Needs attention" queue and asOf is the time it
	// was judged against (a schedule is missed relative to it).
	attention int
	asOf      time.Time
	// Generations drop stale results: when two loads overlap (a click
	// during a refresh), only the newest request may publish its result.
	listGen, selGen uint64
}

// NewController returns a controller over svc showing every live article.
func NewController(svc *app.Service) *Controller {
	log := svc.Log
	if log == nil {
		log = slog.Default()
	}
	return &Controller{svc: svc, log: log}
}

// Reload reads the current folder's listing and the counts again, and the
// selected article too, since another process (newsdeskctl) may have
// changed any of them. The error is also kept for Err.
func (c *Controller) Reload(ctx context.Context) error {
	c.mu.Lock()
	c.listGen++
	gen, folder := c.listGen, c.folder
	selID := ""
	if c.selected != nil {
		selID = c.selected.Article.ID
	}
	c.mu.Unlock()

	now := c.clock()
	var res *app.ListResult
	if !folder.Attention {
		f := folder.filter()
		f.Limit = MaxListed
		var err error
		if res, err = c.svc.List(ctx, f); err != nil {
			return c.fail(gen, fmt.Errorf("list %s: %w", folder.Label(), err))
		}
	}
	counts, err := c.svc.Store.Counts(ctx)
	if err != nil {
		return c.fail(gen, fmt.Errorf("count articles: %w", err))
	}
	attention, err := c.loadAttention(ctx, folder, res, now)
	if err != nil {
		return c.fail(gen, err)
	}
	if folder.Attention {
		res = &app.ListResult{Items: attention, Total: len(attention)}
		if len(res.Items) > MaxListed {
			res.Items = res.Items[:MaxListed]
		}
	}

	c.mu.Lock()
	if gen != c.listGen {
		c.mu.Unlock()
		return nil
	}
	c.items, c.total, c.counts, c.err, c.loaded = res.Items, res.Total, counts, nil, true
	c.attention, c.asOf = len(attention), now
	stillListed := selID != "" && slices.ContainsFunc(res.Items, func(s app.Summary) bool { return s.ID == selID })
	if selID != "" && !stillListed {
		c.selected = nil
		c.selGen++
	}
	c.mu.Unlock()

	if stillListed {
		_, err := c.Select(ctx, selID)
		return err
	}
	return nil
}

func (c *Controller) fail(gen uint64, err error) error {
	c.log.Error("load articles", "err", err)
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen == c.listGen {
		c.err = err
		c.loaded = true
	}
	return err
}

// SetFolder switches the listing to f, clears the selection and reloads.
func (c *Controller) SetFolder(ctx context.Context, f Folder) error {
	c.mu.Lock()
	c.folder = f
	c.selected = nil
	c.selGen++
	c.mu.Unlock()
	return c.Reload(ctx)
}

// Select loads article id with its photos and related stories for the
// read-only view; an empty id clears the selection.
func (c *Controller) Select(ctx context.Context, id string) (*Detail, error) {
	c.mu.Lock()
	c.selGen++
	gen := c.selGen
	if id == "" {
		c.selected = nil
	}
	c.mu.Unlock()
	if id == "" {
		return nil, nil
	}

	d, err := loadDetail(ctx, c.svc, id)
	if err != nil {
		err = fmt.Errorf("open article %s: %w", id, err)
		c.log.Error("select article", "id", id, "err", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.selGen {
		return d, err
	}
	c.selected = d
	if err != nil {
		c.err = err
	}
	return d, err
}

// FillSample writes the sample newsroom into the store as author and
// reloads. It returns the number of articles written.
func (c *Controller) FillSample(ctx context.Context, author string) (int, error) {
	n, err := sample.Fill(ctx, c.svc, author)
	if err != nil {
		err = fmt.Errorf("create sample newsroom: %w", err)
		c.log.Error("sample newsroom", "err", err)
		// Some articles may have been written before the failure: show
		// them, then keep the failure visible over the reload's success.
		_ = c.Reload(ctx)
		c.mu.Lock()
		c.err = err
		c.mu.Unlock()
		return n, err
	}
	c.log.Info("sample newsroom created", "articles", n)
	return n, c.Reload(ctx)
}

// Folder returns the folder being listed.
func (c *Controller) Folder() Folder {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.folder
}

// Items returns the listing; the slice is the controller's own and must
// not be modified (Reload replaces it rather than writing into it).
func (c *Controller) Items() []app.Summary {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.items
}

// Total returns how many articles match the folder, listed or not.
func (c *Controller) Total() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.total
}

// Count returns the number of articles in folder f, as of the last load.
func (c *Controller) Count(f Folder) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if f.Attention {
		return c.attention
	}
	return f.count(c.counts)
}

// Selected returns the article shown in the read-only view, or nil.
func (c *Controller) Selected() *Detail {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.selected
}

// Err returns the error of the last failed load, or nil once a later load
// succeeds.
func (c *Controller) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// Loaded reports whether a load has finished, successfully or not.
func (c *Controller) Loaded() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.loaded
}

// Empty reports whether the store holds no article at all, live or in the
// Trash: the state in which the window offers a sample newsroom.
func (c *Controller) Empty() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.loaded && c.err == nil && c.counts != nil &&
		(Folder{}).count(c.counts)+c.counts.Trash == 0
}

// StorePath names the store for the status bar.
func (c *Controller) StorePath() string { return c.svc.Store.Path() }
