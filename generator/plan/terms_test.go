package plan

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// termRule settles one recurring term of the plan on one English rendering
// (issue 14): every English text whose Chinese holds zh must give want at
// least as often as the Chinese gives zh.
type termRule struct {
	zh   string
	want *regexp.Regexp
	why  string
}

var termRules = []termRule{
	{"高地", regexp.MustCompile(`\bhubs?\b`), `高地 is "hub"`},
	{"全产业链", regexp.MustCompile(`(?i)\bwhole (?:[\w&()-]+ ){0,4}industrial chains?\b`), `全产业链 is "the whole (…) industrial chain"`},
	{"万亿级", regexp.MustCompile(`\bscale of 1 trillion yuan\b`), `万亿级 is "a scale of 1 trillion yuan", as quantity.go states 达到万亿级`},
	{"专精特新", regexp.MustCompile(`\bSRDI\b`), `专精特新 gives "SRDI", the acronym investors search for`},
	{"准国交14直", regexp.MustCompile(`\b14 DC lines\b`), `准国交14直 states what the plan prints, AC lines and 14 DC lines`},
}

// rejectedEnglish are renderings the English data settled against; none
// may come back in any English text, glossary name or glossary note.
var rejectedEnglish = []struct {
	re  *regexp.Regexp
	why string
}{
	{regexp.MustCompile(`(?i)\bhighlands?\b`), `高地 is "hub"`},
	{regexp.MustCompile(`(?i)\bbatch(es)?\b`), `一批 is "a number of", or left out where English reads better without it`},
	{regexp.MustCompile(`(?i)\btrillion-yuan-scale\b`), `万亿级 is "a scale of 1 trillion yuan"`},
	{regexp.MustCompile(`(?i)\bwhole-chain\b`), `全产业链 is "the whole (…) industrial chain"`},
	// 加快 is "speed up" for projects and construction works, "accelerate"
	// for processes: development, growth, upgrading, research and the like.
	{regexp.MustCompile(`(?i)\bspeed(ing)? up (the )?(development|growth|cultivation|upgrading|integration|integrated and|integrated innovation|application|promotion|modernisation|recruitment|gathering|adjustment|use\b|R&D|technological|intelligent|breakthroughs|basic|innovative|planning|extending)`),
		`加快 with a process is "accelerate"; "speed up" is kept for projects and construction`},
}

// termProblems checks one text against the rules.
func termProblems(zh, en string) []string {
	var out []string
	for _, r := range termRules {
		n := strings.Count(zh, r.zh)
		if n == 0 {
			continue
		}
		if got := len(r.want.FindAllString(en, -1)); got < n {
			out = append(out, fmt.Sprintf("the Chinese gives %s %d time(s), the English %q only %d: %s", r.zh, n, r.want, got, r.why))
		}
	}
	return append(out, rejectedProblems(en)...)
}

func rejectedProblems(en string) []string {
	var out []string
	for _, r := range rejectedEnglish {
		for _, m := range r.re.FindAllString(en, -1) {
			out = append(out, fmt.Sprintf("rejected rendering %q: %s", m, r.why))
		}
	}
	return out
}

// TestTermRenderings holds the whole English data to the settled terms.
func TestTermRenderings(t *testing.T) {
	p := loadTestPlan(t)
	check := func(field string, zh, en string) {
		for _, problem := range termProblems(zh, en) {
			t.Errorf("%s: %s", field, problem)
		}
	}
	walk := func(root string, v any) {
		walkTexts(reflect.ValueOf(v), root, func(field string, x *Text) { check(field, x.ZH, x.EN) })
	}
	walk("plan.yaml", &p.Document)
	walk("cities.yaml", &p.Cities)
	for _, ind := range p.Industries {
		walk(ind.file, ind)
	}
	for _, term := range p.Glossary {
		for _, problem := range rejectedProblems(term.EN + "\n" + term.Note) {
			t.Errorf("%s: %s: %s", term.File, term.ZH.Value, problem)
		}
	}
}

// TestTermRulesFail proves each rule fails on the renderings it replaced.
func TestTermRulesFail(t *testing.T) {
	for _, c := range []struct {
		zh, en string
		want   int // problems
	}{
		{"打造生命科学创新高地", "build a life sciences innovation highland", 2},
		{"打造生命科学创新高地", "build a life sciences innovation hub", 0},
		{"建设白酒全产业链", "build a complete baijiu industrial chain", 1},
		{"建设白酒全产业链", "build the whole baijiu industrial chain", 0},
		{"加快生猪全产业链项目建设", "speed up the whole-chain hog projects", 2},
		{"打造一批万亿级产业", "build a number of trillion-yuan-scale industries", 2},
		{"产业规模达到万亿级", "will reach a scale of 1 trillion yuan", 0},
		{"一批优秀企业家", "a batch of outstanding entrepreneurs", 1},
		{"培育一批“专精特新”企业", `foster a number of "specialised, refined, distinctive and innovative" (专精特新) enterprises`, 1},
		{"培育一批“专精特新”企业", `foster a number of SRDI ("specialised, refined, distinctive and innovative", 专精特新) enterprises`, 0},
		{"加快发展钛合金", "speed up the development of titanium alloys", 1},
		{"加快发展钛合金", "accelerate the development of titanium alloys", 0},
		{"加快项目建设", "speed up projects such as", 0},
		{"瞄准国家“准国交14直”特高压工程", "the national ultra-high-voltage AC and DC projects (准国交14直)", 1},
	} {
		if got := termProblems(c.zh, c.en); len(got) != c.want {
			t.Errorf("termProblems(%q, %q) = %d problems %q; want %d", c.zh, c.en, len(got), got, c.want)
		}
	}
}
