//! Headless Chromium driven over WebDriver (Debian's chromium and chromium-driver), and axe-core
//! injected into pages to audit them. When Chromium is not installed the browser tests are
//! skipped and say so, unless `UKETSUKE_REQUIRE_BROWSER=1` (set by `.ci/run`) makes that a
//! failure.
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::time::Duration;

pub struct Chromium {
    pub client: Client,
    base_url: String,
    _driver: Driver,
    _profile: tempfile::TempDir,
}

fn required() -> bool {
    std::env::var("UKETSUKE_REQUIRE_BROWSER").is_ok_and(|v| v == "1")
}

fn find_program(env: &str, names: &[&str]) -> Option<PathBuf> {
    if let Ok(path) = std::env::var(env) {
        return Some(PathBuf::from(path));
    }
    let dirs = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&dirs)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// axe-core's script, installed by `npm ci --prefix tests/browser` (`.ci/run` does it).
fn axe_source() -> Option<String> {
    let path = std::env::var("UKETSUKE_AXE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("tests/browser/node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(path).ok()
}

/// chromedriver in a process group of its own, which the Chromium it starts joins: the whole
/// group is killed with the test, so a test that fails leaves no browser behind.
struct Driver(std::process::Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let killed = std::process::Command::new("kill")
            .args(["-KILL", "--", &group])
            .status();
        if !killed.is_ok_and(|s| s.success()) {
            let _ = self.0.kill();
        }
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Chromium {
    /// A fresh browser (own profile, Accept-Language `accept_language`) for the app at
    /// `base_url`, or None when Chromium or axe-core is missing and not required.
    pub async fn start(base_url: &str, accept_language: &str) -> Option<Chromium> {
        let driver = find_program("UKETSUKE_CHROMEDRIVER", &["chromedriver"]);
        let browser = find_program("UKETSUKE_CHROMIUM", &["chromium", "chromium-browser"]);
        let (Some(driver), Some(browser)) = (driver, browser) else {
            assert!(
                !required(),
                "UKETSUKE_REQUIRE_BROWSER=1 but chromium or chromedriver is not installed \
                 (apt-get install chromium chromium-driver)"
            );
            eprintln!(
                "SKIPPED: Chromium is not installed (apt-get install chromium chromium-driver)"
            );
            return None;
        };
        if axe_source().is_none() {
            assert!(
                !required(),
                "UKETSUKE_REQUIRE_BROWSER=1 but axe-core is missing: npm ci --prefix tests/browser"
            );
            eprintln!("SKIPPED: axe-core is not installed (npm ci --prefix tests/browser)");
            return None;
        }
        let port = free_port();
        let driver = Driver(
            std::process::Command::new(&driver)
                .arg(format!("--port={port}"))
                .process_group(0)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("chromedriver starts"),
        );
        let webdriver = format!("http://127.0.0.1:{port}");
        let status = format!("{webdriver}/status");
        for _ in 0..100 {
            if reqwest::get(&status).await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = tempfile::tempdir().unwrap();
        // As root and on a machine without a network: no sandbox, and nothing that calls out.
        let caps = json!({
            "goog:chromeOptions": {
                "binary": browser,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                    format!("--user-data-dir={}", profile.path().display()),
                    format!("--lang={accept_language}"),
                ],
                "prefs": { "intl.accept_languages": accept_language },
            }
        });
        let Value::Object(caps) = caps else {
            unreachable!()
        };
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&webdriver)
            .await
            .expect("a WebDriver session in Chromium");
        Some(Chromium {
            client,
            base_url: base_url.to_owned(),
            _driver: driver,
            _profile: profile,
        })
    }

    pub async fn goto(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base_url))
            .await
            .unwrap();
    }

    /// The path and query of the page shown.
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.unwrap();
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        }
    }

    pub async fn text(&self, css: &str) -> String {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .text()
            .await
            .unwrap()
    }

    pub async fn body(&self) -> String {
        self.text("body").await
    }

    /// Marks the document shown, so that `wait_for_new_page` can tell when another replaced it.
    pub async fn mark_page(&self) {
        self.client
            .execute("window.__uketsukeOld = true;", vec![])
            .await
            .unwrap();
    }

    /// Waits until a new document has replaced the marked one and has loaded.
    pub async fn wait_for_new_page(&self) {
        for _ in 0..200 {
            let done = self
                .client
                .execute(
                    "return !window.__uketsukeOld && document.readyState === 'complete';",
                    vec![],
                )
                .await;
            if matches!(done, Ok(Value::Bool(true))) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("no new page after 10 s on {}", self.path().await);
    }

    /// Clicks the link or submit button matched by `css` and waits for the page it leads to.
    pub async fn follow(&self, css: &str) {
        self.mark_page().await;
        self.click(css).await;
        self.wait_for_new_page().await;
    }

    /// Presses Enter on the focused link or button and waits for the page it leads to.
    pub async fn enter_and_wait(&self) {
        self.mark_page().await;
        self.press(&[Key::Enter]).await;
        self.wait_for_new_page().await;
    }

    /// Clicks the element matched by `css` (staying on the page).
    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .click()
            .await
            .unwrap();
    }

    /// Follows the link whose text is `text`.
    pub async fn follow_link(&self, text: &str) {
        self.mark_page().await;
        self.client
            .find(Locator::LinkText(text))
            .await
            .unwrap_or_else(|e| panic!("link {text:?}: {e}"))
            .click()
            .await
            .unwrap();
        self.wait_for_new_page().await;
    }

    /// Types into the field named `name` (clicking it first, as a mouse user would).
    pub async fn fill(&self, name: &str, value: &str) {
        let field = self
            .client
            .find(Locator::Css(&format!("[name='{name}']")))
            .await
            .unwrap_or_else(|e| panic!("field {name}: {e}"));
        field.clear().await.unwrap();
        field.send_keys(value).await.unwrap();
    }

    /// Chooses the option of the select `name` whose value is `value`.
    pub async fn choose(&self, name: &str, value: &str) {
        self.click(&format!("select[name='{name}'] option[value='{value}']"))
            .await;
    }

    /// Ticks the checkbox or radio `name` with `value`.
    pub async fn tick(&self, name: &str, value: &str) {
        self.click(&format!("input[name='{name}'][value='{value}']"))
            .await;
    }

    /// Keys pressed one after another, to whatever has the focus.
    pub async fn press(&self, keys: &[Key]) {
        let mut actions = KeyActions::new("keyboard".into());
        for key in keys {
            let value: char = (*key).into();
            actions = actions
                .then(KeyAction::Down { value })
                .then(KeyAction::Up { value });
        }
        self.client.perform_actions(actions).await.unwrap();
    }

    /// Text typed into the focused element.
    pub async fn type_text(&self, text: &str) {
        self.client
            .active_element()
            .await
            .unwrap()
            .send_keys(text)
            .await
            .unwrap();
    }

    /// Presses Tab until the focus is on an element matching `css` (and containing `text`);
    /// fails if 80 presses never get there.
    pub async fn tab_to(&self, css: &str, text: Option<&str>) {
        for _ in 0..80 {
            self.press(&[Key::Tab]).await;
            let there = self
                .client
                .execute(
                    "const el = document.activeElement;
                     return !!el && el.matches(arguments[0])
                       && (arguments[1] === null || el.textContent.includes(arguments[1]));",
                    vec![json!(css), json!(text)],
                )
                .await
                .unwrap();
            if there == Value::Bool(true) {
                return;
            }
        }
        panic!("Tab never reached {css} {text:?} on {}", self.path().await);
    }

    /// Tabs to the field named `name` and types `text` into it.
    pub async fn tab_and_type(&self, name: &str, text: &str) {
        self.tab_to(&format!("[name='{name}']"), None).await;
        self.type_text(text).await;
    }

    /// The current value of the field named `name`.
    pub async fn value(&self, name: &str) -> String {
        self.client
            .find(Locator::Css(&format!("[name='{name}']")))
            .await
            .unwrap_or_else(|e| panic!("field {name}: {e}"))
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    }

    /// axe-core's WCAG 2.1 A and AA audit of the page shown: one line per element that
    /// violates a rule, how many rules passed, and the rules axe could not decide (for a person
    /// to look at; they do not fail the audit).
    pub async fn axe(&self) -> (Vec<String>, u64, Vec<String>) {
        let source = axe_source().expect("axe-core checked at start");
        self.client.execute(&source, vec![]).await.unwrap();
        let result = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(r => done({ passes: r.passes.length,
                    incomplete: r.incomplete.flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' '))),
                    violations: r.violations.flatMap(v => v.nodes.map(n =>
                      v.id + ' (' + v.impact + '): ' + n.target.join(' ') + ': '
                      + n.failureSummary.replace(/\s+/g, ' '))) }))
                  .catch(e => done({ passes: 0, incomplete: [],
                    violations: ['axe failed: ' + e] }));"#,
                vec![],
            )
            .await
            .unwrap();
        (
            serde_json::from_value(result["violations"].clone()).unwrap(),
            result["passes"].as_u64().unwrap(),
            serde_json::from_value(result["incomplete"].clone()).unwrap(),
        )
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// What axe found on each audited page, gathered so that one run shows them all.
#[derive(Default)]
pub struct Audit {
    pages: Vec<(String, usize, u64, Vec<String>)>,
    found: Vec<String>,
}

impl Audit {
    /// Audits the page shown in `browser`, remembering it as `label`.
    pub async fn page(&mut self, browser: &Chromium, label: &str) {
        let (violations, passes, incomplete) = browser.axe().await;
        assert!(
            passes > 10,
            "{label}: axe checked almost nothing ({passes} rules passed)"
        );
        self.pages
            .push((label.to_owned(), violations.len(), passes, incomplete));
        self.found
            .extend(violations.into_iter().map(|v| format!("{label}: {v}")));
    }

    /// Fails with every violation found, if any; prints the pages audited either way.
    pub fn assert_clean(&self) {
        for (label, violations, passes, incomplete) in &self.pages {
            eprintln!(
                "axe WCAG 2.1 AA: {label}: {violations} violations, {passes} rules passed, \
                 undecided: {incomplete:?}"
            );
        }
        assert!(
            self.found.is_empty(),
            "axe found {} violations:\n{}",
            self.found.len(),
            self.found.join("\n")
        );
    }
}
