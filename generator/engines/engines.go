// Package engines drives the three browser engines the site's readers use
// through one small interface, so that a browser test which measures what
// is drawn runs the same way in each: Chromium (over the DevTools protocol,
// generator/browser), WebKit (WebKitGTK's WebKitWebDriver, the engine of
// every browser on iOS, under a virtual X display) and Gecko (Firefox ESR,
// over WebDriver BiDi: Debian ships no geckodriver).
//
// Each browser shows one page at a time in one viewport. Every request to
// a host off the loopback goes to a dead proxy, as in generator/browser.
package engines

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
)

// Name is a browser engine.
type Name string

const (
	Chromium Name = "chromium"
	WebKit   Name = "webkit"
	Firefox  Name = "firefox"
)

// All are the engines, Chromium first: the others are compared with it.
var All = []Name{Chromium, WebKit, Firefox}

// ErrMissing means an engine (or what it needs, such as Xvfb) is not
// installed; the error says which Debian packages bring it.
var ErrMissing = errors.New("browser engine not installed")

// Options say how to start a browser.
type Options struct {
	// Dark starts it with the reader's system set to dark
	// (prefers-color-scheme: dark). WebKitGTK and Firefox read this when
	// they start, so a light and a dark view are two browsers.
	Dark bool
}

// A Browser is one running engine showing one page.
type Browser interface {
	Name() Name
	// Version is the engine's own version string.
	Version() string
	// Load sets the viewport to w × h CSS px and loads u, returning once
	// its load event has fired.
	Load(ctx context.Context, u string, w, h int) error
	// Resize sets the viewport of the page on show to w × h CSS px.
	Resize(ctx context.Context, w, h int) error
	// Eval evaluates the JavaScript expression js in the page, awaits it
	// if it is a promise, and decodes its value, passed through
	// JSON.stringify, into out (nil: the value is dropped).
	Eval(ctx context.Context, js string, out any) error
	// Click moves the mouse to (x, y) in the viewport and clicks there,
	// as real input the page's handlers receive.
	Click(ctx context.Context, x, y float64) error
	// Screenshot is a PNG of the viewport, one pixel per CSS px.
	Screenshot(ctx context.Context) ([]byte, error)
	// Close ends the browser and everything started for it.
	Close() error
}

// Start launches the engine name.
func Start(ctx context.Context, name Name, opts Options) (Browser, error) {
	switch name {
	case Chromium:
		return startChromium(ctx, opts)
	case WebKit:
		return startWebKit(ctx, opts)
	case Firefox:
		return startFirefox(ctx, opts)
	}
	return nil, fmt.Errorf("no such engine %q", name)
}

// Available tells whether the engine's programs are installed, with an
// error wrapping ErrMissing that names the Debian packages if not.
func Available(name Name) error {
	var progs []string
	var pkgs string
	switch name {
	case Chromium:
		return chromiumAvailable()
	case WebKit:
		progs, pkgs = []string{"WebKitWebDriver", "Xvfb"}, "webkit2gtk-driver xvfb"
	case Firefox:
		progs, pkgs = []string{firefoxProgram()}, "firefox-esr"
	default:
		return fmt.Errorf("no such engine %q", name)
	}
	for _, p := range progs {
		if _, err := exec.LookPath(p); err != nil {
			return fmt.Errorf("%w: no %s (apt-get install %s)", ErrMissing, p, pkgs)
		}
	}
	return nil
}

func firefoxProgram() string {
	if p := os.Getenv("FIREFOX"); p != "" {
		return p
	}
	if _, err := exec.LookPath("firefox-esr"); err == nil {
		return "firefox-esr"
	}
	return "firefox"
}

// wrapJS makes js an expression whose value is its (awaited) value as JSON
// text, which every protocol returns as a plain string.
func wrapJS(js string) string {
	return "Promise.resolve((" + js + "\n)).then((v) => v === undefined ? 'null' : JSON.stringify(v))"
}

// freePort is a TCP port on the loopback that nothing listens on now.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func itoa(n int) string { return strconv.Itoa(n) }

// deadProxy is where every request off the loopback goes: nothing answers.
const deadProxy = "127.0.0.1:9"
