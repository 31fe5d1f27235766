package portal

import (
	"slices"
	"strings"
	"testing"
	"time"

	"newsdesk/app"
)

func shanghai(t testing.TB) *time.Location {
	t.Helper()
	loc, err := app.LoadZone("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestBylineLines(t *testing.T) {
	loc := shanghai(t)
	for _, tc := range []struct {
		line              string
		names             []string
		source            string
		when              string // wall clock in Shanghai
		section           string
		agencies          []string
		wantNoSectionWarn bool
	}{
		{line: "By Matthew Walsh / Oct 21, 2020 11:17 AM / Politics & Law", names: []string{"Matthew Walsh"}, when: "2020-10-21 11:17", section: "Politics & Law"},
		{line: "Ding Yi / Dec 02, 2019 12:46 PM / Politics & Law", names: []string{"Ding Yi"}, when: "2019-12-02 12:46", section: "Politics & Law"},
		{line: "/ Apr 17, 2020 10:41 AM / Politics & Law", when: "2020-04-17 10:41", section: "Politics & Law"},
		{line: "By Bloomberg / Dec 30, 2019 03:13 PM / Politics & Law", source: "Bloomberg", when: "2019-12-30 15:13", section: "Politics & Law"},
		{line: "By Liu Denghui, Di Ning, Tang Hanyu, Wang Yiran and Han Wei / Sep 21, 2020 02:35 PM / Politics & Law",
			names: []string{"Liu Denghui", "Di Ning", "Tang Hanyu", "Wang Yiran", "Han Wei"}, when: "2020-09-21 14:35", section: "Politics & Law"},
		// Variants the fixture lacks.
		{line: "By Chen Jing, Zhou Min, and Liu Yang / Mar 4, 2021 3:05 PM / Economy", names: []string{"Chen Jing", "Zhou Min", "Liu Yang"}, when: "2021-03-04 15:05", section: "Economy"},
		{line: "by 王小明、李华 / 2021年3月5日 09:30 / 经济", names: []string{"王小明", "李华"}, when: "2021-03-05 09:30", section: "经济"},
		{line: "王小明 and Reuters / Sept. 3, 2021 9:05 p.m. / World", names: []string{"王小明"}, source: "Reuters", when: "2021-09-03 21:05", section: "World"},
		{line: "By Lena Park & Tom Ng / 2022-01-15 08:00 / Tech", names: []string{"Lena Park", "Tom Ng"}, when: "2022-01-15 08:00", section: "Tech"},
		{line: "By Desk Wire / Jan 2, 2022 7:00 am / Tech", names: nil, source: "Desk Wire", when: "2022-01-02 07:00", section: "Tech", agencies: []string{"desk wire"}},
		{line: "By Ann Lee / October 1, 2021 10:00 AM", names: []string{"Ann Lee"}, when: "2021-10-01 10:00", wantNoSectionWarn: true},
		{line: "By / Feb 1, 2021 11:00 AM / Opinion", when: "2021-02-01 11:00", section: "Opinion"},
	} {
		t.Run(tc.line, func(t *testing.T) {
			if k := classify(tc.line); k != kindByline {
				t.Fatalf("classified as %d, want a byline line", k)
			}
			page, err := ParsePage("p.txt", tc.line+"\n\nThe story begins here.\n", PageOptions{Location: loc, Agencies: tc.agencies})
			if err != nil {
				t.Fatal(err)
			}
			it := page.Items[0]
			if !slices.Equal(it.Byline, tc.names) || it.Source != tc.source {
				t.Errorf("byline %q source %q, want %q %q", it.Byline, it.Source, tc.names, tc.source)
			}
			if got := it.Time.In(loc).Format("2006-01-02 15:04"); got != tc.when || it.Time.Location() != loc {
				t.Errorf("time %s (%v), want %s in Asia/Shanghai", got, it.Time.Location(), tc.when)
			}
			if it.Section != tc.section {
				t.Errorf("section %q, want %q", it.Section, tc.section)
			}
			warned := slices.ContainsFunc(page.Warnings, func(w Warning) bool { return strings.Contains(w.Message, "no section") && w.Line == 1 })
			if warned != tc.wantNoSectionWarn {
				t.Errorf("no-section warning %v, want %v: %v", warned, tc.wantNoSectionWarn, page.Warnings)
			}
		})
	}
}

func TestPortalTimeInZone(t *testing.T) {
	ny, err := app.LoadZone("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	got, err := parsePortalTime("Oct 21, 2020 11:17 AM", ny)
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2020, 10, 21, 15, 17, 0, 0, time.UTC)
	if !got.Equal(want) {
		t.Errorf("11:17 AM in New York = %s, want %s", got.UTC(), want)
	}
	noon, _ := parsePortalTime("Oct 21, 2020 12:05 PM", ny)
	midnight, _ := parsePortalTime("Oct 21, 2020 12:05 AM", ny)
	if noon.Hour() != 12 || midnight.Hour() != 0 {
		t.Errorf("12:05 PM -> %d h, 12:05 AM -> %d h", noon.Hour(), midnight.Hour())
	}
}

func TestImpossibleDates(t *testing.T) {
	loc := shanghai(t)
	for _, tc := range []struct{ line, msg string }{
		{"By A / Feb 30, 2020 10:00 AM / X", "day out of range"},
		{"By A / Feb 29, 2019 10:00 AM / X", "day out of range"},
		{"By A / Oct 21, 2020 13:17 PM / X", "Oct 21, 2020 13:17 PM"},
		{"By A / Oct 21, 2020 11:75 AM / X", "minute out of range"},
		{"By A / Foo 21, 2020 11:15 AM / X", "Foo 21, 2020"},
		{"By A / Jan 21, 1066 11:15 AM / X", "out of range (1900-2200)"},
		{"By A / 2021年13月5日 09:30 / X", "month out of range"},
	} {
		page := "Home >\n\nBy B / Jan 01, 2020 10:00 AM / X\n\nFirst story.\n\n" + tc.line + "\n\nSecond story.\n"
		_, err := ParsePage("bad.txt", page, PageOptions{Location: loc})
		if err == nil || !strings.Contains(err.Error(), "bad.txt line 7") || !strings.Contains(err.Error(), tc.msg) || app.ErrorCode(err) != app.EINVALID {
			t.Errorf("%s: error %v, want one naming bad.txt line 7 and %q", tc.line, err, tc.msg)
		}
	}
}

func TestPhotoLines(t *testing.T) {
	for _, tc := range []struct {
		line             string
		caption, credit  string
		isPhoto, isEmpty bool
	}{
		{line: "Photo: VCG", credit: "VCG", isPhoto: true},
		{line: "Photo: IC", credit: "IC", isPhoto: true},
		{line: "People attend a ceremony in Beijing on Oct. 1. Photo: VCG", caption: "People attend a ceremony in Beijing on Oct. 1.", credit: "VCG", isPhoto: true},
		{line: "Photo:", isPhoto: true, isEmpty: true},
		{line: "Photos: Xinhua/Li He", credit: "Xinhua/Li He", isPhoto: true},
		{line: "photo: Bloomberg via Getty Images", credit: "Bloomberg via Getty Images", isPhoto: true},
		{line: "工人在工地作业。Photo：视觉中国", caption: "工人在工地作业。", credit: "视觉中国", isPhoto: true},
		{line: "图片来源：视觉中国", credit: "视觉中国", isPhoto: true},
		{line: "A flooded street in Zhengzhou. 图：新华社", caption: "A flooded street in Zhengzhou.", credit: "新华社", isPhoto: true},
		{line: "Photo by Li Wei", credit: "Li Wei", isPhoto: true},
		{line: "A caption whose credit was lost Photo:", caption: "A caption whose credit was lost", isPhoto: true},
		// Not photo lines.
		{line: "The telephoto: lens was banned at the venue, officials said."},
		{line: "A rule on the photo: it must show the face. Officials said it would take effect next week and apply to all."},
		{line: "Photographers were kept away from the court."},
	} {
		caption, credit, ok := photoParts(tc.line)
		if ok != tc.isPhoto || caption != tc.caption || credit != tc.credit {
			t.Errorf("%q: photo %v caption %q credit %q; want %v %q %q", tc.line, ok, caption, credit, tc.isPhoto, tc.caption, tc.credit)
		}
		if tc.isPhoto && classify(tc.line) != kindPhoto {
			t.Errorf("%q classified as %d, want a photo line", tc.line, classify(tc.line))
		}
	}
}

func TestContactLines(t *testing.T) {
	type c = app.Contact
	rep, ed, other := app.RoleReporter, app.RoleEditor, app.RoleOther
	for _, tc := range []struct {
		line  string
		want  []c
		notes int
	}{
		{"Contact reporter Matthew Walsh (", []c{{Role: rep, Name: "Matthew Walsh"}}, 0},
		{"Contact editor Marcus Ryder (", []c{{Role: ed, Name: "Marcus Ryder"}}, 0},
		{"Contact reporter Han Wei ( and editor Bob Simison (", []c{{Role: rep, Name: "Han Wei"}, {Role: ed, Name: "Bob Simison"}}, 0},
		{"Contact reporter Timmy Shen (, Twitter: @timmyhmshen)", []c{{Role: rep, Name: "Timmy Shen", Twitter: "@timmyhmshen"}}, 0},
		{"Contact Reporter Ma Lin (ma.lin@example.com)", []c{{Role: rep, Name: "Ma Lin", Email: "ma.lin@example.com"}}, 0},
		{"Contact reporter Lena Park (lena@example.com) and editor 周明 (zhou@example.com, Twitter: @zhouming)",
			[]c{{Role: rep, Name: "Lena Park", Email: "lena@example.com"}, {Role: ed, Name: "周明", Email: "zhou@example.com", Twitter: "@zhouming"}}, 0},
		{"Contact reporters Chen Jing and Zhou Min (", []c{{Role: rep, Name: "Chen Jing"}, {Role: rep, Name: "Zhou Min"}}, 0},
		{"Contact editor Liu Yang (liu.yang@example.com, Twitter: @liuyang_ed, Tel: +86 10 8500 1234)",
			[]c{{Role: ed, Name: "Liu Yang", Email: "liu.yang@example.com", Twitter: "@liuyang_ed", Phone: "+86 10 8500 1234"}}, 0},
		{"Contact: Ann Lee (ann@example.com)", []c{{Role: other, Name: "Ann Lee", Email: "ann@example.com"}}, 0},
		{"Contact reporter Bo Li (https://twitter.com/boli_news)", []c{{Role: rep, Name: "Bo Li", Twitter: "@boli_news"}}, 0},
		{"Contact reporter Bo Li (mailto:bo@example.com)", []c{{Role: rep, Name: "Bo Li", Email: "bo@example.com"}}, 0},
		{"联系记者：王小明（wang.xiaoming@example.com）、李华（Twitter: @lihua_news）",
			[]c{{Role: rep, Name: "王小明", Email: "wang.xiaoming@example.com"}, {Role: rep, Name: "李华", Twitter: "@lihua_news"}}, 0},
		{"责任编辑：周敏", []c{{Role: ed, Name: "周敏"}}, 0},
		{"责任编辑 | 周敏", []c{{Role: ed, Name: "周敏"}}, 0},
		// Broken details are left out with a note; a nameless contact too.
		{"Contact reporter Bo Li (not-an-address@, Twitter: @this_handle_is_far_too_long)", []c{{Role: rep, Name: "Bo Li"}}, 2},
		{"Contact reporter (", nil, 1},
	} {
		if classify(tc.line) != kindContact {
			t.Errorf("%q is not classified as a contact line", tc.line)
			continue
		}
		got := parseContactLine(tc.line)
		if !slices.Equal(got.Contacts, tc.want) || len(got.Notes) != tc.notes {
			t.Errorf("%q:\n got %+v notes %q\nwant %+v with %d notes", tc.line, got.Contacts, got.Notes, tc.want, tc.notes)
		}
	}
	for _, body := range []string{
		"Contact tracing apps have been rolled out in 20 provinces (link in Chinese).",
		"Contacts between the two sides resumed in May.",
		"记者从财政部获悉，新规将于下月施行。",
	} {
		if k := classify(body); k == kindContact {
			t.Errorf("body sentence %q taken for a contact line", body)
		}
	}
}

func TestReadMoreLines(t *testing.T) {
	for _, tc := range []struct{ line, headline string }{
		{"Read the full story here", ""},
		{"Read full story here", ""},
		{"Click here to read the full story on Caixin Global.", ""},
		{"Read the full story on Caixin Global later today.", ""},
		{"Read full story on Caixin Global later today.", ""},
		{"To read the full article, click here.", ""},
		{"Read the full opinion piece by Xu Chenggang here", ""},
		{"Read full story: Shenzhen Port Opens a Night Shift", "Shenzhen Port Opens a Night Shift"},
		{"Read the full story: 深圳港开通夜班", "深圳港开通夜班"},
		{"Read more: Ports Brace for a Busy Spring", "Ports Brace for a Busy Spring"},
		{"Continue reading", ""},
		{"For the full story, see our partner site.", ""},
		{"阅读全文", ""},
		{"点击查看原文", ""},
	} {
		h, ok := readMoreParts(tc.line)
		if !ok || h != tc.headline || classify(tc.line) != kindReadMore {
			t.Errorf("%q: read-more %v headline %q (kind %d), want headline %q", tc.line, ok, h, classify(tc.line), tc.headline)
		}
	}
	for _, body := range []string{
		"Critics who read the full story of the law say it is vague.",
		"Readers wrote in to complain about the full fare rise.",
		"See you in court, the lawyer told the reporters.",
		"Read my lips.",
		"Reading the full text of the ruling takes an hour, lawyers said, and few officials have done so since it was published.",
	} {
		if _, ok := readMoreParts(body); ok {
			t.Errorf("body sentence %q taken for a read-more line", body)
		}
	}
}

func TestRelatedLines(t *testing.T) {
	for _, tc := range []struct{ line, headline string }{
		{"Related: Central Bank Imposes Another Record Penalty", "Central Bank Imposes Another Record Penalty"},
		{"Related: Update: Executive Accused of Taking Bribes", "Update: Executive Accused of Taking Bribes"},
		{"Related stories: Ports Brace for a Busy Spring", "Ports Brace for a Busy Spring"},
		{"Also read: A Second Story", "A Second Story"},
		{"相关报道：央行：保持流动性合理充裕", "央行：保持流动性合理充裕"},
		{"延伸阅读: 港口迎来春季高峰", "港口迎来春季高峰"},
		{"Related:", ""},
	} {
		h, ok := relatedHeadline(tc.line)
		if !ok || h != tc.headline || classify(tc.line) != kindRelated {
			t.Errorf("%q: related %v %q, want %q", tc.line, ok, h, tc.headline)
		}
	}
	if _, ok := relatedHeadline("Related parties must disclose their holdings."); ok {
		t.Error("a body sentence starting with Related taken for a related line")
	}
}

func TestChromeLines(t *testing.T) {
	for _, l := range []string{"Share this article", "Open WeChat and scan the QR code", "Home >", "Home > Politics & Law",
		"首页 > 经济", "Advertisement", "© 2021 Caixin Global Limited. All Rights Reserved.", "Back to top", "分享到", "Load More"} {
		if classify(l) != kindChrome {
			t.Errorf("%q is not page chrome", l)
		}
	}
	for _, l := range []string{"Shares in Tencent fell 3% on Monday.", "Home prices rose for a third month > expected."} {
		if classify(l) == kindChrome {
			t.Errorf("%q taken for page chrome", l)
		}
	}
}

func TestHeadings(t *testing.T) {
	p := func(s string) Block { return Block{Text: s} }
	long := "The updated law at its core features the national implementation of a pilot program."
	blocks := []Block{
		p(long), p("New players"), p(long),
		p("What changes for exporters?"), p(long),
		p("政策背景"), p(long),
		p("Alibaba Group"), p("Tencent"), p(long), // a list of names is not two headings
		p("the lower-case start of a fragment"), p(long),
		p("A sentence that ends with a period."), p(long),
		p("Fifth, the very last short line"),
	}
	markHeadings(blocks)
	var got []string
	for _, b := range blocks {
		if b.Heading {
			got = append(got, b.Text)
		}
	}
	want := []string{"New players", "What changes for exporters?", "政策背景"}
	if !slices.Equal(got, want) {
		t.Errorf("headings %q, want %q", got, want)
	}
	item := &PageItem{Blocks: []Block{p(long), {Text: "New players", Heading: true}, p("#MeToo spread to China in 2018."), p(long)}}
	if md := item.Markdown(); md != long+"\n\n## New players\n\n\\#MeToo spread to China in 2018.\n\n"+long {
		t.Errorf("markdown:\n%s", md)
	}
}

func TestWorkingHeadline(t *testing.T) {
	for _, tc := range []struct{ first, want string }{
		{"Shanghai is ramping up efforts to enhance its tech sector.", "Shanghai is ramping up efforts to enhance its tech sector"},
		{"The U.S. bill passed on Aug. 26. It was signed later.", "The U.S. bill passed on Aug. 26"},
		{"(Bloomberg) — Guidelines kicked in on Sunday. More follows.", "Guidelines kicked in on Sunday"},
		{"In recent years, China’s wholehearted embrace of facial recognition has led to the technology being deployed everywhere.",
			"In recent years, China’s wholehearted embrace of facial recognition has led to the…"},
		{"国家网信办周二发布新规，要求大型平台每年提交一次数据安全报告。新规自下月起施行。", "国家网信办周二发布新规，要求大型平台每年提交一次数据安全报告"},
		{"住房和城乡建设部周四表示城市更新试点将从十个城市扩大到二十个城市首批名单将在下月公布并同步征求公众意见这是第三批试点", "住房和城乡建设部周四表示城市更新试点将从十个城市扩大到二十个城市首批名单将在下月…"},
		{"“We converted the fleet,” said Mr. Peng. Then he left.", "“We converted the fleet,” said Mr. Peng"},
	} {
		got := workingHeadline(tc.first)
		if got != tc.want {
			t.Errorf("workingHeadline(%q)\n got %q\nwant %q", tc.first, got, tc.want)
		}
		if n := len([]rune(got)); n > workingHeadlineRunes+1 {
			t.Errorf("%q is %d characters", got, n)
		}
	}
}

func TestDatelineAgency(t *testing.T) {
	for _, tc := range []struct{ text, agency string }{
		{"(Bloomberg) — With autonomous-vehicle companies parked", "Bloomberg"},
		{"BEIJING (Reuters) - China’s commerce ministry said", "Reuters"},
		{"（新华社）— 国务院常务会议周三召开", "新华社"},
		{"(Dow Jones) -- Shares rose", "Dow Jones"},
		{"The ministry (MIIT) said on Monday it would act.", ""},
		{"(link in Chinese) — a note", ""},
	} {
		if got := datelineAgency(tc.text); got != tc.agency {
			t.Errorf("datelineAgency(%q) = %q, want %q", tc.text, got, tc.agency)
		}
	}
}
