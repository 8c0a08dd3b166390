package webtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hunan-industry/plan-site/generator/plan"
)

// The real host: WordPress from Debian's packages (wordpress, with
// MariaDB, Apache and mod_php; .ci/run installs them), set up on the
// loopback by the test, with the site served beside it as the oEmbed
// provider. Posts are made for each way a journalist pastes a chart — the
// chart's page URL, its citation URL, its embed URL in an embed block, the
// embed code in a Custom HTML block — saved as an Author (no
// unfiltered_html, a reporter's usual role) and, for the embed code, as an
// Administrator, and read in Chromium as WordPress serves them.

// wpDebian is where Debian's wordpress package puts WordPress.
const wpDebian = "/usr/share/wordpress"

// wpConfigName names the host config the test writes into /etc/wordpress
// (Debian's wp-config.php reads config-$WORDPRESS_CONFIG.php).
const wpConfigName = "plansite-embed-test"

type wpHost struct {
	url      string            // WordPress's home, http://127.0.0.1:<port>/
	provider string            // the site as WordPress fetches it
	env      []string          // php-cli's environment: the config's name, the host
	mu       sync.Mutex        // one php-cli at a time
	users    map[string]string // role → user id
}

var wpOnce once[*wpHost]

// wordpress starts MariaDB and Apache with Debian's WordPress on the
// loopback, installs a site (Twenty Twenty-Three, as Debian ships it),
// and returns it. It skips without the packages, and fails under CI=true.
func wordpress(t testing.TB) *wpHost {
	t.Helper()
	var missing []string
	for _, f := range []string{wpDebian + "/wp-load.php", wpDebian + "/wp-content/themes/twentytwentythree/theme.json",
		"/usr/sbin/mariadbd", "/usr/bin/mariadb-install-db", "/usr/sbin/apache2", "/usr/bin/php"} {
		if _, err := os.Stat(f); err != nil {
			missing = append(missing, f)
		}
	}
	mods, _ := filepath.Glob("/usr/lib/apache2/modules/libphp8*.so")
	if len(mods) == 0 {
		missing = append(missing, "libapache2-mod-php")
	}
	if len(missing) > 0 {
		need(t, "WordPress from Debian's packages (wordpress, wordpress-theme-twentytwentythree, mariadb-server, apache2, libapache2-mod-php, php-mysql)",
			fmt.Errorf("missing %s", strings.Join(missing, ", ")))
	}
	provider := providerServer(t)
	return wpOnce.get(t, func() (*wpHost, error) { return startWordPress(provider, mods[0]) })
}

// providerServer serves the built site on another loopback port with its
// base URL rewritten to that server's in pages and JSON, so that the
// discovery links and the oEmbed html WordPress reads name a server it
// can reach (the build's own base URL is not on the loopback).
var providerOnce once[string]

func providerServer(t testing.TB) string {
	t.Helper()
	site := siteServer(t)
	return providerOnce.get(t, func() (string, error) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return "", err
		}
		base := "http://" + ln.Addr().String()
		target, _ := url.Parse(site)
		// Uncompressed from the site, so that its pages can be rewritten.
		rp := &httputil.ReverseProxy{Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(target)
			pr.Out.Header.Del("Accept-Encoding")
		}}
		rp.ModifyResponse = func(r *http.Response) error {
			ct := r.Header.Get("Content-Type")
			if !strings.Contains(ct, "html") && !strings.Contains(ct, "json") {
				return nil
			}
			b, err := io.ReadAll(r.Body)
			r.Body.Close()
			if err != nil {
				return err
			}
			b = bytes.ReplaceAll(b, []byte(siteURL), []byte(base+"/"))
			r.Body = io.NopCloser(bytes.NewReader(b))
			r.ContentLength = int64(len(b))
			r.Header.Set("Content-Length", strconv.Itoa(len(b)))
			r.Header.Del("Content-Encoding")
			return nil
		}
		srv := &http.Server{Handler: rp}
		go srv.Serve(ln)
		atExit(func() { srv.Close() })
		return base, nil
	})
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// waitFor polls until ok or the time is up.
func waitFor(what string, d time.Duration, ok func() bool) error {
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if ok() {
			return nil
		}
	}
	return fmt.Errorf("%s: not ready after %s", what, d)
}

