//! Roster export of 100,000 attendees (20,000 registrations of five) from the real server
//! binary, as CSV and as XLSX, on SQLite and (when UKETSUKE_BENCH_POSTGRES_URL is set) on
//! PostgreSQL. Prints rows/s, size and the server's resident memory before and at its peak:
//! the export streams, so the peak should stay near the idle figure however long the roster.
//! Asserts nothing about time.
//!
//!     cargo bench --bench roster_export
mod common;

use chrono::Utc;
use common::database;
use futures_util::StreamExt;
use sea_orm::ActiveValue::Set;
use sea_orm::EntityTrait;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Instant;
use uketsuke::config::{Environment, Settings};
use uketsuke::domain::{OrganizationKind, UserRole};
use uketsuke::services::accounts;
use uketsuke::store::{self, entities::attendee, entities::registration};

const REGISTRATIONS: usize = 20_000;
const PER_REGISTRATION: usize = 5;
const PASSWORD: &str = "bench password long enough";

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
        "roster export: {} attendees from the server binary",
        REGISTRATIONS * PER_REGISTRATION
    );
    println!(
        "{:<11} {:<5} {:>9} {:>8} {:>9} {:>12} {:>12}",
        "engine", "file", "rows/s", "seconds", "MiB", "RSS before", "RSS peak"
    );
    for (name, pg) in engines {
        rt.block_on(async {
            let (url, cleanup) = database(pg.as_deref()).await;
            let email = seed(&url).await;
            let mut server = Command::new(env!("CARGO_BIN_EXE_uketsuke"))
                .env("UKETSUKE_ENV", "test")
                .env_remove("RUST_LOG")
                .env("UKETSUKE__DATABASE__URL", &url)
                .env("UKETSUKE__MAIL__WORKER_IN_SERVE", "false")
                .args(["serve", "--bind", "127.0.0.1:0"])
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            let addr = BufReader::new(server.stdout.take().unwrap())
                .lines()
                .find_map(|l| {
                    l.ok()?
                        .strip_prefix("uketsuke is listening on http://")
                        .map(|r| r.split_whitespace().next().unwrap().to_owned())
                })
                .expect("server started");
            let base = format!("http://{addr}");
            let client = login(&base, &email).await;
            for file in ["csv", "xlsx"] {
                let before = status_kib(&server, "VmRSS:");
                let started = Instant::now();
                let resp = client
                    .get(format!("{base}/admin/events/bench-roster/roster.{file}"))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(resp.status().as_u16(), 200);
                let mut bytes = 0usize;
                let mut body = resp.bytes_stream();
                while let Some(chunk) = body.next().await {
                    bytes += chunk.unwrap().len();
                }
                let seconds = started.elapsed().as_secs_f64();
                let rows = REGISTRATIONS * PER_REGISTRATION;
                println!(
                    "{name:<11} {file:<5} {:>9.0} {seconds:>8.2} {:>9.1} {:>9.1} MiB {:>9.1} MiB",
                    rows as f64 / seconds,
                    bytes as f64 / 1048576.0,
                    before as f64 / 1024.0,
                    status_kib(&server, "VmHWM:") as f64 / 1024.0,
                );
            }
            let _ = server.kill();
            let _ = server.wait();
            cleanup().await;
        });
    }
}

