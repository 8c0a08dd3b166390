package webtest

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// A tab is one page loaded in its own Chromium tab, with everything the
// page did recorded from before the navigation on: requests, failures,
// HTTP errors, console messages, exceptions and dialogs.
type tab struct {
	ctx    context.Context // the tab, with a time limit
	cancel context.CancelFunc
	url    string            // what was loaded
	resp   *network.Response // the document's response
	rec    *recorder
}

// tabOptions say how to load a page.
type tabOptions struct {
	width    int64 // the viewport; 0 is a 1280 × 900 desktop
	noScript bool  // Emulation.setScriptExecutionDisabled
}

// phone is a 390 px wide phone screen (an iPhone 12–15).
var phone = tabOptions{width: 390}

// open loads u in a new tab of the shared browser and waits until the
// network is quiet. Close the tab with tb.close.
func open(t testing.TB, u string, opts tabOptions) *tab {
	t.Helper()
	tb, err := openTab(chrome(t), u, opts)
	if err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	return tb
}

func openTab(browserCtx context.Context, u string, opts tabOptions) (*tab, error) {
	tabCtx, cancelTab := chromedp.NewContext(browserCtx)
	// The first action opens the tab; it must not run under the time limit,
	// which would close the tab when it ends.
	if err := chromedp.Do(tabCtx); err != nil {
		cancelTab()
		return nil, err
	}
	ctx, cancelTime := context.WithTimeout(tabCtx, 90*time.Second)
	tb := &tab{ctx: ctx, cancel: func() { cancelTime(); cancelTab() }, url: u, rec: newRecorder()}
	tb.rec.noScript = opts.noScript
	if err := chromedp.Listen(ctx, tb.rec.handle(ctx)); err != nil {
		tb.close()
		return nil, err
	}
	w, h := int64(1280), int64(900)
	if opts.width != 0 {
		w = opts.width
	}
	var vp []chromedp.EmulateViewportOption
	if w < 768 { // a phone: touch, and the page's meta viewport applies
		h = 844
		vp = append(vp, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	steps := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(w, h, vp...)}
	if opts.noScript {
		steps = append(steps, call(emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}))
	}
	if err := chromedp.Do(ctx, steps...); err != nil {
		tb.close()
		return nil, err
	}
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(u))
	if err != nil {
		tb.close()
		return nil, fmt.Errorf("loading: %w", err)
	}
	tb.resp = resp
	tb.rec.settle(ctx)
	return tb, nil
}

// call makes an action of a protocol command whose result is not needed.
func call[P, R any](cmd cdp.Command[P, R], params P) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cmd, params)
		return err
	})
}

func (tb *tab) close() { tb.cancel() }

// eval runs JavaScript in the page and decodes its result.
func eval[T any](t testing.TB, tb *tab, js string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: evaluating %.60q: %v", tb.url, js, err)
	}
	return v
}

// status is the HTTP status of the document.
func (tb *tab) status() int64 {
	if tb.resp == nil {
		return 0
	}
	return tb.resp.Status
}

// recorder keeps what happens in one tab. Its handler runs in chromedp's
// read loop, so it only appends under a lock.
type recorder struct {
	mu        sync.Mutex
	urls      map[network.RequestID]string
	inflight  map[network.RequestID]bool
	mainFrame cdp.FrameID // the frame of the first document requested
	last      time.Time
	requests  []string // every URL requested, in order
	failed    []string // requests that failed
	responses []response
	console   []string // errors and warnings, exceptions, browser log entries
	dialogs   []string // alert, confirm, prompt, beforeunload
	noScript  bool     // scripts are disabled: their loads are blocked
}

type response struct {
	url    string
	status int64
	typ    network.ResourceType
}

func newRecorder() *recorder {
	return &recorder{urls: map[network.RequestID]string{}, inflight: map[network.RequestID]bool{}, last: time.Now()}
}

