// Package corpus generates newsroom text for benchmarks and load tests:
// articles of a chosen length with bylines, sections, tags, photo credits
// and contacts, in English or Chinese-heavy text, and copy edits that turn
// one revision into the next. Everything is deterministic from a seed, so
// Newsdesk and its peers (git, Hugo) are measured on the same bytes.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"newsdesk/app"
)

// Generator makes articles and edits from one seeded source.
type Generator struct {
	rng *rand.Rand
	// Chinese makes bodies and headlines mostly Chinese.
	Chinese bool
}

// New returns a generator for seed.
func New(seed uint64, chinese bool) *Generator {
	return &Generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), Chinese: chinese}
}

var (
	sections = []string{"Politics & Law", "Economy", "Business & Tech", "Environment", "World", "Opinion"}
	tags     = []string{"NPC", "Data", "Courts", "Trade", "Energy", "Health", "Housing", "Banks", "Climate", "Labour", "AI", "Shenzhen"}
	credits  = []string{"VCG", "Xinhua", "Reuters", "Newsdesk staff", "IC Photo"}
	given    = []string{"Wang", "Li", "Zhang", "Liu", "Chen", "Anna", "Tom", "Maria", "David", "Sarah", "Zhou", "Han"}
	family   = []string{"Xiaoming", "Na", "Wei", "Yiran", "Baker", "Berg", "Chenggang", "Ning", "Walsh", "Luan", "Yu", "Simison"}
	words    = strings.Fields(`the a of to in and for on that with as by is was said will from at its has have
		are be an this which law court draft rules data market government officials company companies bank banks
		year years new city local national public people report reports policy plan plans price prices growth
		investors trade energy health housing province provincial ministry committee lawmakers standing congress
		regulators regulation insurance system program programs billion million yuan percent according statement
		last week month first second third analysts economy economic industry industrial technology platform
		platforms users privacy protection security cases case judges prosecutors lawyers residents workers
		schools hospitals factories exports imports demand supply rise fall rose fell increase decline while
		but also more than after before under over since about into between against during because however
		still may could would should must not only most many some other such these those their there where
		when who whom whose what how why all any each every both few several further earlier later recent
		recently proposal proposals measure measures reform reforms pilot scheme schemes tax taxes fund funds`)
	hanzi  = []rune("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研志区")
	puncZh = []string{"，", "，", "、", "。"}
)

// Article returns an article of about n words (Chinese: n characters).
func (g *Generator) Article(n int) *app.Article {
	a := &app.Article{
		Headline: g.headline(),
		Dek:      g.sentence(14),
		Section:  sections[g.rng.IntN(len(sections))],
		Status:   app.StatusDraft,
		TimeZone: app.DefaultTimeZone,
	}
	for i := 0; i < 1+g.rng.IntN(3); i++ {
		a.Byline = append(a.Byline, g.name())
	}
	for i := 0; i < 1+g.rng.IntN(4); i++ {
		a.Tags = append(a.Tags, tags[g.rng.IntN(len(tags))])
	}
	a.Photos = []app.Photo{{Caption: g.sentence(12), Credit: credits[g.rng.IntN(len(credits))]}}
	a.Contacts = []app.Contact{
		{Role: app.RoleReporter, Name: a.Byline[0], Email: g.email(a.Byline[0])},
		{Role: app.RoleEditor, Name: g.name(), Email: "desk@newsdesk.example"},
	}
	a.Body = g.Body(n)
	return a
}

func (g *Generator) name() string {
	return given[g.rng.IntN(len(given))] + " " + family[g.rng.IntN(len(family))]
}

func (g *Generator) email(name string) string {
	return strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@newsdesk.example"
}

func (g *Generator) headline() string {
	if g.Chinese {
		return string(g.hanzi(12 + g.rng.IntN(10)))
	}
	s := g.sentence(6 + g.rng.IntN(6))
	return strings.TrimSuffix(s, ".")
}

// Body returns Markdown paragraphs of about n words, with a subheading now
// and then, as news copy has.
func (g *Generator) Body(n int) string {
	var b strings.Builder
	count := 0
	for count < n {
		if count > 0 && g.rng.IntN(8) == 0 {
			b.WriteString("## " + strings.TrimSuffix(g.sentence(4), ".") + "\n\n")
		}
		size := 40 + g.rng.IntN(80)
		b.WriteString(g.paragraph(size))
		b.WriteString("\n\n")
		count += size
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func (g *Generator) paragraph(n int) string {
	var parts []string
	for n > 0 {
		k := min(n, 10+g.rng.IntN(20))
		parts = append(parts, g.sentence(k))
		n -= k
	}
	if g.Chinese {
		return strings.Join(parts, "")
	}
	return strings.Join(parts, " ")
}

func (g *Generator) sentence(n int) string {
	if g.Chinese {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteRune(hanzi[g.rng.IntN(len(hanzi))])
			if i > 2 && i < n-1 && g.rng.IntN(9) == 0 {
				b.WriteString(puncZh[g.rng.IntN(len(puncZh)-1)])
			}
		}
		b.WriteString("。")
		return b.String()
	}
	ws := make([]string, n)
	for i := range ws {
		ws[i] = words[g.rng.IntN(len(words))]
	}
	if g.rng.IntN(5) == 0 {
		ws[g.rng.IntN(n)] = fmt.Sprintf("%d", 2+g.rng.IntN(2000))
	}
	s := strings.Join(ws, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func (g *Generator) hanzi(n int) []rune {
	out := make([]rune, n)
	for i := range out {
		out[i] = hanzi[g.rng.IntN(len(hanzi))]
	}
	return out
}

// CopyEdit applies n small edits of the kind a copy desk makes (replace a
// word, insert a phrase, delete a word) at random places of body. Inserts
// slightly outnumber deletions, so a long history drifts longer, as real
// ones do.
func (g *Generator) CopyEdit(body string, n int) string {
	if g.Chinese {
		return g.copyEditZh(body, n)
	}
	ws := strings.SplitAfter(body, " ")
	for i := 0; i < n && len(ws) > 2; i++ {
		at := g.rng.IntN(len(ws) - 1)
		switch op := g.rng.IntN(10); {
		case op < 4: // replace a word, keeping what follows it (space, newline)
			ws[at] = words[g.rng.IntN(len(words))] + trailing(ws[at])
		case op < 8: // insert a short phrase
			phrase := strings.TrimSuffix(g.sentence(2+g.rng.IntN(4)), ".")
			ws = append(ws[:at+1], append([]string{strings.ToLower(phrase) + " "}, ws[at+1:]...)...)
		default: // delete a word
			if !strings.Contains(ws[at], "\n") {
				ws = append(ws[:at], ws[at+1:]...)
			}
		}
	}
	return strings.Join(ws, "")
}

func trailing(w string) string {
	i := strings.IndexAny(w, " \n.")
	if i < 0 {
		return ""
	}
	return w[i:]
}

func (g *Generator) copyEditZh(body string, n int) string {
	rs := []rune(body)
	for i := 0; i < n && len(rs) > 2; i++ {
		at := g.rng.IntN(len(rs) - 1)
		if rs[at] == '\n' || rs[at] == '#' {
			continue
		}
		switch op := g.rng.IntN(10); {
		case op < 4:
			rs[at] = hanzi[g.rng.IntN(len(hanzi))]
		case op < 8:
			ins := g.hanzi(2 + g.rng.IntN(4))
			rs = append(rs[:at], append(ins, rs[at:]...)...)
		default:
			rs = append(rs[:at], rs[at+1:]...)
		}
	}
	return string(rs)
}
