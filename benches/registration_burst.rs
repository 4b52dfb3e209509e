//! Registration burst: 2,000 concurrent HTTP registrations (1–3 attendees each) for 300 seats
//! against the real server binary, on SQLite and (when UKETSUKE_BENCH_POSTGRES_URL is set) on
//! PostgreSQL. The same run measures the raw database ceiling: the same transaction shape
//! (lock the event, take seats, insert the registration and its attendees, queue the message)
//! straight through sea-orm, no HTTP, at the same concurrency. Prints figures; asserts nothing
//! about time.
//!
//!     cargo bench --bench registration_burst
//!     UKETSUKE_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres cargo bench --bench registration_burst
mod common;

use chrono::Utc;
use common::database;
use serde_json::{Value, json};
use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use uketsuke::config::{Environment, Settings};
use uketsuke::domain::{
    Audience, CorporateNumber, Envelope, Notice, RegistrationInput, RegistrationRules,
    RegistrationSpec, SeatState,
    registration::{CompanyInput, PersonInput},
};
use uketsuke::services::links::ManageLinks;
use uketsuke::store::{self, outbox::NewMessage, registrations::NewRegistration};

const BURST: usize = 2000;
const SEATS: i64 = 300;
const CONCURRENCY: usize = 64;

/// Connections in the pool, for the server and the raw run alike (default: the server's
/// default, 8; `UKETSUKE_BENCH_POOL` to try others).
fn pool() -> u32 {
    std::env::var("UKETSUKE_BENCH_POOL")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8)
}

struct Run {
    seconds: f64,
    latencies: Vec<Duration>,
    confirmed: usize,
    waitlisted: usize,
    errors: usize,
    oversold: i64,
}

/// What became of one registration.
enum Outcome {
    Confirmed,
    Waitlisted,
    Failed,
}

impl From<SeatState> for Outcome {
    fn from(status: SeatState) -> Self {
        match status {
            SeatState::Confirmed => Outcome::Confirmed,
            _ => Outcome::Waitlisted,
        }
    }
}

impl Run {
    /// Collects every task's (latency, outcome) into the figures of a run.
    async fn collect(
        mut tasks: tokio::task::JoinSet<(Duration, Outcome)>,
        started: Instant,
    ) -> Run {
        let mut run = Run {
            seconds: 0.0,
            latencies: Vec::new(),
            confirmed: 0,
            waitlisted: 0,
            errors: 0,
            oversold: 0,
        };
        while let Some(r) = tasks.join_next().await {
            let (latency, outcome) = r.unwrap();
            run.latencies.push(latency);
            match outcome {
                Outcome::Confirmed => run.confirmed += 1,
                Outcome::Waitlisted => run.waitlisted += 1,
                Outcome::Failed => run.errors += 1,
            }
        }
        run.seconds = started.elapsed().as_secs_f64();
        run
    }

    fn per_second(&self) -> f64 {
        (self.confirmed + self.waitlisted) as f64 / self.seconds
    }

