package store

import (
	"testing"

	"newsdesk/app"
)

func TestAssignLinesFollowsParagraphs(t *testing.T) {
	old := &stateChunks{
		rec:   &revRecord{info: revInfo(1), chunks: []chunkRef{{1, 1}, {2, 1}, {3, 1}, {4, 1}}, maxLine: 4},
		texts: []string{"A\n\n", "B\n\n", "C\n\n", "D"},
	}
	// B edited, a new paragraph inserted after C, D moved to the front.
	refs, maxLine := assignLines(old, []string{"D", "A\n\n", "B2\n\n", "C\n\n", "E\n\n"}, 2)
	want := []chunkRef{{4, 1}, {1, 1}, {2, 2}, {3, 1}, {5, 2}}
	for i := range want {
		if refs[i] != want[i] {
			t.Fatalf("refs %v, want %v", refs, want)
		}
	}
	if maxLine != 5 {
		t.Fatalf("maxLine %d", maxLine)
	}
}

func TestAssignLinesFirstRevision(t *testing.T) {
	refs, maxLine := assignLines(nil, []string{"a", "b"}, 1)
	if refs[0] != (chunkRef{1, 1}) || refs[1] != (chunkRef{2, 1}) || maxLine != 2 {
		t.Fatalf("%v %d", refs, maxLine)
	}
}

func revInfo(n int) app.RevisionInfo { return app.RevisionInfo{Number: n} }
