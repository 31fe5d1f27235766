package app

import "time"

// RevisionInfo describes one save: who, when, why. It is what History lists.
type RevisionInfo struct {
	Number  int       `json:"number"`
	Author  string    `json:"author"`
	Time    time.Time `json:"time"`
	Message string    `json:"message,omitempty"`
	// Status is the article's status after this revision; StatusFrom is set
	// when the revision changed it, so the copy desk sees transitions.
	Status     Status `json:"status"`
	StatusFrom Status `json:"status_from,omitempty"`
	// RestoredFrom is the revision this one restored, or 0.
	RestoredFrom int `json:"restored_from,omitempty"`
	// Words is the body's word count (Chinese characters count as words),
	// so History can show +words/-words without loading every revision.
	Words int `json:"words"`
}

// Revision is an immutable snapshot of an article as a save left it.
type Revision struct {
	RevisionInfo
	Article *Article `json:"article"`
}