    fn percentile(&self, p: f64) -> f64 {
        let mut l = self.latencies.clone();
        l.sort();
        l.get(((l.len() as f64 - 1.0) * p).round() as usize)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    }
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut engines = vec![("SQLite", None)];
    if let Ok(url) = std::env::var("UKETSUKE_BENCH_POSTGRES_URL") {
        engines.push(("PostgreSQL", Some(url)));
    }
    println!(
        "registration burst: {BURST} registrations (1–3 attendees), {SEATS} seats, {CONCURRENCY} in flight, pool {}, {} cores",
        pool(),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!(
        "{:<11} {:<4} {:>9} {:>9} {:>9} {:>10} {:>11} {:>7} {:>9} {:>10}",
        "engine",
        "path",
        "regs/s",
        "p50 ms",
        "p99 ms",
        "confirmed",
        "waitlisted",
        "errors",
        "oversold",
        "peak RSS"
    );
    for (name, pg) in engines {
        let (db_url, cleanup) = rt.block_on(database(pg.as_deref()));
        let (app, rss) = rt.block_on(app_run(&db_url));
        let raw = rt.block_on(raw_run(&db_url));
        let svc = rt.block_on(service_run(&db_url));
        row(name, "app", &app, Some(rss));
        row(name, "svc", &svc, None);
        row(name, "raw", &raw, None);
        println!(
            "{:<11} ratio app/raw: {:.2} (target ≥ 0.50); server peak RSS {:.1} MiB (target < 64)",
            name,
            app.per_second() / raw.per_second(),
            rss as f64 / 1024.0
        );
        rt.block_on(cleanup());
    }
}

fn row(engine: &str, path: &str, r: &Run, rss_kib: Option<u64>) {
    println!(
        "{:<11} {:<4} {:>9.0} {:>9.1} {:>9.1} {:>10} {:>11} {:>7} {:>9} {:>10}",
        engine,
        path,
        r.per_second(),
        r.percentile(0.50),
        r.percentile(0.99),
        r.confirmed,
        r.waitlisted,
        r.errors,
        r.oversold,
        rss_kib.map_or("-".into(), |k| format!("{:.1} MiB", k as f64 / 1024.0)),
    );
}

fn uketsuke(db_url: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_uketsuke"));
    cmd.env("UKETSUKE_ENV", "test")
        .env_remove("RUST_LOG")
        .env("UKETSUKE__DATABASE__URL", db_url)
        .env("UKETSUKE__DATABASE__MAX_CONNECTIONS", pool().to_string());
    cmd
}

fn cli(db_url: &str, args: &[&str]) -> String {
    let out = uketsuke(db_url).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// CPU seconds the process has used (user + system).
fn cpu_seconds(child: &Child) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{}/stat", child.id())).unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    let ticks: f64 = [11, 12]
        .iter()
        .filter_map(|i| fields.get(*i)?.parse::<f64>().ok())
        .sum();
    ticks / 100.0
}

fn peak_rss_kib(child: &Child) -> u64 {
    std::fs::read_to_string(format!("/proc/{}/status", child.id()))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn registration(i: usize) -> Value {
    let n = i % 3 + 1;
    json!({
        "company": {
            "name": format!("株式会社ベンチ{i}"), "name_kana": "ベンチ",
            "corporate_number": CorporateNumber::from_body(500_000 + i as u64).as_str(),
            "postal_code": "100-0005", "prefecture": "東京都", "city": "千代田区", "street": "丸の内1-1",
            "industry": "manufacturing", "employee_band": "21-50", "tcci_member": true
        },
        "contact": {"name": "担当 太郎", "kana": "タントウ タロウ", "email": format!("c{i}@bench.example.jp"), "phone": "03-1234-5678"},
        "attendees": (0..n).map(|j| json!({"name": format!("参加 {j}"), "kana": "サンカ", "email": format!("p{i}-{j}@bench.example.jp")})).collect::<Vec<_>>(),
        "consent": true
    })
}

/// The real server: a separate process, so its memory is its own.
async fn app_run(db_url: &str) -> (Run, u64) {
    cli(db_url, &["migrate"]);
    cli(
        db_url,
        &[
            "org",
            "add",
            "--code",
            "TMG",
            "--kind",
            "tmg",
            "--name-ja",
            "東京都",
            "--name-en",
            "TMG",
        ],
    );
    let out = cli(
        db_url,
        &[
            "user",
            "add",
            "--org",
            "TMG",
            "--email",
            "bench@tmg.example.jp",
        ],
    );
    let token = out
        .lines()
        .find_map(|l| l.strip_prefix("API token (shown once): "))
        .unwrap()
        .to_owned();

    let mut child = uketsuke(db_url)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let addr = stdout
        .lines()
        .find_map(|l| {
            l.ok()?
                .strip_prefix("uketsuke is listening on http://")
                .map(|r| r.split_whitespace().next().unwrap().to_owned())
        })
        .expect("server started");
    let base = format!("http://{addr}/api/v1");
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(CONCURRENCY)
        .build()
        .unwrap();
    for slug in ["burst", "raw-burst", "svc-burst"] {
        let start = (Utc::now() + chrono::Duration::days(30)).to_rfc3339();
        let end =
            (Utc::now() + chrono::Duration::days(30) + chrono::Duration::hours(2)).to_rfc3339();
        let event = json!({
            "slug": slug, "title_ja": "負荷試験", "title_en": "Load test", "description_ja": "説明", "description_en": "About",
            "programme_area": "telework", "kind": "seminar", "format": "online", "starts_at": start, "ends_at": end,
            "capacity": SEATS, "per_company_limit": 3
        });
        let r = client
            .post(format!("{base}/events"))
            .bearer_auth(&token)
            .json(&event)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 201);
        let r = client
            .post(format!("{base}/events/{slug}/publish"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 200);
    }

    let gate = Arc::new(tokio::sync::Semaphore::new(CONCURRENCY));
    let mut tasks = tokio::task::JoinSet::new();
    let cpu_before = cpu_seconds(&child);
    let started = Instant::now();
    for i in 0..BURST {
        let (client, url, gate) = (
            client.clone(),
            format!("{base}/events/burst/registrations"),
            gate.clone(),
        );
        tasks.spawn(async move {
            let _permit = gate.acquire_owned().await.unwrap();
            let body = registration(i);
            let t = Instant::now();
            let resp = client.post(url).json(&body).send().await;
            let status = match resp {
                Ok(r) => {
                    let code = r.status().as_u16();
                    let v: Value = r.json().await.unwrap_or(Value::Null);
                    match (code, v["status"].as_str()) {
                        (201, Some("confirmed")) => Outcome::Confirmed,
                        (201, Some("waitlisted")) => Outcome::Waitlisted,
                        _ => Outcome::Failed,
                    }
                }
                Err(_) => Outcome::Failed,
            };
            (t.elapsed(), status)
        });
    }
    let mut run = Run::collect(tasks, started).await;
    let rss = peak_rss_kib(&child);
    println!(
        "(server used {:.1} CPU seconds in {:.1} s of burst)",
        cpu_seconds(&child) - cpu_before,
        run.seconds
    );
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    run.oversold = oversold(db_url, "burst").await;
    (run, rss)
}

/// Seats confirmed beyond capacity, or a counter that disagrees with confirmed attendees.
async fn oversold(db_url: &str, slug: &str) -> i64 {
    let mut settings = Settings::load_for(Environment::Test).unwrap();
    settings.database.url = db_url.to_owned();
    let db = store::connect(&settings.database).await.unwrap();
    let event = store::events::by_slug(&db, slug).await.unwrap().unwrap();
    let (confirmed, _, _) = store::registrations::seat_totals(&db, event.id)
        .await
        .unwrap();
    let over = confirmed as i64 - SEATS;
    let disagreement = (confirmed as i64 - i64::from(event.seats_taken)).abs();
    over.max(0) + disagreement
}

/// The database ceiling: the registration transaction without HTTP, JSON, validation or the
/// reads around it.
async fn raw_run(db_url: &str) -> Run {
    let mut settings = Settings::load_for(Environment::Test).unwrap();
    settings.database.url = db_url.to_owned();
    settings.database.max_connections = pool();
    let db = store::connect(&settings.database).await.unwrap();
    let links = Arc::new(ManageLinks::new(&settings.secrets.link_key));
    let rules = RegistrationRules {
        audience: Audience::Companies,
        per_company_limit: Some(3),
        questions: &[],
        shape: uketsuke::domain::Shape::Seats,
        campaign_period: None,
        call: None,
    };
    let specs: Vec<RegistrationSpec> = (0..BURST)
        .map(|i| RegistrationSpec::parse(input(i), &rules).expect("valid"))
        .collect();

    let gate = Arc::new(tokio::sync::Semaphore::new(CONCURRENCY));
    let mut tasks = tokio::task::JoinSet::new();
    let started = Instant::now();
    for spec in specs {
        let (db, gate, links) = (db.clone(), gate.clone(), links.clone());
        tasks.spawn(async move {
            let _permit = gate.acquire_owned().await.unwrap();
            let t = Instant::now();
            let now = Utc::now();
            let txn = store::begin_write(&db).await.unwrap();
            let event = store::events::by_slug_for_update(&txn, "raw-burst")
                .await
                .unwrap()
                .unwrap();
            let seats = spec.attendees.len() as u32;
            let status = if store::events::take_seats(&txn, event.id, seats)
                .await
                .unwrap()
            {
                SeatState::Confirmed
            } else {
                SeatState::Waitlisted
            };
            let token = links.issue();
            let new = NewRegistration {
                event_id: event.id,
                status,
                spec: &spec,
                seats,
                token_hash: &token.hash,
                token_sealed: &token.sealed,
                consent_version: 1,
                idempotency_key: None,
                request_hash: None,
                walk_in: false,
            };
            let id = store::registrations::insert(&txn, new, &HashSet::new(), now)
                .await
                .unwrap()
                .id;
            let confirmed = Envelope {
                notice: Notice::Confirmed,
                attendee_id: None,
            };
            let message = NewMessage {
                event_id: event.id,
                registration_id: Some(id),
                recipient_email: spec.contact.email.as_str(),
                recipient_name: &spec.contact.name,
                lang: uketsuke::i18n::Lang::default(),
                envelope: &confirmed,
            };
            store::outbox::enqueue(&txn, message, now).await.unwrap();
            txn.commit().await.unwrap();
            (t.elapsed(), Outcome::from(status))
        });
    }
    let mut run = Run::collect(tasks, started).await;
    run.oversold = oversold(db_url, "raw-burst").await;
    run
}

/// The app without HTTP: the registration service itself, called in-process, to tell the
/// cost of the service's own checks from the cost of HTTP.
async fn service_run(db_url: &str) -> Run {
    let mut settings = Settings::load_for(Environment::Test).unwrap();
    settings.database.url = db_url.to_owned();
    settings.database.max_connections = pool();
    let db = store::connect(&settings.database).await.unwrap();
    let links = Arc::new(ManageLinks::new(&settings.secrets.link_key));
    let gate = Arc::new(tokio::sync::Semaphore::new(CONCURRENCY));
    let mut tasks = tokio::task::JoinSet::new();
    let started = Instant::now();
    for i in 0..BURST {
        let (db, gate, links) = (db.clone(), gate.clone(), links.clone());
        let mut input = input(i);
        input.contact.email = Some(format!("sc{i}@bench.example.jp"));
        for a in &mut input.attendees {
            a.email = a.email.as_ref().map(|e| format!("s{e}"));
        }
        tasks.spawn(async move {
            let _permit = gate.acquire_owned().await.unwrap();
            let t = Instant::now();
            let r = uketsuke::services::registrations::register(
                &db,
                &links,
                "svc-burst",
                input,
                None,
                Utc::now(),
            )
            .await;
            let outcome = r.map_or(Outcome::Failed, |r| {
                r.registration
                    .participation
                    .seat_state()
                    .map_or(Outcome::Failed, Into::into)
            });
            (t.elapsed(), outcome)
        });
    }
    let mut run = Run::collect(tasks, started).await;
    run.oversold = oversold(db_url, "svc-burst").await;
    run
}

fn input(i: usize) -> RegistrationInput {
    RegistrationInput {
        company: Some(CompanyInput {
            name: Some(format!("株式会社ロウ{i}")),
            name_kana: Some("ロウ".into()),
            corporate_number: Some(
                CorporateNumber::from_body(800_000 + i as u64)
                    .as_str()
                    .into(),
            ),
            postal_code: Some("100-0005".into()),
            prefecture: Some("東京都".into()),
            city: Some("千代田区".into()),
            street: Some("丸の内1-1".into()),
            industry: Some("manufacturing".into()),
            employee_band: Some("21-50".into()),
            tcci_member: Some(true),
            ..Default::default()
        }),
        contact: PersonInput {
            name: Some("担当 太郎".into()),
            kana: Some("タントウ タロウ".into()),
            email: Some(format!("rc{i}@bench.example.jp")),
            phone: Some("03-1234-5678".into()),
            ..Default::default()
        },
        attendees: (0..i % 3 + 1)
            .map(|j| PersonInput {
                name: Some(format!("参加 {j}")),
                kana: Some("サンカ".into()),
                email: Some(format!("rp{i}-{j}@bench.example.jp")),
                ..Default::default()
            })
            .collect(),
        consent: true,
        ..Default::default()
    }
}