// wpMuPlugin lets WordPress fetch the provider on the loopback: its HTTP
// API refuses local hosts and ports other than 80, 443 and 8080 for
// discovery (wp_safe_remote_get), as it should on the web.
const wpMuPlugin = `<?php
add_filter('http_request_host_is_external', function ($external, $host) { return $external || $host === '127.0.0.1'; }, 10, 2);
add_filter('http_allowed_safe_ports', function ($ports, $host) { return $host === '127.0.0.1' ? array_merge($ports, array(PLANSITE_PROVIDER_PORT)) : $ports; }, 10, 2);
`

func startWordPress(provider, modPHP string) (*wpHost, error) {
	dir, err := os.MkdirTemp("", "plan-wordpress-")
	if err != nil {
		return nil, err
	}
	atExit(func() { os.RemoveAll(dir) })
	// Apache's children run as www-data and read the content folder.
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, err
	}
	logTail := func(f string) string {
		b, _ := os.ReadFile(filepath.Join(dir, f))
		if len(b) > 2000 {
			b = b[len(b)-2000:]
		}
		return string(b)
	}

	// MariaDB on a socket only, in the folder.
	db := filepath.Join(dir, "db")
	sock := filepath.Join(dir, "mysqld.sock")
	if out, err := exec.Command("mariadb-install-db", "--no-defaults", "--datadir="+db, "--user=root", "--skip-test-db",
		"--auth-root-authentication-method=normal").CombinedOutput(); err != nil {
		return nil, fmt.Errorf("mariadb-install-db: %v\n%s", err, out)
	}
	mysqld := exec.Command("/usr/sbin/mariadbd", "--no-defaults", "--datadir="+db, "--socket="+sock, "--skip-networking",
		"--user=root", "--pid-file="+filepath.Join(dir, "mysqld.pid"), "--log-error="+filepath.Join(dir, "mysqld.log"))
	mysqld.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := mysqld.Start(); err != nil {
		return nil, fmt.Errorf("mariadbd: %v", err)
	}
	atExit(func() { mysqld.Process.Kill(); mysqld.Wait() })
	if err := waitFor("MariaDB", 60*time.Second, func() bool {
		return exec.Command("mariadb", "--no-defaults", "--socket="+sock, "-uroot", "-e", "SELECT 1").Run() == nil
	}); err != nil {
		return nil, fmt.Errorf("%v\n%s", err, logTail("mysqld.log"))
	}
	if out, err := exec.Command("mariadb", "--no-defaults", "--socket="+sock, "-uroot", "-e",
		"CREATE DATABASE wordpress; CREATE USER wp@localhost IDENTIFIED BY 'wp'; GRANT ALL ON wordpress.* TO wp@localhost;").CombinedOutput(); err != nil {
		return nil, fmt.Errorf("creating the database: %v\n%s", err, out)
	}

	// The content folder: the theme Debian ships, and the must-use plugin.
	content := filepath.Join(dir, "wp-content")
	for _, d := range []string{"themes", "mu-plugins", "uploads", "plugins"} {
		if err := os.MkdirAll(filepath.Join(content, d), 0o755); err != nil {
			return nil, err
		}
	}
	for _, theme := range []string{"twentytwentythree", "twentytwentyone"} {
		if src := filepath.Join(wpDebian, "wp-content/themes", theme); exists(src) {
			if err := os.Symlink(src, filepath.Join(content, "themes", theme)); err != nil {
				return nil, err
			}
		}
	}
	if err := os.WriteFile(filepath.Join(content, "mu-plugins", "loopback-provider.php"), []byte(wpMuPlugin), 0o644); err != nil {
		return nil, err
	}
	os.Chown(filepath.Join(content, "uploads"), 33, 33) // www-data, as Debian's own folder

	port, err := freePort()
	if err != nil {
		return nil, err
	}
	pu, _ := url.Parse(provider)
	home := fmt.Sprintf("http://127.0.0.1:%d", port)
	cfg := fmt.Sprintf(`<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:%s');
define('WP_CONTENT_DIR', '%s');
define('WP_HOME', '%s');
define('WP_SITEURL', '%s');
define('PLANSITE_PROVIDER_PORT', %s);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_ACCESSIBLE_HOSTS', '127.0.0.1');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
`, sock, content, home, home, pu.Port())
	cfgFile := "/etc/wordpress/config-" + wpConfigName + ".php"
	if err := os.WriteFile(cfgFile, []byte(cfg), 0o644); err != nil {
		return nil, fmt.Errorf("writing WordPress's host config: %v", err)
	}
	atExit(func() { os.Remove(cfgFile) })

	apache := fmt.Sprintf(`ServerRoot /etc/apache2
Listen 127.0.0.1:%d
ServerName 127.0.0.1
PidFile %s/apache.pid
ErrorLog %s/apache-error.log
LogLevel warn
User www-data
Group www-data
LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule alias_module /usr/lib/apache2/modules/mod_alias.so
LoadModule env_module /usr/lib/apache2/modules/mod_env.so
LoadModule rewrite_module /usr/lib/apache2/modules/mod_rewrite.so
LoadModule php_module %s
StartServers 2
MinSpareServers 1
MaxSpareServers 4
TypesConfig /etc/mime.types
DirectoryIndex index.php index.html
AddType application/x-httpd-php .php
SetEnv WORDPRESS_CONFIG %s
DocumentRoot %s
Alias /wp-content %s
<Directory />
  Options FollowSymLinks
  AllowOverride None
  Require all granted
</Directory>
`, port, dir, dir, modPHP, wpConfigName, wpDebian, content)
	if err := os.WriteFile(filepath.Join(dir, "apache.conf"), []byte(apache), 0o644); err != nil {
		return nil, err
	}
	httpd := exec.Command("/usr/sbin/apache2", "-f", filepath.Join(dir, "apache.conf"), "-DFOREGROUND")
	httpd.Env = append(os.Environ(), "APACHE_RUN_DIR="+dir, "APACHE_LOCK_DIR="+dir, "APACHE_LOG_DIR="+dir)
	// A group of its own: on stopping, Apache signals its whole process
	// group, which would otherwise be this test's.
	httpd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := httpd.Start(); err != nil {
		return nil, fmt.Errorf("apache2: %v", err)
	}
	atExit(func() { httpd.Process.Signal(os.Interrupt); httpd.Wait() })
	if err := waitFor("Apache", 30*time.Second, func() bool {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			c.Close()
		}
		return err == nil
	}); err != nil {
		return nil, fmt.Errorf("%v\n%s", err, logTail("apache-error.log"))
	}

	wp := &wpHost{url: home + "/", provider: provider + "/",
		env: append(os.Environ(), "WORDPRESS_CONFIG="+wpConfigName, fmt.Sprintf("HTTP_HOST=127.0.0.1:%d", port))}
	var users map[string]string
	if err := wp.php(wpInstall, nil, &users); err != nil {
		return nil, err
	}
	wp.users = users
	return wp, nil
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

