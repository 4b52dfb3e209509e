use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};
use tokio::sync::oneshot;
use uketsuke::config::{Environment, Settings};
use uketsuke::domain::{OrganizationKind, UserRole};
use uketsuke::services::{accounts, demo};
use uketsuke::store::Db;

/// A running uketsuke with its own database, stopped and cleaned up on drop.
pub struct TestApp {
    pub base_url: String,
    pub db: Db,
    pub db_url: String,
    pub client: reqwest::Client,
    pub link_key: String,
    /// The settings the app runs with.
    pub settings: Settings,
    _shutdown: oneshot::Sender<()>,
    _database: TestDatabase,
}

enum TestDatabase {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let TestDatabase::Postgres { admin_url, name } = self {
            let (admin_url, name) = (admin_url.clone(), name.clone());
            // Drop runs inside the test's runtime; use a runtime of our own on a thread.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                rt.block_on(async {
                    if let Ok(admin) = Database::connect(&admin_url).await {
                        let _ = admin
                            .execute_unprepared(&format!(
                                "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                            ))
                            .await;
                    }
                });
            })
            .join();
        }
    }
}

async fn test_database() -> (TestDatabase, String) {
    let require_pg = std::env::var("UKETSUKE_REQUIRE_POSTGRES").is_ok_and(|v| v == "1");
    match std::env::var("UKETSUKE_TEST_POSTGRES_URL") {
        Ok(admin_url) if !admin_url.is_empty() => {
            let admin = Database::connect(&admin_url)
                .await
                .unwrap_or_else(|e| panic!("PostgreSQL at {admin_url} is unreachable: {e}"));
            let name = format!("uketsuke_test_{:016x}", rand::random::<u64>());
            admin
                .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await
                .expect("create the test database");
            let _ = admin.close().await;
            let mut url = url::Url::parse(&admin_url).expect("a valid PostgreSQL URL");
            url.set_path(&name);
            (TestDatabase::Postgres { admin_url, name }, url.to_string())
        }
        _ if require_pg => {
            panic!("UKETSUKE_REQUIRE_POSTGRES=1 but UKETSUKE_TEST_POSTGRES_URL is not set")
        }
        _ => {
            let dir = tempfile::tempdir().expect("a temporary directory");
            let url = format!("sqlite://{}/uketsuke.db?mode=rwc", dir.path().display());
            (TestDatabase::Sqlite(dir), url)
        }
    }
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// The app with its test settings changed first.
    pub async fn spawn_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
        let (database, db_url) = test_database().await;
        let mut settings = Settings::load_for(Environment::Test).expect("test settings load");
        adjust(&mut settings);
        settings.database.url = db_url.clone();
        let (acceptor, addr) = uketsuke::app::bind("127.0.0.1:0")
            .await
            .expect("bind port 0");
        settings.server.public_url = format!("http://{addr}");
        let link_key = settings.secrets.link_key.clone();
        let kept_settings = settings.clone();
        let state = uketsuke::app::prepare(settings)
            .await
            .expect("the app starts");
        let db = state.db.clone();
        let (tx, rx) = oneshot::channel::<()>();
        tokio::spawn(uketsuke::app::serve(state, acceptor, async {
            let _ = rx.await;
        }));
        TestApp {
            base_url: format!("http://{addr}"),
            db,
            db_url,
            client: reqwest::Client::new(),
            link_key,
            settings: kept_settings,
            _shutdown: tx,
            _database: database,
        }
    }

    /// The app with the demo data loaded; returns the TMG organizer's and TCCI's tokens.
    pub async fn with_demo() -> (TestApp, DemoTokens) {
        let app = TestApp::spawn().await;
        let links = uketsuke::services::links::ManageLinks::new(&app.link_key);
        let logins = demo::seed(&app.db, &links, Utc::now())
            .await
            .expect("demo data loads");
        let token = |org: &str| {
            logins
                .accounts
                .iter()
                .find(|a| a.organization == org)
                .unwrap()
                .token
                .clone()
        };
        let tokens = DemoTokens {
            tmg: token("TMG"),
            tcci: token("TCCI"),
        };
        (app, tokens)
    }

    /// A new organization with one user of `role`; returns the user's API token.
    pub async fn organization_with_user(&self, code: &str, role: UserRole) -> String {
        accounts::add_organization(
            &self.db,
            code,
            OrganizationKind::Company,
            &format!("{code} 株式会社"),
            &format!("{code} Co., Ltd."),
        )
        .await
        .expect("organization added");
        self.user(code, role).await
    }

    pub async fn user(&self, code: &str, role: UserRole) -> String {
        let email = format!(
            "{}-{:x}@example.jp",
            code.to_lowercase(),
            rand::random::<u32>()
        );
        accounts::add_user(
            &self.db,
            code,
            &email,
            "テスト 担当",
            role,
            Some("correct horse battery staple"),
        )
        .await
        .expect("user added")
        .token
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    pub async fn get_html(&self, path: &str, accept_language: Option<&str>) -> (u16, String) {
        let mut req = self.client.get(self.url(path));
        if let Some(l) = accept_language {
            req = req.header("accept-language", l);
        }
        let resp = req.send().await.expect("request sent");
        (resp.status().as_u16(), resp.text().await.unwrap())
    }

    pub async fn get_json(&self, path: &str) -> (u16, Value) {
        let resp = self
            .client
            .get(self.url(path))
            .send()
            .await
            .expect("request sent");
        let status = resp.status().as_u16();
        (status, resp.json().await.expect("a JSON body"))
    }

    /// Sends `method path` with an optional token and JSON body; returns status and JSON.
    pub async fn api(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (u16, Value) {
        self.api_lang(method, path, token, body, None).await
    }

    pub async fn api_lang(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
        lang: Option<&str>,
    ) -> (u16, Value) {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut req = self
            .client
            .request(method, self.url(&format!("/api/v1{path}")));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        if let Some(l) = lang {
            req = req.header("accept-language", l);
        }
        let resp = req.send().await.expect("request sent");
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap();
        let json =
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"));
        (status, json)
    }
}

pub struct DemoTokens {
    pub tmg: String,
    pub tcci: String,
}

/// `days` from now at a whole hour, as RFC 3339 in JST.
pub fn jst_in_days(days: i64, hour_offset: i64) -> String {
    let t: DateTime<Utc> = Utc::now() + Duration::days(days) + Duration::hours(hour_offset);
    t.with_timezone(&chrono_tz::Asia::Tokyo)
        .format("%Y-%m-%dT%H:00:00+09:00")
        .to_string()
}

/// A valid seminar to create through the API.
pub fn seminar(slug: &str) -> Value {
    json!({
        "slug": slug,
        "title_ja": "テスト用セミナー",
        "title_en": "Test seminar",
        "description_ja": "中小企業向けのテレワーク導入セミナーです。",
        "description_en": "A telework seminar for SMEs.",
        "programme_area": "telework",
        "kind": "seminar",
        "format": "hybrid",
        "venue_name_ja": "都庁第一本庁舎",
        "venue_address_ja": "東京都新宿区西新宿2-8-1",
        "online_url": "https://meet.example.jp/secret-room",
        "starts_at": jst_in_days(14, 0),
        "ends_at": jst_in_days(14, 2),
        "capacity": 40,
        "per_company_limit": 3,
        "languages": ["ja", "en"]
    })
}

/// A valid 法人番号 built from 12 digits (the check digit computed by the NTA's rule), so tests
/// can use as many distinct companies as they need.
pub fn corporate_number(body: u64) -> String {
    let digits = format!("{:012}", body % 1_000_000_000_000);
    let sum: u32 = digits
        .chars()
        .rev()
        .enumerate()
        .map(|(i, c)| c.to_digit(10).unwrap() * if i % 2 == 0 { 1 } else { 2 })
        .sum();
    format!("{}{digits}", 9 - sum % 9)
}

/// A company registration body with one attendee per email.
pub fn company_registration(corporate_number: &str, attendee_emails: &[&str]) -> Value {
    json!({
        "company": {
            "name": "株式会社テスト商事",
            "name_kana": "かぶしきがいしゃてすとしょうじ",
            "corporate_number": corporate_number,
            "postal_code": "100-0005",
            "prefecture": "東京都",
            "city": "千代田区",
            "street": "丸の内3-2-2",
            "industry": "manufacturing",
            "employee_band": "21-50",
            "tcci_member": true
        },
        "contact": {
            "name": "山田 花子", "kana": "ヤマダ ハナコ", "email": format!("contact-{corporate_number}@example.co.jp"),
            "phone": "03-1234-5678"
        },
        "attendees": attendee_emails.iter().enumerate().map(|(i, e)| json!({
            "name": format!("参加者 {i}"), "kana": "サンカシャ", "email": e
        })).collect::<Vec<_>>(),
        "consent": true,
        "heard_via": "tcci_mail_magazine",
        "via": "mm-2026-12"
    })
}

impl TestApp {
    /// A published seminar of TMG with the given seats, per-company limit and waitlist.
    pub async fn published_event(
        &self,
        token: &str,
        slug: &str,
        capacity: Option<i64>,
        limit: Option<i64>,
        waitlist: bool,
    ) {
        let mut body = seminar(slug);
        body["capacity"] = json!(capacity);
        body["per_company_limit"] = json!(limit);
        body["waitlist_enabled"] = json!(waitlist);
        let (status, created) = self.api("POST", "/events", Some(token), Some(body)).await;
        assert_eq!(status, 201, "{created}");
        let (status, _) = self
            .api(
                "POST",
                &format!("/events/{slug}/publish"),
                Some(token),
                None,
            )
            .await;
        assert_eq!(status, 200);
    }

    /// Registers; returns (status, body).
    pub async fn register(&self, slug: &str, body: Value) -> (u16, Value) {
        self.api(
            "POST",
            &format!("/events/{slug}/registrations"),
            None,
            Some(body),
        )
        .await
    }

    /// Messages waiting in the outbox (the demo queues its registrations' confirmations).
    pub async fn pending_messages(&self) -> usize {
        uketsuke::store::outbox::status_counts(&self.db)
            .await
            .unwrap()
            .into_iter()
            .filter(|(s, _)| s == "pending")
            .map(|(_, n)| n as usize)
            .sum()
    }

    pub async fn seats_taken(&self, slug: &str) -> u32 {
        uketsuke::store::events::by_slug(&self.db, slug)
            .await
            .unwrap()
            .unwrap()
            .seats_taken
    }
}

impl TestApp {
    /// POSTs every body to `/api/v1{path}` with at most `concurrency` requests in flight (each
    /// with its `Idempotency-Key`, if any); answers come back in the order of `bodies`.
    pub async fn post_all(
        &self,
        path: &str,
        bodies: Vec<(Option<String>, Value)>,
        concurrency: usize,
    ) -> Vec<(u16, Value)> {
        let gate = std::sync::Arc::new(tokio::sync::Semaphore::new(concurrency));
        let mut tasks = tokio::task::JoinSet::new();
        for (i, (key, body)) in bodies.into_iter().enumerate() {
            let (client, url, gate) = (
                self.client.clone(),
                self.url(&format!("/api/v1{path}")),
                gate.clone(),
            );
            tasks.spawn(async move {
                let _permit = gate.acquire_owned().await.unwrap();
                let mut req = client.post(url).json(&body);
                if let Some(k) = key {
                    req = req.header("Idempotency-Key", k);
                }
                let resp = req.send().await.expect("request sent");
                let status = resp.status().as_u16();
                let text = resp.text().await.unwrap();
                (
                    i,
                    status,
                    serde_json::from_str(&text).unwrap_or(Value::String(text)),
                )
            });
        }
        let mut out = Vec::new();
        while let Some(r) = tasks.join_next().await {
            out.push(r.expect("task ran"));
        }
        out.sort_by_key(|(i, _, _)| *i);
        out.into_iter().map(|(_, s, v)| (s, v)).collect()
    }
}

impl TestApp {
    /// Delivers every message due, however many batches that takes; returns how many went.
    pub async fn drain(&self, mailer: &uketsuke::mail::Mailer) -> usize {
        let mut sent = 0;
        loop {
            let pass = uketsuke::mail::worker::deliver_due(&self.db, mailer, Utc::now())
                .await
                .unwrap();
            if pass.sent == 0 {
                return sent;
            }
            sent += pass.sent;
        }
    }

    /// A mailer that sends to `port` on localhost over plain SMTP, retrying after a second.
    pub fn mailer(&self, port: u16) -> uketsuke::mail::Mailer {
        let mut settings = self.settings.clone();
        settings.mail.transport = uketsuke::config::MailTransport::Smtp;
        settings.mail.smtp_host = "127.0.0.1".into();
        settings.mail.smtp_port = port;
        settings.mail.smtp_security = uketsuke::config::SmtpSecurity::None;
        settings.mail.from_address = "events@uketsuke.example.jp".into();
        // Long enough that a retried message is not due again within the same pass; the
        // tests look 5 seconds ahead for retries.
        settings.mail.retry_base_secs = 3;
        settings.mail.retry_max_secs = 4;
        settings.mail.smtp_timeout_secs = 3;
        uketsuke::mail::Mailer::new(&settings).expect("mailer")
    }
}

/// The value of a hidden form field, with minijinja's HTML escapes undone.
pub fn hidden(html: &str, name: &str) -> String {
    let marker = format!(r#"name="{name}" value=""#);
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} in page"))
        + marker.len();
    let raw = &html[start..start + html[start..].find('"').unwrap()];
    raw.replace("&#x2f;", "/")
        .replace("&#x3d;", "=")
        .replace("&#x2b;", "+")
        .replace("&amp;", "&")
}

pub const STAFF_PASSWORD: &str = "correct horse battery staple";

/// A browser of the back-office: its own cookies, no redirects followed.
pub struct Browser {
    pub client: reqwest::Client,
    base: String,
}

impl Browser {
    pub fn new(app: &TestApp) -> Browser {
        Browser {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base: app.url(""),
        }
    }

    /// A browser whose requests reach the app through a proxy that forwards `ip` as the
    /// client's address (the app must trust `X-Forwarded-For`).
    pub fn from_address(app: &TestApp, ip: &str) -> Browser {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("x-forwarded-for", ip.parse().unwrap());
        Browser {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .default_headers(headers)
                .build()
                .unwrap(),
            base: app.url(""),
        }
    }

    pub async fn get(&self, path: &str) -> (u16, String) {
        let resp = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        let status = resp.status().as_u16();
        (status, resp.text().await.unwrap())
    }

    /// Posts a form from the page at `form_page`, with that page's CSRF token.
    pub async fn post(
        &self,
        form_page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> (u16, String, Option<String>) {
        let (_, page) = self.get(form_page).await;
        let token = hidden(&page, "csrf_token");
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        let resp = self
            .client
            .post(format!("{}{action}", self.base))
            .form(&all)
            .send()
            .await
            .unwrap();
        let status = resp.status().as_u16();
        let location = resp
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_owned());
        (status, resp.text().await.unwrap(), location)
    }

    pub async fn login(&self, email: &str, password: &str) -> (u16, String, Option<String>) {
        self.post(
            "/admin/login",
            "/admin/login",
            &[("email", email), ("password", password), ("next", "/admin")],
        )
        .await
    }
}

impl TestApp {
    /// A user of `code` with `role` and the standard test password; returns their address.
    pub async fn staff(&self, code: &str, role: UserRole) -> String {
        let email = format!(
            "{}-{:x}@example.jp",
            code.to_lowercase(),
            rand::random::<u32>()
        );
        accounts::add_user(
            &self.db,
            code,
            &email,
            "受付 花子",
            role,
            Some(STAFF_PASSWORD),
        )
        .await
        .expect("user added");
        email
    }

    /// A signed-in browser for a new user of `code` with `role`.
    pub async fn signed_in(&self, code: &str, role: UserRole) -> Browser {
        let email = self.staff(code, role).await;
        let browser = Browser::new(self);
        let (status, body, _) = browser.login(&email, STAFF_PASSWORD).await;
        assert_eq!(status, 303, "login: {body}");
        browser
    }
}

/// The text of the one QR code in a PNG, read with an independent decoder.
pub fn decode_qr(png_bytes: &[u8]) -> String {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes.to_vec()));
    // One bit per pixel in the file; eight here.
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let (w, h) = (info.width as usize, info.height as usize);
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| buf[y * w + x]);
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().unwrap().1
}
