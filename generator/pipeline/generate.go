package pipeline

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/hunan-industry/plan-site/generator/assetpath"
	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/cite"
	"github.com/hunan-industry/plan-site/generator/epub"
	"github.com/hunan-industry/plan-site/generator/exports"
	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/plan"
)

// generation is what the generator's stage (data → pages, exports, charts
// and pictures under generated/) leaves for the rest of the build besides
// those files. It is recorded in generated/generation.json with the key of
// everything it was made from, so that a build whose inputs are those of
// the last one (a template or content edit, a second build) takes the
// stage's files as they are instead of loading, checking and writing the
// plan again: the same bytes, which the stage would have made.
type generation struct {
	Key       string         `json:"key"`
	Files     int            `json:"files"` // the stage's files, counted when it ended
	Charts    int            `json:"charts"`
	Exports   int            `json:"exports"`
	Languages map[string]any `json:"languages"` // pages.Languages, for Hugo
	// Words is the hash of the plan's words (units and passages), what
	// the verbatim check holds the pages to: a data edit that leaves them
	// and the pages alone is not checked again.
	Words  string `json:"words"`
	drawn  int    // charts drawn by this build; not recorded
	reused bool
	// units are the plan's words by id (plan.Units) and passages the ids
	// of its running text (plan.Passages), for the verbatim check; not
	// recorded, so a reused stage loads them again.
	units    map[string]string
	passages []string
}

// hugoSettings are what the build sets over hugo.toml: each language's
// title and site params, and the main menu.
func (g generation) hugoSettings() map[string]any {
	return map[string]any{"languages": g.Languages, "menus": pages.Menus()}
}

const (
	generationRecord = "generation.json" // in GeneratedDir
	exportsDir       = "exports"         // in GeneratedDir: the data downloads, published as /data/
)

// generate runs the generator's stage, or takes the last build's where
// its key is unchanged. On a miss the record goes first, so that a stage
// cut short by an error is never taken for a finished one.
func generate(root, baseURL, updated string, progress func(string, ...any)) (generation, error) {
	gen := filepath.Join(root, GeneratedDir)
	record := filepath.Join(gen, generationRecord)
	if key, err := generationKey(root, baseURL, updated); err == nil {
		var g generation
		if b, err := os.ReadFile(record); err == nil && json.Unmarshal(b, &g) == nil && g.Key == key && g.Files == stageFiles(gen) {
			progress("data/ and the generator are those of the last build: its pages, charts and pictures stand")
			g.reused = true
			return g, nil
		}
	}
	if err := os.Remove(record); err != nil && !os.IsNotExist(err) {
		return generation{}, err
	}

	progress("loading data/")
	p, err := plan.Load(filepath.Join(root, "data"))
	if err != nil {
		return generation{}, err
	}
	if err := ensureNodeModules(root, progress); err != nil {
		return generation{}, err
	}
	cs, err := charts.All(p)
	if err != nil {
		return generation{}, err
	}
	langs, err := pages.Languages(p, updated)
	if err != nil {
		return generation{}, err
	}
	g := generation{Charts: len(cs), Languages: langs, units: p.Units(), passages: p.Passages()}
	g.Words = wordsKey(g.units, g.passages)
	progress("drawing %d charts", len(cs))
	assets := filepath.Join(gen, "assets")
	if g.drawn, err = writeCharts(cs, assets, root); err != nil {
		return generation{}, err
	}
	if err := writeImages(p, cs, assets, root, baseURL, updated, progress); err != nil {
		return generation{}, err
	}
	books, err := ebooks(p, cs, assets, baseURL, updated)
	if err != nil {
		return generation{}, err
	}
	data, err := exports.Render(p, cs, updated, books)
	if err != nil {
		return generation{}, err
	}
	if err := writeTree(data, filepath.Join(gen, exportsDir)); err != nil {
		return generation{}, err
	}
	g.Exports = len(data)
	sizes := map[string]int{}
	for name, b := range data {
		sizes[name] = len(b)
	}
	progress("writing pages: %d industries, %d cities", len(p.Industries), len(p.Cities))
	files, err := pages.Render(p, cs, sizes, updated)
	if err != nil {
		return generation{}, err
	}
	if err := writeTree(files, filepath.Join(gen, "content")); err != nil {
		return generation{}, err
	}
	citations, err := cite.Render(p, files, cs, baseURL, updated)
	if err != nil {
		return generation{}, err
	}
	// writeTree owns the folder it writes: the citations' own, not assets/.
	citeDir := filepath.Join(assets, assetpath.CiteDir)
	inCiteDir := map[string][]byte{}
	for name, b := range citations {
		rel, err := filepath.Rel(citeDir, filepath.Join(assets, name))
		if err != nil {
			return generation{}, err
		}
		inCiteDir[rel] = b
	}
	if err := writeTree(inCiteDir, citeDir); err != nil {
		return generation{}, err
	}

	// Keyed now, with the npm packages certainly installed.
	if g.Key, err = generationKey(root, baseURL, updated); err != nil {
		return generation{}, err
	}
	g.Files = stageFiles(gen)
	b, err := json.Marshal(g)
	if err != nil {
		return generation{}, err
	}
	return g, replaceFile(record, b)
}

