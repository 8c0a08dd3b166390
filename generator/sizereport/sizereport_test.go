package sizereport

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The fixture site under testdata/site holds one of each thing the
// measure must find or skip, so that a parser that finds nothing (or
// everything) fails here.
const fixture = "testdata/site"

func fileSize(t *testing.T, sitePath string) Size {
	t.Helper()
	b, err := readSitePath(fixture, sitePath)
	if err != nil {
		t.Fatal(err)
	}
	return Size{Raw: len(b), Gzip: GzipSize(b)}
}

func urls(rs []Resource) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Type+" "+r.URL)
	}
	return out
}

func TestMeasureNormalPage(t *testing.T) {
	p, err := Measure(fixture, "/")
	if err != nil {
		t.Fatal(err)
	}
	// In document order, each once; a script's static imports after it.
	// Not: the canonical and alternate links, the preload of another kind,
	// the lazy image, the JSON-LD (it is HTML), the bundle (dynamic
	// import, on interaction) and the charts' data (fetched by the bundle).
	want := []string{
		"html /",
		"css /css/site.css",
		"svg /favicon.svg",
		"js /js/loader.js",
		"js /js/tools.js",
		"js /js/shared.js",
		"svg /img/eager.svg",
	}
	if got := urls(p.Resources); !reflect.DeepEqual(got, want) {
		t.Errorf("first view:\n got %q\nwant %q", got, want)
	}
	for _, r := range p.Resources {
		if want := fileSize(t, r.URL); r.Size != want {
			t.Errorf("%s: size %+v, want %+v (the file's)", r.URL, r.Size, want)
		}
	}
	if got := urls(p.OnInteraction); !reflect.DeepEqual(got, []string{"js /js/bundle.js"}) {
		t.Errorf("on interaction: %q, want the bundle", got)
	}

	html, _ := os.ReadFile(filepath.Join(fixture, "index.html"))
	icon := `<svg class="icon" viewBox="0 0 1 1"><path d="M0 0h1v1z"/></svg>`
	chart := `<svg viewBox="0 0 10 10" role="img"><title>One &amp; two</title><g><svg x="1"><rect width="1" height="1"/></svg><path d="M1 1L9 9"/></g><text x="1" y="2">word</text></svg>`
	for _, s := range []string{icon, chart} {
		if !bytes.Contains(html, []byte(s)) {
			t.Fatalf("the fixture lost %s", s)
		}
	}
	if want := (Size{len(icon) + len(chart), GzipSize([]byte(icon + chart))}); p.InlineSVG != want {
		t.Errorf("inline SVG %+v, want %+v", p.InlineSVG, want)
	}
	if p.Charts != 2 || p.ChartsWithSVG != 1 {
		t.Errorf("charts %d, with SVG %d; want 2 and 1", p.Charts, p.ChartsWithSVG)
	}

	bt := p.ByType()
	if bt[JS].Raw != fileSize(t, "/js/loader.js").Raw+fileSize(t, "/js/tools.js").Raw+fileSize(t, "/js/shared.js").Raw {
		t.Errorf("JS by type %+v", bt[JS])
	}
	var sum Size
	for _, typ := range Types {
		sum = sum.Add(bt[typ])
	}
	if sum != p.Total() || p.Total().Raw <= len(html) {
		t.Errorf("total %+v, by type %+v", p.Total(), bt)
	}
}

func TestMeasureEmbedPage(t *testing.T) {
	p, err := Measure(fixture, "/embed/")
	if err != nil {
		t.Fatal(err)
	}
	// The bundle is preloaded, so the chart mounts at once and fetches its
	// option and the map; relative references resolve against the page.
	want := []string{
		"html /embed/",
		"css /css/site.css",
		"js /js/bundle.js",
		"js /js/embed.js",
		"js /js/tools.js",
		"js /js/shared.js",
		"json /js/one.json",
		"json /js/geo.json",
	}
	if got := urls(p.Resources); !reflect.DeepEqual(got, want) {
		t.Errorf("first view:\n got %q\nwant %q", got, want)
	}
	if len(p.OnInteraction) != 0 {
		t.Errorf("on interaction %q: the embed page has loaded everything", urls(p.OnInteraction))
	}
	if p.Charts != 1 || p.ChartsWithSVG != 1 {
		t.Errorf("charts %d, with SVG %d; want 1 and 1", p.Charts, p.ChartsWithSVG)
	}
}

