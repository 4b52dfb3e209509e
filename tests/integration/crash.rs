//! The server is killed (-9) in the middle of a registration burst and started again: every
//! registration that was answered 2xx is there with its messages, the seats taken equal the
//! confirmed attendees, and every message is delivered, at most twice (a message in flight at
//! the kill may go again), on SQLite and on PostgreSQL.
use crate::helpers::{TestApp, company_registration, corporate_number};
use crate::scale_out::{Fleet, server};
use crate::smtp::SmtpReceiver;
use std::collections::HashMap;
use std::time::{Duration, Instant};
use uketsuke::domain::UserRole;
use uketsuke::store;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_killed_server_loses_nothing_it_answered_and_every_message_goes_out() {
    let app = TestApp::spawn().await;
    let token = app
        .organization_with_user("CRASH", UserRole::Organizer)
        .await;
    app.published_event(&token, "crashing", Some(30), None, true)
        .await;
    let smtp = SmtpReceiver::start();
    let (a, url_a) = server(&app.db_url, smtp.port, true);
    let mut fleet = Fleet(vec![a]);

    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let gate = std::sync::Arc::new(tokio::sync::Semaphore::new(16));
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..150u64 {
        let url = format!("{url_a}/api/v1/events/crashing/registrations");
        let body = company_registration(
            &corporate_number(99_000 + i),
            &[&format!("c{i}@crash.example.jp")],
        );
        let (client, gate) = (client.clone(), gate.clone());
        tasks.spawn(async move {
            let _permit = gate.acquire_owned().await.unwrap();
            match client.post(url).json(&body).send().await {
                Ok(resp) if resp.status().is_success() => {
                    let v: serde_json::Value = resp.json().await.unwrap_or_default();
                    v["id"].as_i64()
                }
                _ => None,
            }
        });
    }
    // Kill it once some answers are in.
    let mut answered = Vec::new();
    while let Some(r) = tasks.join_next().await {
        if let Some(id) = r.unwrap() {
            answered.push(id);
        }
        if answered.len() == 40 {
            fleet.0[0].kill().unwrap();
            let _ = fleet.0[0].wait();
        }
    }
    assert!(
        answered.len() >= 40 && answered.len() < 150,
        "killed midway: {}",
        answered.len()
    );

    // Started again, with its mail worker.
    let (b, _) = server(&app.db_url, smtp.port, true);
    fleet.0.push(b);
    for id in &answered {
        let stored = store::registrations::by_id(&app.db, *id).await.unwrap();
        assert!(
            stored.is_some(),
            "registration {id} was answered 201 and is there"
        );
        let messages = store::outbox::for_registration(&app.db, *id).await.unwrap();
        assert!(!messages.is_empty(), "registration {id} has its messages");
    }
    let event = store::events::by_slug(&app.db, "crashing")
        .await
        .unwrap()
        .unwrap();
    let (confirmed_seats, _, _) = store::registrations::seat_totals(&app.db, event.id)
        .await
        .unwrap();
    assert_eq!(
        u64::from(event.seats_taken),
        confirmed_seats,
        "the counter agrees"
    );
    assert!(confirmed_seats <= 30);

    // Every message goes out; one caught in flight by the kill may go twice, no more.
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let counts = store::outbox::status_counts(&app.db).await.unwrap();
        if counts.iter().all(|(s, _)| s == "sent") || Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let counts = store::outbox::status_counts(&app.db).await.unwrap();
    assert!(counts.iter().all(|(s, _)| s == "sent"), "{counts:?}");
    let rows = counts.iter().map(|(_, n)| *n as usize).sum::<usize>();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for m in smtp.messages() {
        let id = mail_parser::MessageParser::default()
            .parse(&m)
            .unwrap()
            .message_id()
            .unwrap()
            .to_owned();
        *seen.entry(id).or_default() += 1;
    }
    assert_eq!(seen.len(), rows, "every outbox row delivered");
    assert!(
        seen.values().all(|n| *n <= 2),
        "at most one duplicate per message"
    );
    drop(fleet);
}