// wpInstall installs the site as WordPress's installer does, with a block
// theme, and makes an Author.
const wpInstall = `<?php
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$r = wp_install('The Reporter', 'editor', 'editor@example.test', false, '', wp_generate_password(), 'en_US');
switch_theme('twentytwentythree');
$author = wp_insert_user(array('user_login' => 'reporter', 'user_pass' => wp_generate_password(), 'user_email' => 'reporter@example.test', 'role' => 'author'));
if (is_wp_error($author)) { fwrite(STDERR, $author->get_error_message()); exit(1); }
echo json_encode(array('administrator' => (string) $r['user_id'], 'author' => (string) $author));
`

// wpPost is a post to make: its body in block markup, saved by a role.
type wpPost struct {
	Title   string `json:"title"`
	Content string `json:"content"`
	Role    string `json:"role"`
	User    string `json:"user"`
}

// wpInsert saves posts as their users do: kses filters the content of
// a user without unfiltered_html, as on saving in the editor.
const wpInsert = `<?php
require '/usr/share/wordpress/wp-load.php';
$posts = json_decode(stream_get_contents(STDIN), true);
$out = array();
foreach ($posts as $p) {
	wp_set_current_user((int) $p['user']);
	kses_remove_filters();
	kses_init();
	$id = wp_insert_post(wp_slash(array('post_title' => $p['title'], 'post_content' => $p['content'], 'post_status' => 'publish', 'post_author' => (int) $p['user'])), true);
	if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }
	$out[] = array('url' => get_permalink($id), 'content' => get_post_field('post_content', $id, 'raw'));
}
echo json_encode($out);
`

