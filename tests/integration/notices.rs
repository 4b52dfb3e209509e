//! What registrants are told beyond their own actions: attendee copies, reminders, organizer
//! announcements, the one-click unsubscribe, their own calendar download, and the retention of
//! the delivery log. Mail goes through the real SMTP receiver and is read back with
//! mail-parser; calendar files with the icalendar parser.
use crate::helpers::{TestApp, company_registration, corporate_number};
use crate::smtp::SmtpReceiver;
use chrono::{Duration, Utc};
use mail_parser::{Message, MessageParser, MimeHeaders};
use serde_json::json;
use uketsuke::domain::{ReminderDays, UserRole};
use uketsuke::mail::worker::{deliver_due, housekeeping};
use uketsuke::services::reminders::queue_due;
use uketsuke::store;

fn parse(raw: &[u8]) -> Message<'_> {
    MessageParser::default().parse(raw).expect("parsable MIME")
}

fn to(m: &Message<'_>) -> String {
    m.to()
        .unwrap()
        .first()
        .unwrap()
        .address()
        .unwrap()
        .to_owned()
}

fn header(m: &Message<'_>, name: &str) -> Option<String> {
    m.header_raw(name).map(|v| v.trim().to_owned())
}

fn invite(m: &Message<'_>) -> Option<icalendar::parser::Calendar<'static>> {
    let a = m
        .attachments()
        .find(|a| a.attachment_name() == Some("invite.ics"))?;
    let text = icalendar::parser::unfold(std::str::from_utf8(a.contents()).unwrap());
    // Leaked: a test's few calendars live as long as the test anyway.
    Some(icalendar::parser::read_calendar(Box::leak(text.into_boxed_str())).unwrap())
}

fn vevent_prop(cal: &icalendar::parser::Calendar<'_>, name: &str) -> String {
    let ev = cal.components.iter().find(|c| c.name == "VEVENT").unwrap();
    ev.find_prop(name).unwrap().val.as_str().to_owned()
}

/// An organizer, a published seminar of `capacity` seats with a waiting list, and its start.
async fn event_of(app: &TestApp, slug: &str, capacity: i64) -> (String, chrono::DateTime<Utc>) {
    let code: String = slug
        .to_uppercase()
        .replace('-', "")
        .chars()
        .take(6)
        .collect();
    let token = app.organization_with_user(&code, UserRole::Organizer).await;
    app.published_event(&token, slug, Some(capacity), None, true)
        .await;
    let event = store::events::by_slug(&app.db, slug)
        .await
        .unwrap()
        .unwrap();
    (token, event.spec.starts_at)
}

#[tokio::test]
async fn an_attendee_copy_carries_no_manage_link_and_an_invitation_of_their_own() {
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    event_of(&app, "copies", 10).await;
    let cn = corporate_number(81_001);
    let contact = format!("contact-{cn}@example.co.jp");
    // The contact attends too (same address: no copy) with a colleague (a copy).
    let (status, reg) = app
        .register("copies", company_registration(&cn, &[&contact, "kyo@x.jp"]))
        .await;
    assert_eq!(status, 201, "{reg}");
    assert_eq!(
        deliver_due(&app.db, &mailer, Utc::now())
            .await
            .unwrap()
            .sent,
        2
    );
    let raw = smtp.messages();
    let (mine, copy) = (parse(&raw[0]), parse(&raw[1]));
    assert_eq!(
        (to(&mine), to(&copy)),
        (contact.clone(), "kyo@x.jp".to_owned())
    );
    let token = reg["manage_token"].as_str().unwrap();
    assert!(mine.body_text(0).unwrap().contains(&format!("/r/{token}")));
    let text = copy.body_text(0).unwrap();
    assert!(!text.contains("/r/"), "no manage link in a copy:\n{text}");
    assert!(text.contains("山田 花子 様が、あなたを参加者としてお申し込みくださいました"));
    assert!(copy.body_html(0).unwrap().contains("写しです"));
    let cal = invite(&copy).expect("the attendee gets an invitation too");
    let attendee = cal.components[1..]
        .iter()
        .chain(cal.components.iter())
        .find(|c| c.name == "VEVENT")
        .unwrap()
        .find_prop("ATTENDEE")
        .unwrap()
        .val
        .as_str()
        .to_owned();
    assert_eq!(attendee, "mailto:kyo@x.jp");
    assert!(
        header(&copy, "List-Unsubscribe").is_none(),
        "not on a confirmation"
    );

    // Taking the colleague off tells them, with a CANCEL of their entry.
    let kyo = reg["attendees"][1]["id"].as_i64().unwrap();
    let (status, _) = app
        .api(
            "DELETE",
            &format!("/registrations/{token}/attendees/{kyo}"),
            None,
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        deliver_due(&app.db, &mailer, Utc::now())
            .await
            .unwrap()
            .sent,
        2
    );
    let raw = smtp.messages();
    let told = parse(&raw[3]);
    assert_eq!(to(&told), "kyo@x.jp");
    let cal = invite(&told).unwrap();
    assert_eq!(
        cal.properties
            .iter()
            .find(|p| p.name == "METHOD")
            .unwrap()
            .val
            .as_str(),
        "CANCEL"
    );
    assert_eq!(vevent_prop(&cal, "STATUS"), "CANCELLED");

    // An event may send no copies.
    let (token_org, _) = event_of(&app, "no-copies", 10).await;
    let (status, _) = app
        .api(
            "PATCH",
            "/events/no-copies",
            Some(&token_org),
            Some(json!({"attendee_copies": false})),
        )
        .await;
    assert_eq!(status, 200);
    app.register(
        "no-copies",
        company_registration(&corporate_number(81_002), &["x@x.jp"]),
    )
    .await;
    assert_eq!(
        deliver_due(&app.db, &mailer, Utc::now())
            .await
            .unwrap()
            .sent,
        1
    );
}

#[tokio::test]
async fn reminders_go_once_at_nine_to_confirmed_registrants_only() {
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let (_, starts_at) = event_of(&app, "reminded", 2).await;
    let confirmed = app
        .register(
            "reminded",
            company_registration(&corporate_number(82_001), &["a@x.jp"]),
        )
        .await
        .1;
    assert_eq!(confirmed["status"], "confirmed");
    let waiting = app
        .register(
            "reminded",
            company_registration(&corporate_number(82_002), &["b@x.jp", "c@x.jp"]),
        )
        .await
        .1;
    assert_eq!(waiting["status"], "waitlisted");
    deliver_due(&app.db, &mailer, Utc::now()).await.unwrap();
    let before = smtp.messages().len();

    let three = ReminderDays::send_time(3, starts_at);
    assert_eq!(
        queue_due(&app.db, three - Duration::minutes(1))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        queue_due(&app.db, three).await.unwrap(),
        2,
        "contact and copy"
    );
    assert_eq!(
        queue_due(&app.db, three + Duration::hours(5))
            .await
            .unwrap(),
        0,
        "once"
    );
    let one = ReminderDays::send_time(1, starts_at);
    assert_eq!(queue_due(&app.db, one).await.unwrap(), 2);
    assert_eq!(
        queue_due(&app.db, one + Duration::hours(1)).await.unwrap(),
        0
    );
    // Queued at the (simulated) reminder time; delivered from then on.
    assert_eq!(deliver_due(&app.db, &mailer, one).await.unwrap().sent, 4);

    let raw = smtp.messages();
    let reminders: Vec<Message> = raw[before..].iter().map(|r| parse(r)).collect();
    let contact = format!("contact-{}@example.co.jp", corporate_number(82_001));
    assert_eq!(to(&reminders[0]), contact);
    assert!(
        reminders[0]
            .subject()
            .unwrap()
            .starts_with("【開催3日前のご案内】")
    );
    assert!(
        reminders[2]
            .subject()
            .unwrap()
            .starts_with("【開催1日前のご案内】")
    );
    let text = reminders[0].body_text(0).unwrap();
    assert!(
        text.contains("/j/j") && !text.contains("https://meet.example.jp/secret-room"),
        "confirmed: the personal join link"
    );
    assert!(text.contains("3日後"), "{text}");
    // Reminders can be stopped, with one click in the mail client.
    let unsubscribe = header(&reminders[0], "List-Unsubscribe").expect("List-Unsubscribe");
    assert!(
        unsubscribe.starts_with('<') && unsubscribe.contains("/u/r"),
        "{unsubscribe}"
    );
    assert_eq!(
        header(&reminders[0], "List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    assert!(
        header(&reminders[1], "List-Unsubscribe")
            .unwrap()
            .contains("/u/a")
    );
    // Nobody on the waiting list was reminded.
    assert!(
        reminders
            .iter()
            .all(|m| !["b@x.jp", "c@x.jp"].contains(&to(m).as_str()))
    );

    // Two workers looking at once still queue a reminder once.
    let (_, starts_at) = event_of(&app, "raced", 5).await;
    app.register(
        "raced",
        company_registration(&corporate_number(82_003), &["d@x.jp"]),
    )
    .await;
    let at = ReminderDays::send_time(1, starts_at);
    let (a, b) = tokio::join!(queue_due(&app.db, at), queue_due(&app.db, at));
    assert_eq!(a.unwrap() + b.unwrap(), 2);
}

#[tokio::test]
async fn announcements_reach_registrants_and_one_click_unsubscribe_stops_the_next() {
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let (org, _) = event_of(&app, "announced", 1).await;
    let first = app
        .register(
            "announced",
            company_registration(&corporate_number(83_001), &["a@x.jp"]),
        )
        .await
        .1;
    let mut english = company_registration(&corporate_number(83_002), &["b@x.jp"]);
    english["lang"] = json!("en");
    let waiting = app.register("announced", english).await.1;
    assert_eq!(waiting["status"], "waitlisted");
    deliver_due(&app.db, &mailer, Utc::now()).await.unwrap();
    let before = smtp.messages().len();

    // Field-level errors in the caller's language; nothing is sent.
    let (status, err) = app
        .api_lang(
            "POST",
            "/events/announced/announcements",
            Some(&org),
            Some(json!({"subject_ja": "会場のご案内", "body_ja": "  ", "subject_en": "Room"})),
            Some("en"),
        )
        .await;
    assert_eq!(status, 422, "{err}");
    let fields: Vec<&str> = err["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["body_ja", "body_en"], "{err}");
    assert_eq!(err["fields"][0]["message"], "This field is required.");
    assert_eq!(app.pending_messages().await, 0);

    let body = "会場は3階 301会議室です。\n当日は名刺を2枚お持ちください。<b>";
    let (status, sent) = app
        .api(
            "POST",
            "/events/announced/announcements",
            Some(&org),
            Some(
                json!({"subject_ja": "会場のご案内", "body_ja": body, "include_waitlisted": true}),
            ),
        )
        .await;
    assert_eq!(status, 202, "{sent}");
    assert_eq!(sent["recipients"], 4, "two contacts and two copies");
    assert_eq!(
        deliver_due(&app.db, &mailer, Utc::now())
            .await
            .unwrap()
            .sent,
        4
    );
    let raw = smtp.messages();
    let mails: Vec<Message> = raw[before..].iter().map(|r| parse(r)).collect();
    assert_eq!(
        mails[0].subject().unwrap(),
        "【テスト用セミナー】会場のご案内"
    );
    let text = mails[0].body_text(0).unwrap().replace("\r\n", "\n");
    assert!(text.contains(body), "{text}");
    let html = mails[0].body_html(0).unwrap();
    assert!(html.contains("会場は3階 301会議室です。<br>当日は名刺を2枚お持ちください。&lt;b&gt;"));
    let en = mails
        .iter()
        .find(|m| to(m).starts_with("contact-") && to(m).contains(&corporate_number(83_002)))
        .unwrap();
    assert_eq!(en.subject().unwrap(), "[Test seminar] 会場のご案内");
    assert!(
        en.body_text(0)
            .unwrap()
            .contains("(The organizer wrote it in Japanese only.)")
    );
    assert!(
        !en.body_text(0).unwrap().contains("secret-room"),
        "waiting: no meeting link"
    );

    // The first contact clicks "unsubscribe" in the mail client: a bare POST, no cookies.
    let link = header(&mails[0], "List-Unsubscribe").unwrap();
    let url = link
        .trim_matches(['<', '>'])
        .replace("http://localhost:8080", &app.url(""));
    let resp = reqwest::Client::new()
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    // Its page shows the state and offers to resume; a forged link finds nothing.
    let path = url.trim_start_matches(&app.url(""));
    let (status, page) = app.get_html(path, None).await;
    assert_eq!(status, 200);
    assert!(page.contains("現在、配信を停止しています。") && page.contains("配信を再開する"));
    let forged = path.replacen("/u/r", "/u/r9", 1);
    assert_eq!(app.get_html(&forged, None).await.0, 404);

    let (_, sent) = app
        .api(
            "POST",
            "/events/announced/announcements",
            Some(&org),
            Some(json!({"subject_ja": "資料", "body_ja": "資料を公開しました。", "subject_en": "Slides", "body_en": "The slides are online."})),
        )
        .await;
    assert_eq!(
        sent["recipients"], 1,
        "only the first registrant's attendee: {sent}"
    );
    let (_, list) = app
        .api("GET", "/events/announced/announcements", Some(&org), None)
        .await;
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0]["subject_en"], "Slides");

    // What concerns the registration itself still reaches the contact who opted out.
    let token = first["manage_token"].as_str().unwrap();
    app.api("DELETE", &format!("/registrations/{token}"), None, None)
        .await;
    let queued = store::outbox::for_registration(&app.db, first["id"].as_i64().unwrap())
        .await
        .unwrap();
    assert_eq!(queued.last().unwrap().0, "cancelled");
    assert!(
        queued
            .iter()
            .any(|(k, to)| k == "cancelled" && to.starts_with("contact-"))
    );

    // A draft has nobody to tell.
    let (status, _) = app
        .api(
            "POST",
            "/events",
            Some(&org),
            Some(crate::helpers::seminar("draft-one")),
        )
        .await;
    assert_eq!(status, 201);
    let (status, err) = app
        .api(
            "POST",
            "/events/draft-one/announcements",
            Some(&org),
            Some(json!({"subject_ja": "x", "body_ja": "y"})),
        )
        .await;
    assert_eq!(
        (status, err["code"].as_str()),
        (409, Some("event_not_published"))
    );
}

#[tokio::test]
async fn a_registrant_downloads_the_same_calendar_entry_the_invitation_carries() {
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    event_of(&app, "own-ics", 1).await;
    let reg = app
        .register(
            "own-ics",
            company_registration(&corporate_number(84_001), &["a@x.jp"]),
        )
        .await
        .1;
    let waiting = app
        .register(
            "own-ics",
            company_registration(&corporate_number(84_002), &["b@x.jp"]),
        )
        .await
        .1;
    deliver_due(&app.db, &mailer, Utc::now()).await.unwrap();
    let raw = smtp.messages();
    let invitation = invite(&parse(&raw[0])).unwrap();

    let token = reg["manage_token"].as_str().unwrap();
    let (_, page) = app.get_html(&format!("/r/{token}"), None).await;
    assert!(page.contains(&format!("/r/{token}/calendar.ics")));
    let resp = reqwest::get(app.url(&format!("/r/{token}/calendar.ics")))
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let text = icalendar::parser::unfold(&resp.text().await.unwrap());
    let own = icalendar::parser::read_calendar(&text).unwrap();
    assert_eq!(
        own.properties
            .iter()
            .find(|p| p.name == "METHOD")
            .unwrap()
            .val
            .as_str(),
        "PUBLISH"
    );
    assert_eq!(vevent_prop(&own, "UID"), vevent_prop(&invitation, "UID"));
    let seq = |c: &icalendar::parser::Calendar<'_>| -> u64 {
        vevent_prop(c, "SEQUENCE").parse().unwrap()
    };
    assert!(seq(&own) >= seq(&invitation));
    // The personal join link of the one attendee, as in the invitation; never the room itself.
    assert!(vevent_prop(&own, "URL").contains("/j/j"));
    assert_eq!(vevent_prop(&own, "URL"), vevent_prop(&invitation, "URL"));
    assert_eq!(
        vevent_prop(&own, "DTSTART"),
        vevent_prop(&invitation, "DTSTART")
    );

    // Someone still waiting has no place to put in a calendar yet.
    let waiting = waiting["manage_token"].as_str().unwrap();
    let resp = reqwest::get(app.url(&format!("/r/{waiting}/calendar.ics")))
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
}

