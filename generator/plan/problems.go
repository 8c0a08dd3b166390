package plan

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Problem is one thing wrong with the data, located by file, line and field.
type Problem struct {
	File  string
	Line  int
	Field string
	Msg   string
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Problems is every problem found in one load; the loader reports them all
// at once rather than stopping at the first.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return fmt.Sprintf("%d problem(s) in the data:\n%s", len(ps), strings.Join(lines, "\n"))
}

func (ps Problems) sorted() Problems {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		return ps[i].Line < ps[j].Line
	})
	return ps
}

// problemLog collects problems for one file, naming fields by the YAML key
// path found at each line when the caller does not know it, and lines by
// the field's key path when the caller does not know the line (a value
// left out or left empty has none).
type problemLog struct {
	file   string
	fields map[int]string // line → key path of the first key on it
	lines  map[string]int // key path → line, for every key and list item
	out    *Problems
}

func (l *problemLog) add(line int, field, format string, args ...any) {
	if line == 0 && field != "" {
		line = l.lineOf(field)
	}
	if field == "" {
		field = l.fields[line]
	}
	p := Problem{File: l.file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)}
	if !slices.Contains(*l.out, p) { // a city's name and short name are often one name
		*l.out = append(*l.out, p)
	}
}

// lineOf gives the line of a field's key, or where the field is absent the
// first line of its nearest enclosing mapping or list item; 0 when nothing
// encloses it but the file.
func (l *problemLog) lineOf(field string) int {
	for p := field; p != ""; p = parentPath(p) {
		best := 0
		for k, line := range l.lines {
			if k == p || strings.HasPrefix(k, p+".") || strings.HasPrefix(k, p+"[") {
				if best == 0 || line < best {
					best = line
				}
			}
		}
		if best > 0 {
			return best
		}
	}
	return 0
}

// parentPath drops the last step of a key path: a.b[2].c → a.b[2] → a.b.
func parentPath(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i < 0 {
		return ""
	}
	return p[:i]
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
var unknownField = regexp.MustCompile(`^field (\S+) not found in type \S+$`)

// addYAMLError turns a yaml.v3 error (syntax or type errors, several at
// once) into problems with lines.
func (l *problemLog) addYAMLError(err error) {
	var msgs []string
	if te, ok := err.(*yaml.TypeError); ok {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	for _, m := range msgs {
		line := 0
		if g := yamlLine.FindStringSubmatch(m); g != nil {
			line, _ = strconv.Atoi(g[1])
			m = g[2]
		}
		if g := unknownField.FindStringSubmatch(m); g != nil {
			l.add(line, "", "unknown field %q", g[1])
			continue
		}
		m = strings.TrimPrefix(m, "yaml: ")
		// yaml.v3 shortens long values in its messages by bytes, cutting
		// Chinese characters in half.
		l.add(line, "", "%s", strings.ToValidUTF8(m, ""))
	}
}

// keyPaths maps each line of a YAML document to the dotted key path of the
// first mapping key on that line (list items as [i]), and each key path to
// its line.
func keyPaths(root *yaml.Node) (map[int]string, map[string]int) {
	paths := map[int]string{}
	lines := map[string]int{}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, path)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				p := k.Value
				if path != "" {
					p = path + "." + k.Value
				}
				if _, seen := paths[k.Line]; !seen {
					paths[k.Line] = p
				}
				lines[p] = k.Line
				walk(n.Content[i+1], p)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				p := fmt.Sprintf("%s[%d]", path, i)
				if _, seen := paths[c.Line]; !seen && c.Kind == yaml.ScalarNode {
					paths[c.Line] = p
				}
				lines[p] = c.Line
				walk(c, p)
			}
		}
	}
	walk(root, "")
	return paths, lines
}
