package plan

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Load reads the plan from dir (the data/ folder), links its parts and
// validates it, down to reproducing its source document. On any problem it
// returns Problems listing all of them.
func Load(dir string) (*Plan, error) { return load(dir, true) }

func load(dir string, coverage bool) (*Plan, error) {
	l := &loader{dir: dir, logs: map[string]*problemLog{}}
	p := &Plan{}
	l.decode("plan.yaml", &p.Document)
	l.decode("cities.yaml", &p.Cities)
	l.decode("layout.yaml", &p.Layout)

	industryFiles, _ := filepath.Glob(filepath.Join(dir, "industries", "*.yaml"))
	sort.Strings(industryFiles)
	for _, f := range industryFiles {
		ind := &Industry{}
		rel, _ := filepath.Rel(dir, f)
		if l.decode(rel, ind) {
			ind.file = rel
			p.Industries = append(p.Industries, ind)
		}
	}
	glossaryFiles, _ := filepath.Glob(filepath.Join(dir, "glossary", "*.yaml"))
	sort.Strings(glossaryFiles)
	for _, f := range glossaryFiles {
		var terms []*Term
		rel, _ := filepath.Rel(dir, f)
		if l.decode(rel, &terms) {
			for _, t := range terms {
				t.File = rel
			}
			p.Glossary = append(p.Glossary, terms...)
		}
	}
	l.decodeNotes(p)
	mapNames := l.readMapNames()
	var srcFile, source string
	var haveSource bool
	if coverage {
		srcFile, source, haveSource = l.readSource()
	}
	if len(l.problems) == 0 {
		validate(p, l)
		checkMapNames(p, l, mapNames)
	}
	// The notes are placed in the plan's text, so on a text that is
	// otherwise valid: a broken one would misplace every note.
	if len(l.problems) == 0 {
		checkNotes(p, l)
	}
	// Coverage runs on data that is otherwise valid: on a broken link (an
	// unknown tier, a duplicate code) it would report every paragraph of
	// the section, burying the one problem that matters.
	if len(l.problems) == 0 && haveSource {
		checkCoverage(p, l, srcFile, source)
	}
	if len(l.problems) > 0 {
		return nil, l.problems.sorted()
	}
	return p, nil
}

type loader struct {
	dir      string
	problems Problems
	logs     map[string]*problemLog
}

// log gives the problem log of a file (relative to the data folder).
func (l *loader) log(rel string) *problemLog {
	if lg, ok := l.logs[rel]; ok {
		return lg
	}
	lg := &problemLog{file: filepath.Join(l.dir, rel), fields: map[int]string{}, out: &l.problems}
	l.logs[rel] = lg
	return lg
}

// decode reads one YAML file strictly into v and reports whether it
// decoded without a problem.
func (l *loader) decode(rel string, v any) bool {
	lg := l.log(rel)
	data, err := os.ReadFile(filepath.Join(l.dir, rel))
	if err != nil {
		lg.add(0, "", "cannot read: %v", err)
		return false
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if g := yamlLine.FindStringSubmatch(msg); g != nil {
			msg = g[2]
		}
		lg.add(syntaxLine(data), "", "%s", strings.ToValidUTF8(msg, ""))
		return false
	}
	lg.fields, lg.lines = keyPaths(&root)
	if len(root.Content) == 0 {
		lg.add(0, "", "the file is empty")
		return false
	}
	// An empty list item decodes to a nil pointer, which nothing after
	// this expects; it is never meant.
	ok := true
	for _, n := range emptyItems(&root) {
		lg.add(n.Line, "", "empty list item")
		ok = false
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		lg.addYAMLError(err)
		return false
	}
	// The decoder reads the first document only; the rest would be lost.
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		lg.add(next.Line, "", "a second YAML document (after ---): the file must hold one")
		return false
	}
	return ok
}

// syntaxLine finds the line of a syntax error. yaml.v3 reports the line
// where the construct the parser was in began, and for the parser's own
// errors counts it from 0 (go-yaml/yaml#542, #1066): a key indented one
// space too few is "line 1". The error is on the line after the longest
// run of whole lines that still parses.
func syntaxLine(data []byte) int {
	lines := bytes.SplitAfter(data, []byte("\n"))
	for k := len(lines) - 1; k > 0; k-- {
		var n yaml.Node
		if yaml.Unmarshal(bytes.Join(lines[:k], nil), &n) == nil {
			return k + 1
		}
	}
	return 1
}

// emptyItems lists the null items of every list in the document.
func emptyItems(n *yaml.Node) []*yaml.Node {
	var out []*yaml.Node
	for _, c := range n.Content {
		if n.Kind == yaml.SequenceNode && c.Kind == yaml.ScalarNode && c.ShortTag() == "!!null" {
			out = append(out, c)
		}
		out = append(out, emptyItems(c)...)
	}
	return out
}