func (r *recorder) handle(ctx context.Context) func(ev any) {
	return func(ev any) {
		r.mu.Lock()
		defer r.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			r.last = time.Now()
			r.urls[ev.RequestID] = ev.Request.URL
			if ev.Type == network.ResourceTypeDocument && r.mainFrame == "" {
				r.mainFrame = ev.FrameID
			}
			// A child frame's document is not waited for: Chromium may
			// load it in a process of its own (a sandboxed frame), and
			// then this record never sees it end. Its content is
			// awaited in the frame (viewEmbed).
			if ev.Type != network.ResourceTypeDocument || ev.FrameID == r.mainFrame {
				r.inflight[ev.RequestID] = true
			}
			r.requests = append(r.requests, ev.Request.URL)
		case *network.EventLoadingFinished:
			r.last = time.Now()
			delete(r.inflight, ev.RequestID)
		case *network.EventLoadingFailed:
			r.last = time.Now()
			delete(r.inflight, ev.RequestID)
			why := ev.ErrorText
			if ev.BlockedReason != "" {
				why += " (blocked: " + string(ev.BlockedReason) + ")"
			}
			if ev.Canceled {
				why += " (canceled)"
			}
			// With scripts disabled, Chromium blocks script loads (a
			// modulepreload) as if by CSP: that is the setting, not the page.
			if r.noScript && ev.Type == network.ResourceTypeScript && ev.BlockedReason == network.BlockedReasonCsp {
				break
			}
			r.failed = append(r.failed, fmt.Sprintf("%s %s: %s", ev.Type, r.urls[ev.RequestID], why))
		case *network.EventResponseReceived:
			r.responses = append(r.responses, response{ev.Response.URL, ev.Response.Status, ev.Type})
		case *runtime.EventConsoleAPICalled:
			switch ev.Type {
			case runtime.ConsoleAPICalledTypeError, runtime.ConsoleAPICalledTypeWarning, runtime.ConsoleAPICalledTypeAssert:
				var args []string
				for _, a := range ev.Args {
					if len(a.Value) > 0 {
						args = append(args, string(a.Value))
					} else {
						args = append(args, a.Description)
					}
				}
				r.console = append(r.console, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				msg += " " + d.Exception.Description
			}
			r.console = append(r.console, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, msg))
		case *log.EventEntryAdded:
			e := ev.Entry
			if e.Level == log.EntryLevelError || e.Level == log.EntryLevelWarning {
				r.console = append(r.console, fmt.Sprintf("log %s (%s): %s %s", e.Level, e.Source, e.Text, e.URL))
			}
		case *page.EventJavascriptDialogOpening:
			r.dialogs = append(r.dialogs, fmt.Sprintf("%s(%q)", ev.Type, ev.Message))
			// A dialog blocks the page: dismiss it, from outside the read loop.
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}
}

// settle waits until no request has been in flight for a moment (at most
// 15 s), so that what the page loads after its load event is recorded too.
func (r *recorder) settle(ctx context.Context) {
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		r.mu.Lock()
		quiet := len(r.inflight) == 0 && time.Since(r.last) > 250*time.Millisecond
		r.mu.Unlock()
		if quiet {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// snapshot copies the recorded requests.
func (r *recorder) requested() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.requests...)
}

// problems lists what a clean page must not do: console errors and
// warnings, exceptions, dialogs, failed requests, HTTP errors (except the
// 404 of the document itself when notFound is set) and any request to a
// host off the loopback.
func (r *recorder) problems(doc string, notFound bool) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, c := range r.console {
		// Chromium logs the deliberate 404 of a missing page's document.
		if notFound && strings.Contains(c, "status of 404") && strings.HasSuffix(c, " "+doc) {
			continue
		}
		out = append(out, c)
	}
	for _, d := range r.dialogs {
		out = append(out, "dialog: "+d)
	}
	for _, f := range r.failed {
		out = append(out, "failed request: "+f)
	}
	for _, resp := range r.responses {
		if resp.status >= 400 && !(notFound && resp.url == doc && resp.status == 404) {
			out = append(out, fmt.Sprintf("HTTP %d for %s %s", resp.status, resp.typ, resp.url))
		}
	}
	for _, u := range r.requests {
		if !onLoopback(u) {
			out = append(out, "request to a third-party host: "+u)
		}
	}
	return out
}

// onLoopback tells whether fetching u stays on this machine: a loopback
// host, or no host at all (data:, blob:, about:).
func onLoopback(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch p.Scheme {
	case "data", "blob", "about":
		return true
	}
	h := p.Hostname()
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

var bundleURL = regexp.MustCompile(`/js/interactive\.[0-9a-f]+\.js$`)

// bundleRequests counts the requests for the interactive chart bundle.
func bundleRequests(urls []string) int {
	n := 0
	for _, u := range urls {
		if p, err := url.Parse(u); err == nil && bundleURL.MatchString(p.Path) {
			n++
		}
	}
	return n
}