// stageFiles counts the files the stage leaves for Hugo and the site, so
// that a folder of them deleted or lost (a cache restored in part) is not
// taken for the stage's output.
func stageFiles(gen string) int {
	n := 0
	// Not all of assets/: the chart bundle and Hugo write there too.
	for _, dir := range []string{"content", exportsDir, filepath.Join("assets", assetpath.ChartFilesDir), filepath.Join("assets", assetpath.DownloadsDir), filepath.Join("assets", assetpath.SocialDir), filepath.Join("assets", assetpath.CiteDir)} {
		filepath.WalkDir(filepath.Join(gen, dir), func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				n++
			}
			return nil
		})
	}
	return n
}

// generationKey hashes everything the generator's stage reads: this
// program's code, every file under data/, the scripts and npm packages
// that draw the charts and pictures, the site's address and the edition's
// date. A missing package file hashes as missing (npm ci has yet to run).
func generationKey(root, baseURL, updated string) (string, error) {
	self, err := selfID()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "generation 1\x00%s\x00%s\x00%s\x00", self, baseURL, updated)
	var data []string
	err = filepath.WalkDir(filepath.Join(root, "data"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			data = append(data, rel) // WalkDir's order is lexical: stable
		}
		return err
	})
	if err != nil {
		return "", err
	}
	if err := hashFiles(h, root, data, false); err != nil {
		return "", err
	}
	tools := append(append([]string{"package-lock.json"}, rendererInputs...), rasterInputs...)
	if err := hashFiles(h, root, tools, true); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

var self struct {
	once sync.Once
	id   string
	err  error
}

// selfID names the code of the running program: the Go build ID in its
// ELF note (a hash of what went into it, read without reading the
// program), or elsewhere the SHA-256 of the executable.
func selfID() (string, error) {
	self.once.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			self.err = err
			return
		}
		if f, err := elf.Open(exe); err == nil {
			defer f.Close()
			// namesz, descsz, type, "Go\0\0", then the ID.
			if s := f.Section(".note.go.buildid"); s != nil {
				if d, err := s.Data(); err == nil && len(d) > 16 {
					if n := int(f.ByteOrder.Uint32(d[4:8])); string(d[12:16]) == "Go\x00\x00" && 16+n <= len(d) {
						self.id = string(d[16 : 16+n])
						return
					}
				}
			}
		}
		r, err := os.Open(exe)
		if err != nil {
			self.err = err
			return
		}
		defer r.Close()
		h := sha256.New()
		if _, self.err = io.Copy(h, r); self.err == nil {
			self.id = hex.EncodeToString(h.Sum(nil))
		}
	})
	return self.id, self.err
}

// wordsKey is the hash of the plan's words by id and of its passages' ids.
func wordsKey(units map[string]string, passages []string) string {
	h := sha256.New()
	for _, id := range slices.Sorted(maps.Keys(units)) {
		fmt.Fprintf(h, "%d\x00%s%d\x00%s", len(id), id, len(units[id]), units[id])
	}
	for _, id := range passages {
		fmt.Fprintf(h, "%d\x00%s", len(id), id)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ebooks makes the EPUB editions (package epub), published beside the data
// downloads: the site-wide charts go in with their data tables, each as
// its phone layout where it has one (most e-books are read on phones; the
// wide drawing's labels would be a third of their size there), else as
// the drawing offered for download (writeImages has made it).
func ebooks(p *plan.Plan, cs []*charts.Chart, assets, siteURL, day string) (map[string][]byte, error) {
	var carried []epub.Chart
	for _, c := range cs {
		if !epub.Carried(c) {
			continue
		}
		file := assetpath.ChartDownloadFiles(c.Lang, c.ID) + ".svg"
		if c.Narrow != nil {
			file = assetpath.ChartFiles(c.Lang, c.ID) + ".narrow.svg"
		}
		svg, err := os.ReadFile(filepath.Join(assets, file))
		if err != nil {
			return nil, err
		}
		carried = append(carried, epub.Chart{Chart: c, SVG: svg})
	}
	return epub.Render(epub.Input{Plan: p, Charts: carried, Date: day, SiteURL: siteURL})
}
