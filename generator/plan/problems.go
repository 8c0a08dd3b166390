package plan

import (
	"fmt"
	"regexp"
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
// path found at each line when the caller does not know it.
type problemLog struct {
	file   string
	fields map[int]string // line → key path of the first key on it
	out    *Problems
}

func (l *problemLog) add(line int, field, format string, args ...any) {
	if field == "" {
		field = l.fields[line]
	}
	*l.out = append(*l.out, Problem{File: l.file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)})
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
		l.add(line, "", "%s", m)
	}
}

// keyPaths maps each line of a YAML document to the dotted key path of the
// first mapping key on that line (list items as [i]).
func keyPaths(root *yaml.Node) map[int]string {
	paths := map[int]string{}
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
				walk(n.Content[i+1], p)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				p := fmt.Sprintf("%s[%d]", path, i)
				if _, seen := paths[c.Line]; !seen && c.Kind == yaml.ScalarNode {
					paths[c.Line] = p
				}
				walk(c, p)
			}
		}
	}
	walk(root, "")
	return paths
}
