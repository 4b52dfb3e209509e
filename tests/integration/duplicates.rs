//! Issue 13, item 4: one honest answer for a duplicate. A registration whose every attendee
//! was registered for the event already holds no seat and says so (`duplicate`), over the API
//! and on its page; the owner of the address hears of it once, by the "already registered"
//! notice, and keeps the one invitation they had. Before, it answered "confirmed" and mailed a
//! second confirmation with a second calendar invitation (a new UID) to the same address.
use crate::helpers::{TestApp, company_registration, corporate_number, hidden};
use crate::smtp::SmtpReceiver;
use crate::web_registration::{browser, company_form, get, post};
use mail_parser::{MessageParser, MimeHeaders};
use serde_json::{Value, json};
use uketsuke::domain::UserRole;
use uketsuke::store;

/// What one address received through the SMTP receiver.
#[derive(Debug, Default)]
struct Inbox {
    /// `text/calendar; method=REQUEST` parts: calendar invitations.
    invitations: usize,
    /// Messages titled as a confirmation.
    confirmations: usize,
    /// Messages titled "already registered".
    already_registered: usize,
    subjects: Vec<String>,
}

fn inbox_of(smtp: &SmtpReceiver, address: &str) -> Inbox {
    let mut inbox = Inbox::default();
    for raw in smtp.messages() {
        let message = MessageParser::default().parse(&raw).expect("parsable MIME");
        let to_them = message
            .to()
            .and_then(|to| to.first())
            .and_then(|a| a.address())
            .is_some_and(|a| a.eq_ignore_ascii_case(address));
        if !to_them {
            continue;
        }
        let subject = message.subject().unwrap_or_default().to_owned();
        inbox.invitations += message
            .parts
            .iter()
            .filter(|p| {
                p.content_type().is_some_and(|c| {
                    c.ctype() == "text"
                        && c.subtype() == Some("calendar")
                        && c.attribute("method") == Some("REQUEST")
                })
            })
            .count();
        if subject.contains("【参加確定】") || subject.starts_with("Confirmed:") {
            inbox.confirmations += 1;
        }
        if subject.contains("既にお申し込み済み")
            || subject.starts_with("You are already registered")
        {
            inbox.already_registered += 1;
        }
        inbox.subjects.push(subject);
    }
    inbox
}

/// A person registering themselves: contact and only attendee are the same address.
fn self_registration(cn: u64, email: &str) -> Value {
    let mut body = company_registration(&corporate_number(cn), &[email]);
    body["contact"]["email"] = json!(email);
    body
}

async fn confirmed_seats(app: &TestApp, slug: &str) -> u64 {
    let event = store::events::by_slug(&app.db, slug)
        .await
        .unwrap()
        .unwrap();
    store::registrations::seat_totals(&app.db, event.id)
        .await
        .unwrap()
        .0
}

#[tokio::test]
async fn over_the_api_a_second_registration_of_the_same_address_is_a_duplicate_with_one_invitation_in_all()
 {
    let app = TestApp::spawn().await;
    let token = app
        .organization_with_user("DUPA", UserRole::Organizer)
        .await;
    app.published_event(&token, "dup-api", Some(10), Some(3), false)
        .await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let x = "x@dup.example.jp";

    let (status, first) = app.register("dup-api", self_registration(81_001, x)).await;
    assert_eq!((status, first["status"].as_str()), (201, Some("confirmed")));
    assert_eq!(
        (
            app.seats_taken("dup-api").await,
            confirmed_seats(&app, "dup-api").await
        ),
        (1, 1)
    );

    // The same again: a double submit without an idempotency key.
    let (status, second) = app.register("dup-api", self_registration(81_001, x)).await;
    assert_eq!(status, 201, "{second}");
    assert_eq!(
        (second["status"].as_str(), second["seats"].as_u64()),
        (Some("duplicate"), Some(0)),
        "{second}"
    );
    assert!(
        second["attendees"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["status"] == "duplicate"),
        "{second}"
    );
    assert_eq!(
        (
            app.seats_taken("dup-api").await,
            confirmed_seats(&app, "dup-api").await
        ),
        (1, 1),
        "no seat moved"
    );
    // Its manage link says the same later.
    let token2 = second["manage_token"].as_str().unwrap();
    let (status, again) = app
        .get_json(&format!("/api/v1/registrations/{token2}"))
        .await;
    assert_eq!((status, again["status"].as_str()), (200, Some("duplicate")));
    // It holds nothing to cancel: cancelling it frees no seat and tells no one.
    let (status, refused) = app
        .api("DELETE", &format!("/registrations/{token2}"), None, None)
        .await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (409, Some("registration_duplicate")),
        "{refused}"
    );
    assert_eq!(app.seats_taken("dup-api").await, 1);

    app.drain(&mailer).await;
    let inbox = inbox_of(&smtp, x);
    assert_eq!(
        inbox.invitations, 1,
        "one calendar invitation in all: {inbox:?}"
    );
    assert_eq!(inbox.confirmations, 1, "no second confirmation: {inbox:?}");
    assert_eq!(inbox.already_registered, 1, "{inbox:?}");
    assert_eq!(inbox.subjects.len(), 2, "{inbox:?}");
}

