//! Registration latency as the event grows: 300 registrations through the registration
//! service with 1,000, 100,000 and 1,000,000 registrations (and as many attendees) already in
//! the event. The latency must stay flat: every lookup on the way (the event's lock, addresses
//! taken, the company's attendees, the idempotency key) is indexed.
//!
//! `cargo bench --bench registration_growth`; `UKETSUKE_BENCH_POSTGRES_URL` adds PostgreSQL.
mod common;

use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::EntityTrait;
use std::time::Instant;
use uketsuke::config::{Environment, Settings};
use uketsuke::domain::registration::{CompanyInput, PersonInput, RegistrationInput};
use uketsuke::domain::{OrganizationKind, UserRole};
use uketsuke::services::{accounts, links::ManageLinks, registrations};
use uketsuke::store::{self, Db, entities::attendee, entities::registration};

const SIZES: [usize; 3] = [1_000, 100_000, 1_000_000];
const SAMPLE: usize = 300;
const CHUNK: usize = 500;

fn company(n: u64) -> String {
    let body = format!("{:012}", 300_000_000_000 + n);
    let digits: Vec<u32> = body.chars().map(|c| c.to_digit(10).unwrap()).collect();
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| d * if i % 2 == 0 { 1 } else { 2 })
        .sum();
    format!("{}{body}", 9 - sum % 9)
}

fn input(n: u64) -> RegistrationInput {
    RegistrationInput {
        company: Some(CompanyInput {
            name: Some(format!("株式会社成長{n}")),
            name_kana: Some("セイチョウ".into()),
            corporate_number: Some(company(n)),
            postal_code: Some("100-0005".into()),
            prefecture: Some("東京都".into()),
            city: Some("千代田区".into()),
            street: Some("丸の内1-1".into()),
            industry: Some("manufacturing".into()),
            employee_band: Some("21-50".into()),
            tcci_member: Some(false),
            ..Default::default()
        }),
        contact: PersonInput {
            name: Some("担当 太郎".into()),
            kana: Some("タントウ タロウ".into()),
            email: Some(format!("g{n}@growth.example.jp")),
            phone: Some("03-1234-5678".into()),
            ..Default::default()
        },
        attendees: vec![PersonInput {
            name: Some("参加 花子".into()),
            kana: Some("サンカ ハナコ".into()),
            email: Some(format!("a{n}@growth.example.jp")),
            ..Default::default()
        }],
        consent: true,
        ..Default::default()
    }
}

/// Grows the event to `target` registrations with one attendee each, written in bulk.
async fn grow(db: &Db, event_id: i64, from: usize, target: usize) {
    let now = Utc::now();
    let mut next = from;
    while next < target {
        let end = (next + CHUNK).min(target);
        let txn = store::begin_write(db).await.unwrap();
        let regs = (next..end).map(|i| registration::ActiveModel {
            event_id: Set(event_id),
            status: Set("confirmed".into()),
            audience: Set("companies".into()),
            manage_token_hash: Set(format!("grow-{i}")),
            manage_token_sealed: Set(String::new()),
            lang: Set("ja".into()),
            company_name: Set(Some(format!("既存{i}"))),
            corporate_number: Set(Some(format!("x{i}"))),
            registrant_kind: Set("company".into()),
            country: Set(Some("JP".into())),
            contact_name: Set("既存".into()),
            contact_kana: Set("キゾン".into()),
            contact_email: Set(format!("old{i}@growth.example.jp")),
            seats: Set(1),
            answers: Set("{}".into()),
            consent_version: Set(1),
            consented_at: Set(now),
            created_at: Set(now),
            updated_at: Set(now),
            notices_opt_out: Set(false),
            walk_in: Set(false),
            ..Default::default()
        });
        let first = registration::Entity::insert_many(regs)
            .exec_with_returning_keys(&txn)
            .await
            .unwrap();
        let people = first
            .iter()
            .zip(next..end)
            .map(|(id, i)| attendee::ActiveModel {
                registration_id: Set(*id),
                event_id: Set(event_id),
                position: Set(0),
                name: Set("既存".into()),
                kana: Set("キゾン".into()),
                email: Set(format!("oldp{i}@growth.example.jp")),
                status: Set("active".into()),
                active_email: Set(Some(format!("oldp{i}@growth.example.jp"))),
                created_at: Set(now),
                notices_opt_out: Set(false),
                ..Default::default()
            });
        attendee::Entity::insert_many(people)
            .exec(&txn)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        next = end;
    }
}

async fn engine(name: &str, pg: Option<&str>) {
    let (url, cleanup) = common::database(pg).await;
    let mut settings = Settings::load_for(Environment::Test).unwrap();
    settings.database.url = url;
    let db = store::connect(&settings.database).await.unwrap();
    store::migrate(&db).await.unwrap();
    let links = ManageLinks::new(&settings.secrets.link_key);
    accounts::add_organization(&db, "GROW", OrganizationKind::Tmg, "東京都", "TMG")
        .await
        .unwrap();
    let account = accounts::add_user(
        &db,
        "GROW",
        "grow@example.jp",
        "試験",
        UserRole::Organizer,
        None,
    )
    .await
    .unwrap();
    let who = accounts::authenticate_token(&db, &account.token)
        .await
        .unwrap();
    let input_event = uketsuke::domain::EventInput {
        slug: Some("growing".into()),
        title_ja: Some("成長試験".into()),
        title_en: Some("Growth bench".into()),
        description_ja: Some("説明".into()),
        description_en: Some("About".into()),
        programme_area: Some(uketsuke::domain::ProgrammeArea::Telework),
        kind: Some(uketsuke::domain::EventKind::Seminar),
        format: Some(uketsuke::domain::EventFormat::Online),
        starts_at: Some(Utc::now() + chrono::Duration::days(30)),
        ends_at: Some(Utc::now() + chrono::Duration::days(30) + chrono::Duration::hours(2)),
        ..Default::default()
    };
    let event = uketsuke::services::events::create(&db, &who, input_event, Utc::now())
        .await
        .unwrap();
    uketsuke::services::events::publish(&db, &who, "growing", Utc::now())
        .await
        .unwrap();
    let mut have = 0;
    let mut n = 0u64;
    let mut flat = Vec::new();
    for size in SIZES {
        let t = Instant::now();
        grow(&db, event.event.id, have, size).await;
        have = size;
        let grew = t.elapsed().as_secs_f64();
        let mut ms = Vec::new();
        for _ in 0..SAMPLE {
            n += 1;
            let t = Instant::now();
            registrations::register(&db, &links, "growing", input(n), None, Utc::now())
                .await
                .unwrap();
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        have += SAMPLE;
        ms.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let (p50, p99) = (ms[SAMPLE / 2], ms[SAMPLE * 99 / 100]);
        flat.push(p50);
        println!(
            "{name:<10} {size:>9} existing (grown in {grew:>5.1} s) | register p50 {p50:>6.2} ms p99 {p99:>6.2} ms"
        );
    }
    println!(
        "{name:<10} p50 at 1M / p50 at 1k = {:.2} (flat ≈ 1)",
        flat[2] / flat[0]
    );
    cleanup().await;
}

#[tokio::main]
async fn main() {
    println!(
        "registration latency as the event grows, {SAMPLE} registrations per size, {} cores",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    engine("sqlite", None).await;
    if let Ok(pg) = std::env::var("UKETSUKE_BENCH_POSTGRES_URL") {
        engine("postgresql", Some(&pg)).await;
    }
}
