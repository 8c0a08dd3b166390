package cards

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/hunan-industry/plan-site/generator/socialfont"
)

var update = flag.Bool("update", false, "rewrite the golden SVGs in testdata/golden")

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

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./generator/cards/ -update and review the diff)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run with -update and review the diff):\ngot  %s\nwant %s", name, lines(got), lines(want))
	}
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

// The golden cards pin the line breaking of Chinese and English titles,
// subtitles and footers as the font measures them.
func TestSocialGolden(t *testing.T) {
	l := layout(t)
	cases := map[string]Card{
		"social-zh.svg": {
			Lang: "zh", Title: "产业布局表：16个产业 × 14个市州",
			Subtitle: "附件1对每个产业在每个市州的布局评级：★★★为核心产业，★★为重点产业，空白为未布局。",
			Footer:   []string{"湖南现代化产业体系方案（非官方中英文版）", "据《湖南省现代化产业体系建设实施方案》（湘政办发〔2023〕54号）"},
			Credit:   "plan.test",
			Keep:     []string{"湘政办发〔2023〕54号"},
		},
		"social-zh-long.svg": {
			Lang: "zh", Title: "湘西土家族苗族自治州在湖南的位置（“一核引领、两翼支撑、多点协同”）",
			Subtitle: "湘西土家族苗族自治州 · 多点协同",
			Footer:   []string{"湖南省现代化产业体系建设实施方案", "湘政办发〔2023〕54号"},
			Credit:   "湖南现代化产业体系 · plan.test",
		},
		"social-en.svg": {
			Lang: "en", Title: "Xiangxi Tujia and Miao Autonomous Prefecture",
			Subtitle: "Xiangxi Tujia and Miao Autonomous Prefecture · Multiple points coordinating",
			Footer:   []string{"Hunan Industrial Plan (unofficial bilingual edition)", "Based on the Hunan Province Plan for Building a Modern Industrial System (Xiang Zheng Ban Fa [2023] No. 54)"},
			Credit:   "plan.test",
			Keep:     []string{"Xiang Zheng Ban Fa [2023] No. 54"},
		},
	}
	for name, c := range cases {
		c.Chart = testChart(t)
		svg, err := l.Social(c)
		if err != nil {
			t.Fatal(name, err)
		}
		golden(t, name, svg)
		if !bytes.Contains(svg, []byte(`>`+escape(strings.SplitN(c.Credit, " ", 2)[0]))) {
			t.Errorf("%s: the credit %q is not drawn: %s", name, c.Credit, lines(svg))
		}
		for _, k := range c.Keep {
			if !bytes.Contains(svg, []byte(escape(k))) {
				t.Errorf("%s: %q is broken across lines: %s", name, k, lines(svg))
			}
		}
	}
}

func TestDownloadGolden(t *testing.T) {
	l := layout(t)
	for name, d := range map[string]Download{
		"download-zh.svg": {Lang: "zh", Credit: []string{"制图：湖南现代化产业体系", "plan.test", "2026年12月1日"}},
		"download-en.svg": {Lang: "en", Credit: []string{"Chart: Hunan Modern Industrial System", "plan.test", "1 December 2026"},
			Notes: []string{"The English is an unofficial translation; the Chinese text is authoritative."}},
	} {
		d.Chart = testChart(t)
		svg, w, h, err := l.Download(d)
		if err != nil {
			t.Fatal(err)
		}
		if w != 400 || h <= 300 || h > 450 {
			t.Errorf("%s: %d × %d, want the chart's width (400) and its height (300) plus the credit lines", name, w, h)
		}
		if !bytes.Contains(svg, []byte(`aria-label="A test chart &amp; its label"`)) {
			t.Errorf("%s: the chart's accessible name is lost", name)
		}
		golden(t, name, svg)
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
		{"Based on the Hunan Province Plan for Building a Modern Industrial System (Xiang Zheng Ban Fa [2023] No. 54)", "Xiang Zheng Ban Fa [2023] No. 54"},
	} {
		for width := 120.0; width < 700; width += 13 {
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
	svg, err := l.Social(Card{Lang: "zh", Title: `<script>&"`, Subtitle: "a < b", Credit: "x", Chart: testChart(t)})
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
		if _, err := l.Social(Card{Lang: "zh", Title: "t", Chart: []byte(bad)}); err == nil {
			t.Errorf("chart %q accepted", bad)
		}
	}
	if _, err := l.Social(Card{Lang: "zh", Title: " ", Chart: testChart(t)}); err == nil {
		t.Error("a card without a title accepted")
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
