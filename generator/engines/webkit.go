package engines

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// webkit is WebKitGTK's MiniBrowser driven by WebKitWebDriver (classic
// WebDriver over HTTP), on an Xvfb display of its own.
type webkit struct {
	xvfb, driver *exec.Cmd
	dir          string // XDG config and logs
	base         string // http://127.0.0.1:port/session/<id>
	version      string
	log          *logBuffer
	// chromeW, chromeH are what the window adds to its viewport.
	chromeW, chromeH int
}

// gtkCSS shrinks MiniBrowser's toolbar: GTK will not make a window
// narrower than its widgets, and with them at their usual size no window
// is as narrow as a 390 px phone. Web content does not use GTK's styles.
const gtkCSS = `headerbar, toolbar, entry, button, box, label, image, progressbar {
	min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px;
}
`

func startWebKit(ctx context.Context, opts Options) (_ Browser, err error) {
	if err := Available(WebKit); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "plan-webkit-")
	if err != nil {
		return nil, err
	}
	w := &webkit{dir: dir, log: &logBuffer{}}
	defer func() {
		if err != nil {
			w.Close()
		}
	}()
	if err := os.MkdirAll(filepath.Join(dir, "gtk-3.0"), 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "gtk-3.0", "gtk.css"), []byte(gtkCSS), 0o644); err != nil {
		return nil, err
	}
	display, err := w.startXvfb(ctx)
	if err != nil {
		return nil, err
	}
	args := []string{"--automation"}
	if opts.Dark {
		args = append(args, "--dark-mode")
	}
	caps := map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"webkitgtk:browserOptions": map[string]any{"args": args},
		"proxy": map[string]any{"proxyType": "manual", "httpProxy": deadProxy, "sslProxy": deadProxy,
			"noProxy": []string{"127.0.0.1", "localhost", "[::1]"}},
	}}}
	var sess struct {
		SessionID    string `json:"sessionId"`
		Capabilities struct {
			BrowserVersion string `json:"browserVersion"`
		} `json:"capabilities"`
	}
	// Now and then MiniBrowser never answers the driver's first call, and
	// the new session waits for ever: then a new driver and browser.
	var root string
	for attempt := 0; ; attempt++ {
		if root, err = w.startDriver(display); err != nil {
			return nil, err
		}
		actx, cancel := context.WithTimeout(ctx, 20*time.Second)
		// The driver takes a moment to listen.
		for {
			err = w.call(actx, "POST", root+"/session", caps, &sess)
			if err == nil || actx.Err() != nil {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		cancel()
		if err == nil || attempt == 2 || ctx.Err() != nil {
			break
		}
		stop(w.driver)
		w.driver = nil
	}
	if err != nil {
		return nil, fmt.Errorf("a WebKit session: %w\n%s", err, w.log)
	}
	w.base = root + "/session/" + sess.SessionID
	w.version = "WebKitGTK " + sess.Capabilities.BrowserVersion
	return w, nil
}

// startDriver starts WebKitWebDriver on display and returns its URL.
func (w *webkit) startDriver(display string) (string, error) {
	port, err := freePort()
	if err != nil {
		return "", err
	}
	w.driver = exec.Command("WebKitWebDriver", "--port="+itoa(port), "--host=local")
	w.driver.Env = append(os.Environ(), "DISPLAY="+display, "XDG_CONFIG_HOME="+w.dir,
		"XDG_CACHE_HOME="+filepath.Join(w.dir, "cache"), "XDG_DATA_HOME="+filepath.Join(w.dir, "data"))
	w.driver.Stdout, w.driver.Stderr = w.log, w.log
	ownGroup(w.driver)
	if err := w.driver.Start(); err != nil {
		return "", fmt.Errorf("starting WebKitWebDriver: %w", err)
	}
	return "http://127.0.0.1:" + itoa(port), nil
}

// startXvfb starts a virtual display and returns its name (":n"). The
// number is picked here, at random, rather than by Xvfb (which takes the
// first free one): Xvfbs started at once by other tests would race for
// it. Xvfb writes the number to the pipe given as -displayfd once it
// serves the display, and ends at once if another server holds it.
func (w *webkit) startXvfb(ctx context.Context) (string, error) {
	for range 10 {
		n := 100 + rand.IntN(900)
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n)); err == nil {
			continue
		}
		r, pw, err := os.Pipe()
		if err != nil {
			return "", err
		}
		// The screen is larger than any window here, so that X's pointer,
		// which starts at the screen's centre, is never over the page:
		// a page under it gets hover events no reader made.
		cmd := exec.Command("Xvfb", ":"+itoa(n), "-displayfd", "3", "-screen", "0", "3200x2400x24", "-nolisten", "tcp")
		cmd.ExtraFiles = []*os.File{pw}
		cmd.Stderr = w.log
		ownGroup(cmd)
		if err := cmd.Start(); err != nil {
			pw.Close()
			r.Close()
			return "", fmt.Errorf("starting Xvfb: %w", err)
		}
		pw.Close()
		got := make(chan string, 1)
		go func() {
			line, _ := bufio.NewReader(r).ReadString('\n')
			got <- strings.TrimSpace(line)
		}()
		select {
		case said := <-got:
			r.Close()
			if said == itoa(n) {
				w.xvfb = cmd
				return ":" + said, nil
			}
			stop(cmd) // the number was taken
		case <-time.After(20 * time.Second):
			r.Close()
			stop(cmd)
			return "", fmt.Errorf("engines: Xvfb did not serve display :%d in 20 s: %s", n, w.log)
		case <-ctx.Done():
			r.Close()
			stop(cmd)
			return "", ctx.Err()
		}
	}
	return "", fmt.Errorf("engines: Xvfb found no free display: %s", w.log)
}

