package pipeline

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/hunan-industry/plan-site/generator/plan"
)

// BenchmarkScale: what a build costs as the plan grows. It builds the
// real plan and a synthetic one about ten times its size, each in a
// process of its own (cold; warm, after an edit under data/ that changes
// no page, so that the generator's stage runs again with the render
// caches full; and again with nothing changed, when the stage is the last
// build's), and prints wall time, CPU time and peak memory for both:
//
//	go test -bench Scale -run '^$' -benchtime 1x ./generator/pipeline/
//
// The synthetic plan is made by the test from the real data (scalePlan):
// every city ten times (140 cities and map regions), the industries up to
// the most the code format allows (4 tiers × 9 = 36, from 16), each
// industry's paragraphs four times over, and the layout table that
// follows; its source document is printed from it by plan.RenderSource,
// so it passes every check of plan.Load, coverage against the source
// included. Nothing of it is committed.
func BenchmarkScale(b *testing.B) {
	type size struct {
		name  string
		scale int
	}
	type result struct {
		pages, charts, files int
		dataBytes, outBytes  int64
		cold, warm, again    childRun
	}
	results := map[string]result{}
	for _, s := range []size{{"1x", 1}, {"10x", 10}} {
		b.Run(s.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				root := projectCopy(b)
				if s.scale > 1 {
					if err := scalePlan(filepath.Join(root, "data"), s.scale); err != nil {
						b.Fatal(err)
					}
				}
				var r result
				var err error
				if r.cold, err = buildInChild(root); err != nil {
					b.Fatal(err)
				}
				if r.outBytes, err = treeBytes(filepath.Join(root, "public")); err != nil {
					b.Fatal(err)
				}
				if err := editKeepingTime(filepath.Join(root, "data", "README.md"), "<!-- an edit that changes no page -->"); err != nil {
					b.Fatal(err)
				}
				if r.warm, err = buildInChild(root); err != nil {
					b.Fatal(err)
				}
				if r.again, err = buildInChild(root); err != nil {
					b.Fatal(err)
				}
				if r.dataBytes, err = treeBytes(filepath.Join(root, "data")); err != nil {
					b.Fatal(err)
				}
				r.pages, r.charts, r.files = r.cold.summary.PagesByLanguage["zh"]+r.cold.summary.PagesByLanguage["en"], r.cold.summary.Charts, r.cold.summary.Files
				results[s.name] = r
				b.ReportMetric(r.cold.cpu.Seconds(), "cold-cpu-s")
				b.ReportMetric(float64(r.cold.maxRSS)/(1<<20), "cold-peak-MiB")
				os.RemoveAll(root)
			}
		})
	}
	one, ten := results["1x"], results["10x"]
	if one.pages == 0 || ten.pages == 0 {
		return
	}
	for _, n := range []string{"1x", "10x"} {
		r := results[n]
		fmt.Printf("scale %s: data %.1f MB, %d pages, %d charts, %d files, public/ %.1f MB; cold build %s wall, %s CPU, peak %d MiB; warm build (data/ edited) %s wall, %s CPU, peak %d MiB; nothing changed %s wall, %s CPU, peak %d MiB\n",
			n, float64(r.dataBytes)/1e6, r.pages, r.charts, r.files, float64(r.outBytes)/1e6,
			r.cold.wall.Round(time.Millisecond), r.cold.cpu.Round(time.Millisecond), r.cold.maxRSS>>20,
			r.warm.wall.Round(time.Millisecond), r.warm.cpu.Round(time.Millisecond), r.warm.maxRSS>>20,
			r.again.wall.Round(time.Millisecond), r.again.cpu.Round(time.Millisecond), r.again.maxRSS>>20)
	}
	ratio := func(a, b float64) float64 { return a / b }
	fmt.Printf("scale 10x/1x: pages %.2f×, charts %.2f×, files %.2f×, data %.2f×, public/ bytes %.2f×; cold CPU %.2f×, cold peak memory %.2f×, warm CPU %.2f×, warm peak memory %.2f×\n",
		ratio(float64(ten.pages), float64(one.pages)), ratio(float64(ten.charts), float64(one.charts)),
		ratio(float64(ten.files), float64(one.files)), ratio(float64(ten.dataBytes), float64(one.dataBytes)),
		ratio(float64(ten.outBytes), float64(one.outBytes)),
		ratio(float64(ten.cold.cpu), float64(one.cold.cpu)), ratio(float64(ten.cold.maxRSS), float64(one.cold.maxRSS)),
		ratio(float64(ten.warm.cpu), float64(one.warm.cpu)), ratio(float64(ten.warm.maxRSS), float64(one.warm.maxRSS)))
}

