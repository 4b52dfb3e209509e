//! Outbox throughput: 5,000 queued confirmations, each with its .ics invitation, delivered
//! to a local SMTP receiver (the tests' own, on 127.0.0.1) by one worker and then by two,
//! on SQLite and (when UKETSUKE_BENCH_POSTGRES_URL is set) on PostgreSQL. Prints messages/s
//! against the target of 500 with one worker; asserts nothing about time.
//!
//!     cargo bench --bench outbox_throughput
//!     UKETSUKE_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres cargo bench --bench outbox_throughput
mod common;
#[path = "../tests/integration/smtp.rs"]
#[allow(dead_code)] // the refusal script is for the tests
mod smtp;

use chrono::Utc;
use common::database;
use std::time::Instant;
use uketsuke::config::{Environment, MailTransport, Settings, SmtpSecurity};
use uketsuke::domain::{Envelope, Notice, SeatState};
use uketsuke::mail::{Mailer, worker::deliver_due};
use uketsuke::services::{demo, links::ManageLinks};
use uketsuke::store::{self, Db, outbox::NewMessage};

const MESSAGES: usize = 5000;
const TARGET: f64 = 500.0;

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut engines = vec![("SQLite", None)];
    if let Ok(url) = std::env::var("UKETSUKE_BENCH_POSTGRES_URL") {
        engines.push(("PostgreSQL", Some(url)));
    }
    let smtp = smtp::SmtpReceiver::start();
    println!(
        "outbox throughput: {MESSAGES} confirmations with .ics (and check-in QR codes in attendees' copies) to a local SMTP receiver, {} cores",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!(
        "{:<11} {:>8} {:>10} {:>8} {:>10} {:>10}",
        "engine", "workers", "msgs/s", "seconds", "delivered", "vs target"
    );
    for (name, pg) in engines {
        rt.block_on(async {
            let (url, cleanup) = database(pg.as_deref()).await;
            let mut settings = Settings::load_for(Environment::Test).unwrap();
            settings.database.url = url;
            settings.mail.transport = MailTransport::Smtp;
            settings.mail.smtp_host = "127.0.0.1".into();
            settings.mail.smtp_port = smtp.port;
            settings.mail.smtp_security = SmtpSecurity::None;
            let db = store::connect(&settings.database).await.unwrap();
            store::migrate(&db).await.unwrap();
            let links = ManageLinks::new(&settings.secrets.link_key);
            demo::seed(&db, &links, Utc::now()).await.unwrap();
            for workers in [1, 2] {
                // Only this run's messages are waiting when the clock starts.
                drain(&db, &settings).await;
                queue(&db, MESSAGES).await;
                let before = smtp.messages().len();
                let started = Instant::now();
                let mut tasks = tokio::task::JoinSet::new();
                for _ in 0..workers {
                    let (db, mailer) = (db.clone(), Mailer::new(&settings).unwrap());
                    tasks.spawn(async move {
                        while deliver_due(&db, &mailer, Utc::now())
                            .await
                            .unwrap()
                            .claimed()
                            > 0
                        {}
                    });
                }
                while tasks.join_next().await.is_some() {}
                let seconds = started.elapsed().as_secs_f64();
                let delivered = smtp.messages().len() - before;
                let rate = delivered as f64 / seconds;
                println!(
                    "{name:<11} {workers:>8} {rate:>10.0} {seconds:>8.2} {delivered:>10} {:>9.2}x",
                    rate / TARGET
                );
            }
            drop(db);
            cleanup().await;
        });
    }
}

/// Sends whatever the demo queued, so that the measured runs start from an empty outbox.
async fn drain(db: &Db, settings: &Settings) {
    let mailer = Mailer::new(settings).unwrap();
    while deliver_due(db, &mailer, Utc::now())
        .await
        .unwrap()
        .claimed()
        > 0
    {}
}

/// `n` confirmations, spread over the confirmed demo registrations of one event, each to its
/// own address: as in a real burst, each contact's message is followed by its attendees'
/// copies, which carry their check-in QR code.
async fn queue(db: &Db, n: usize) {
    let event = store::events::by_slug(db, "telework-experience-hachioji")
        .await
        .unwrap()
        .unwrap();
    // (registration, attendee copy or the contact's message)
    let recipients: Vec<(i64, Option<i64>)> =
        store::registrations::of_event_in(db, event.id, &[SeatState::Confirmed])
            .await
            .unwrap()
            .into_iter()
            .flat_map(|r| {
                let copies: Vec<(i64, Option<i64>)> =
                    r.active_attendees().map(|a| (r.id, Some(a.id))).collect();
                std::iter::once((r.id, None)).chain(copies)
            })
            .collect();
    let txn = store::begin_write(db).await.unwrap();
    for i in 0..n {
        let email = format!("bench-{i}@example.jp");
        let envelope = Envelope {
            notice: Notice::Confirmed,
            attendee_id: recipients[i % recipients.len()].1,
        };
        let message = NewMessage {
            event_id: event.id,
            registration_id: Some(recipients[i % recipients.len()].0),
            recipient_email: &email,
            recipient_name: "試験 太郎",
            lang: if i % 4 == 0 {
                uketsuke::i18n::Lang::parse("en").unwrap()
            } else {
                uketsuke::i18n::Lang::default()
            },
            envelope: &envelope,
        };
        store::outbox::enqueue(&txn, message, Utc::now())
            .await
            .unwrap();
    }
    txn.commit().await.unwrap();
}