// call sends one WebDriver command and decodes its value into out.
func (w *webkit) call(ctx context.Context, method, u string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var res struct {
		Value json.RawMessage `json:"value"`
	}
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		return fmt.Errorf("WebDriver %s %s: HTTP %d: %.200s", method, u, resp.StatusCode, raw)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct{ Error, Message string }
		json.Unmarshal(res.Value, &e)
		return fmt.Errorf("WebDriver %s: %s: %s", u[strings.LastIndex(u, "/")+1:], e.Error, e.Message)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(res.Value, out)
}

func (w *webkit) Name() Name      { return WebKit }
func (w *webkit) Version() string { return w.version }

// Resize sizes the window so that its viewport is w × h. The window
// includes MiniBrowser's toolbar, whose size is learnt from the first
// resize; GTK applies a new size a moment after the command returns.
func (w *webkit) Resize(ctx context.Context, cw, ch int) error {
	type size struct{ W, H int }
	var in size
	for range 4 {
		if err := w.call(ctx, "POST", w.base+"/window/rect", map[string]int{"x": 0, "y": 0, "width": cw + w.chromeW, "height": ch + w.chromeH}, nil); err != nil {
			return err
		}
		for end := time.Now().Add(3 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
			if err := w.Eval(ctx, `({W: innerWidth, H: innerHeight})`, &in); err != nil {
				return err
			}
			if in.W == cw && in.H == ch {
				return nil
			}
		}
		var rect struct{ Width, Height int }
		if err := w.call(ctx, "GET", w.base+"/window/rect", nil, &rect); err != nil {
			return err
		}
		w.chromeW, w.chromeH = rect.Width-in.W, rect.Height-in.H
	}
	return fmt.Errorf("WebKit: a viewport of %d × %d px asked for, %d × %d px got", cw, ch, in.W, in.H)
}

func (w *webkit) Load(ctx context.Context, u string, cw, ch int) error {
	if err := w.Resize(ctx, cw, ch); err != nil {
		return err
	}
	return w.call(ctx, "POST", w.base+"/url", map[string]string{"url": u}, nil)
}

func (w *webkit) Eval(ctx context.Context, js string, out any) error {
	var s string
	if err := w.call(ctx, "POST", w.base+"/execute/sync", map[string]any{"script": "return " + wrapJS(js), "args": []any{}}, &s); err != nil {
		return err
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal([]byte(s), out)
}

func (w *webkit) Click(ctx context.Context, x, y float64) error {
	acts := map[string]any{"actions": []any{map[string]any{
		"type": "pointer", "id": "mouse", "parameters": map[string]string{"pointerType": "mouse"},
		"actions": []any{
			map[string]any{"type": "pointerMove", "x": int(x), "y": int(y), "origin": "viewport"},
			map[string]any{"type": "pointerDown", "button": 0},
			map[string]any{"type": "pointerUp", "button": 0},
		}}}}
	if err := w.call(ctx, "POST", w.base+"/actions", acts, nil); err != nil {
		return err
	}
	return w.call(ctx, "DELETE", w.base+"/actions", nil, nil)
}

func (w *webkit) Screenshot(ctx context.Context) ([]byte, error) {
	var s string
	if err := w.call(ctx, "GET", w.base+"/screenshot", nil, &s); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(s)
}

func (w *webkit) Close() error {
	if w.base != "" {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		w.call(ctx, "DELETE", w.base, nil, nil)
		cancel()
		w.base = ""
	}
	stop(w.driver)
	stop(w.xvfb)
	w.driver, w.xvfb = nil, nil
	if w.dir != "" {
		os.RemoveAll(w.dir)
		w.dir = ""
	}
	return nil
}
