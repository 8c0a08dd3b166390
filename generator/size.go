package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/hunan-industry/plan-site/generator/sizereport"
)

// size prints, for every kind of page in both languages, the bytes (raw
// and gzip -9) a browser downloads on the first view, by type, from the
// site built in out (go run ./generator build first).
func size(out string, stdout io.Writer) error {
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		return fmt.Errorf("no built site in %s (run go run ./generator build first): %w", out, err)
	}
	pages, err := sizereport.Report(out)
	if err != nil {
		return err
	}
	kb := func(s sizereport.Size) string {
		if s.Raw == 0 {
			return "-"
		}
		return fmt.Sprintf("%.1f/%.1f", float64(s.Raw)/1024, float64(s.Gzip)/1024)
	}
	fmt.Fprintf(stdout, "First view of each kind of page, in KiB raw/gzip -9, from %s\n", out)
	fmt.Fprintln(stdout, "(inline SVG is part of the HTML; \"on interaction\" is the chart bundle a normal page loads when a reader uses a chart)")
	fmt.Fprintln(stdout)
	// Right-aligned numbers; the page names padded to read left-aligned.
	width := len("page")
	for _, p := range pages {
		width = max(width, len(p.Kind))
	}
	w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "%-*s\tlang\tfiles\tHTML\t(inline SVG)\tCSS\tJS\tSVG\tJSON\tother\ttotal\ton interaction\t\n", width, "page")
	for _, p := range pages {
		t := p.ByType()
		var later sizereport.Size
		for _, r := range p.OnInteraction {
			later = later.Add(r.Size)
		}
		fmt.Fprintf(w, "%-*s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", width, p.Kind, p.Lang, len(p.Resources),
			kb(t[sizereport.HTML]), kb(p.InlineSVG), kb(t[sizereport.CSS]), kb(t[sizereport.JS]),
			kb(t[sizereport.SVG]), kb(t[sizereport.JSON]), kb(t[sizereport.Other]), kb(p.Total()), kb(later))
	}
	return w.Flush()
}