func TestMeasurePageWithoutCharts(t *testing.T) {
	p, err := Measure(fixture, "/en/404.html")
	if err != nil {
		t.Fatal(err)
	}
	if got := urls(p.Resources); !reflect.DeepEqual(got, []string{"html /en/404.html", "css /css/site.css"}) {
		t.Errorf("first view %q", got)
	}
	if p.InlineSVG != (Size{}) || p.Charts != 0 || len(p.OnInteraction) != 0 {
		t.Errorf("found charts or SVG in a page with none: %+v", p)
	}
}

func TestMeasureErrors(t *testing.T) {
	if _, err := Measure(fixture, "/no/such/page/"); err == nil {
		t.Error("a missing page measured")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte(`<script src="https://cdn.example.com/x.js"></script>`), 0o644)
	if _, err := Measure(dir, "/"); err == nil || !strings.Contains(err.Error(), "another host") {
		t.Errorf("a third-party script: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "index.html"), []byte(`<link rel="stylesheet" href="/missing.css">`), 0o644)
	if _, err := Measure(dir, "/"); err == nil || !strings.Contains(err.Error(), "missing.css") {
		t.Errorf("a missing stylesheet: %v", err)
	}
}

func TestStaticImports(t *testing.T) {
	js := `import{a as b}from"./a.js";import "./b.js";import * as c from '/c.js';
export*from"./d.js";export{x}from"./e.js";import(m.content);const s=await import("./f.js");
let important="yes"; // not an import
import def, {g} from "./g.js"`
	want := []string{"./a.js", "./b.js", "/c.js", "./d.js", "./e.js", "./g.js"}
	if got := StaticImports([]byte(js)); !reflect.DeepEqual(got, want) {
		t.Errorf("StaticImports:\n got %q\nwant %q", got, want)
	}
}

func TestGzipSize(t *testing.T) {
	b := bytes.Repeat([]byte("湖南省现代化产业体系 "), 500)
	n := GzipSize(b)
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	if n != buf.Len() || n >= len(b)/10 {
		t.Errorf("GzipSize %d of %d bytes (gzip -9 wrote %d)", n, len(b), buf.Len())
	}
	r, err := gzip.NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	back, _ := io.ReadAll(r)
	if !bytes.Equal(back, b) {
		t.Error("gzip round trip")
	}
}

func TestFilesOfType(t *testing.T) {
	s, names, err := FilesOfType(fixture, ".json")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"/js/geo.json", "/js/one.json", "/js/two.json"}; !reflect.DeepEqual(names, want) {
		t.Errorf("files %q, want %q", names, want)
	}
	want := fileSize(t, "/js/geo.json").Add(fileSize(t, "/js/one.json")).Add(fileSize(t, "/js/two.json"))
	if s != want {
		t.Errorf("size %+v, want %+v", s, want)
	}
}

// TestBytesAndOver proves the image and folder budgets can fail: on the
// fixture site, a tiny budget per file and in all is reported with the
// file and the numbers, an ample one is not, and a pattern that finds
// nothing is an error rather than a pass.
func TestBytesAndOver(t *testing.T) {
	total, each, err := Bytes(fixture, "js/*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(each) != 3 || total != each["js/one.json"]+each["js/two.json"]+each["js/geo.json"] || total == 0 {
		t.Fatalf("Bytes = %d, %v; want the three JSON files of js/", total, each)
	}
	if got := Over("json", total, each, 1<<20, 1<<20); len(got) != 0 {
		t.Errorf("ample budgets reported: %q", got)
	}
	got := Over("json", total, each, each["js/one.json"]-1, total-1)
	joined := strings.Join(got, "\n")
	if !strings.Contains(joined, "js/one.json is ") || !strings.Contains(joined, "3 files, ") || !strings.Contains(joined, "over the budget") {
		t.Errorf("tiny budgets: %q, want js/one.json and the total named", got)
	}
	all, every, err := Bytes(fixture, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(every) < 10 || all <= total {
		t.Errorf("Bytes of the whole fixture = %d in %d files", all, len(every))
	}
	if got := Over("whole site", all, every, 0, all-1); len(got) != 1 {
		t.Errorf("a folder over its budget: %q", got)
	}
	none, nothing, err := Bytes(fixture, "social/*/*.png")
	if err != nil {
		t.Fatal(err)
	}
	if got := Over("social", none, nothing, 1, 1); len(got) != 1 || !strings.Contains(got[0], "no files found") {
		t.Errorf("an empty set: %q, want it reported", got)
	}
}
