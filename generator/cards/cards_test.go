package cards

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/hunan-industry/plan-site/generator/socialfont"
)

func layout(t *testing.T) *Layout {
	t.Helper()
	f, err := socialfont.Load(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return New(f)
}

func testChart(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "chart.svg"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var textRE = regexp.MustCompile(`<text [^>]*font-size="([0-9.]+)"[^>]*>([^<]*)</text>`)

// lines are the texts of an SVG, one a line, for a readable failure.
func lines(svg []byte) string {
	var out []string
	for _, m := range textRE.FindAllSubmatch(svg, -1) {
		out = append(out, string(m[1])+"px "+string(m[2]))
	}
	return strings.Join(out, " | ")
}

// drawn is one line of a card's own text, as the SVG places it.
type drawn struct {
	x, y, size float64
	weight     int
	fill, s    string
}

// The card's lines; the nested chart's label (font-size="12px") is not one.
var drawnRE = regexp.MustCompile(`<text x="([0-9.]+)" y="([0-9.]+)" font-size="([0-9.]+)" font-weight="([0-9]+)" fill="([^"]+)">([^<]*)</text>`)

func drawnLines(svg []byte) []drawn {
	var out []drawn
	for _, m := range drawnRE.FindAllStringSubmatch(string(svg), -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		y, _ := strconv.ParseFloat(m[2], 64)
		size, _ := strconv.ParseFloat(m[3], 64)
		w, _ := strconv.Atoi(m[4])
		out = append(out, drawn{x, y, size, w, m[5], html.UnescapeString(m[6])})
	}
	return out
}

// readsAs tells whether lines, joined, read as the text: a break may
// stand for a space (English) or for nothing (Chinese).
func readsAs(lines []string, text string) bool {
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	return len(lines) > 0 && squeeze(strings.Join(lines, "")) == squeeze(text)
}

// TestSocialCards: a social card draws its title, subtitle, footer and
// credit in that order down the text column, each line inside the column
// (the document number, kept whole, aside), none over another, all of
// them reading back as the card's texts, and the chart in the right
// column. The titles' line breaks are pinned: where a Chinese or English
// title breaks, as the font measures it, is the point of the layout.
func TestSocialCards(t *testing.T) {
	l := layout(t)
	cases := []struct {
		name  string
		card  Card
		title []string // the title's lines
		size  float64  // the title's size
	}{
		{"zh", Card{
			Lang: "zh", Edition: "湖南现代化产业体系方案（非官方中英文版）", Title: "产业布局表：16个产业 × 14个市州",
			Subtitle: "附件1对每个产业在每个市州的布局评级：★★★为核心产业，★★为重点产业，空白为未布局。",
			Footer:   []string{"据《湖南省现代化产业体系建设实施方案》（湘政办发〔2023〕54号）"},
			Credit:   "plan.test",
			Keep:     []string{"湘政办发〔2023〕54号"},
		}, []string{"产业布局表：", "16个产业 ×", "14个市州"}, 64},
		{"zh long", Card{
			Lang: "zh", Edition: "湖南现代化产业体系方案（非官方中英文版）", Title: "湘西土家族苗族自治州在湖南的位置（“一核引领、两翼支撑、多点协同”）",
			Subtitle: "湘西土家族苗族自治州 · 多点协同",
			Footer:   []string{"湖南省现代化产业体系建设实施方案", "湘政办发〔2023〕54号"},
			Credit:   "湖南现代化产业体系 · plan.test",
		}, []string{"湘西土家族苗族自治", "州在湖南的位置", "（“一核引领、两翼", "支撑、多点协同”）"}, 46},
		{"en", Card{
			Lang: "en", Edition: "Hunan Industrial Plan (unofficial bilingual edition)", Title: "Xiangxi Tujia and Miao Autonomous Prefecture",
			Subtitle: "Xiangxi Tujia and Miao Autonomous Prefecture · Multiple points coordinating",
			Footer:   []string{"Based on the Hunan Province Modern Industrial System Construction Implementation Plan (Xiang Zheng Ban Fa [2023] No. 54)"},
			Credit:   "plan.test",
			Keep:     []string{"Xiang Zheng Ban Fa [2023] No. 54"},
		}, []string{"Xiangxi Tujia and", "Miao Autonomous", "Prefecture"}, 52},
	}
	reg, bold := l.font.Regular(), l.font.Bold()
	for _, c := range cases {
		c.card.Chart = testChart(t)
		svg, err := l.Social(c.card)
		if err != nil {
			t.Fatal(c.name, err)
		}
		lines := drawnLines(svg)
		var band, title, sub, foot, credit []string
		role := -1 // -1 the band, 0 title, 1 subtitle, 2 footer, 3 credit: in this order only
		for i, d := range lines {
			var r int
			switch {
			case d.fill == "#ffffff":
				band, r = append(band, d.s), -1
				// The edition's name: bold, in type as large as a title's
				// smaller sizes, and inside the band.
				if d.weight != 700 || d.size < 26 || d.y > bandH || d.y-d.size*0.88 < 0 {
					t.Errorf("%s: the edition's name %+v is not bold, large and inside the band (%v px high)", c.name, d, bandH)
				}
				if w := px(bold, d.size)(d.s); w > bandWidth+0.01 {
					t.Errorf("%s: the edition's name is %.1f px wide, the band's text %v", c.name, w, bandWidth)
				}
			case d.weight == 700 && d.size > footSize:
				title, r = append(title, d.s), 0
				if d.size != c.size {
					t.Errorf("%s: title line %q at %v px, want %v", c.name, d.s, d.size, c.size)
				}
			case d.size == subSize && d.weight == 400:
				sub, r = append(sub, d.s), 1
			case d.size == footSize && d.weight == 400:
				foot, r = append(foot, d.s), 2
			case d.size == footSize && d.weight == 700:
				credit, r = append(credit, d.s), 3
			default:
				t.Errorf("%s: a line of no role: %+v", c.name, d)
			}
			if r < role {
				t.Errorf("%s: %q comes after a line it should stand above", c.name, d.s)
			}
			role = r
			if r >= 0 && d.y-d.size*0.88 < bandH {
				t.Errorf("%s: %q (baseline %v) reaches into the band (%v px high)", c.name, d.s, d.y, bandH)
			}
			if d.x != pad {
				t.Errorf("%s: %q starts at x=%v, not in the text column (x=%v)", c.name, d.s, d.x, pad)
			}
			face := reg
			if d.weight == 700 {
				face = bold
			}
			if w := px(face, d.size)(d.s); r >= 0 && w > leftWidth+0.01 && !slices.ContainsFunc(c.card.Keep, func(k string) bool { return strings.Contains(d.s, k) }) {
				t.Errorf("%s: %q is %.1f px wide, the column %v", c.name, d.s, w, leftWidth)
			}
			if i > 0 && d.y-lines[i-1].y < d.size {
				t.Errorf("%s: %q (baseline %v) overlaps or stands above the line before it (baseline %v)", c.name, d.s, d.y, lines[i-1].y)
			}
			if d.y > SocialHeight-bottom+footSize {
				t.Errorf("%s: %q at y=%v falls off the card's bottom margin", c.name, d.s, d.y)
			}
		}
		if !slices.Equal(band, []string{c.card.Edition}) {
			t.Errorf("%s: the band reads %q, want the edition's name %q on one line", c.name, band, c.card.Edition)
		}
		if !slices.Equal(title, c.title) {
			t.Errorf("%s: the title breaks as %q, want %q", c.name, title, c.title)
		}
		if !readsAs(sub, c.card.Subtitle) || !readsAs(foot, strings.Join(c.card.Footer, "")) || !readsAs(credit, c.card.Credit) {
			t.Errorf("%s: the lines do not read back as the card:\nsubtitle %q\nfooter %q\ncredit %q", c.name, sub, foot, credit)
		}
		for _, k := range c.card.Keep {
			if !slices.ContainsFunc(foot, func(s string) bool { return strings.Contains(s, k) }) {
				t.Errorf("%s: %q is broken across lines: %q", c.name, k, foot)
			}
		}
		if !bytes.Contains(svg, []byte(fmt.Sprintf(`<svg x="%v" y="%v" width="%v"`, chartX, chartY, chartW))) {
			t.Errorf("%s: the chart is not nested in the right column at (%v, %v), %v wide", c.name, chartX, chartY, chartW)
		}
	}
}

// TestDownloads: a chart's download is the chart at its own size with the
// credit lines under it, bold, then the notes; every line inside the
// margins, reading back as the credit and notes; the picture as high as
// its last line needs, and the chart's accessible name kept.
func TestDownloads(t *testing.T) {
	l := layout(t)
	for _, c := range []struct {
		name  string
		d     Download
		lines int
	}{
		{"zh", Download{Lang: "zh", Credit: []string{"制图：湖南现代化产业体系", "plan.test", "2026年12月1日"}}, 2},
		{"en", Download{Lang: "en", Credit: []string{"Chart: Hunan Modern Industrial System", "plan.test", "1 December 2026"},
			Notes: []string{"The English is an unofficial translation; the Chinese text is authoritative."}}, 4},
	} {
		c.d.Chart = testChart(t)
		svg, w, h, err := l.Download(c.d)
		if err != nil {
			t.Fatal(err)
		}
		if w != 400 || !bytes.Contains(svg, []byte(fmt.Sprintf(`width="%d" height="%d" viewBox="0 0 %d %d"`, w, h, w, h))) {
			t.Errorf("%s: %d × %d, want the chart's width (400) and the SVG to say the size it returns", c.name, w, h)
		}
		if !bytes.Contains(svg, []byte(`aria-label="A test chart &amp; its label"`)) {
			t.Errorf("%s: the chart's accessible name is lost", c.name)
		}
		lines := drawnLines(svg)
		if len(lines) != c.lines {
			t.Errorf("%s: %d lines, want %d", c.name, len(lines), c.lines)
		}
		var credit, notes []string
		prev := 300.0 // the chart's height
		for _, d := range lines {
			face := l.font.Regular()
			switch {
			case d.size == dlSize && d.weight == 700 && len(notes) == 0:
				credit, face = append(credit, d.s), l.font.Bold()
			case d.size == dlNoteSize && d.weight == 400:
				notes = append(notes, d.s)
			default:
				t.Errorf("%s: %+v is neither a credit line (above) nor a note", c.name, d)
			}
			if wd := px(face, d.size)(d.s); d.x != dlPad || wd > float64(w)-2*dlPad {
				t.Errorf("%s: %q at x=%v is %.1f px wide: outside the %v px margins", c.name, d.s, d.x, wd, dlPad)
			}
			if d.y-prev < d.size {
				t.Errorf("%s: %q (baseline %v) overlaps what is above it (%v)", c.name, d.s, d.y, prev)
			}
			prev = d.y
		}
		// The parts run on, joined by " · ", and a line may break between two.
		if !readsAs([]string{strings.ReplaceAll(strings.Join(credit, ""), "·", "")}, strings.Join(c.d.Credit, "")) {
			t.Errorf("%s: the credit lines %q do not read as %q", c.name, credit, c.d.Credit)
		}
		if len(c.d.Notes) > 0 && !readsAs(notes, strings.Join(c.d.Notes, "")) {
			t.Errorf("%s: the notes %q do not read as %q", c.name, notes, c.d.Notes)
		}
		if float64(h) < prev || float64(h)-prev > 2*dlSize {
			t.Errorf("%s: %d px high for a last baseline at %v: the picture cuts it or leaves a gap", c.name, h, prev)
		}
	}
}

// TestBreaks: whatever the measure, no line starts with closing
// punctuation or ends with opening punctuation, a number keeps its measure
// word, and a line is never wider than the measure unless the rules keep
// it whole.
func TestBreaks(t *testing.T) {
	l := layout(t)
	m := px(l.font.Regular(), 27)
	texts := []string{
		"附件1对每个产业在每个市州的布局评级：★★★为核心产业，★★为重点产业，空白为未布局。",
		"湘西土家族苗族自治州在湖南的位置（“一核引领、两翼支撑、多点协同”），属《实施方案》所列「多点协同」。",
		"到2027年，全省现代化产业体系建设取得重要进展（力争超过4100亿元）！",
	}
	for _, s := range texts {
		for width := 60.0; width < 520; width += 7 {
			for _, line := range wrap(s, m, width).lines {
				r := []rune(line)
				if noStart[r[0]] {
					t.Errorf("width %v: a line starts with %q: %s", width, r[0], line)
				}
				if len(r) > 1 && noEnd[r[len(r)-1]] {
					t.Errorf("width %v: a line ends with %q: %s", width, r[len(r)-1], line)
				}
				if m(line) > width+0.01 {
					// Only a piece that the rules keep whole may overflow.
					for i := 1; i < len(r); i++ {
						if mayBreak(r[i-1], r[i]) && (wide(r[i-1]) || wide(r[i])) {
							t.Errorf("width %v: line too wide (%.1f): %s", width, m(line), line)
							break
						}
					}
				}
			}
			ls := wrap(s, m, width).lines
			for i := 1; i < len(ls); i++ {
				before := []rune(ls[i-1])
				if unicode.IsDigit(before[len(before)-1]) && wide([]rune(ls[i])[0]) {
					t.Errorf("width %v: a measure word is cut from its number: %q", width, ls[i-1:i+1])
				}
			}
		}
	}
	parts := func(s string) []string {
		var out []string
		for _, a := range atoms(s) {
			if !a.space {
				out = append(out, a.s)
			}
		}
		return out
	}
	got := strings.Join(parts("产业布局表：16个产业 × 14个市州"), "|")
	for _, want := range []string{"表：", "16个", "14个"} {
		if !strings.Contains("|"+got+"|", "|"+want+"|") {
			t.Errorf("atoms %s: want %q as one piece", got, want)
		}
	}
	if got := parts("湘政办发〔2023〕54号"); got[len(got)-1] != "〔2023〕54号" {
		t.Errorf("atoms %q: want 〔2023〕54号 as one piece", got)
	}
	if got := strings.Join(parts("Light industry  and\ntextiles · Prefecture"), "|"); got != "Light|industry|and|textiles ·|Prefecture" {
		t.Errorf("atoms = %s", got)
	}
}

// TestKeepWhole: a document number is never broken, at any measure, and
// the lines read back as the text.
func TestKeepWhole(t *testing.T) {
	l := layout(t)
	m := px(l.font.Regular(), 20)
	for _, c := range []struct{ text, keep string }{
		{"据《湖南省现代化产业体系建设实施方案》（湘政办发〔2023〕54号）", "湘政办发〔2023〕54号"},
		{"Based on the Hunan Province Modern Industrial System Construction Implementation Plan (Xiang Zheng Ban Fa [2023] No. 54)", "Xiang Zheng Ban Fa [2023] No. 54"},
	} {
		// From just wider than the longest word (Implementation, 150 px).
		for width := 159.0; width < 700; width += 13 {
			got := wrapKeep(c.text, []string{c.keep}, m, width).lines
			joined := strings.Join(got, "\n")
			if !strings.Contains(joined, c.keep) {
				t.Errorf("width %v: %q broken: %q", width, c.keep, got)
			}
			if strings.ReplaceAll(strings.ReplaceAll(joined, "\n", " "), "  ", " ") != c.text && strings.ReplaceAll(joined, "\n", "") != c.text {
				t.Errorf("width %v: the lines %q do not read back as the text", width, got)
			}
		}
		if got := wrap(c.text, m, 200).lines; strings.Contains(strings.Join(got, "\n"), c.keep) {
			t.Errorf("without keep the number fits whole at 200 px (%q): the test proves nothing", got)
		}
	}
}

// A title takes the largest size that fits in three lines (four when
// small), with even lines; one too long for any size is shortened.
func TestTitleSizes(t *testing.T) {
	l := layout(t)
	if size, _ := l.title("工程机械"); size != 64 {
		t.Errorf("a short title at %v px, want 64", size)
	}
	size, ls := l.title("Xiangxi Tujia and Miao Autonomous Prefecture in Hunan")
	if len(ls) > 3 || size >= 64 {
		t.Errorf("long English title: %v px, %q", size, ls)
	}
	size, ls = l.title("Hunan Province Modern Industrial System Construction Implementation Plan")
	if len(ls) != 4 || size <= 34 || strings.HasSuffix(ls[len(ls)-1], "…") {
		t.Errorf("the plan's English title: %v px, %q; want four whole lines", size, ls)
	}
	_, ls = l.title("产业布局表：16个产业 × 14个市州")
	for _, s := range ls {
		if len([]rune(s)) < 2 {
			t.Errorf("a lone character on a line: %q", ls)
		}
	}
	_, ls = l.title(strings.Repeat("很长的标题", 40))
	if len(ls) > 4 || !strings.HasSuffix(ls[len(ls)-1], "…") {
		t.Errorf("a title too long for any size: %q, want four lines ending with …", ls)
	}
}

func TestEscapesAndRejects(t *testing.T) {
	l := layout(t)
	svg, err := l.Social(Card{Lang: "zh", Edition: "本站", Title: `<script>&"`, Subtitle: "a < b", Credit: "x", Chart: testChart(t)})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(svg, []byte("<script")) || !bytes.Contains(svg, []byte("&lt;script&gt;&amp;&quot;")) {
		t.Errorf("texts are not escaped: %s", lines(svg))
	}
	if !regexp.MustCompile(`<svg x="\d+" y="\d+" width="\d+" height="\d+" viewBox="0 0 400 300" preserveAspectRatio="xMidYMid meet"><rect`).Match(svg) {
		t.Error("the chart is not nested whole")
	}
	for _, bad := range []string{"", "<div></div>", "<svg/>", `<svg width="0"></svg>`} {
		if _, err := l.Social(Card{Lang: "zh", Edition: "本站", Title: "t", Chart: []byte(bad)}); err == nil {
			t.Errorf("chart %q accepted", bad)
		}
	}
	if _, err := l.Social(Card{Lang: "zh", Edition: "本站", Title: " ", Chart: testChart(t)}); err == nil {
		t.Error("a card without a title accepted")
	}
	if _, err := l.Social(Card{Lang: "zh", Title: "t", Chart: testChart(t)}); err == nil {
		t.Error("a card without the edition's name accepted")
	}
	if _, err := l.Social(Card{Lang: "en", Edition: strings.Repeat("An unofficial edition ", 8), Title: "t", Chart: testChart(t)}); err == nil {
		t.Error("an edition's name too long for the band accepted")
	}
	if _, _, _, err := l.Download(Download{Lang: "zh", Chart: testChart(t)}); err == nil {
		t.Error("a download without a credit line accepted")
	}
}

// TestNestedChartKeepsItsFont: the chart's labels inherit their font and
// alignment from its root <svg> (render-charts.mjs says them once there),
// so the chart nested in a download keeps them on its own <svg>.
func TestNestedChartKeepsItsFont(t *testing.T) {
	l := layout(t)
	root := ` font-family="system-ui, 'PingFang SC', sans-serif" font-size="12px" text-anchor="middle" dominant-baseline="central"`
	chart := bytes.Replace(testChart(t), []byte("<svg"), []byte("<svg"+root), 1)
	svg, _, _, err := l.Download(Download{Lang: "zh", Credit: []string{"制图"}, Chart: chart})
	if err != nil {
		t.Fatal(err)
	}
	nested := regexp.MustCompile(`<svg x="[^>]*>`).Find(svg)
	for _, a := range regexp.MustCompile(` [a-z-]+="[^"]*"`).FindAllString(root, -1) {
		if !bytes.Contains(nested, []byte(a)) {
			t.Errorf("the download's nested chart lost%s of the chart's root: %s", a, nested)
		}
	}
}