fn status_kib(child: &Child, key: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{}/status", child.id()))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// An organizer, a published event and its roster, written straight into the tables.
async fn seed(url: &str) -> String {
    let mut settings = Settings::load_for(Environment::Test).unwrap();
    settings.database.url = url.to_owned();
    let db = store::connect(&settings.database).await.unwrap();
    store::migrate(&db).await.unwrap();
    accounts::add_organization(&db, "BENCH", OrganizationKind::Tmg, "東京都", "TMG")
        .await
        .unwrap();
    let email = "bench@example.jp";
    let account = accounts::add_user(
        &db,
        "BENCH",
        email,
        "試験",
        UserRole::Organizer,
        Some(PASSWORD),
    )
    .await
    .unwrap();
    let who = uketsuke::store::sessions::user_by_email(&db, email)
        .await
        .unwrap()
        .unwrap()
        .0
        .principal;
    let _ = account;
    let input = uketsuke::domain::EventInput {
        slug: Some("bench-roster".into()),
        title_ja: Some("名簿試験".into()),
        title_en: Some("Roster bench".into()),
        description_ja: Some("説明".into()),
        description_en: Some("About".into()),
        programme_area: Some(uketsuke::domain::ProgrammeArea::Telework),
        kind: Some(uketsuke::domain::EventKind::Seminar),
        format: Some(uketsuke::domain::EventFormat::Online),
        starts_at: Some(Utc::now() + chrono::Duration::days(30)),
        ends_at: Some(Utc::now() + chrono::Duration::days(30) + chrono::Duration::hours(2)),
        ..Default::default()
    };
    let event = uketsuke::services::events::create(&db, &who, input, Utc::now())
        .await
        .unwrap();
    let event_id = event.event.id;
    let now = Utc::now();
    for chunk in (0..REGISTRATIONS).collect::<Vec<_>>().chunks(500) {
        let txn = store::begin_write(&db).await.unwrap();
        for &i in chunk {
            let reg = registration::ActiveModel {
                event_id: Set(event_id),
                status: Set("confirmed".into()),
                audience: Set("companies".into()),
                manage_token_hash: Set(format!("bench-{i}")),
                manage_token_sealed: Set(String::new()),
                lang: Set("ja".into()),
                company_name: Set(Some(format!("株式会社ベンチ{i}"))),
                company_name_kana: Set(Some("ベンチ".into())),
                corporate_number: Set(None),
                registrant_kind: Set("company".into()),
                country: Set(Some("JP".into())),
                postal_code: Set(Some("1000005".into())),
                prefecture: Set(Some("東京都".into())),
                city: Set(Some("千代田区".into())),
                street: Set(Some("丸の内1-1".into())),
                industry: Set(Some("manufacturing".into())),
                employee_band: Set(Some("21-50".into())),
                tcci_member: Set(Some(true)),
                contact_name: Set("担当 太郎".into()),
                contact_kana: Set("タントウ タロウ".into()),
                contact_department: Set(None),
                contact_title: Set(None),
                contact_email: Set(format!("c{i}@bench.example.jp")),
                contact_phone: Set(Some("0312345678".into())),
                affiliation: Set(None),
                seats: Set(PER_REGISTRATION as i32),
                answers: Set("{}".into()),
                heard_via: Set(Some("tcci_mail_magazine".into())),
                via_code: Set(None),
                consent_version: Set(1),
                consented_at: Set(now),
                idempotency_key: Set(None),
                request_hash: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                cancelled_at: Set(None),
                notices_opt_out: Set(false),
                ..Default::default()
            };
            let id = registration::Entity::insert(reg)
                .exec(&txn)
                .await
                .unwrap()
                .last_insert_id;
            let people = (0..PER_REGISTRATION).map(|j| attendee::ActiveModel {
                registration_id: Set(id),
                event_id: Set(event_id),
                position: Set(j as i32),
                name: Set(format!("参加 {i}-{j}")),
                kana: Set("サンカ".into()),
                department: Set(None),
                title: Set(None),
                email: Set(format!("p{i}-{j}@bench.example.jp")),
                status: Set("active".into()),
                active_email: Set(Some(format!("p{i}-{j}@bench.example.jp"))),
                created_at: Set(now),
                cancelled_at: Set(None),
                notices_opt_out: Set(false),
                checked_in_at: Set(None),
                checked_in_by: Set(None),
                ..Default::default()
            });
            attendee::Entity::insert_many(people)
                .exec(&txn)
                .await
                .unwrap();
        }
        txn.commit().await.unwrap();
    }
    email.to_owned()
}

async fn login(base: &str, email: &str) -> reqwest::Client {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = client
        .get(format!("{base}/admin/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let marker = r#"name="csrf_token" value=""#;
    let start = page.find(marker).unwrap() + marker.len();
    let token = page[start..start + page[start..].find('"').unwrap()]
        .replace("&#x2f;", "/")
        .replace("&#x3d;", "=")
        .replace("&#x2b;", "+");
    let resp = client
        .post(format!("{base}/admin/login"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("email", email),
            ("password", PASSWORD),
            ("next", "/admin"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 303, "logged in");
    client
}
