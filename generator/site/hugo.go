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

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
)

// Options says where the Hugo project is and where its output goes.
type Options struct {
	Root       string // the folder holding hugo.toml
	PublishDir string // absolute; created by Hugo
	BaseURL    string
	CacheDir   string    // Hugo's file cache; kept out of the user's home
	Log        io.Writer // Hugo's warnings; nil discards them
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
