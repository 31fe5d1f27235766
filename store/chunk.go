package store

import "unicode/utf8"

// Chunking splits a body into pieces whose boundaries depend on the text
// itself, so that a copy edit changes one piece and every other piece is
// shared with the previous revision. Pieces end after a paragraph break
// (the common case for news copy); a long paragraph is cut further after
// sentence ends chosen by a hash of the sentence, so an edit in one sentence
// does not move the boundaries of the others. Concatenating the pieces gives
// the body back byte for byte.
const (
	minChunk  = 64   // smaller paragraphs (subheads) join the next one
	longChunk = 1024 // past this, a paragraph is cut at sentence ends too
	maxChunk  = 4096 // hard cut, for text with no sentence ends at all
)

func chunkBody(body string) []string {
	var out []string
	start := 0 // start of the pending chunk
	for start < len(body) {
		// Find the end of the paragraph: after the next run of blank lines.
		end := len(body)
		for j := start; j+1 < len(body); j++ {
			if body[j] == '\n' && body[j+1] == '\n' {
				end = j + 2
				for end < len(body) && body[end] == '\n' {
					end++
				}
				break
			}
		}
		if end-start < minChunk && end < len(body) {
			// A subhead or a one-line paragraph: carry it into the next.
			end = extend(body, end)
		}
		out = append(out, splitLong(body[start:end])...)
		start = end
	}
	return out
}

// extend moves end past following paragraphs until the chunk from its
// original start reaches minChunk or the body ends.
func extend(body string, end int) int {
	for end < len(body) {
		next := len(body)
		for j := end; j+1 < len(body); j++ {
			if body[j] == '\n' && body[j+1] == '\n' {
				next = j + 2
				for next < len(body) && body[next] == '\n' {
					next++
				}
				break
			}
		}
		if next-end >= minChunk || next == len(body) {
			return next
		}
		end = next
	}
	return end
}

// splitLong cuts a paragraph longer than longChunk after sentence ends picked
// by the sentence's hash (one in four, on average), forcing a cut at the
// first sentence end past longChunk and a hard cut at maxChunk.
func splitLong(p string) []string {
	if len(p) <= longChunk {
		return []string{p}
	}
	var out []string
	start, sentence := 0, 0
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		next := i + size
		n := next - start
		switch {
		case isSentenceEnd(r, p, next):
			if n >= longChunk || (n >= minChunk*4 && sentenceHash(p[sentence:next])%4 == 0) {
				out = append(out, p[start:next])
				start = next
			}
			sentence = next
		case n >= maxChunk:
			out = append(out, p[start:next])
			start, sentence = next, next
		}
		i = next
	}
	if start < len(p) {
		out = append(out, p[start:])
	}
	return out
}

func isSentenceEnd(r rune, body string, next int) bool {
	switch r {
	case '。', '！', '？', '；':
		return true
	case '.', '!', '?':
		return next >= len(body) || body[next] == ' '
	}
	return false
}

// sentenceHash is FNV-1a: cheap, and only used to pick boundaries.
func sentenceHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
