// Package site runs Hugo as a library. It is the only package that touches
// Hugo's internal API, so that a Hugo upgrade changes this file alone.
package site

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"
)

// Options says where the Hugo project is and where its output goes.
type Options struct {
	Root       string // the folder holding hugo.toml
	PublishDir string // absolute; created by Hugo
	BaseURL    string
	CacheDir   string // Hugo's file cache; kept out of the user's home
	// LinkFrom, if set, is an assets folder whose files Hugo publishes
	// unchanged (generated/assets: chart files, their options, social
	// images). An output file with the bytes of one of them is
	// hard-linked to it, not written:
	// here creating a file costs some 40 times the CPU of a link. The
	// folder's writer must replace its files, never rewrite them in place.
	LinkFrom string
	Log      io.Writer // Hugo's warnings; nil discards them
	// Settings are set over hugo.toml's, as Hugo's command-line flags
	// are; maps merge key by key (languages.zh.params.issuer).
	Settings map[string]any
}

// Result counts what Hugo rendered.
type Result struct {
	PagesByLanguage map[string]int
}

// Build renders the site once into opts.PublishDir.
func Build(opts Options) (Result, error) {
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return Result{}, err
	}
	flags := config.New()
	flags.Set("workingDir", root)
	flags.Set("publishDir", opts.PublishDir)
	flags.Set("baseURL", opts.BaseURL)
	flags.Set("cacheDir", opts.CacheDir)
	flags.Set("noBuildLock", true)
	for k, v := range opts.Settings {
		flags.Set(k, v)
	}

	// Hugo's template errors say only "logged N error(s)"; what it logged
	// is the message worth showing.
	var logged bytes.Buffer
	out := io.Writer(&logged)
	if opts.Log != nil {
		out = io.MultiWriter(&logged, opts.Log)
	}
	logger := loggers.New(loggers.Options{StdOut: out, StdErr: out, Level: logg.LevelWarn})

	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Flags:    flags,
		Fs:       hugofs.Os,
		Filename: filepath.Join(root, "hugo.toml"),
		Logger:   logger,
		Environ:  hugoEnviron(),
	})
	if err != nil {
		return Result{}, fmt.Errorf("hugo config: %w", err)
	}
	fs := hugofs.NewFrom(hugofs.Os, configs.LoadingInfo.BaseConfig)
	// Hugo renders into memory; writeOut then makes each folder once and
	// writes the files on two goroutines. Written straight to disk, Hugo
	// tries each file, makes its folders on failure and tries again: with
	// some 500 files, those system calls were a third of the render's CPU
	// time (see the Performance section of the README).
	mem := afero.NewMemMapFs()
	pub := hugofs.NewBasePathFs(mem, "/")
	fs.PublishDir, fs.PublishDirServer, fs.PublishDirStatic = pub, pub, pub
	sites, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs: configs, Fs: fs, LogLevel: logger.Level(), StdErr: out, StdOut: out,
	})
	if err != nil {
		return Result{}, withLog(fmt.Errorf("hugo: %w", err), &logged)
	}
	defer sites.Close()
	if err := sites.Build(hugolib.BuildCfg{NoBuildLock: true}); err != nil {
		return Result{}, withLog(fmt.Errorf("hugo: %w", err), &logged)
	}
	if n := sites.NumLogErrors(); n > 0 {
		return Result{}, withLog(fmt.Errorf("hugo logged %d error(s)", n), &logged)
	}
	if err := writeOut(mem, opts.PublishDir, opts.LinkFrom); err != nil {
		return Result{}, err
	}
	res := Result{PagesByLanguage: map[string]int{}}
	for _, p := range sites.Pages() {
		if p.IsPage() || p.IsSection() || p.IsHome() {
			res.PagesByLanguage[p.Language().Lang]++
		}
	}
	return res, nil
}

// hugoEnviron passes no HUGO_* variables from the environment, so that a
// build does not change with the shell it runs in.
func hugoEnviron() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "HUGO") {
			env = append(env, kv)
		}
	}
	return env
}

func withLog(err error, logged *bytes.Buffer) error {
	if logged.Len() == 0 {
		return err
	}
	return fmt.Errorf("%w\n%s", err, strings.TrimSpace(logged.String()))
}

// writeOut copies the rendered site from mem into dir (created): the
// folders first, parents before children, then the files, two at a time;
// a file with the same bytes as one under linkFrom is linked to it.
func writeOut(mem afero.Fs, dir, linkFrom string) error {
	type file struct{ path, dst string }
	var dirs []string
	var files []file
	err := afero.Walk(mem, "/", func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if info.IsDir() {
			dirs = append(dirs, dst)
		} else {
			files = append(files, file{p, dst})
		}
		return nil
	})
	if err != nil {
		return err
	}
	src, err := indexSources(linkFrom)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, d := range dirs { // Walk gives a folder before what it holds
		if err := os.Mkdir(d, 0o755); err != nil && !os.IsExist(err) {
			return err
		}
	}
	const workers = 2
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(files); i += workers {
				b, err := afero.ReadFile(mem, files[i].path)
				if err == nil && !src.linked(files[i].dst, b) {
					err = os.WriteFile(files[i].dst, b, 0o644)
				}
				if err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// sources indexes the files under linkFrom by size, for linking.
type sources map[int64][]string

func indexSources(linkFrom string) (sources, error) {
	src := sources{}
	if linkFrom == "" {
		return src, nil
	}
	err := filepath.WalkDir(linkFrom, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		src[info.Size()] = append(src[info.Size()], p)
		return nil
	})
	if os.IsNotExist(err) {
		return src, nil
	}
	return src, err
}

// linked hard-links to dst a source file that holds exactly b, and says
// whether it did (none, or another disk: no).
func (s sources) linked(dst string, b []byte) bool {
	for _, src := range s[int64(len(b))] {
		have, err := os.ReadFile(src)
		if err == nil && bytes.Equal(have, b) {
			return os.Link(src, dst) == nil
		}
	}
	return false
}
