// Command generator builds the bilingual site of the Hunan modern
// industrial system plan from the YAML under data/.
//
//	go run ./generator build   # data → public/
//	go run ./generator serve   # preview on 127.0.0.1, rebuilding on change
//	go run ./generator check   # load and validate the data only
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/hunan-industry/plan-site/generator/pages"
	"github.com/hunan-industry/plan-site/generator/pipeline"
	"github.com/hunan-industry/plan-site/generator/plan"
)

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// tuneGC has the collector run less often: a build is short and its
// garbage dies with it (a fifth of Hugo's render CPU time went to the
// collector at the default), within a soft limit that keeps a large
// site's memory in bounds. GOGC or GOMEMLIMIT in the environment win.
// It is the program's choice, so it is made here and not in a package.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1 << 30)
	}
}

const usage = `usage: go run ./generator <command> [flags]

commands:
  build   load the data, write pages and charts, build the site into public/
  serve   build, serve on 127.0.0.1 and rebuild when data/, content/, themes/, static/ or hugo.toml change
  check   load and validate the data; write nothing
  screenshots  save PNGs of key pages at 390 and 1280 px in both languages (needs Chromium)
  size    print the bytes each kind of page loads on first view (raw and gzip) from a built site
  kinds   print one page of each kind, a path a line, in both languages (for scripts)

Run "go run ./generator <command> -h" for a command's flags.
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "the project folder (holding data/, content/, themes/)")
	var err error
	out := fs.String("out", "public", "the output folder, replaced whole when the build succeeds")
	baseURL := fs.String("baseurl", defaultBaseURL(), "the site's absolute URL (default: $URL as Netlify sets it, else a placeholder)")
	updated := fs.String("updated", "", `the "last updated" date, YYYY-MM-DD (default: the last git commit of data/, content/, themes/, static/)`)
	switch cmd {
	case "check":
		if fs.Parse(args) != nil {
			return 2
		}
		err = check(*root, stdout)
	case "build":
		if fs.Parse(args) != nil {
			return 2
		}
		var sum pipeline.Summary
		sum, err = pipeline.Run(pipeline.Options{Root: *root, Out: *out, BaseURL: *baseURL, Progress: stderr, Updated: *updated})
		if err == nil {
			fmt.Fprintln(stderr, sum)
		}
	case "screenshots":
		dir := fs.String("dir", "screenshots", "where to save the PNGs")
		list := fs.String("pages", strings.Join(screenshotPages(), ","), "comma-separated paths of the Chinese pages (the English twins are taken too)")
		if fs.Parse(args) != nil {
			return 2
		}
		err = screenshots(*root, *dir, strings.Split(*list, ","), stderr)
	case "size":
		if fs.Parse(args) != nil {
			return 2
		}
		err = size(*out, stdout)
	case "kinds":
		if fs.Parse(args) != nil {
			return 2
		}
		for _, l := range plan.Langs {
			for _, k := range pages.Kinds {
				fmt.Fprintln(stdout, k.FileIn(l))
			}
		}
	case "serve":
		addr := fs.String("addr", "127.0.0.1:1313", "where to listen (loopback only)")
		noWatch := fs.Bool("no-watch", false, "build once and serve; do not rebuild on change")
		noBuild := fs.Bool("no-build", false, "serve -out as it is, without building (implies -no-watch)")
		if fs.Parse(args) != nil {
			return 2
		}
		err = serve(serveOptions{Root: *root, Out: *out, Addr: *addr, Build: !*noBuild, Watch: !*noWatch && !*noBuild, Log: stderr})
	default:
		fmt.Fprintf(stderr, "unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// placeholderURL stands in where no deployment URL is known; every link
// the site makes itself is relative, so a local build works anywhere.
const placeholderURL = "https://hunan-plan.example.org/"

func defaultBaseURL() string {
	if u := os.Getenv("URL"); u != "" { // Netlify's primary URL
		return strings.TrimSuffix(u, "/") + "/"
	}
	return placeholderURL
}

func check(root string, stdout io.Writer) error {
	p, err := plan.Load(dataDir(root))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "data OK: %d industries, %d cities, %d glossary entries\n", len(p.Industries), len(p.Cities), len(p.Glossary))
	return nil
}

func dataDir(root string) string { return filepath.Join(root, "data") }
