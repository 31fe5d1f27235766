package bodyedit

import "sort"

// heights holds the height of every paragraph and their prefix sums, so
// that the paragraph at a scroll offset is a binary search and a
// paragraph's top a lookup. A change at paragraph i invalidates the sums
// from i on only; they are recomputed when next read, once per change
// however many reads follow.
type heights struct {
	h      []float32
	prefix []float32 // prefix[i] is the top of paragraph i; len(h)+1 entries
	valid  int       // prefix[0..valid] are up to date
}

func (s *heights) reset(h []float32) {
	s.h = h
	s.prefix = make([]float32, len(h)+1)
	s.valid = 0
}

func (s *heights) invalidate(i int) { s.valid = min(s.valid, i) }

// set changes paragraph i's height; it reports whether it changed.
func (s *heights) set(i int, h float32) bool {
	if s.h[i] == h {
		return false
	}
	s.h[i] = h
	s.invalidate(i)
	return true
}

// replace swaps the heights of paragraphs [at, at+n) for repl, as the
// document's change did to the paragraphs.
func (s *heights) replace(at, n int, repl []float32) {
	tail := append([]float32(nil), s.h[at+n:]...)
	s.h = append(append(s.h[:at], repl...), tail...)
	if cap(s.prefix) >= len(s.h)+1 {
		s.prefix = s.prefix[:len(s.h)+1]
	} else {
		s.prefix = append(s.prefix[:cap(s.prefix)], make([]float32, len(s.h)+1-cap(s.prefix))...)
	}
	s.invalidate(at)
}

func (s *heights) update() {
	for i := s.valid; i < len(s.h); i++ {
		s.prefix[i+1] = s.prefix[i] + s.h[i]
	}
	s.valid = len(s.h)
}

// top returns the y of paragraph i (i == len gives the total).
func (s *heights) top(i int) float32 {
	if i > s.valid {
		s.update()
	}
	return s.prefix[i]
}

func (s *heights) total() float32 { return s.top(len(s.h)) }

// at returns the paragraph covering y (clamped to the document).
func (s *heights) at(y float32) int {
	s.update()
	n := len(s.h)
	i := sort.Search(n, func(i int) bool { return s.prefix[i+1] > y })
	return min(i, n-1)
}
