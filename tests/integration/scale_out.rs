//! Scale-out as deployed: two `serve` processes and two `worker` processes on one PostgreSQL.
//! A burst split across both servers never oversells; every message reaches the SMTP
//! receiver exactly once; a session and a CSRF token made by one instance work on the other
//! (no per-process secrets). PostgreSQL only: skipped, and said so, without it.
use crate::cli::uketsuke;
use crate::helpers::{STAFF_PASSWORD, TestApp, company_registration, corporate_number, hidden};
use crate::smtp::SmtpReceiver;
use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};
use uketsuke::domain::UserRole;

/// Kills the processes when the test ends, however it ends.
pub(crate) struct Fleet(pub(crate) Vec<Child>);

impl Drop for Fleet {
    fn drop(&mut self) {
        for c in &mut self.0 {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

fn env(cmd: &mut std::process::Command, db_url: &str, smtp_port: u16) {
    cmd.env("UKETSUKE__DATABASE__URL", db_url)
        .env("UKETSUKE__MAIL__WORKER_IN_SERVE", "false")
        .env("UKETSUKE__MAIL__RETRY_BASE_SECS", "1")
        .env("UKETSUKE__MAIL__RETRY_MAX_SECS", "2")
        // A message claimed by a killed process is claimed again soon.
        .env("UKETSUKE__MAIL__LEASE_SECS", "3")
        .env("UKETSUKE__MAIL__TRANSPORT", "smtp")
        .env("UKETSUKE__MAIL__SMTP_HOST", "127.0.0.1")
        .env("UKETSUKE__MAIL__SMTP_PORT", smtp_port.to_string())
        .env("UKETSUKE__MAIL__SMTP_SECURITY", "none")
        .env("UKETSUKE__MAIL__POLL_INTERVAL_MS", "100")
        .env("UKETSUKE__MAIL__BATCH_SIZE", "20");
}

/// Starts `serve` on a free port; returns the process and its base URL. The caller's `Fleet`
/// kills and waits for it.
#[allow(clippy::zombie_processes)]
pub(crate) fn server(db_url: &str, smtp_port: u16, with_worker: bool) -> (Child, String) {
    let mut cmd = uketsuke(None);
    env(&mut cmd, db_url, smtp_port);
    cmd.env(
        "UKETSUKE__MAIL__WORKER_IN_SERVE",
        if with_worker { "true" } else { "false" },
    );
    let mut child = cmd
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|line| {
            line.strip_prefix("uketsuke is listening on ")
                .map(|rest| rest.split_whitespace().next().unwrap().to_owned())
        })
        .expect("the server says where it listens");
    // Keep reading what it prints, so that it never writes into a closed pipe.
    std::thread::spawn(move || lines.for_each(drop));
    (child, url)
}

fn worker(db_url: &str, smtp_port: u16) -> Child {
    let mut cmd = uketsuke(None);
    env(&mut cmd, db_url, smtp_port);
    cmd.arg("worker")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_and_two_workers_on_one_postgresql_sell_each_seat_once_and_mail_once() {
    if std::env::var("UKETSUKE_TEST_POSTGRES_URL").is_err() {
        eprintln!("skipped: scale-out runs on PostgreSQL (UKETSUKE_TEST_POSTGRES_URL)");
        return;
    }
    let app = TestApp::spawn().await;
    let token = app
        .organization_with_user("SCALE", UserRole::Organizer)
        .await;
    app.published_event(&token, "scaled", Some(40), None, true)
        .await;
    let smtp = SmtpReceiver::start();
    let (a, url_a) = server(&app.db_url, smtp.port, false);
    let (b, url_b) = server(&app.db_url, smtp.port, false);
    let mut fleet = Fleet(vec![a, b]);

    // 160 registrations for 40 seats, alternating between the servers, 32 at a time.
    let client = reqwest::Client::new();
    let gate = std::sync::Arc::new(tokio::sync::Semaphore::new(32));
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..160u64 {
        let url = if i % 2 == 0 { &url_a } else { &url_b };
        let url = format!("{url}/api/v1/events/scaled/registrations");
        let body = company_registration(
            &corporate_number(98_000 + i),
            &[&format!("s{i}@scale.example.jp")],
        );
        let (client, gate) = (client.clone(), gate.clone());
        tasks.spawn(async move {
            let _permit = gate.acquire_owned().await.unwrap();
            let resp = client.post(url).json(&body).send().await.unwrap();
            let status = resp.status().as_u16();
            let v: serde_json::Value = resp.json().await.unwrap();
            (status, v["status"].as_str().unwrap_or_default().to_owned())
        });
    }
    let mut confirmed = 0;
    while let Some(r) = tasks.join_next().await {
        let (status, state) = r.unwrap();
        assert_eq!(status, 201);
        confirmed += usize::from(state == "confirmed");
    }
    assert_eq!(confirmed, 40, "exactly the seats there are");
    assert_eq!(app.seats_taken("scaled").await, 40);

    // Two workers share the queue: every message arrives once.
    fleet.0.push(worker(&app.db_url, smtp.port));
    fleet.0.push(worker(&app.db_url, smtp.port));
    let expected = {
        use sea_orm::{EntityTrait, PaginatorTrait};
        uketsuke::store::entities::outbox::Entity::find()
            .count(&app.db)
            .await
            .unwrap() as usize
    };
    let deadline = Instant::now() + Duration::from_secs(90);
    while app.pending_messages().await > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(
        app.pending_messages().await,
        0,
        "the workers delivered everything"
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let ids: Vec<String> = smtp
        .messages()
        .iter()
        .map(|m| {
            mail_parser::MessageParser::default()
                .parse(m)
                .unwrap()
                .message_id()
                .unwrap()
                .to_owned()
        })
        .collect();
    let distinct: HashSet<&String> = ids.iter().collect();
    assert_eq!(ids.len(), expected, "one delivery per outbox row");
    assert_eq!(distinct.len(), expected, "no message twice");

    // A sign-in form from one server is accepted by the other, and the session works on both.
    let email = app.staff("SCALE", UserRole::Organizer).await;
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = browser
        .get(format!("{url_a}/admin/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let resp = browser
        .post(format!("{url_b}/admin/login"))
        .form(&[
            ("csrf_token", hidden(&page, "csrf_token").as_str()),
            ("email", email.as_str()),
            ("password", STAFF_PASSWORD),
            ("next", "/admin"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 303, "CSRF made by A, checked by B");
    for url in [&url_a, &url_b] {
        let status = browser
            .get(format!("{url}/admin"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        assert_eq!(status, 200, "the session works on {url}");
    }
    drop(fleet);
}
