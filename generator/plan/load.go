package plan

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"

	"gopkg.in/yaml.v3"
)

// Load reads the plan from dir (the data/ folder), links its parts and
// validates it. On any problem it returns Problems listing all of them.
func Load(dir string) (*Plan, error) {
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
	if len(l.problems) == 0 {
		validate(p, l)
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
		lg.addYAMLError(err)
		return false
	}
	lg.fields = keyPaths(&root)
	if len(root.Content) == 0 {
		lg.add(0, "", "the file is empty")
		return false
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		lg.addYAMLError(err)
		return false
	}
	return true
}