// php runs a PHP script with php-cli against the site, script on stdin
// as a file, in on its stdin as JSON, and decodes its output into out.
func (wp *wpHost) php(script string, in, out any) error {
	wp.mu.Lock()
	defer wp.mu.Unlock()
	f, err := os.CreateTemp("", "plan-wp-*.php")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	f.WriteString(script)
	f.Close()
	cmd := exec.Command("php", f.Name())
	cmd.Env = wp.env
	if in != nil {
		b, _ := json.Marshal(in)
		cmd.Stdin = bytes.NewReader(b)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("php: %v\n%s\n%s", err, stderr.String(), stdout.String())
	}
	if err := json.Unmarshal(stdout.Bytes(), out); err != nil {
		return fmt.Errorf("php's output: %v\n%s\n%s", err, stdout.String(), stderr.String())
	}
	return nil
}

// A paste is one way a journalist puts a chart into a post.
type paste struct {
	name string
	role string
	// body is the post's block markup, given the chart's URLs and its
	// embed code as the chart's page offers them.
	body func(u pasteURLs, snippet string, o oEmbed) string
	// frame says the post shows the chart in a frame; false where
	// WordPress strips the frame (an Author's Custom HTML), and the post
	// must then keep a link to the chart instead.
	frame bool
}

type pasteURLs struct{ page, cite, embed string }

// embedBlock is what the block editor saves when a URL is pasted on a line
// of its own: an embed block, which WordPress fills by oEmbed, with the
// aspect-ratio classes the editor gives an iframe of the oEmbed's size.
func embedBlock(u string, o oEmbed) string {
	cls, attrs := "wp-block-embed is-type-rich", `"type":"rich"`
	if a := editorAspect(o.Width, o.Height); a != "" {
		cls += " " + a + " wp-has-aspect-ratio"
		attrs += `,"className":"` + a + ` wp-has-aspect-ratio"`
	}
	return `<!-- wp:embed {"url":"` + u + `",` + attrs + `} -->
<figure class="` + cls + `"><div class="wp-block-embed__wrapper">
` + u + `
</div></figure>
<!-- /wp:embed -->`
}

var pastes = []paste{
	{"page URL", "author", func(u pasteURLs, _ string, o oEmbed) string { return embedBlock(u.page, o) }, true},
	{"citation URL", "author", func(u pasteURLs, _ string, o oEmbed) string { return embedBlock(u.cite, o) }, true},
	{"embed URL", "author", func(u pasteURLs, _ string, o oEmbed) string { return embedBlock(u.embed, o) }, true},
	{"embed code", "administrator", func(_ pasteURLs, s string, _ oEmbed) string { return "<!-- wp:html -->\n" + s + "\n<!-- /wp:html -->" }, true},
	{"embed code", "author", func(_ pasteURLs, s string, _ oEmbed) string { return "<!-- wp:html -->\n" + s + "\n<!-- /wp:html -->" }, false},
}