// childRun is what one build in a child process cost.
type childRun struct {
	wall, cpu time.Duration
	maxRSS    int64 // bytes: the largest process of the build (Go or Node)
	summary   Summary
}

const scaleRootEnv = "PIPELINE_SCALE_ROOT"

// buildInChild runs the whole build of root in a new process (this test
// binary, TestScaleChild), so that its CPU time and peak memory are the
// build's alone: wait4 reports the child's and its own children's.
func buildInChild(root string) (childRun, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestScaleChild$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), scaleRootEnv+"="+root)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	wall := time.Since(start)
	if err != nil {
		return childRun{}, fmt.Errorf("build of %s: %w\n%s", root, err, out)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	r := childRun{
		wall:   wall,
		cpu:    time.Duration(ru.Utime.Nano() + ru.Stime.Nano()),
		maxRSS: ru.Maxrss << 10, // KiB on Linux
	}
	i := strings.Index(string(out), "SUMMARY ")
	if i < 0 {
		return r, fmt.Errorf("build of %s: no summary in\n%s", root, out)
	}
	line, _, _ := strings.Cut(string(out[i+len("SUMMARY "):]), "\n")
	return r, json.Unmarshal([]byte(line), &r.summary)
}

// TestScaleChild is BenchmarkScale's child process: it builds the project
// named by PIPELINE_SCALE_ROOT and prints the summary. Run alone, it has
// nothing to do.
func TestScaleChild(t *testing.T) {
	root := os.Getenv(scaleRootEnv)
	if root == "" {
		t.Skip("the child process of BenchmarkScale")
	}
	sum, err := Run(Options{Root: root, Out: filepath.Join(root, "public"), BaseURL: testURL})
	if err != nil {
		t.Fatal(err)
	}
	j, _ := json.Marshal(sum)
	fmt.Printf("SUMMARY %s\n", j)
}

// editKeepingTime appends a line to a file and keeps its modification
// time, from which a copy of the project without git takes the edition's
// date (lastUpdated): the edit then changes no page.
func editKeepingTime(path, line string) error {
	return rewriteKeepingTime(path, func(text string) string { return text + "\n" + line + "\n" })
}

// rewriteKeepingTime replaces a file's text with change(text), keeping
// its modification time (see editKeepingTime).
func rewriteKeepingTime(path string, change func(string) string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	text, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, []byte(change(string(text))), 0o644); err != nil {
		return err
	}
	return os.Chtimes(path, info.ModTime(), info.ModTime())
}

func treeBytes(dir string) (int64, error) {
	var n int64
	err := filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return err
	})
	return n, err
}

// TestScalePlan: the synthetic plan passes plan.Load, coverage against
// its printed source included, and is the size it says.
func TestScalePlan(t *testing.T) {
	if testing.Short() {
		t.Skip("copies and loads the data twice")
	}
	dir := t.TempDir()
	if err := copyTree(filepath.Join("..", "..", "data"), dir); err != nil {
		t.Fatal(err)
	}
	orig, err := plan.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := scalePlan(dir, 10); err != nil {
		t.Fatal(err)
	}
	p, err := plan.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Cities) != 10*len(orig.Cities) || len(p.Industries) != 36 {
		t.Errorf("%d cities and %d industries, want %d and 36", len(p.Cities), len(p.Industries), 10*len(orig.Cities))
	}
	items := func(p *plan.Plan) (n int) {
		for _, ind := range p.Industries {
			n += len(ind.Items)
		}
		return n
	}
	if got, want := items(p), items(orig)*4*36/len(orig.Industries); got < want*9/10 {
		t.Errorf("%d industry paragraphs, want about %d", got, want)
	}
}

