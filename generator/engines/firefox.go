package engines

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/websocket"
)

// firefox is headless Firefox driven over WebDriver BiDi, its own remote
// protocol (started with --remote-debugging-port), on one websocket.
type firefox struct {
	cmd     *exec.Cmd
	dir     string // the profile
	log     *logBuffer
	ws      *websocket.Conn
	context string // the browsing context (tab) on show
	version string

	mu      sync.Mutex
	nextID  int
	waiting map[int]chan bidiReply
	dead    error // the connection's end, once it ended
}

type bidiReply struct {
	Type    string          `json:"type"`
	ID      *int            `json:"id"`
	Result  json.RawMessage `json:"result"`
	Error   string          `json:"error"`
	Message string          `json:"message"`
}

// firefoxPrefs: the reader's colour scheme; scrollbars over the page, as
// on a phone (and in the other engines as driven here), rather than
// beside it, taking width from the layout; and every request off the
// loopback to the dead proxy (Firefox never proxies the loopback). The
// remote agent sets its own prefs for automation (no updates, no first
// run pages).
func firefoxPrefs(dark bool) string {
	scheme := 1 // light
	if dark {
		scheme = 0
	}
	host, port, _ := strings.Cut(deadProxy, ":")
	return strings.Join([]string{
		`user_pref("network.proxy.type", 1);`,
		`user_pref("network.proxy.http", "` + host + `");`,
		`user_pref("network.proxy.http_port", ` + port + `);`,
		`user_pref("network.proxy.ssl", "` + host + `");`,
		`user_pref("network.proxy.ssl_port", ` + port + `);`,
		`user_pref("network.proxy.share_proxy_settings", true);`,
		`user_pref("network.dns.disablePrefetch", true);`,
		`user_pref("network.prefetch-next", false);`,
		fmt.Sprintf(`user_pref("layout.css.prefers-color-scheme.content-override", %d);`, scheme),
		fmt.Sprintf(`user_pref("ui.systemUsesDarkTheme", %d);`, 1-scheme),
		`user_pref("ui.useOverlayScrollbars", 1);`,
		`user_pref("browser.shell.checkDefaultBrowser", false);`,
		`user_pref("datareporting.policy.dataSubmissionEnabled", false);`,
		`user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);`,
		`user_pref("browser.startup.homepage_override.mstone", "ignore");`,
		`user_pref("browser.aboutwelcome.enabled", false);`,
		"",
	}, "\n")
}

var bidiListening = regexp.MustCompile(`WebDriver BiDi listening on (ws://\S+)`)

func startFirefox(ctx context.Context, opts Options) (_ Browser, err error) {
	if err := Available(Firefox); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "plan-firefox-")
	if err != nil {
		return nil, err
	}
	f := &firefox{dir: dir, log: &logBuffer{}, waiting: map[int]chan bidiReply{}}
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	if err := os.WriteFile(filepath.Join(dir, "user.js"), []byte(firefoxPrefs(opts.Dark)), 0o644); err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	const origin = "http://127.0.0.1"
	f.cmd = exec.Command(firefoxProgram(), "--headless", "--no-remote", "--profile", dir,
		"--remote-debugging-port="+itoa(port), "--remote-allow-origins="+origin)
	f.cmd.Env = append(os.Environ(), "MOZ_CRASHREPORTER_DISABLE=1", "HOME="+dir)
	ownGroup(f.cmd)
	stderr, err := f.cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	f.cmd.Stdout = f.log
	if err := f.cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting Firefox: %w", err)
	}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sent := false
		for sc.Scan() {
			line := sc.Text()
			f.log.Write([]byte(line + "\n"))
			if m := bidiListening.FindStringSubmatch(line); m != nil && !sent {
				found <- m[1]
				sent = true
			}
		}
		if !sent {
			close(found)
		}
	}()
	var wsURL string
	select {
	case u, ok := <-found:
		if !ok {
			return nil, fmt.Errorf("engines: Firefox ended before its remote protocol listened:\n%s", f.log)
		}
		wsURL = u
	case <-time.After(60 * time.Second):
		return nil, fmt.Errorf("engines: Firefox's remote protocol did not listen in 60 s:\n%s", f.log)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	f.ws, err = websocket.Dial(strings.TrimSuffix(wsURL, "/")+"/session", "", origin)
	if err != nil {
		return nil, fmt.Errorf("connecting to Firefox's WebDriver BiDi at %s: %w", wsURL, err)
	}
	f.ws.MaxPayloadBytes = 256 << 20 // screenshots
	go f.read(f.ws)
	var sess struct {
		Capabilities struct {
			BrowserName    string `json:"browserName"`
			BrowserVersion string `json:"browserVersion"`
		} `json:"capabilities"`
	}
	if err := f.call(ctx, "session.new", map[string]any{"capabilities": map[string]any{}}, &sess); err != nil {
		return nil, err
	}
	f.version = "Firefox " + sess.Capabilities.BrowserVersion
	var tree struct {
		Contexts []struct {
			Context string `json:"context"`
		} `json:"contexts"`
	}
	if err := f.call(ctx, "browsingContext.getTree", map[string]any{"maxDepth": 0}, &tree); err != nil {
		return nil, err
	}
	if len(tree.Contexts) == 0 {
		return nil, fmt.Errorf("engines: Firefox has no tab")
	}
	f.context = tree.Contexts[0].Context
	return f, nil
}