// wpCases are the charts pasted: a map and a bar chart, each its page's
// lead chart, and a chart after the lead on its page, which only an
// address naming it (the citation URL) embeds.
var wpCases = []embedCase{
	{"map", "/industries/construction-machinery/", "industry-construction-machinery"},
	{"bar chart", "/targets/", "targets-yuan"},
	{"second chart", "/targets/", "targets-share"},
}

// wpLead says a case is its page's lead chart: every paste applies. Of a
// chart after the lead, the citation URL is pasted.
func wpLead(c embedCase, p paste) bool { return c.name != "second chart" || p.name == "citation URL" }

// wpView is what a reader of the post sees of the embed.
type wpView struct {
	Frame, FrameW, FrameX float64 // the iframe's box in the post (0 × 0 when hidden)
	Visible               bool    // the iframe shows (not clipped away by WordPress's fallback style)
	ColX, ColW            float64 // the post's text column: its first paragraph
	Quote                 float64 // the height of WordPress's fallback blockquote, where it shows
	Src                   string  // the iframe's address
	Links                 []string
}

const wpProbe = `(() => {
	const f = document.querySelector('.entry-content iframe, .wp-block-post-content iframe');
	const p = document.querySelector('.wp-block-post-content > p, .entry-content > p');
	const q = document.querySelector('blockquote.wp-embedded-content');
	const out = {Frame: 0, FrameW: 0, FrameX: 0, Visible: false, ColX: 0, ColW: 0, Quote: 0, Src: f ? f.src : '', Links: []};
	if (p) { const r = p.getBoundingClientRect(); out.ColX = r.left; out.ColW = r.width; }
	if (f) {
		const r = f.getBoundingClientRect(), s = getComputedStyle(f);
		out.Frame = f.clientHeight; out.FrameW = f.clientWidth; out.FrameX = r.left;
		out.Visible = s.clip === 'auto' && s.display !== 'none' && r.width > 1 && r.height > 1;
	}
	if (q && getComputedStyle(q).display !== 'none') out.Quote = q.getBoundingClientRect().height;
	const c = document.querySelector('.wp-block-post-content, .entry-content');
	if (c) out.Links = [...c.querySelectorAll('a[href]')].map(a => a.href);
	return out;
})()`