// scalePlan rewrites the data folder dir into a synthetic plan about k
// times the size of the real one (see BenchmarkScale) that passes every
// check, and prints its source document.
func scalePlan(dir string, k int) error {
	real, err := plan.Load(dir)
	if err != nil {
		return err
	}
	if k > 10 {
		return fmt.Errorf("scale %d: at most 10 (one suffix letter a copy)", k)
	}
	// Copy j of a city: its names with a suffix (乙, 丙, … and B, C, …),
	// no digit, so that no figure check sees a number.
	zhSuffix := []rune("甲乙丙丁戊己庚辛壬癸")
	suffix := func(j int) (zh, en, code string) {
		return string(zhSuffix[j]), " " + string(rune('A'+j)), fmt.Sprintf("-%c", 'a'+j)
	}
	var codes []string
	for _, c := range real.Cities {
		codes = append(codes, c.Code.Value)
	}

	// cities.yaml: the copies after the originals, in the same order, so
	// that a cell naming cities in table order stays in order.
	var cities []map[string]any
	if err := readYAML(filepath.Join(dir, "cities.yaml"), &cities); err != nil {
		return err
	}
	n := len(cities)
	for j := 1; j < k; j++ {
		zh, en, code := suffix(j)
		for _, c := range cities[:n] {
			cp := deepCopy(c).(map[string]any)
			cp["code"] = c["code"].(string) + code
			for _, f := range []string{"name", "short", "full"} {
				t := cp[f].(map[string]any)
				t["zh"], t["en"] = t["zh"].(string)+zh, t["en"].(string)+en
			}
			cp["map_name"] = c["map_name"].(string) + zh
			cities = append(cities, cp)
		}
	}
	if err := writeYAML(filepath.Join(dir, "cities.yaml"), cities); err != nil {
		return err
	}
	copies := func(code string) []string {
		var out []string
		for j := 1; j < k; j++ {
			_, _, s := suffix(j)
			out = append(out, code+s)
		}
		return out
	}

	// The map: each region again under each copy's name (same outline).
	geoPath := filepath.Join(dir, filepath.FromSlash(plan.GeoFile))
	var geo map[string]any
	gb, err := os.ReadFile(geoPath)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(gb, &geo); err != nil {
		return err
	}
	features := geo["features"].([]any)
	for j := 1; j < k; j++ {
		zh, _, _ := suffix(j)
		for _, f := range features { // the original regions only: geo["features"] grows
			cp := deepCopy(f).(map[string]any)
			props := cp["properties"].(map[string]any)
			props["name"] = props["name"].(string) + zh
			geo["features"] = append(geo["features"].([]any), cp)
		}
	}
	if gb, err = json.Marshal(geo); err != nil {
		return err
	}
	if err := os.WriteFile(geoPath, gb, 0o644); err != nil {
		return err
	}

	// New industries for the codes the real plan leaves free (A5–A9, …),
	// each a copy of one of its tier's, named with a suffix.
	type newInd struct{ code, from string }
	var added []newInd
	have := map[string]bool{}
	byTier := map[byte][]string{}
	for _, ind := range real.Industries {
		have[ind.Code.Value] = true
		byTier[ind.Code.Value[0]] = append(byTier[ind.Code.Value[0]], ind.Code.Value)
	}
	for _, tier := range []byte("ABCD") {
		src := byTier[tier]
		for i, d := 0, 1; d <= 9; d++ {
			code := fmt.Sprintf("%c%d", tier, d)
			if have[code] || len(src) == 0 {
				continue
			}
			added = append(added, newInd{code, src[i%len(src)]})
			i++
		}
	}

	// Each industry file: the key points' city cell names the copies too,
	// and the paragraphs come four times.
	indFile := func(code string) string { return filepath.Join(dir, "industries", code+".yaml") }
	industryFiles, _ := filepath.Glob(filepath.Join(dir, "industries", "*.yaml"))
	rewrite := func(path string, m map[string]any) error {
		kp := m["key_points"].(map[string]any)
		cell := kp["cities"].(string)
		named, unknown := plan.ParseCityCell(cell, real.Cities)
		if len(unknown) > 0 {
			return fmt.Errorf("%s: unknown cities %v", path, unknown)
		}
		if len(named) == len(real.Cities) && !strings.Contains(cell, "、") {
			kp["cities"] = fmt.Sprintf("%d个市州", len(cities))
		} else {
			var names []string
			for j := 0; j < k; j++ {
				zh, _, _ := suffix(j)
				if j == 0 {
					zh = ""
				}
				for _, c := range named {
					names = append(names, c.Name.ZH+zh)
				}
			}
			kp["cities"] = strings.Join(names, "、")
		}
		items := m["items"].([]any)
		var more []any
		for r := 0; r < 4; r++ {
			for _, it := range items {
				more = append(more, deepCopy(it))
			}
		}
		m["items"] = more
		return writeYAML(path, m)
	}
	for _, f := range industryFiles {
		var m map[string]any
		if err := readYAML(f, &m); err != nil {
			return err
		}
		if err := rewrite(f, m); err != nil {
			return err
		}
	}
	for i, a := range added {
		var m map[string]any
		if err := readYAML(indFile(a.from), &m); err != nil {
			return err
		}
		zh, en, _ := suffix(1 + i%(len(zhSuffix)-1))
		m["code"] = a.code
		m["slug"] = fmt.Sprintf("%s-%s", m["slug"], strings.ToLower(a.code))
		name := m["name"].(map[string]any)
		name["zh"], name["en"] = name["zh"].(string)+zh, name["en"].(string)+en
		// Its city cell and paragraphs are the source's, already scaled.
		if err := writeYAML(indFile(a.code), m); err != nil {
			return err
		}
	}
	// layout.yaml: each row rates the copies as the original, new
	// industries as their source, and the counts follow.
	var layout map[string]any
	if err := readYAML(filepath.Join(dir, "layout.yaml"), &layout); err != nil {
		return err
	}
	rows := layout["rows"].([]any)
	rowOf := map[string]map[string]any{}
	for _, r := range rows {
		row := r.(map[string]any)
		ratings := row["ratings"].(map[string]any)
		for _, c := range codes {
			if v, ok := ratings[c]; ok {
				for _, cp := range copies(c) {
					ratings[cp] = v
				}
			}
		}
		row["count"] = len(ratings)
		rowOf[row["industry"].(string)] = row
	}
	for _, a := range added {
		cp := deepCopy(rowOf[a.from]).(map[string]any)
		cp["industry"] = a.code
		rows = append(rows, cp)
	}
	layout["rows"] = rows
	perCity := map[string]int{}
	for _, r := range rows {
		for c := range r.(map[string]any)["ratings"].(map[string]any) {
			perCity[c]++
		}
	}
	counts := map[string]any{}
	for _, c := range cities {
		counts[c["code"].(string)] = perCity[c["code"].(string)]
	}
	layout["city_counts"] = counts
	if err := writeYAML(filepath.Join(dir, "layout.yaml"), layout); err != nil {
		return err
	}

	// plan.yaml: each copy in its original's regional group and area,
	// with the same focus industries.
	var doc map[string]any
	if err := readYAML(filepath.Join(dir, "plan.yaml"), &doc); err != nil {
		return err
	}
	groups := doc["general"].(map[string]any)["regions"].(map[string]any)["groups"].([]any)
	for _, g := range groups {
		group := g.(map[string]any)
		var list []any
		entries := group["cities"].([]any)
		list = append(list, entries...)
		for j := 1; j < k; j++ {
			_, _, s := suffix(j)
			for _, e := range entries {
				cp := deepCopy(e).(map[string]any)
				cp["city"] = cp["city"].(string) + s
				list = append(list, cp)
			}
		}
		group["cities"] = list
		if areas, ok := group["areas"].([]any); ok {
			for _, a := range areas {
				area := a.(map[string]any)
				var cs []any
				for _, c := range area["cities"].([]any) {
					cs = append(cs, c)
					for _, cp := range copies(c.(string)) {
						cs = append(cs, cp)
					}
				}
				area["cities"] = cs
			}
		}
	}
	if err := writeYAML(filepath.Join(dir, "plan.yaml"), doc); err != nil {
		return err
	}

	// The source document such data reproduces, in place of the real one.
	src, err := plan.RenderSource(dir)
	if err != nil {
		return err
	}
	old, _ := filepath.Glob(filepath.Join(dir, "source", "*.txt"))
	if len(old) != 1 {
		return fmt.Errorf("want one source document, found %v", old)
	}
	return os.WriteFile(old[0], []byte(src), 0o644)
}

func readYAML(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return yaml.Unmarshal(b, v)
}

func writeYAML(path string, v any) error {
	b, err := yaml.Marshal(v)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// deepCopy copies what yaml and json decode to (maps, slices, scalars).
func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		return slices.Collect(func(yield func(any) bool) {
			for _, e := range x {
				if !yield(deepCopy(e)) {
					return
				}
			}
		})
	default:
		return v
	}
}
