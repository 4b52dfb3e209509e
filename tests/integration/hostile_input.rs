//! Input as an attacker or a careless user sends it: line breaks in names, NUL bytes, bytes
//! that are not UTF-8, and rows that hold such text from before the checks. Each is refused
//! on its field, or handled, and never stops the service or its mail.
use crate::cli::{run, uketsuke};
use crate::helpers::{TestApp, company_registration, corporate_number, hidden};
use crate::smtp::SmtpReceiver;
use crate::web_registration::{browser, company_form, get};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use std::time::Duration;
use uketsuke::domain::UserRole;
use uketsuke::store::entities::{attendee, outbox, registration};

fn is_postgres() -> bool {
    std::env::var("UKETSUKE_TEST_POSTGRES_URL").is_ok_and(|u| !u.is_empty())
}

fn field_codes(answer: &Value) -> Vec<(String, String)> {
    answer["fields"]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_owned(),
                f["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn event(app: &TestApp, slug: &str) -> String {
    let token = app
        .organization_with_user(&slug.to_uppercase(), UserRole::Organizer)
        .await;
    app.published_event(&token, slug, None, None, false).await;
    token
}

#[tokio::test]
async fn line_breaks_nul_and_overlong_text_are_field_errors_on_the_api() {
    let app = TestApp::spawn().await;
    event(&app, "edge").await;
    let mut body = company_registration(&corporate_number(80_001), &["a@edge.example.jp"]);
    body["contact"]["name"] = json!("A\nB");
    body["attendees"][0]["name"] = json!("C\r\nD");
    body["company"]["name"] = json!("株式会社\u{0}テスト");
    body["company"]["street"] = json!("x".repeat(10_000));
    body["contact"]["department"] = json!("\u{1b}[31m営業部");
    let (status, answer) = app.register("edge", body).await;
    assert_eq!(status, 422, "{answer}");
    let codes = field_codes(&answer);
    for expected in [
        ("contact.name", "line_break"),
        ("attendees.0.name", "line_break"),
        ("company.name", "control_character"),
        ("company.street", "too_long"),
        ("contact.department", "control_character"),
    ] {
        assert!(
            codes.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{expected:?} in {codes:?}"
        );
    }
    // In English too.
    let mut body = company_registration(&corporate_number(80_002), &["b@edge.example.jp"]);
    body["contact"]["name"] = json!("E\rF");
    let (status, answer) = app
        .api_lang(
            "POST",
            "/events/edge/registrations",
            None,
            Some(body),
            Some("en"),
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        answer["fields"][0]["message"]
            .as_str()
            .unwrap()
            .contains("one line")
    );
    // Emoji, right-to-left marks and combining marks are text like any other.
    let mut body = company_registration(&corporate_number(80_003), &["c@edge.example.jp"]);
    body["attendees"][0]["name"] = json!("👩‍👩‍👧 مرحبا\u{200F} e\u{301}");
    let (status, answer) = app.register("edge", body).await;
    assert_eq!(status, 201, "{answer}");
    // Stored in NFC: e + combining acute is é.
    let stored = attendee::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(stored.len(), 1, "only the clean registration is stored");
    assert_eq!(stored[0].name, "👩‍👩‍👧 مرحبا\u{200F} é");
}

#[tokio::test]
async fn the_form_shows_the_error_on_the_field_and_refuses_bytes_that_are_not_utf8() {
    let app = TestApp::spawn().await;
    event(&app, "formedge").await;
    let client = browser("ja");
    let (_, page) = get(&client, &app, "/events/formedge/register").await;
    let mut fields = company_form(
        &hidden(&page, "csrf_token"),
        &hidden(&page, "form_token"),
        &corporate_number(81_001),
        &[("鈴木 一郎", "suzuki@formedge.example.jp")],
    );
    for (k, v) in fields.iter_mut() {
        if k == "contact.name" {
            *v = "佐藤\r\n京子".into();
        }
    }
    let resp = client
        .post(app.url("/events/formedge/register"))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 422);
    let page = resp.text().await.unwrap();
    assert!(page.contains(r#"id="contact.name-error""#), "{page}");
    assert!(page.contains("1行で入力してください"));
    // What was typed is kept, for the person to fix.
    assert!(page.contains("佐藤\r\n京子") || page.contains("佐藤\n京子"));

    // Bytes that are not UTF-8 in a field: refused whole, with a page that says why.
    let (_, page) = get(&client, &app, "/events/formedge/register").await;
    let good = company_form(
        &hidden(&page, "csrf_token"),
        &hidden(&page, "form_token"),
        &corporate_number(81_002),
        &[("鈴木 一郎", "suzuki2@formedge.example.jp")],
    );
    let mut raw: Vec<String> = good
        .iter()
        .filter(|(k, _)| k != "company.name")
        .map(|(k, v)| {
            format!(
                "{}={}",
                url::form_urlencoded::byte_serialize(k.as_bytes()).collect::<String>(),
                url::form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>()
            )
        })
        .collect();
    raw.push("company.name=%FF%FE%E6%A0%AA".into());
    let resp = client
        .post(app.url("/events/formedge/register"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(raw.join("&"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 400);
    assert!(resp.text().await.unwrap().contains("UTF-8"));
    assert_eq!(
        registration::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .len(),
        0,
        "nothing stored"
    );
}

#[tokio::test]
async fn searches_with_a_nul_find_nothing_and_never_fail() {
    let app = TestApp::spawn().await;
    event(&app, "findme").await;
    let (status, body) = app
        .register(
            "findme",
            company_registration(&corporate_number(82_001), &["tanaka@findme.example.jp"]),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    for path in ["/events?q=a%00b", "/?q=%00", "/events?q=%FF%FE"] {
        let (status, _) = app.get_html(path, None).await;
        assert_eq!(status, 200, "{path}");
    }
    let (status, list) = app.get_json("/api/v1/events?q=a%00b").await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list["total"], 0, "{list}");
    let (status, list) = app
        .get_json("/api/v1/events?q=%E3%83%86%E3%82%B9%E3%83%88")
        .await;
    assert_eq!((status, list["total"].as_u64()), (200, Some(1)));

    let staff = app.signed_in("FINDME", UserRole::Organizer).await;
    for path in [
        "/admin/events/findme/roster?q=tanaka%00",
        "/admin/events/findme/checkin?q=%00",
        "/admin/events/findme/roster.csv?q=%00x",
    ] {
        let (status, page) = staff.get(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(!page.contains("tanaka@findme"), "{path} found nothing");
    }
    let (_, page) = staff.get("/admin/events/findme/roster?q=tanaka").await;
    assert!(page.contains("tanaka@findme"), "a clean search still finds");
}

/// Writes text into stored rows as an older version (or a hand edit) could have left it.
async fn poison(app: &TestApp, registration_id: i64, name: &str) {
    registration::Entity::update_many()
        .col_expr(registration::Column::ContactName, Expr::value(name))
        .filter(registration::Column::Id.eq(registration_id))
        .exec(&app.db)
        .await
        .unwrap();
    attendee::Entity::update_many()
        .col_expr(attendee::Column::Name, Expr::value(name))
        .filter(attendee::Column::RegistrationId.eq(registration_id))
        .exec(&app.db)
        .await
        .unwrap();
    outbox::Entity::update_many()
        .col_expr(outbox::Column::RecipientName, Expr::value(name))
        .filter(outbox::Column::RegistrationId.eq(registration_id))
        .exec(&app.db)
        .await
        .unwrap();
}

async fn settled(app: &TestApp) -> bool {
    let counts = uketsuke::store::outbox::status_counts(&app.db)
        .await
        .unwrap();
    !counts
        .iter()
        .any(|(s, n)| (s == "pending" || s == "sending") && *n > 0)
}

async fn wait_settled(app: &TestApp) {
    for _ in 0..200 {
        if settled(app).await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let counts = uketsuke::store::outbox::status_counts(&app.db)
        .await
        .unwrap();
    panic!("the worker stopped delivering: {counts:?}");
}

fn recipients(smtp: &SmtpReceiver) -> Vec<(String, Option<String>)> {
    smtp.messages()
        .iter()
        .map(|raw| {
            let m = mail_parser::MessageParser::default().parse(raw).unwrap();
            let to = m.to().unwrap().first().unwrap();
            (
                to.address().unwrap().to_owned(),
                to.name().map(str::to_owned),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_poisoned_row_fails_alone_and_the_worker_goes_on_delivering() {
    let app = TestApp::spawn_with(|s| {
        s.mail.max_attempts = 1;
        s.mail.poll_interval_ms = 50;
    })
    .await;
    let token = event(&app, "poison").await;
    let mut ids = Vec::new();
    for i in 0..3 {
        let (status, body) = app
            .register(
                "poison",
                company_registration(
                    &corporate_number(83_000 + i),
                    &[&format!("p{i}@poison.example.jp")],
                ),
            )
            .await;
        assert_eq!(status, 201, "{body}");
        ids.push(body["id"].as_i64().unwrap());
    }
    // 1: a line break in the name, which once made lettre panic inside the worker and stopped
    // all mail. On SQLite, which stores a NUL, a NUL too.
    let name = if is_postgres() {
        "A\r\nB"
    } else {
        "A\r\nB\u{0}"
    };
    poison(&app, ids[0], name).await;
    // 2: a message that cannot be composed at all: its manage link does not unseal.
    registration::Entity::update_many()
        .col_expr(
            registration::Column::ManageTokenSealed,
            Expr::value("not-a-sealed-token"),
        )
        .filter(registration::Column::Id.eq(ids[1]))
        .exec(&app.db)
        .await
        .unwrap();

    let smtp = SmtpReceiver::start();
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let worker = tokio::spawn(uketsuke::mail::worker::run(
        app.db.clone(),
        app.mailer(smtp.port),
        stopped,
    ));
    wait_settled(&app).await;

    let got = recipients(&smtp);
    let contact = |i: u64| format!("contact-{}@example.co.jp", corporate_number(83_000 + i));
    // The line-break name arrives with its name on one line.
    let first = got
        .iter()
        .find(|(to, _)| *to == contact(0))
        .expect("the first registration's confirmation was sent");
    let shown = first.1.clone().unwrap_or_default();
    assert!(
        shown.starts_with("A B") && !shown.contains(['\r', '\n', '\0']),
        "{shown:?}"
    );
    assert!(
        got.iter().any(|(to, _)| *to == contact(2)),
        "the next one went"
    );
    assert!(!got.iter().any(|(to, _)| *to == contact(1)));
    // The one that cannot be composed is failed, with its reason, in the delivery log.
    let (status, failed) = app
        .api(
            "GET",
            "/events/poison/messages?status=failed",
            Some(&token),
            None,
        )
        .await;
    assert_eq!(status, 200);
    let failed = failed.as_array().unwrap();
    assert!(!failed.is_empty());
    for f in failed {
        assert_eq!(f["registration_id"].as_i64(), Some(ids[1]), "{f}");
        assert!(
            f["last_error"]
                .as_str()
                .unwrap()
                .contains("composing failed"),
            "{f}"
        );
    }

    // And the worker is still delivering.
    let (status, _) = app
        .register(
            "poison",
            company_registration(&corporate_number(83_010), &["later@poison.example.jp"]),
        )
        .await;
    assert_eq!(status, 201);
    wait_settled(&app).await;
    assert!(recipients(&smtp).iter().any(|(to, _)| *to == contact(10)));
    let _ = stop.send(true);
    worker.await.unwrap();
}

#[tokio::test]
async fn readyz_says_when_due_mail_is_not_moving() {
    let app = TestApp::spawn_with(|s| {
        s.mail.worker_in_serve = false;
        s.mail.stall_secs = 1;
    })
    .await;
    event(&app, "stall").await;
    let ready = || async {
        let r = app.client.get(app.url("/readyz")).send().await.unwrap();
        (r.status().as_u16(), r.text().await.unwrap())
    };
    assert_eq!(ready().await.0, 200);
    app.register(
        "stall",
        company_registration(&corporate_number(84_001), &["s@stall.example.jp"]),
    )
    .await;
    assert_eq!(ready().await.0, 200, "just queued is not stalled");
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let (status, body) = ready().await;
    assert_eq!(status, 503);
    assert!(body.contains("mail worker stalled"), "{body}");
    let smtp = SmtpReceiver::start();
    assert!(app.drain(&app.mailer(smtp.port)).await > 0);
    assert_eq!(ready().await, (200, "ready".to_owned()));
}

#[tokio::test]
async fn doctor_lists_stored_text_that_breaks_the_rules() {
    let app = TestApp::spawn().await;
    event(&app, "doctor").await;
    let (_, body) = app
        .register(
            "doctor",
            company_registration(&corporate_number(85_001), &["d@doctor.example.jp"]),
        )
        .await;
    let id = body["id"].as_i64().unwrap();
    let (code, out, err) = run(uketsuke(Some(&app.db_url)).arg("doctor"));
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("no problems found"), "{out}");

    poison(&app, id, "A\nB").await;
    let (code, out, err) = run(uketsuke(Some(&app.db_url)).arg("doctor"));
    assert_eq!(code, 1, "{out}{err}");
    for line in [
        format!("registrations.contact_name at id={id}: line_break"),
        "attendees.name at id=".to_owned(),
        "outbox.recipient_name at id=".to_owned(),
    ] {
        assert!(out.contains(&line), "{line} in {out}");
    }
}