// TestEmbedsInWordPress makes a post for each paste of a map and a bar
// chart in both languages and reads each at 390 and 1280 px, with and
// without scripts: with scripts the frame must follow its content (within
// 16 px) and lie in the post's column; without, the chart must show whole
// with at most 40 px of blank on a phone, or WordPress's fallback link
// stand in for it.
func TestEmbedsInWordPress(t *testing.T) {
	if testing.Short() {
		t.Skip("the real WordPress: not in -short")
	}
	wp := wordpress(t)
	dir := siteDir(t)
	chrome(t)
	type made struct {
		name, url string
		p         paste
		chart     string
	}
	var posts []wpPost
	var names []made
	for _, c := range wpCases {
		for _, l := range plan.Langs {
			doc := parsePage(t, dir, l.Prefix()+c.page)
			s, err := offeredSnippet(t, doc, c.chart)
			if err != nil {
				t.Fatal(err)
			}
			s = localSnippet(s, strings.TrimSuffix(wp.provider, "/"))
			page := wp.provider + strings.TrimPrefix(l.Prefix()+c.page, "/")
			var o oEmbed
			if b, err := os.ReadFile(filepath.Join(dir, strings.TrimPrefix(l.Prefix()+"/embed/"+c.chart, "/"), "oembed.json")); err != nil {
				t.Fatal(err)
			} else if err := json.Unmarshal(b, &o); err != nil {
				t.Fatal(err)
			}
			u := pasteURLs{page: page, cite: page + "?chart=" + c.chart + "#chart-" + c.chart, embed: wp.provider + strings.TrimPrefix(l.Prefix()+"/embed/"+c.chart+"/", "/")}
			for _, p := range pastes {
				if !wpLead(c, p) {
					continue
				}
				name := fmt.Sprintf("%s/%s/%s by %s", l, c.name, p.name, p.role)
				posts = append(posts, wpPost{Title: name, Role: p.role, User: wp.users[p.role],
					Content: "<!-- wp:paragraph -->\n<p>The province has set out where each industry is to grow.</p>\n<!-- /wp:paragraph -->\n\n" + p.body(u, s, o) +
						"\n\n<!-- wp:paragraph -->\n<p>The article goes on.</p>\n<!-- /wp:paragraph -->"})
				names = append(names, made{name: name, p: p, chart: c.chart})
			}
		}
	}
	// The checkers' broken fixture: the embed code as it was offered
	// before, its inline width fighting the theme's column and its height
	// a desktop's.
	const oldCode = `<iframe src="%sembed/%s/" title="x" width="640" height="819" frameborder="0" style="width:100%%;max-width:100%%;border:0" loading="lazy" data-hunan-plan-embed="%s"></iframe>`
	posts = append(posts, wpPost{Title: "broken", Role: "administrator", User: wp.users["administrator"],
		Content: "<!-- wp:paragraph -->\n<p>The province has set out where each industry is to grow.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:html -->\n" +
			fmt.Sprintf(oldCode, wp.provider, wpCases[0].chart, wpCases[0].chart) + "\n<!-- /wp:html -->"})
	// And the citation URL as it was, naming the second chart by its
	// fragment only, which never reaches the server.
	second := wpCases[2]
	posts = append(posts, wpPost{Title: "broken citation", Role: "author", User: wp.users["author"],
		Content: embedBlock(wp.provider+"en"+second.page+"#chart-"+second.chart, oEmbed{})})
	var saved []struct{ URL, Content string }
	if err := wp.php(wpInsert, posts, &saved); err != nil {
		t.Fatal(err)
	}
	broken, brokenCite := saved[len(saved)-2].URL, saved[len(saved)-1].URL
	t.Run("broken fixture", func(t *testing.T) {
		_, f := wpCheck(t, brokenCite, pastes[1], second.chart, 1280, false, "", "broken citation/1280")
		expectFinding(t, "the chart's-own-frame check", "the citation URL by fragment", f, "another chart")
		p := paste{name: "old embed code", frame: true}
		_, f = wpCheck(t, broken, p, wpCases[0].chart, 1280, false, "", "broken/1280")
		expectFinding(t, "the column check", "the old embed code", f, "outside the text column")
		_, f = wpCheck(t, broken, p, wpCases[0].chart, 390, true, "", "broken/390")
		expectFinding(t, "the blank-on-a-phone check", "the old embed code", f, "more than 40")
	})
	for i := range names {
		names[i].url = saved[i].URL
	}
	// A link in the frame: WordPress's sandbox lets no tab open, so the
	// tap must take the reader's own tab to the chart's page, through
	// WordPress's listener.
	t.Run("link in the frame", func(t *testing.T) {
		for _, m := range names {
			if !strings.HasPrefix(m.name, "en/map/page URL") {
				continue
			}
			tb := open(t, m.url, tabOptions{})
			defer tb.close()
			var frame context.Context
			for end := time.Now().Add(10 * time.Second); frame == nil && time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
				frame = tb.childFrame()
			}
			if frame == nil {
				t.Fatal("the sandboxed frame never showed")
			}
			if _, err := chromedp.Run(frame, chromedp.Click(`.embed-foot a:last-of-type`)); err != nil {
				t.Fatalf("clicking the frame's link: %v", err)
			}
			want := "/en/industries/construction-machinery/"
			var at string
			for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
				if got, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`location.href`)); err == nil {
					if at = got; strings.Contains(at, want) {
						return
					}
				}
			}
			t.Errorf("%s: the frame's link to the chart's page left the reader at %s, not on %s", m.name, at, want)
		}
	})

	shots := os.Getenv("WORDPRESS_SHOTS")
	var mu sync.Mutex
	var lines []string
	type job struct {
		m        made
		width    int64
		noScript bool
	}
	jobs := make(chan job)
	var wg sync.WaitGroup
	for range tabsAtOnce {
		wg.Go(func() {
			for j := range jobs {
				mode := "scripts"
				if j.noScript {
					mode = "no scripts"
				}
				name := fmt.Sprintf("%s/%d/%s", j.m.name, j.width, mode)
				t.Run(name, func(t *testing.T) {
					line, findings := wpCheck(t, j.m.url, j.m.p, j.m.chart, j.width, j.noScript, shots, name)
					report(t, name, "the embed in WordPress", findings)
					mu.Lock()
					lines = append(lines, fmt.Sprintf("%-62s %s", name, line))
					mu.Unlock()
				})
			}
		})
	}
	for _, m := range names {
		for _, w := range []int64{390, 1280} {
			for _, ns := range []bool{false, true} {
				jobs <- job{m, w, ns}
			}
		}
	}
	close(jobs)
	wg.Wait()
	for _, l := range lines {
		t.Log(l)
	}
}

