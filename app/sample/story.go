package sample

import (
	"strings"
	"time"

	"newsdesk/app"
)

// story is one sample article in its final form, plus what Fill needs to
// replay how the newsroom got there: the headline and text as first filed,
// who edited it and where it ended up.
type story struct {
	key       string // names the story for related links between samples
	headline  string
	firstHead string // the headline as filed, when the desk rewrote it
	dek       string
	byline    string // as the portal prints it: "A, B and C" or "王晓明、李静"
	source    string // agency for wire copy, whose byline is empty
	section   string
	tags      []string // the last one is added by the copy desk
	lateTag   string   // added after publication
	body      string   // final Markdown
	// edits are the copy desk's changes; the filed text had from where the
	// final body has to.
	edits []edit
	// correction is a published error fixed afterwards; note explains it.
	correction *edit
	photos     []shot
	editor     string   // desk editor: a contact, and who moves the story on
	related    []string // keys of stories filed earlier in the list
	outside    []app.Related
	readMore   string // URL of "Read the full story here"
	status     app.Status
	zone       string // IANA zone; empty means app.DefaultTimeZone
	note       string // kill reason or correction
	language   string
	age        time.Duration // how long before the base time it was started
	slot       slot          // scheduled stories: when they go out
}

// edit is one change between two revisions of a body.
type edit struct{ from, to string }

// shot is a photo; its image is drawn by picture.
type shot struct {
	caption, credit, alt string
	jpeg                 bool
}

// slot is a publication time a number of days after the base day, in the
// story's own time zone, so that a schedule is always in the future.
type slot struct{ days, hour, minute int }

func hours(h int) time.Duration { return time.Duration(h) * time.Hour }

// splitByline splits a byline the way the portal writes it: "A, B and C"
// in English, "A、B、C" in Chinese.
func splitByline(s string) []string {
	if s == "" {
		return nil
	}
	if strings.Contains(s, "、") {
		return strings.Split(s, "、")
	}
	parts := strings.Split(s, ", ")
	last := parts[len(parts)-1]
	if a, b, ok := strings.Cut(last, " and "); ok {
		parts = append(parts[:len(parts)-1], a, b)
	}
	return parts
}

// person is a member of staff or a contributor.
type person struct {
	email, twitter, phone string
}

// staff lists everyone who appears in the sample newsroom. All of them are
// invented; the addresses use a reserved example domain.
var staff = map[string]person{
	"Chen Yuxin":    {email: "chen.yuxin@newsdesk.example", twitter: "@chenyuxin_news"},
	"Daniel Hart":   {email: "daniel.hart@newsdesk.example", twitter: "@dhart_desk"},
	"Liu Mengqi":    {email: "liu.mengqi@newsdesk.example"},
	"Zhao Peng":     {email: "zhao.peng@newsdesk.example", twitter: "@zhaopeng_news"},
	"Grace Lin":     {email: "grace.lin@newsdesk.example"},
	"Owen Price":    {email: "owen.price@newsdesk.example", twitter: "@owenprice"},
	"Sun Jiayi":     {email: "sun.jiayi@newsdesk.example"},
	"Amara Okoye":   {email: "amara.okoye@newsdesk.example", twitter: "@amara_okoye"},
	"Hu Tao":        {email: "hu.tao@newsdesk.example"},
	"Rebecca Shaw":  {email: "rebecca.shaw@newsdesk.example"},
	"Ma Jun":        {email: "ma.jun@newsdesk.example"},
	"Felix Wong":    {email: "felix.wong@newsdesk.example", twitter: "@felixwong_hk"},
	"Nadia Petrova": {email: "nadia.petrova@london.newsdesk.example", phone: "+44 20 7946 0321"},
	"Marcus Reed":   {email: "marcus.reed@ny.newsdesk.example", phone: "+1 212 555 0147"},
	"Kevin Yuen":    {email: "kevin.yuen@contributors.newsdesk.example"},
	"Ruth Feng":     {email: "ruth.feng@contributors.newsdesk.example"},
	"Helen Zhou":    {email: "helen.zhou@newsdesk.example", phone: "+86 21 5555 0100"},
	"Sarah Cole":    {email: "sarah.cole@newsdesk.example"},
	"James Wu":      {email: "james.wu@newsdesk.example", twitter: "@jameswu_ed"},
	"王晓明":           {email: "wang.xiaoming@newsdesk.example", twitter: "@wangxm_news"},
	"陈浩":            {email: "chen.hao@newsdesk.example"},
	"林芳":            {email: "lin.fang@newsdesk.example"},
	"刘洋":            {email: "liu.yang@newsdesk.example"},
	"孙悦":            {email: "sun.yue@newsdesk.example"},
	"赵敏":            {email: "zhao.min@newsdesk.example"},
	"黄磊":            {email: "huang.lei@newsdesk.example"},
	"何苗":            {email: "he.miao@contributors.newsdesk.example"},
	"张敏":            {email: "zhang.min@newsdesk.example", phone: "+86 10 5555 0188"},
	"吴刚":            {email: "wu.gang@newsdesk.example"},
}

// copyEditors take turns on the copy desk, English and Chinese.
var (
	copyEditorsEN = []string{"Li Na", "Tom Baker", "Priya Raman"}
	copyEditorsZH = []string{"周雨", "何佳"}
)

func contact(role app.ContactRole, name string) app.Contact {
	p := staff[name]
	return app.Contact{Role: role, Name: name, Email: p.email, Twitter: p.twitter, Phone: p.phone}
}

// contacts is the contact line: the first named reporter and the editor.
func (s *story) contacts() []app.Contact {
	var out []app.Contact
	if names := splitByline(s.byline); len(names) > 0 {
		out = append(out, contact(app.RoleReporter, names[0]))
	}
	return append(out, contact(app.RoleEditor, s.editor))
}

// filedBody is the body as the reporter filed it, before the copy desk's
// edits and before any correction.
func (s *story) filedBody() string {
	b := s.body
	if s.correction != nil {
		b = strings.Replace(b, s.correction.to, s.correction.from, 1)
	}
	for i := len(s.edits) - 1; i >= 0; i-- {
		b = strings.Replace(b, s.edits[i].to, s.edits[i].from, 1)
	}
	return b
}

// applyEdits replays edits on a filed body.
func applyEdits(body string, edits []edit) string {
	for _, e := range edits {
		body = strings.Replace(body, e.from, e.to, 1)
	}
	return body
}

// withoutLastParagraph is the first draft: the reporter adds the closing
// paragraph in the second save.
func withoutLastParagraph(body string) string {
	body = strings.TrimRight(body, "\n")
	if i := strings.LastIndex(body, "\n\n"); i > 0 {
		return body[:i] + "\n"
	}
	return body
}
