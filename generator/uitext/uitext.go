// Package uitext gives the generator the site's interface words by key,
// read from the theme's i18n files (themes/plansite/i18n/zh.toml and
// en.toml), the one home of every interface string. Keys that only Go
// uses start with "go_": they are drawn into charts and cards at build
// time, and their values are fmt formats (%s, %d) rather than Hugo
// templates.
package uitext

import (
	"fmt"
	"sort"

	toml "github.com/pelletier/go-toml/v2"

	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/themes/plansite"
)

// words holds every key of each language's file, as one string (a plural
// table's "other" form); ones holds the "one" forms of plural tables.
var words, ones = mustLoad()

func mustLoad() (map[plan.Lang]map[string]string, map[plan.Lang]map[string]string) {
	out, one := map[plan.Lang]map[string]string{}, map[plan.Lang]map[string]string{}
	for _, l := range plan.Langs {
		b, err := plansite.I18n.ReadFile("i18n/" + string(l) + ".toml")
		if err != nil {
			panic(err)
		}
		m, o, err := parse(b)
		if err != nil {
			panic(fmt.Errorf("themes/plansite/i18n/%s.toml: %w", l, err))
		}
		out[l], one[l] = m, o
	}
	return out, one
}

// parse reads one i18n file: key = "text", or a table of plural forms.
func parse(b []byte) (other, one map[string]string, err error) {
	var raw map[string]any
	if err := toml.Unmarshal(b, &raw); err != nil {
		return nil, nil, err
	}
	m, o := map[string]string{}, map[string]string{}
	for k, v := range raw {
		switch v := v.(type) {
		case string:
			m[k] = v
		case map[string]any:
			s, ok := v["other"].(string)
			if !ok {
				return nil, nil, fmt.Errorf("%s: a plural table needs an \"other\" form", k)
			}
			m[k] = s
			if one, ok := v["one"].(string); ok {
				o[k] = one
			}
		default:
			return nil, nil, fmt.Errorf("%s: want text or a table of plural forms, got %T", k, v)
		}
	}
	return m, o, nil
}

// Text gives a key's words in both languages. A key missing from either
// file panics: every use runs when the generator starts (package
// variables), so a missing word stops the build and every test at once.
func Text(key string) plan.Text {
	var t plan.Text
	for _, l := range plan.Langs {
		s, ok := words[l][key]
		if !ok {
			panic(fmt.Sprintf("uitext: key %q is missing from themes/plansite/i18n/%s.toml", key, l))
		}
		if l == plan.ZH {
			t.ZH = s
		} else {
			t.EN = s
		}
	}
	return t
}

// In gives a key's words in one language.
func In(l plan.Lang, key string) string { return Text(key).In(l) }

// Count formats a plural key for n: its "one" form when n is 1 and the
// language has one, else its "other" form; %d in the words takes n.
func Count(l plan.Lang, key string, n int) string {
	s := In(l, key)
	if one, ok := ones[l][key]; ok && n == 1 {
		s = one
	}
	return fmt.Sprintf(s, n)
}

// Keys lists a language's keys, sorted.
func Keys(l plan.Lang) []string {
	var out []string
	for k := range words[l] {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
