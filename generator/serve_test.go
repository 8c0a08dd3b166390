package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hunan-industry/plan-site/generator/internal/projectcopy"
	"github.com/hunan-industry/plan-site/generator/internal/sitefixture"
	"github.com/hunan-industry/plan-site/generator/pipeline"
)

// The serve tests run the real project in a temporary copy: serve builds
// it, then an edit of a YAML file must show on the served page.
//
//	go test -bench ServeEdit -run '^$' -benchtime 5x ./generator/
//
// measures, per edit, the time from the file write to the moment the
// served HTML holds the change.

var (
	serveOnce sync.Once
	serveSrv  *server
	serveRoot string
	serveLog  *syncBuffer
	serveErr  error
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// serving starts serve once on a copy of the project, for every test and
// benchmark of this file.
func serving(tb testing.TB) (*server, string) {
	tb.Helper()
	// The copy starts from the shared fixture's render caches: what is
	// tested is serving and rebuilding, not drawing every chart again.
	fixture, _ := sitefixture.Built(tb, func(root, out, url string) error {
		_, err := pipeline.Run(pipeline.Options{Root: root, Out: out, BaseURL: url})
		return err
	})
	serveOnce.Do(func() {
		serveRoot, serveErr = os.MkdirTemp("", "plan-serve-")
		if serveErr != nil {
			return
		}
		if serveErr = projectcopy.Copy("..", serveRoot); serveErr != nil {
			return
		}
		if serveErr = pipeline.ShareCaches(fixture, serveRoot); serveErr != nil {
			return
		}
		serveLog = &syncBuffer{}
		serveSrv, serveErr = startServe(serveOptions{
			Root: serveRoot, Out: filepath.Join(serveRoot, "public"), Addr: "127.0.0.1:0",
			Build: true, Watch: true, Log: serveLog,
		})
	})
	if serveErr != nil {
		tb.Fatal(serveErr)
	}
	return serveSrv, serveRoot
}

func TestMain(m *testing.M) {
	code := m.Run()
	if serveSrv != nil {
		serveSrv.Close()
	}
	if serveRoot != "" {
		os.RemoveAll(serveRoot)
	}
	os.Exit(code)
}

// edit is a change to one YAML file and where it shows.
type edit struct {
	file, old, new string // new holds %s: the marker
	page           string
	inChart        bool // the change must show in the page's chart SVG
}

var (
	// The English introduction of an industry: text only, no chart redrawn.
	textEdit = edit{
		file: filepath.Join("data", "industries", "B1.yaml"),
		old:  "en: Develop intelligent,", new: "en: Develop %s intelligent,",
		page: "/en/industries/construction-machinery/",
	}
	// The English name of an industry: drawn in charts, so some are redrawn.
	chartEdit = edit{
		file: filepath.Join("data", "industries", "B1.yaml"),
		old:  "en: Construction machinery\n", new: "en: Construction machinery %s\n",
		page: "/en/industries/construction-machinery/", inChart: true,
	}
)

// apply makes the edit with the marker, waits until the served page shows
// it, and returns the time from the write to then. It then waits for serve
// to finish (the search index) and restores the file.
func (e edit) apply(tb testing.TB, s *server, root, marker string, limit time.Duration) time.Duration {
	tb.Helper()
	f := filepath.Join(root, e.file)
	orig, err := os.ReadFile(f)
	if err != nil {
		tb.Fatal(err)
	}
	if !bytes.Contains(orig, []byte(e.old)) {
		tb.Fatalf("%s no longer holds %q: update the edit", e.file, e.old)
	}
	changed := bytes.Replace(orig, []byte(e.old), []byte(fmt.Sprintf(e.new, marker)), 1)
	ended := s.nextRebuild()
	start := time.Now()
	if err := os.WriteFile(f, changed, 0o644); err != nil {
		tb.Fatal(err)
	}
	var took time.Duration
	for {
		if body := get(tb, s.URL+e.page); shows(body, marker, e.inChart) {
			took = time.Since(start)
			break
		}
		if time.Since(start) > limit {
			tb.Fatalf("the edit of %s did not show on %s within %s; serve said:\n%s", e.file, e.page, limit, serveLog.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	waitRebuild(tb, ended, limit, "the edit")
	// Restore, and wait for that rebuild too, so the next edit starts clean.
	ended = s.nextRebuild()
	if err := os.WriteFile(f, orig, 0o644); err != nil {
		tb.Fatal(err)
	}
	for deadline := time.Now().Add(limit); shows(get(tb, s.URL+e.page), marker, false); {
		if time.Now().After(deadline) {
			tb.Fatalf("restoring %s did not show within %s", e.file, limit)
		}
		time.Sleep(5 * time.Millisecond)
	}
	waitRebuild(tb, ended, limit, "restoring "+e.file)
	return took
}

// waitRebuild waits for a rebuild to end, search index included.
func waitRebuild(tb testing.TB, ended <-chan struct{}, limit time.Duration, what string) {
	tb.Helper()
	select {
	case <-ended:
	case <-time.After(limit):
		tb.Fatalf("the rebuild after %s did not end within %s; serve said:\n%s", what, limit, serveLog.String())
	}
}

func shows(body, marker string, inChart bool) bool {
	if !inChart {
		return strings.Contains(body, marker)
	}
	_, chart, ok := strings.Cut(body, `<div class="chart-canvas">`)
	chart, _, _ = strings.Cut(chart, "</svg>")
	return ok && strings.Contains(chart, marker)
}

// plainClient asks for uncompressed pages: the polling must not take the
// CPU the rebuild it waits for needs (two cores here).
var plainClient = &http.Client{Transport: &http.Transport{DisableCompression: true}}

func get(tb testing.TB, url string) string {
	tb.Helper()
	r, err := plainClient.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	defer r.Body.Close()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// TestServeShowsEdit: an edit of the data shows on the served page, the
// search index follows it, and a text edit redraws no chart. The time it
// takes is logged, not asserted (it depends on the machine and its load):
// the benchmark below measures it.
func TestServeShowsEdit(t *testing.T) {
	s, root := serving(t)
	entry := filepath.Join(root, "public", "pagefind", "pagefind-entry.json")
	before := time.Now()
	took := textEdit.apply(t, s, root, "Zqmarkertest", time.Minute)
	t.Logf("text edit shown after %s", took.Round(time.Millisecond))
	log := serveLog.String()
	if !strings.Contains(log, "(0 drawn)") {
		t.Errorf("a text edit redrew charts; serve said:\n%s", log)
	}
	if strings.Contains(log, "failed") || strings.Contains(log, "not updated") {
		t.Errorf("serve reported an error:\n%s", log)
	}
	// The quick rebuild copied the search index; it was then rebuilt.
	if info, err := os.Stat(entry); err != nil || info.ModTime().Before(before) {
		t.Errorf("the search index was not rebuilt after the edit: %v", err)
	}
}

func BenchmarkServeEdit(b *testing.B) {
	s, root := serving(b)
	for _, c := range []struct {
		name string
		e    edit
	}{{"text", textEdit}, {"chart", chartEdit}} {
		b.Run(c.name, func(b *testing.B) {
			var total time.Duration
			for i := 0; i < b.N; i++ {
				total += c.e.apply(b, s, root, fmt.Sprintf("Zqmark%d%s", i, c.name), time.Minute)
			}
			// ns/op also counts restoring the file and the search index.
			b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms-to-visible/op")
		})
	}
}
