package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsdesk/app"
)

// testAuthor signs every revision the tests write.
const testAuthor = "Test Editor 测试"

// result is one invocation of the CLI.
type result struct {
	code           int
	stdout, stderr string
}

// ctl runs the CLI in-process on store dir, like one real invocation: the
// store is opened and closed inside run.
func ctl(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	full := append([]string{"--store", dir, "--author", testAuthor}, args...)
	code := run(full, strings.NewReader(stdin), &out, &errOut)
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

// mustCtl runs the CLI and fails the test unless it exits 0.
func mustCtl(t *testing.T, dir, stdin string, args ...string) string {
	t.Helper()
	r := ctl(t, dir, stdin, args...)
	if r.code != 0 {
		t.Fatalf("newsdeskctl %s: exit %d\nstderr: %s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r.stdout
}

// mustPut puts an article given as JSON text and returns its id and revision.
func mustPut(t *testing.T, dir, articleJSON string, args ...string) (string, int) {
	t.Helper()
	out := mustCtl(t, dir, articleJSON, append(append([]string{"put"}, args...), "-")...)
	var id string
	var rev int
	if _, err := fmt.Sscanf(out, "%s %d\n", &id, &rev); err != nil {
		t.Fatalf("put printed %q, want \"<id> <revision>\": %v", out, err)
	}
	return id, rev
}

// showJSON returns the article as `show --json` prints it, decoded.
func showJSON(t *testing.T, dir, id string, extra ...string) map[string]any {
	t.Helper()
	var m map[string]any
	out := mustCtl(t, dir, "", append([]string{"show", id, "--json"}, extra...)...)
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("show --json printed invalid JSON: %v\n%s", err, out)
	}
	return m
}

// listJSON returns the summaries `list --json` prints with the given flags.
func listJSON(t *testing.T, dir string, flags ...string) []app.Summary {
	t.Helper()
	out := mustCtl(t, dir, "", append([]string{"list", "--json"}, flags...)...)
	var items []app.Summary
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatalf("list --json printed invalid JSON: %v\n%s", err, out)
	}
	return items
}

// logJSON returns the revisions `log --json` prints, newest first.
func logJSON(t *testing.T, dir, id string) []app.RevisionInfo {
	t.Helper()
	out := mustCtl(t, dir, "", "log", id, "--json")
	var revs []app.RevisionInfo
	if err := json.Unmarshal([]byte(out), &revs); err != nil {
		t.Fatalf("log --json printed invalid JSON: %v\n%s", err, out)
	}
	return revs
}

// writePNG writes a small real PNG and returns its bytes.
func writePNG(t *testing.T, path string, c color.Color) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 6))
	for x := 0; x < 8; x++ {
		for y := 0; y < 6; y++ {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeFile writes text to name in dir and returns the path.
func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// edit decodes article JSON, applies fn and encodes it again.
func edit(t *testing.T, articleJSON string, fn func(m map[string]any)) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(articleJSON), &m); err != nil {
		t.Fatalf("edit: %v", err)
	}
	fn(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// storyJSON is a complete article, in English and Chinese, in the shape
// of the portal fixture (written for these tests).
const storyJSON = `{
  "headline": "City council delays vote on river dredging plan",
  "dek": "Residents asked for more time to read the survey",
  "byline": ["Lena Park", "周明"],
  "section": "Environment",
  "tags": ["Rivers", "City Council", "rivers"],
  "body": "The council postponed its vote on Tuesday.\n\n居民要求更多时间阅读调查报告。\n\nA new date was not set.",
  "contacts": [
    {"role": "reporter", "name": "Lena Park", "email": "lena.park@example.com"},
    {"role": "editor", "name": "周明", "email": "zhou.ming@example.com", "twitter": "zhouming"}
  ],
  "read_more": {"text": "Read the full story here", "url": "https://example.com/river"},
  "status": "draft"
}`
