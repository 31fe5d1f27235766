package export

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"
)

// manifestName is the file listing what a portal folder holds. It is also
// how a later export recognises a folder it made, and the only state an
// incremental export needs besides the store.
const manifestName = "manifest.json"

// manifestFormat changes when the meaning of manifest fields changes;
// an older manifest is then ignored and the portal rebuilt.
const manifestFormat = 1

// Manifest describes a portal folder: every file with its sha256 and
// every article with the revision exported.
type Manifest struct {
	Generator string `json:"generator"`
	Format    int    `json:"format"`
	Profile   string `json:"profile"`
	// Build identifies the templates and the profile settings the pages
	// were made with; when it changes, every page is made again.
	Build    string      `json:"build"`
	Articles []Entry     `json:"articles"`
	Sections []Section   `json:"sections"`
	Images   []ImageFile `json:"images"`
	Files    []File      `json:"files"`
}

// Entry is an article as the portal holds it: what list pages, feeds and
// sitemaps need, without the body.
type Entry struct {
	ID       string    `json:"id"`
	Revision int       `json:"revision"`
	Path     string    `json:"path"`
	Slug     string    `json:"slug"`
	Headline string    `json:"headline"`
	Dek      string    `json:"dek,omitempty"`
	By       string    `json:"by,omitempty"`
	Section  string    `json:"section"`
	Tags     []string  `json:"tags,omitempty"`
	Language string    `json:"language,omitempty"`
	Time     time.Time `json:"time"` // the time the byline line shows
	Created  time.Time `json:"created"`
	Updated  time.Time `json:"updated"`
	Image    string    `json:"image,omitempty"` // lead photo's path
	// Images are the store references of every photo, so that a story
	// carried over keeps its photos in the new portal.
	Images []string `json:"images,omitempty"`
	// Related keeps the links as the article made them, so that they can
	// be resolved again when a related story arrives, leaves or changes.
	Related []RelatedRef `json:"related,omitempty"`
}

// RelatedRef is one related link of an entry: a story of ours by id, or
// an outside story by URL; Headline is what was known when exported.
type RelatedRef struct {
	ID       string `json:"id,omitempty"`
	Headline string `json:"headline,omitempty"`
	URL      string `json:"url,omitempty"`
}

// Section is a section of the portal and the folder its pages live in.
type Section struct {
	Name string `json:"name"`
	Slug string `json:"slug"`
}

// ImageFile is a photo copied into the portal, named by its content.
type ImageFile struct {
	Ref    string `json:"ref"` // the store's "sha256:<hex>"
	Path   string `json:"path"`
	Type   string `json:"type"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Size   int64  `json:"size"`
}

// File is one file of the portal. Key identifies what it was made from:
// a file whose key has not changed is carried over, not made again.
type File struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
	Key    string `json:"key,omitempty"`
}

// readManifest reads the manifest of the portal folder dir. A missing
// folder gives (nil, nil). A folder that has files but no manifest of
// ours is refused: an export must never replace a folder it did not make.
func readManifest(dir string) (*Manifest, error) {
	raw, err := os.ReadFile(filepath.Join(dir, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		ents, derr := os.ReadDir(dir)
		if errors.Is(derr, fs.ErrNotExist) || (derr == nil && len(ents) == 0) {
			return nil, nil
		}
		if derr != nil {
			return nil, fmt.Errorf("portal folder %s: %w", dir, derr)
		}
		return nil, fmt.Errorf("portal folder %s has files but no %s: it was not made by Newsdesk, and an export would replace it; choose another folder", dir, manifestName)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", filepath.Join(dir, manifestName), err)
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil || m.Generator != generator {
		return nil, fmt.Errorf("%s is not a Newsdesk manifest; move the folder %s away or choose another", filepath.Join(dir, manifestName), dir)
	}
	if m.Format != manifestFormat {
		// Same maker, other format: rebuild everything, keep nothing.
		return &Manifest{Generator: generator}, nil
	}
	return &m, nil
}

// generator names the program in manifests and feeds.
const generator = "Newsdesk"

// fileIndex maps paths to the manifest's file records.
func (m *Manifest) fileIndex() map[string]File {
	out := make(map[string]File, len(m.Files))
	for _, f := range m.Files {
		out[f.Path] = f
	}
	return out
}

// sortFiles orders the file list by path so that manifests diff well.
func sortFiles(files []File) {
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
}

// keyOf hashes the parts that make a file, separated so that ("ab","c")
// and ("a","bc") differ.
func keyOf(parts ...string) string {
	h := sha256.New()
	var n []byte
	for _, p := range parts {
		n = strconv.AppendInt(n[:0], int64(len(p)), 10)
		h.Write(append(n, ':'))
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