// wpCheck reads one post and says what is wrong with its embed, with its
// measures as a log line.
func wpCheck(t *testing.T, u string, p paste, chart string, width int64, noScript bool, shots, name string) (string, []string) {
	if dump := os.Getenv("WORDPRESS_DUMP"); dump != "" && width == 390 && !noScript {
		if r, err := http.Get(u); err == nil {
			b, _ := io.ReadAll(r.Body)
			r.Body.Close()
			os.MkdirAll(dump, 0o755)
			os.WriteFile(filepath.Join(dump, strings.NewReplacer("/", "_", " ", "-").Replace(name)+".html"), b, 0o644)
		}
	}
	tb := open(t, u, tabOptions{width: width, noScript: noScript})
	defer tb.close()
	if st := tb.status(); st != 200 {
		t.Fatalf("%s: HTTP %d", u, st)
	}
	var v wpView
	var in probed
	var err error
	settle := func() {
		for end, since, prev := time.Now().Add(10*time.Second), time.Now(), (wpView{}); time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
			got, err := chromedp.Run(tb.ctx, chromedp.Evaluate[wpView](wpProbe))
			// (The sandboxed frame moving to a process of its own detaches a
			// session, and chromedp may fail a call of the tab's meanwhile.)
			for try := 0; err != nil && strings.Contains(err.Error(), "target detached") && try < 10; try++ {
				time.Sleep(300 * time.Millisecond)
				got, err = chromedp.Run(tb.ctx, chromedp.Evaluate[wpView](wpProbe))
			}
			if err != nil {
				infos, _ := chromedp.Targets(chrome(t))
				var ts []string
				for _, i := range infos {
					ts = append(ts, fmt.Sprintf("%s %s %s", i.Type, i.URL, i.TargetID))
				}
				t.Fatalf("%s: %v\nproblems: %q\ntargets: %q", u, err, tb.rec.problems(u, false), ts)
			}
			v = got
			if v.Frame != prev.Frame || v.Visible != prev.Visible {
				prev, since = v, time.Now()
			}
			if time.Since(since) > 1500*time.Millisecond {
				break
			}
		}
	}
	settle()
	inFrame := func() bool {
		// The frame's page, measured from inside: its own target where
		// Chromium runs a sandboxed frame in a process of its own.
		if ctx := tb.childFrame(); ctx != nil {
			in, err = chromedp.Run(ctx, chromedp.Poll[probed](embedProbe, chromedp.WithPollingTimeout(15*time.Second)))
			return err == nil
		}
		frames, ferr := chromedp.Run(tb.ctx, chromedp.Nodes(chromedp.CSS(`iframe`)))
		if ferr != nil || len(frames) == 0 {
			return false
		}
		in, err = chromedp.Run(tb.ctx, chromedp.Poll[probed](embedProbe, chromedp.WithPollingInFrame(frames[0]), chromedp.WithPollingTimeout(15*time.Second)))
		return err == nil
	}
	var out []string
	measured := false
	if v.FrameW > 0 || v.Frame > 0 {
		measured = inFrame()
		if measured {
			settle() // the frame may have resized meanwhile
		}
	}
	if shots != "" && width == 390 {
		if png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100)); err == nil {
			os.MkdirAll(shots, 0o755)
			os.WriteFile(filepath.Join(shots, strings.NewReplacer("/", "_", " ", "-").Replace(name)+".png"), png, 0o644)
		}
	}
	line := fmt.Sprintf("frame %4.0f × %4.0f at x %3.0f (shown %v), content %4.0f, chart %4.0f; column %3.0f at x %3.0f; fallback quote %3.0f",
		v.FrameW, v.Frame, v.FrameX, v.Visible, in.Content, in.ChartH, v.ColW, v.ColX, v.Quote)
	switch {
	case !p.frame:
		// WordPress strips the frame: the post must keep a link to the chart.
		if v.Frame > 0 {
			out = append(out, "an Author's embed code kept its frame: the test's premise is wrong")
		}
		if !hasChartLink(v.Links, chart) {
			out = append(out, fmt.Sprintf("no frame and no link to the chart left in the post (links %q): the chart silently disappears", v.Links))
		}
	case !v.Visible && v.Quote > 0 && noScript:
		// WordPress's own fallback for a reader without scripts: the
		// blockquote's link, the frame hidden until wp-embed.js runs.
		if !hasChartLink(v.Links, chart) {
			out = append(out, fmt.Sprintf("WordPress's fallback shows but links elsewhere (%q)", v.Links))
		}
		line += " (fallback link)"
	case !v.Visible || !measured:
		out = append(out, fmt.Sprintf("the chart's frame does not show (frame %.0f × %.0f, shown %v, measured %v %v)", v.FrameW, v.Frame, v.Visible, measured, err))
	case !strings.Contains(v.Src, "/embed/"+chart+"/"):
		out = append(out, fmt.Sprintf("the frame shows another chart (%s), not %s", v.Src, chart))
	default:
		fv := frameView{Frame: v.Frame, FrameW: v.FrameW, Content: in.Content, Chart: in.Chart, ChartH: in.ChartH, ChartW: in.ChartW, Foot: in.Foot, Styled: in.Styled}
		out = append(out, frameFindings(fv, !noScript)...)
		if noScript && width == 390 && v.Frame-in.Content > 40 {
			out = append(out, fmt.Sprintf("without scripts the frame is %.0f px tall for %.0f px of content: %.0f px of blank on a phone, more than 40", v.Frame, in.Content, v.Frame-in.Content))
		}
		if v.ColW > 0 && (v.FrameX < v.ColX-1 || v.FrameX+v.FrameW > v.ColX+v.ColW+1) {
			out = append(out, fmt.Sprintf("the frame (x %.0f, %.0f px wide) is outside the text column (x %.0f, %.0f px wide)", v.FrameX, v.FrameW, v.ColX, v.ColW))
		}
	}
	for _, p := range tb.rec.problems(u, false) {
		// The post's own site has no favicon: WordPress's, not the embed's.
		if !strings.Contains(p, "/favicon.ico") {
			out = append(out, p)
		}
	}
	return line, out
}

// hasChartLink says a link in the post leads to the chart: its page or its
// embed page.
func hasChartLink(links []string, chart string) bool {
	for _, l := range links {
		if strings.Contains(l, "/embed/"+chart+"/") || strings.Contains(l, "#chart-"+chart) {
			return true
		}
	}
	return false
}

// childFrame attaches to the tab's child frame where Chromium runs it as a
// target of its own (a sandboxed, cross-origin frame); nil where it has
// none. (Cancelling a context attached to a target closes it: only with
// the tab.)
func (tb *tab) childFrame() context.Context {
	infos, _ := chromedp.Targets(tb.ctx)
	own := chromedp.FromContext(tb.ctx).Target.TargetID
	for _, info := range infos {
		if info.Type == "iframe" && info.ParentID == own {
			ctx, cancel := chromedp.NewContext(tb.ctx, chromedp.WithTargetID(info.TargetID))
			prev := tb.cancel
			tb.cancel = func() { cancel(); prev() }
			return ctx
		}
	}
	return nil
}
