package plan

import (
	"fmt"
	"strconv"

	"gopkg.in/yaml.v3"
)

// Text is a text in both languages. Line is where it stands in its YAML
// file, so that validation can point at it.
type Text struct {
	ZH   string
	EN   string
	Line int
}

// UnmarshalYAML accepts a mapping with the keys zh and en and nothing else;
// it does the strict-field check itself because a custom unmarshaler is
// outside the decoder's KnownFields.
func (t *Text) UnmarshalYAML(n *yaml.Node) error {
	t.Line = n.Line
	if n.Kind != yaml.MappingNode {
		return lineError(n, "expected a mapping with zh and en, got %s", kindName(n))
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if prev, ok := seen[k.Value]; ok { // yaml.v3 checks this only for its own mappings
			return lineError(k, "mapping key %q already defined at line %d", k.Value, prev)
		}
		seen[k.Value] = k.Line
		if v.Kind != yaml.ScalarNode {
			return lineError(v, "%s must be text, got %s", k.Value, kindName(v))
		}
		switch k.Value {
		case "zh":
			t.ZH = v.Value
		case "en":
			t.EN = v.Value
		default:
			return lineError(k, "field %s not found in a text (only zh and en)", k.Value)
		}
	}
	return nil
}

// IsZero reports whether neither language is given.
func (t Text) IsZero() bool { return t.ZH == "" && t.EN == "" }

// Str is a scalar kept as written, with its line.
type Str struct {
	Value string
	Line  int
}

// UnmarshalYAML accepts a scalar only.
func (s *Str) UnmarshalYAML(n *yaml.Node) error {
	s.Line = n.Line
	if n.Kind != yaml.ScalarNode {
		return lineError(n, "expected a single value, got %s", kindName(n))
	}
	s.Value = n.Value
	return nil
}

func (s Str) String() string { return s.Value }

// Int is a whole number with its line.
type Int struct {
	N    int
	Line int
}

// UnmarshalYAML accepts an integer scalar only.
func (i *Int) UnmarshalYAML(n *yaml.Node) error {
	i.Line = n.Line
	v, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		return lineError(n, "expected a whole number, got %q", n.Value)
	}
	i.N = v
	return nil
}

// Level is a rating in the layout table.
type Level string

const (
	Core Level = "core" // ★★★ 核心产业
	Key  Level = "key"  // ★★ 重点产业
)

// Stars gives the rating as the table prints it.
func (l Level) Stars() string {
	if l == Core {
		return "★★★"
	}
	return "★★"
}

// Rating is one cell of the layout table, written in the YAML as the table
// prints it (★★★ or ★★).
type Rating struct {
	Level Level
	Line  int
}

// UnmarshalYAML accepts ★★★ (core) and ★★ (key) only.
func (r *Rating) UnmarshalYAML(n *yaml.Node) error {
	r.Line = n.Line
	switch n.Value {
	case "★★★":
		r.Level = Core
	case "★★":
		r.Level = Key
	default:
		return lineError(n, "rating %q is neither ★★★ (core) nor ★★ (key)", n.Value)
	}
	return nil
}

// Layout is attachment 1: each industry × city rating, stored once, with
// the counts the table states so that validation can check them.
type Layout struct {
	Source     Str            `yaml:"source"`
	Rows       []*LayoutRow   `yaml:"rows"`
	CityCounts map[string]Int `yaml:"city_counts"` // 各产业市州布局数量（个）
}

// LayoutRow is one industry's row of attachment 1.
type LayoutRow struct {
	Industry Str               `yaml:"industry"`
	Count    Int               `yaml:"count"` // 布局该产业的地市数量（个）, as stated
	Ratings  map[string]Rating `yaml:"ratings"`
}

// lineError reports a problem in the form yaml.v3 collects: a TypeError
// lets the decoder carry on, so that one load reports every problem.
func lineError(n *yaml.Node, format string, args ...any) error {
	return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %s", n.Line, fmt.Sprintf(format, args...))}}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "nothing"
}

// In picks the text of a language.
func (t Text) In(lang Lang) string {
	if lang == ZH {
		return t.ZH
	}
	return t.EN
}