#[tokio::test]
async fn someone_typing_another_persons_address_gets_no_invitation_and_the_owner_one_notice() {
    let app = TestApp::spawn().await;
    let token = app
        .organization_with_user("DUPS", UserRole::Organizer)
        .await;
    app.published_event(&token, "dup-stranger", Some(10), Some(3), false)
        .await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let x = "owner@dup.example.jp";
    app.register("dup-stranger", self_registration(82_001, x))
        .await;
    let body = company_registration(&corporate_number(82_002), &[x]);
    let stranger = body["contact"]["email"].as_str().unwrap().to_owned();
    let (status, answer) = app.register("dup-stranger", body).await;
    assert_eq!(
        (status, answer["status"].as_str()),
        (201, Some("duplicate"))
    );
    assert_eq!(app.seats_taken("dup-stranger").await, 1);

    app.drain(&mailer).await;
    let owner = inbox_of(&smtp, x);
    assert_eq!(
        (
            owner.invitations,
            owner.confirmations,
            owner.already_registered
        ),
        (1, 1, 1),
        "{owner:?}"
    );
    // The submitter learns it from the answer; no calendar entry for a place nobody holds.
    let submitter = inbox_of(&smtp, &stranger);
    assert_eq!(submitter.subjects.len(), 0, "{submitter:?}");
}

#[tokio::test]
async fn a_duplicate_is_answered_as_such_even_when_the_event_is_full() {
    let app = TestApp::spawn().await;
    let token = app
        .organization_with_user("DUPF", UserRole::Organizer)
        .await;
    app.published_event(&token, "dup-full", Some(1), Some(1), false)
        .await;
    let x = "full@dup.example.jp";
    let (_, first) = app.register("dup-full", self_registration(83_001, x)).await;
    assert_eq!(first["status"], "confirmed");
    // Neither "full" nor the per-company limit: it takes nothing, and the honest answer is
    // that the address is registered already.
    let (status, again) = app.register("dup-full", self_registration(83_001, x)).await;
    assert_eq!(
        (status, again["status"].as_str()),
        (201, Some("duplicate")),
        "{again}"
    );
    assert_eq!(app.seats_taken("dup-full").await, 1);
}

#[tokio::test]
async fn over_the_web_form_the_second_registration_of_an_address_says_so_in_japanese_and_english() {
    let app = TestApp::spawn().await;
    let token = app
        .organization_with_user("DUPW", UserRole::Organizer)
        .await;
    app.published_event(&token, "dup-web", Some(10), Some(3), false)
        .await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    // The form's contact registers herself.
    let x = "sato@mirai.example.jp";
    let kyoko = browser("ja");
    let mut managed = Vec::new();
    for _ in 0..2 {
        // A fresh form each time, as after reloading the page: not a replay.
        let (_, form) = get(&kyoko, &app, "/events/dup-web/register").await;
        let fields = company_form(
            &hidden(&form, "csrf_token"),
            &hidden(&form, "form_token"),
            &corporate_number(84_001),
            &[("佐藤 京子", x)],
        );
        let (status, _, location) = post(&kyoko, &app, "/events/dup-web/register", &fields).await;
        assert_eq!(status, 303);
        managed.push(location.unwrap());
    }
    assert_ne!(managed[0], managed[1]);
    assert!(managed[1].ends_with("?done=registered"), "{}", managed[1]);

    let (_, first) = get(&kyoko, &app, &managed[0]).await;
    assert!(first.contains("参加が確定しています。"));

    let (status, page) = get(&kyoko, &app, &managed[1]).await;
    assert_eq!(status, 200);
    for says in [
        "このメールアドレスは、このイベントに既に登録されています。",
        "このお申し込みでは席をお取りしていません",
        "このアドレスの方には、その旨をメールでお知らせしました。",
        "このページで変更・キャンセルできる内容はありません。",
        "登録済み（重複）",
    ] {
        assert!(page.contains(says), "{says} missing");
    }
    for never in [
        "参加が確定しています。",
        "お申し込みを受け付けました。",
        "確認のメールをお送りします",
        "calendar.ics",
        "/cancel",
        "参加者を変更する",
    ] {
        assert!(!page.contains(never), "{never} on a duplicate's page");
    }
    let (_, en) = get(&kyoko, &app, &format!("{}&lang=en", managed[1])).await;
    for says in [
        "This email address is already registered for this event.",
        "this one took no place",
        "We have emailed the owner of the address",
        "There is nothing to change or cancel here.",
        "Already registered",
    ] {
        assert!(en.contains(says), "{says} missing");
    }
    assert!(!en.contains("Your place is confirmed."));

    assert_eq!(
        (
            app.seats_taken("dup-web").await,
            confirmed_seats(&app, "dup-web").await
        ),
        (1, 1)
    );
    app.drain(&mailer).await;
    let inbox = inbox_of(&smtp, x);
    assert_eq!(
        (
            inbox.invitations,
            inbox.confirmations,
            inbox.already_registered
        ),
        (1, 1, 1),
        "{inbox:?}"
    );
}