// read hands each reply to the call waiting for it; events are not
// subscribed to.
func (f *firefox) read(ws *websocket.Conn) {
	for {
		var msg string
		err := websocket.Message.Receive(ws, &msg)
		if err != nil {
			f.mu.Lock()
			f.dead = err
			for id, ch := range f.waiting {
				close(ch)
				delete(f.waiting, id)
			}
			f.mu.Unlock()
			return
		}
		var r bidiReply
		if json.Unmarshal([]byte(msg), &r) != nil || r.ID == nil {
			continue
		}
		f.mu.Lock()
		ch := f.waiting[*r.ID]
		delete(f.waiting, *r.ID)
		f.mu.Unlock()
		if ch != nil {
			ch <- r
		}
	}
}

// call sends one BiDi command and decodes its result into out.
func (f *firefox) call(ctx context.Context, method string, params, out any) error {
	f.mu.Lock()
	if f.dead != nil {
		f.mu.Unlock()
		return fmt.Errorf("engines: Firefox's connection ended: %w", f.dead)
	}
	f.nextID++
	id := f.nextID
	ch := make(chan bidiReply, 1)
	f.waiting[id] = ch
	f.mu.Unlock()
	b, err := json.Marshal(map[string]any{"id": id, "method": method, "params": params})
	if err != nil {
		return err
	}
	if f.ws == nil {
		return fmt.Errorf("BiDi %s: Firefox is closed", method)
	}
	if err := websocket.Message.Send(f.ws, string(b)); err != nil {
		return fmt.Errorf("BiDi %s: %w", method, err)
	}
	select {
	case r, ok := <-ch:
		if !ok {
			return fmt.Errorf("BiDi %s: Firefox's connection ended", method)
		}
		if r.Type == "error" {
			return fmt.Errorf("BiDi %s: %s: %s", method, r.Error, r.Message)
		}
		if out == nil {
			return nil
		}
		return json.Unmarshal(r.Result, out)
	case <-ctx.Done():
		f.mu.Lock()
		delete(f.waiting, id)
		f.mu.Unlock()
		return fmt.Errorf("BiDi %s: %w", method, ctx.Err())
	}
}

func (f *firefox) Name() Name      { return Firefox }
func (f *firefox) Version() string { return f.version }

func (f *firefox) Resize(ctx context.Context, w, h int) error {
	return f.call(ctx, "browsingContext.setViewport", map[string]any{
		"context": f.context, "viewport": map[string]int{"width": w, "height": h}, "devicePixelRatio": 1}, nil)
}

func (f *firefox) Load(ctx context.Context, u string, w, h int) error {
	if err := f.Resize(ctx, w, h); err != nil {
		return err
	}
	return f.call(ctx, "browsingContext.navigate", map[string]any{"context": f.context, "url": u, "wait": "complete"}, nil)
}

func (f *firefox) Eval(ctx context.Context, js string, out any) error {
	var res struct {
		Type   string `json:"type"`
		Result struct {
			Type  string `json:"type"`
			Value string `json:"value"`
		} `json:"result"`
		ExceptionDetails struct {
			Text string `json:"text"`
		} `json:"exceptionDetails"`
	}
	if err := f.call(ctx, "script.evaluate", map[string]any{
		"expression": wrapJS(js), "target": map[string]string{"context": f.context},
		"awaitPromise": true, "resultOwnership": "none"}, &res); err != nil {
		return err
	}
	if res.Type == "exception" {
		return fmt.Errorf("JavaScript exception: %s", res.ExceptionDetails.Text)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal([]byte(res.Result.Value), out)
}

func (f *firefox) Click(ctx context.Context, x, y float64) error {
	return f.call(ctx, "input.performActions", map[string]any{"context": f.context, "actions": []any{map[string]any{
		"type": "pointer", "id": "mouse", "parameters": map[string]string{"pointerType": "mouse"},
		"actions": []any{
			map[string]any{"type": "pointerMove", "x": int(x), "y": int(y)},
			map[string]any{"type": "pointerDown", "button": 0},
			map[string]any{"type": "pointerUp", "button": 0},
		}}}}, nil)
}

func (f *firefox) Screenshot(ctx context.Context) ([]byte, error) {
	var res struct {
		Data string `json:"data"`
	}
	if err := f.call(ctx, "browsingContext.captureScreenshot", map[string]any{"context": f.context, "origin": "viewport"}, &res); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(res.Data)
}

func (f *firefox) Close() error {
	if f.ws != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		f.call(ctx, "browser.close", map[string]any{}, nil)
		cancel()
		f.ws.Close()
		f.ws = nil
	}
	stop(f.cmd)
	f.cmd = nil
	if f.dir != "" {
		os.RemoveAll(f.dir)
		f.dir = ""
	}
	return nil
}

var _ io.Writer = (*logBuffer)(nil)
