package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hunan-industry/plan-site/generator/charts"
	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/plan"
	"github.com/hunan-industry/plan-site/generator/socialfont"
)

// socialCacheDir is the render cache of the social preview images, keyed
// by the card (its texts and its chart's SVG), the renderer script, the
// font files and the resvg version; a card's PNG does not depend on the
// rest of the batch.
const socialCacheDir = "social-cache"

// socialManifest (under generated/) is the batch of cards for
// scripts/render-social.mjs: those the cache did not have.
const socialManifest = "social.json"

// socialInputs are the files, besides a card, that decide its PNG;
// relative to the project root.
var socialInputs = append([]string{
	filepath.Join("scripts", "render-social.mjs"),
	filepath.Join("node_modules", "@resvg", "resvg-js", "package.json"),
}, socialfont.Files...)

// socialItem is one card of the manifest, as render-social.mjs reads it.
type socialItem struct {
	Out      string    `json:"out"` // relative to the project root
	Lang     plan.Lang `json:"lang"`
	Title    string    `json:"title"`
	Subtitle string    `json:"subtitle"`
	Footer   string    `json:"footer"`
	ChartSVG string    `json:"chartSVG"`
}

// writeSocial draws the social preview image of every page that has one
// (pages.SocialCards) to <assets>/social/<lang>/<name>.png, where Hugo
// finds it: from the cache when it holds the PNG for that exact card, else
// with node scripts/render-social.mjs over the missing ones, in one batch.
// It needs the charts' SVGs under <assets>/chart-files (writeCharts).
func writeSocial(p *plan.Plan, cs []*charts.Chart, assets, root string, progress func(string, ...any)) error {
	cache, err := openCache(root, socialCacheDir, socialInputs, nil)
	if err != nil {
		return fmt.Errorf("social image renderer input: %w", err)
	}
	if err := os.RemoveAll(filepath.Join(assets, "social")); err != nil {
		return err
	}

	cards := pages.SocialCards(p, cs)
	type job struct {
		item socialItem
		key  string
	}
	var todo []job
	for _, c := range cards {
		svg, err := os.ReadFile(filepath.Join(assets, pages.ChartFiles(c.Lang, c.Chart)+".svg"))
		if err != nil {
			return fmt.Errorf("social image %s (%s): chart %s: %w", c.Name, c.Lang, c.Chart, err)
		}
		out := filepath.Join(assets, filepath.FromSlash(pages.SocialImage(c.Lang, c.Name)))
		rel, err := filepath.Rel(root, out)
		if err != nil {
			return err
		}
		it := socialItem{Out: filepath.ToSlash(rel), Lang: c.Lang, Title: c.Title, Subtitle: c.Subtitle, Footer: c.Footer, ChartSVG: string(svg)}
		// The key is the card without its path: the picture alone.
		keyed := it
		keyed.Out = ""
		b, err := json.Marshal(keyed)
		if err != nil {
			return err
		}
		key := cache.key(".png", b)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		if png, ok := cache.get(key); ok {
			if err := os.WriteFile(out, png, 0o644); err != nil {
				return err
			}
			continue
		}
		todo = append(todo, job{it, key})
	}
	progress("drawing %d social images (%d from the cache)", len(cards), len(cards)-len(todo))

	if len(todo) > 0 {
		items := make([]socialItem, len(todo))
		for i, j := range todo {
			items[i] = j.item
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(items); err != nil {
			return err
		}
		manifest := filepath.Join(root, GeneratedDir, socialManifest)
		if err := os.WriteFile(manifest, buf.Bytes(), 0o644); err != nil {
			return err
		}
		if err := runTool(root, "node", filepath.Join("scripts", "render-social.mjs"), manifest); err != nil {
			return err
		}
		for _, j := range todo {
			png, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(j.item.Out)))
			if err != nil {
				return fmt.Errorf("the social image renderer wrote no %s: %w", j.item.Out, err)
			}
			if err := cache.put(j.key, png); err != nil {
				return err
			}
		}
	}
	return cache.prune()
}