#[tokio::test]
async fn the_delivery_log_is_pruned_after_its_retention_and_nothing_waiting_is() {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
    use uketsuke::store::entities::outbox;
    let (app, _) = TestApp::with_demo().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let demo = app.pending_messages().await;
    assert_eq!(app.drain(&mailer).await, demo);
    app.register(
        "lwb-expo",
        company_registration(&corporate_number(85_001), &["a@x.jp"]),
    )
    .await;
    // The demo's messages were sent long ago; the new ones wait.
    let long_ago = Utc::now() - Duration::days(600);
    outbox::Entity::update_many()
        .col_expr(outbox::Column::SentAt, Expr::value(long_ago))
        .filter(outbox::Column::Status.eq("sent"))
        .exec(&app.db)
        .await
        .unwrap();
    let waiting = app.pending_messages().await;
    assert_eq!(waiting, 2);
    let (_, pruned) = housekeeping(&app.db, &app.settings.mail, Utc::now())
        .await
        .unwrap();
    assert_eq!(pruned as usize, demo);
    assert_eq!(app.pending_messages().await, waiting);
    // Within the retention nothing goes.
    deliver_due(&app.db, &mailer, Utc::now()).await.unwrap();
    let (_, pruned) = housekeeping(&app.db, &app.settings.mail, Utc::now())
        .await
        .unwrap();
    assert_eq!(pruned, 0);
    let counts = store::outbox::status_counts(&app.db).await.unwrap();
    assert_eq!(counts, [("sent".to_owned(), 2)]);
}

