package ui

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"newsdesk/app"
)

// SearchLimit is how many hits one search shows: the best of them, ranked.
// An editor refines the query rather than scrolling past fifty.
const SearchLimit = 50

// SearchFilters narrow a search: by status ("" for any) and by section
// ("" for any). The Trash is not searched: the index drops a story when
// it is deleted.
type SearchFilters struct {
	Status  app.Status
	Section string
}

// SearchState is what the search panel shows: the query it answers, the
// ranked hits, how many articles matched before the filters, and the
// engine's message when the query is bad (an unbalanced quote).
type SearchState struct {
	Query   string
	Filters SearchFilters
	Hits    []app.SearchHit
	Matched int
	// Err is the message for people; the log has the chain.
	Err string
}

// Blank reports whether there is no query: the window shows the desk
// listing rather than search results.
func (s *SearchState) Blank() bool { return strings.TrimSpace(s.Query) == "" }

// SearchTicket is one query asked for, to be answered off the UI goroutine.
// Tickets are numbered as they are asked, so that an answer arriving after
// a newer question's is dropped rather than drawn over it.
type SearchTicket struct {
	gen     uint64
	ctx     context.Context
	query   string
	filters SearchFilters
}

// SearchController runs full-text searches as an editor types. It knows
// nothing of widgets; Ask runs on the UI goroutine (it only numbers the
// question), Answer on any other.
type SearchController struct {
	svc   *app.Service
	limit int

	mu      sync.Mutex
	filters SearchFilters
	gen     uint64
	// cancel stops the search in flight when a newer one is asked for: its
	// answer would be dropped anyway.
	cancel context.CancelFunc
	state  SearchState
}

// NewSearchController returns a controller over svc showing at most
// SearchLimit hits.
func NewSearchController(svc *app.Service) *SearchController {
	return &SearchController{svc: svc, limit: SearchLimit}
}

// SetFilters changes the filters of the next search.
func (c *SearchController) SetFilters(f SearchFilters) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.filters = f
}

// Filters returns the filters searches use.
func (c *SearchController) Filters() SearchFilters {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.filters
}

// State returns the newest answer published.
func (c *SearchController) State() SearchState {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.state
}

// Ask numbers query q with the current filters and cancels the search
// still running for an older question; ctx bounds the new one.
func (c *SearchController) Ask(ctx context.Context, q string) *SearchTicket {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cancel != nil {
		c.cancel()
	}
	c.gen++
	t := &SearchTicket{gen: c.gen, query: q, filters: c.filters}
	t.ctx, c.cancel = context.WithCancel(ctx)
	return t
}

// Answer runs t's search and publishes the result as State, unless a newer
// question was asked meanwhile; current says whether it was published. A
// blank query answers at once with no hits and no error.
func (c *SearchController) Answer(t *SearchTicket) (st SearchState, current bool) {
	st = SearchState{Query: t.query, Filters: t.filters}
	if !st.Blank() {
		res, err := c.svc.Search(t.ctx, c.request(t))
		switch {
		case err != nil && t.ctx.Err() != nil:
			// Cancelled by a newer question, which publishes instead.
		case err != nil:
			st.Err = userMessage(err)
			if app.ErrorCode(err) != app.EINVALID {
				c.svc.Log.Error("search", "query", t.query, "err", fmt.Errorf("search %q: %w", t.query, err))
			}
		default:
			st.Hits, st.Matched = res.Hits, res.Matched
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if t.gen != c.gen {
		return st, false
	}
	c.state = st
	return st, true
}

// Newest reports whether t is the last question asked: an answer drawn
// later than a newer one's must not replace it.
func (c *SearchController) Newest(t *SearchTicket) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return t.gen == c.gen
}

// Search asks and answers q in one call: for tests and for callers that
// are already off the UI goroutine.
func (c *SearchController) Search(ctx context.Context, q string) SearchState {
	st, _ := c.Answer(c.Ask(ctx, q))
	return st
}

func (c *SearchController) request(t *SearchTicket) app.SearchRequest {
	return app.SearchRequest{
		Query:     t.query,
		AsYouType: true,
		Status:    t.filters.Status,
		Section:   t.filters.Section,
		Limit:     c.limit,
	}
}

// SnippetPart is a run of snippet text, a matched word or not.
type SnippetPart struct {
	Text  string
	Match bool
}

// SnippetParts splits a search snippet at the engine's « and » marks. An
// unpaired mark (a snippet cut inside a match) ends the match at the end of
// the text; the marks themselves are never shown.
func SnippetParts(s string) []SnippetPart {
	var out []SnippetPart
	match := false
	for s != "" {
		mark, stray := "«", "»"
		if match {
			mark, stray = stray, mark
		}
		i := strings.Index(s, mark)
		if i < 0 {
			i = len(s)
		}
		out = appendPart(out, strings.ReplaceAll(s[:i], stray, ""), match)
		s = s[min(i+len(mark), len(s)):]
		match = !match
	}
	return out
}

// appendPart adds a run, joining it to the last when both are matches or
// both are not: the engine marks each Chinese character of a word on its
// own («草»«案»), and the word should read as one bold run.
func appendPart(parts []SnippetPart, text string, match bool) []SnippetPart {
	switch {
	case text == "":
		return parts
	case len(parts) > 0 && parts[len(parts)-1].Match == match:
		parts[len(parts)-1].Text += text
		return parts
	}
	return append(parts, SnippetPart{Text: text, Match: match})
}

// PlainSnippet readies a snippet for one line of a result: the body is
// Markdown, so emphasis marks and heading hashes are dropped (they would
// show as typed), and line breaks and runs of spaces become one space.
func PlainSnippet(s string) string {
	s = strings.NewReplacer("**", "", "__", "").Replace(s)
	words := strings.Fields(s)
	out := words[:0]
	for _, w := range words {
		if strings.Trim(w, "#") != "" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// HitMeta is the second line of a search result: byline, section, status.
func HitMeta(h *app.SearchHit) string {
	parts := make([]string, 0, 3)
	if who := bylineNames(h.Byline, h.Source); who != "" {
		parts = append(parts, who)
	}
	if h.Section != "" {
		parts = append(parts, h.Section)
	}
	parts = append(parts, h.Status.Label())
	return strings.Join(parts, " · ")
}

// ResultCount says how many stories a search found, for the line above
// the results.
func (s *SearchState) ResultCount() string {
	switch {
	case s.Err != "" || s.Blank():
		return ""
	case len(s.Hits) == 0:
		return "No story matches."
	case len(s.Hits) == 1:
		return "1 story"
	case len(s.Hits) >= SearchLimit:
		return fmt.Sprintf("The best %d stories", len(s.Hits))
	}
	return fmt.Sprintf("%d stories", len(s.Hits))
}
