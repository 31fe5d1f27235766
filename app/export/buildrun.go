package export

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// build makes both phases in the staging folder, reporting the progress
// of each.
func (b *builder) build(ctx context.Context, first, second []*job) error {
	for _, ph := range []struct {
		name string
		jobs []*job
	}{{"articles", first}, {"pages", second}} {
		done := 0
		err := b.st.run(ctx, ph.jobs, b.x.Workers, func(j *job) {
			b.progMu.Lock()
			defer b.progMu.Unlock()
			done++
			b.opt.progress(ph.name, done, len(ph.jobs), j.path)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// writeManifest lists every file of the staged portal with its sha256,
// and every story with the revision exported.
func (b *builder) writeManifest(profile string) error {
	s := b.r.site
	m := Manifest{Generator: generator, Format: manifestFormat, Profile: profile, Build: s.build,
		Sections: s.sections, Files: append([]File(nil), b.st.files...)}
	for _, e := range s.entries {
		m.Articles = append(m.Articles, e.Entry)
	}
	seen := map[string]bool{}
	for _, e := range s.entries {
		for _, ref := range e.Images {
			if im, ok := s.images.get(ref); ok && !seen[ref] {
				seen[ref] = true
				m.Images = append(m.Images, im)
			}
		}
	}
	sort.Slice(m.Images, func(i, j int) bool { return m.Images[i].Ref < m.Images[j].Ref })
	sortFiles(m.Files)
	raw, err := encodeManifest(&m)
	if err != nil {
		return fmt.Errorf("encode the manifest: %w", err)
	}
	p := filepath.Join(b.st.dir, manifestName)
	if err := os.WriteFile(p, raw, 0o644); err != nil {
		return fmt.Errorf("write the manifest: %w", err)
	}
	return nil
}

// encodeManifest writes the manifest with one story, section, image or
// file per line: it diffs well and reads quickly, where indenting every
// field of tens of thousands of records would double the cost.
func encodeManifest(m *Manifest) ([]byte, error) {
	var b bytes.Buffer
	head, err := json.Marshal(struct {
		Generator string `json:"generator"`
		Format    int    `json:"format"`
		Profile   string `json:"profile"`
		Build     string `json:"build"`
	}{m.Generator, m.Format, m.Profile, m.Build})
	if err != nil {
		return nil, err
	}
	b.Write(head[:len(head)-1])
	lists := []struct {
		name  string
		items func(func(any) error) error
	}{
		{"articles", each(m.Articles)}, {"sections", each(m.Sections)}, {"images", each(m.Images)}, {"files", each(m.Files)},
	}
	for _, l := range lists {
		fmt.Fprintf(&b, ",\n%q: [", l.name)
		n := 0
		err := l.items(func(v any) error {
			line, err := json.Marshal(v)
			if err != nil {
				return err
			}
			if n > 0 {
				b.WriteByte(',')
			}
			n++
			b.WriteString("\n ")
			b.Write(line)
			return nil
		})
		if err != nil {
			return nil, err
		}
		if n > 0 {
			b.WriteString("\n")
		}
		b.WriteString("]")
	}
	b.WriteString("\n}\n")
	return b.Bytes(), nil
}

// each walks a slice for encodeManifest.
func each[T any](xs []T) func(func(any) error) error {
	return func(fn func(any) error) error {
		for i := range xs {
			if err := fn(&xs[i]); err != nil {
				return err
			}
		}
		return nil
	}
}

// Verify checks a portal folder against its manifest: every file listed
// is there with its sha256, and nothing else is. It returns the problems
// found, for tests and for producers who want to check a copy.
func Verify(dir string) ([]string, error) {
	m, err := readManifest(dir)
	if err != nil {
		return nil, err
	}
	if m == nil {
		return nil, fmt.Errorf("%s is not a portal folder", dir)
	}
	var problems []string
	listed := map[string]bool{manifestName: true}
	for _, f := range m.Files {
		listed[f.Path] = true
		p, err := within(dir, f.Path)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", f.Path, err))
			continue
		}
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) != f.SHA256 {
			problems = append(problems, fmt.Sprintf("%s: sha256 differs from the manifest", f.Path))
		}
	}
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if !listed[filepath.ToSlash(rel)] {
			problems = append(problems, filepath.ToSlash(rel)+": not in the manifest")
		}
		return nil
	})
	return problems, err
}