/// Rows queued before notices were typed hold a kind code and loose JSON: they are still read
/// and delivered after an upgrade. One that cannot be read fails alone; the others go.
#[tokio::test]
async fn messages_queued_in_the_old_format_are_still_delivered() {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    event_of(&app, "old-rows", 10).await;
    let (status, reg) = app
        .register(
            "old-rows",
            company_registration(&corporate_number(95_001), &["taro@old.example.jp"]),
        )
        .await;
    assert_eq!(status, 201, "{reg}");
    app.drain(&mailer).await;
    let before = smtp.messages().len();
    let event = store::events::by_slug(&app.db, "old-rows")
        .await
        .unwrap()
        .unwrap();
    let now = Utc::now();
    // Literally what the old code wrote.
    let old_rows = [
        (
            "cancelled",
            r#"{"attendees":["山田 太郎"],"all":true,"moved_to_event":{"title_ja":"振替先セミナー","title_en":"Other seminar","starts_at":"2026-12-03T05:00:00Z","ends_at":"2026-12-03T07:00:00Z"}}"#,
        ),
        ("reminder", r#"{"days_before":3}"#),
        ("reviewed", r#"{"state":"approved"}"#),
    ];
    for (message, payload) in old_rows {
        store::entities::outbox::ActiveModel {
            event_id: Set(event.id),
            registration_id: Set(reg["id"].as_i64()),
            message: Set(message.to_owned()),
            recipient_email: Set("old@example.co.jp".to_owned()),
            recipient_name: Set("旧 形式".to_owned()),
            lang: Set("ja".to_owned()),
            payload: Set(payload.to_owned()),
            status: Set("pending".to_owned()),
            attempts: Set(0),
            next_attempt_at: Set(now),
            last_error: Set(None),
            created_at: Set(now),
            sent_at: Set(None),
            locked_until: Set(None),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    app.drain(&mailer).await;
    let raw = smtp.messages();
    assert_eq!(raw.len(), before + 2, "the two readable old rows went");
    let moved = parse(&raw[before]);
    let text = moved.body_text(0).unwrap();
    assert!(
        text.contains("振り替えました") && text.contains("振替先セミナー"),
        "{text}"
    );
    let reminder = parse(&raw[before + 1]);
    assert!(
        reminder
            .subject()
            .unwrap()
            .starts_with("【開催3日前のご案内】"),
        "{:?}",
        reminder.subject()
    );
    // A review kind at a seminar means nothing: that row alone is given up, with its reason.
    let log = store::outbox::for_event(&app.db, event.id, None, 10)
        .await
        .unwrap();
    let reviewed = log.iter().find(|e| e.kind == "reviewed").unwrap();
    assert_eq!(reviewed.status, "failed");
    assert!(
        reviewed
            .last_error
            .as_deref()
            .unwrap_or_default()
            .contains("reviewed"),
        "{reviewed:?}"
    );
}
