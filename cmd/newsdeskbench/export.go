package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"newsdesk/app"
	"newsdesk/app/corpus"
	"newsdesk/store"
)

// export compares `newsdeskctl export` to a folder with Hugo building the
// same articles (article pages, paginated section lists, RSS) from
// Markdown, for each size; then times a re-export after editing 10
// articles. Newsdesk also writes Atom, JSON Feed, ninjs, sitemaps and a
// manifest, which Hugo's minimal site does not.
func (b *bench) export(sizes []int) error {
	if _, err := exec.LookPath("hugo"); err != nil {
		return fmt.Errorf("hugo is not installed (make bench installs Debian's hugo): %w", err)
	}
	var pairs []*pair
	var notes []string
	for _, n := range sizes {
		storeDir := filepath.Join(b.dir, fmt.Sprintf("export-store-%d", n))
		site := filepath.Join(b.dir, fmt.Sprintf("hugo-site-%d", n))
		ids, err := exportCorpus(storeDir, site, n)
		if err != nil {
			return err
		}
		round := 0
		var rssA, rssB int64
		p, err := alternate(fmt.Sprintf("%d articles", n), b.rounds,
			func() (time.Duration, error) {
				round++
				out := filepath.Join(b.dir, fmt.Sprintf("pub-n-%d-%d", n, round))
				d, rss, err := timeRSS(b.dir, b.ctl, "--store", storeDir, "export", "--to", out, "--status", "published")
				rssA = max(rssA, rss)
				return d, err
			},
			func() (time.Duration, error) {
				out := filepath.Join(b.dir, fmt.Sprintf("pub-h-%d-%d", n, round))
				d, rss, err := timeRSS(site, "hugo", "--quiet", "-s", site, "-d", out)
				rssB = max(rssB, rss)
				return d, err
			})
		if err != nil {
			return err
		}
		pairs = append(pairs, p)
		notes = append(notes, fmt.Sprintf("%d articles: Newsdesk %.0f articles/s, Hugo %.0f articles/s; peak RSS Newsdesk %d MiB, Hugo %d MiB",
			n, float64(n)/median(p.a).Seconds(), float64(n)/median(p.b).Seconds(), rssA>>10, rssB>>10))

		// Re-export after editing 10 articles: only they and the pages
		// listing them are rewritten.
		out := filepath.Join(b.dir, fmt.Sprintf("pub-n-%d-1", n))
		if err := editSome(storeDir, ids[:min(10, len(ids))]); err != nil {
			return err
		}
		d, _, err := timeRSS(b.dir, b.ctl, "--store", storeDir, "export", "--to", out, "--status", "published")
		if err != nil {
			return err
		}
		notes = append(notes, fmt.Sprintf("%d articles: re-export after editing 10: %s", n, short(d)))
	}
	report("Static export (whole process)", "Hugo", pairs)
	fmt.Println()
	for _, s := range notes {
		fmt.Println(s)
	}
	return nil
}

// exportCorpus stores n published articles and writes the same articles
// as a Hugo site with a minimal theme.
func exportCorpus(storeDir, site string, n int) ([]string, error) {
	ctx := context.Background()
	s, err := store.Open(storeDir)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	svc := app.NewService(s)
	if err := writeHugoTheme(site); err != nil {
		return nil, err
	}
	g := corpus.New(1, false)
	base := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	var ids []string
	batch := make([]*app.Article, 0, 100)
	flush := func() error {
		out, err := svc.SaveBatch(ctx, batch, app.SaveOptions{Author: "Bench", Base: -1})
		for _, a := range out {
			ids = append(ids, a.ID)
			if err := writeHugoPage(site, a); err != nil {
				return err
			}
		}
		batch = batch[:0]
		return err
	}
	for i := 0; i < n; i++ {
		a := g.Article(400 + (i*7919)%1600)
		a.Photos = nil // neither side copies images
		a.Status = app.StatusPublished
		t := base.Add(time.Duration(i) * time.Minute)
		a.PublishedAt = &t
		batch = append(batch, a)
		if len(batch) == cap(batch) {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if len(batch) > 0 {
		if err := flush(); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

func editSome(storeDir string, ids []string) error {
	ctx := context.Background()
	s, err := store.Open(storeDir)
	if err != nil {
		return err
	}
	defer s.Close()
	svc := app.NewService(s)
	g := corpus.New(5, false)
	for _, id := range ids {
		a, err := svc.Article(ctx, id)
		if err != nil {
			return err
		}
		a.Body = g.CopyEdit(a.Body, 3)
		if _, err := svc.Save(ctx, a, app.SaveOptions{Author: "Bench", Base: -1}); err != nil {
			return err
		}
	}
	return nil
}

func writeHugoPage(site string, a *app.Article) error {
	dir := filepath.Join(site, "content", app.Slugify(a.Section))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "---\ntitle: %q\ndate: %s\nauthor: %q\ntags: [%s]\n---\n\n", a.Headline,
		a.PublishedAt.Format(time.RFC3339), strings.Join(a.Byline, ", "), quoteList(a.Tags))
	sb.WriteString(a.Body)
	return os.WriteFile(filepath.Join(dir, a.Slug+"-"+a.ID[len(a.ID)-8:]+".md"), []byte(sb.String()), 0o644)
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

// writeHugoTheme is a minimal site producing the same page set as the
// Newsdesk export's core: article pages, paginated section lists, RSS.
func writeHugoTheme(site string) error {
	files := map[string]string{
		"config.toml":                  "baseURL = \"https://portal.example/\"\ntitle = \"Portal\"\npaginate = 20\ndisableKinds = [\"taxonomy\", \"term\"]\n",
		"layouts/_default/baseof.html": "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>\n",
		"layouts/_default/single.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><p>By {{ .Params.author }} / {{ .Date.Format \"Jan 02, 2006 03:04 PM\" }} / {{ .Section }}</p>{{ .Content }}{{ end }}\n",
		"layouts/_default/list.html":   "{{ define \"main\" }}{{ range .Paginator.Pages }}<h2><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></h2><p>By {{ .Params.author }} / {{ .Date.Format \"Jan 02, 2006 03:04 PM\" }}</p>{{ .Summary }}{{ end }}{{ end }}\n",
		"layouts/index.html":           "{{ define \"main\" }}{{ range (.Paginate .Site.RegularPages).Pages }}<h2><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></h2>{{ end }}{{ end }}\n",
	}
	for name, text := range files {
		p := filepath.Join(site, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// timeRSS runs a whole process and returns its wall time and peak RSS.
func timeRSS(dir, name string, args ...string) (time.Duration, int64, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	start := time.Now()
	out, err := cmd.CombinedOutput()
	d := time.Since(start)
	if err != nil {
		return d, 0, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss // KiB on Linux
	}
	return d, rss, nil
}
