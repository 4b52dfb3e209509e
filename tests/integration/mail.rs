//! Email through a real SMTP server, read back with independent parsers (mail-parser for
//! MIME, icalendar for the invitation).
use crate::helpers::{TestApp, company_registration, corporate_number, seminar};
use crate::smtp::SmtpReceiver;
use chrono::{Duration, Utc};
use mail_parser::{MessageParser, MimeHeaders};
use serde_json::json;
use uketsuke::mail::worker::deliver_due;
use uketsuke::store;

fn ics_of(message: &mail_parser::Message<'_>) -> String {
    let attachment = message
        .attachments()
        .find(|a| a.attachment_name() == Some("invite.ics"))
        .expect("invite.ics attached");
    String::from_utf8(attachment.contents().to_vec()).unwrap()
}

#[tokio::test]
async fn a_confirmation_arrives_with_both_parts_and_an_invitation_in_tokyo_time() {
    let (app, tokens) = TestApp::with_demo().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let mut event = seminar("mail-seminar");
    event["title_ja"] = json!("働き方改革セミナー, 第1回; 入門（午後）");
    app.api("POST", "/events", Some(&tokens.tmg), Some(event))
        .await;
    app.api(
        "POST",
        "/events/mail-seminar/publish",
        Some(&tokens.tmg),
        None,
    )
    .await;
    // Clear the demo's own queue so only this registration's message is under test.
    app.drain(&app.mailer(smtp.port)).await;
    let before = smtp.messages().len();

    let mut body = company_registration(&corporate_number(60_001), &["a@mirai.example.jp"]);
    body["contact"]["name"] = json!("山田 花子, 営業部; 課長");
    let (status, reg) = app.register("mail-seminar", body).await;
    assert_eq!(status, 201);
    let pass = deliver_due(&app.db, &mailer, Utc::now()).await.unwrap();
    assert_eq!(
        pass.sent, 2,
        "the contact's message and the attendee's copy"
    );
    let raw = smtp.messages().remove(before);
    let message = MessageParser::default().parse(&raw).expect("parsable MIME");

    assert!(
        message
            .subject()
            .unwrap()
            .starts_with("【参加確定】働き方改革セミナー, 第1回; 入門")
    );
    let to = message.to().unwrap().first().unwrap();
    assert_eq!(
        to.address(),
        Some(format!("contact-{}@example.co.jp", corporate_number(60_001)).as_str())
    );
    let text = message.body_text(0).unwrap();
    assert!(text.contains("山田 花子, 営業部; 課長 様"));
    assert!(
        text.contains("(") && text.contains("〜"),
        "date with weekday and range: {text}"
    );
    assert!(
        text.contains(&format!("/r/{}", reg["manage_token"].as_str().unwrap())),
        "manage link"
    );
    // A confirmed place: the attendee's personal join link, not the meeting URL itself.
    assert!(
        text.contains("参加用URL: ") && text.contains("/j/j"),
        "personal join link for a confirmed place: {text}"
    );
    assert!(
        !text.contains("https://meet.example.jp/secret-room"),
        "{text}"
    );
    assert!(text.contains("主催 東京都"));
    let html = message.body_html(0).unwrap();
    assert!(html.contains("山田 花子, 営業部; 課長 様"));
    assert!(message.message_id().unwrap().starts_with("outbox-"));
    // The invitation rides in the alternative part with method=REQUEST, and as a file.
    let calendar_part = message
        .parts
        .iter()
        .find(|p| {
            p.content_type()
                .is_some_and(|c| c.ctype() == "text" && c.subtype() == Some("calendar"))
        })
        .expect("text/calendar part");
    assert_eq!(
        calendar_part.content_type().unwrap().attribute("method"),
        Some("REQUEST")
    );

    let ics = ics_of(&message);
    assert!(ics.lines().all(|l| l.len() <= 75), "folded");
    let unfolded = icalendar::parser::unfold(&ics);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("parsable calendar");
    assert_eq!(
        calendar
            .properties
            .iter()
            .find(|p| p.name == "METHOD")
            .unwrap()
            .val
            .as_str(),
        "REQUEST"
    );
    let vevent = calendar
        .components
        .iter()
        .find(|c| c.name == "VEVENT")
        .expect("VEVENT");
    let prop = |name: &str| vevent.find_prop(name).unwrap_or_else(|| panic!("{name}"));
    // Escaped text comes back as typed.
    assert_eq!(
        prop("SUMMARY").val.as_str(),
        "働き方改革セミナー, 第1回; 入門（午後）"
    );
    let start = prop("DTSTART");
    assert_eq!(
        start
            .params
            .iter()
            .find(|p| p.key == "TZID")
            .and_then(|p| p.val.as_ref())
            .map(|v| v.as_str()),
        Some("Asia/Tokyo")
    );
    let event = store::events::by_slug(&app.db, "mail-seminar")
        .await
        .unwrap()
        .unwrap();
    let jst = event
        .spec
        .starts_at
        .with_timezone(&chrono_tz::Asia::Tokyo)
        .format("%Y%m%dT%H%M%S")
        .to_string();
    assert_eq!(start.val.as_str(), jst);
    let attendee = prop("ATTENDEE");
    let cn = attendee
        .params
        .iter()
        .find(|p| p.key == "CN")
        .and_then(|p| p.val.as_ref())
        .unwrap();
    assert_eq!(
        cn.as_str(),
        "山田 花子, 営業部; 課長",
        "a quoted CN keeps its commas and semicolons"
    );
    assert!(unfolded.contains("BEGIN:VTIMEZONE") && unfolded.contains("TZOFFSETTO:+0900"));

    let counts = store::outbox::status_counts(&app.db).await.unwrap();
    assert!(counts.iter().all(|(s, _)| s == "sent"), "{counts:?}");
}

#[tokio::test]
async fn refusals_are_retried_once_they_pass_and_a_permanent_one_fails_for_good() {
    let (app, _) = TestApp::with_demo().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    // The demo's confirmations are queued. The server says 421, then 451 to the next, then
    // accepts.
    let demo = app.pending_messages().await;
    assert!(demo > 10, "confirmations and attendee copies: {demo}");
    smtp.refuse_with(&[421, 451]);
    let first = deliver_due(&app.db, &mailer, Utc::now()).await.unwrap();
    assert_eq!((first.sent, first.retried, first.failed), (demo - 2, 2, 0));
    // Not due yet: nothing happens.
    assert_eq!(
        deliver_due(&app.db, &mailer, Utc::now())
            .await
            .unwrap()
            .claimed(),
        0
    );
    let later = deliver_due(&app.db, &mailer, Utc::now() + Duration::seconds(5))
        .await
        .unwrap();
    assert_eq!(later.sent, 2);
    assert_eq!(smtp.messages().len(), demo, "each message once");

    // 550 is permanent: marked failed, never tried again.
    app.register(
        "lwb-expo",
        company_registration(&corporate_number(60_002), &["x@x.jp"]),
    )
    .await;
    smtp.refuse_with(&[550]);
    let pass = deliver_due(&app.db, &mailer, Utc::now()).await.unwrap();
    assert_eq!(pass.failed, 1);
    assert_eq!(
        deliver_due(&app.db, &mailer, Utc::now() + Duration::hours(1))
            .await
            .unwrap()
            .claimed(),
        0
    );
    let counts = store::outbox::status_counts(&app.db).await.unwrap();
    assert!(counts.contains(&("failed".to_owned(), 1)), "{counts:?}");

    // The organizer sees the failure, with the server's reason; other organizations do not.
    let tmg = app.user("TMG", uketsuke::domain::UserRole::Organizer).await;
    let (status, failed) = app
        .api(
            "GET",
            "/events/lwb-expo/messages?status=failed",
            Some(&tmg),
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(failed.as_array().unwrap().len(), 1);
    assert!(
        failed[0]["last_error"].as_str().unwrap().contains("550"),
        "{failed}"
    );
    let tcci = app.user("TCCI", uketsuke::domain::UserRole::Admin).await;
    let (status, _) = app
        .api("GET", "/events/lwb-expo/messages", Some(&tcci), None)
        .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn while_the_server_is_down_messages_wait_and_go_once_it_is_up() {
    let (app, _) = TestApp::with_demo().await;
    // Nothing listens on this port.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let demo = app.pending_messages().await;
    let pass = deliver_due(&app.db, &app.mailer(closed), Utc::now())
        .await
        .unwrap();
    assert_eq!((pass.sent, pass.retried), (0, demo));
    let smtp = SmtpReceiver::start();
    let pass = deliver_due(
        &app.db,
        &app.mailer(smtp.port),
        Utc::now() + Duration::seconds(5),
    )
    .await
    .unwrap();
    assert_eq!(pass.sent, demo);
    assert_eq!(smtp.messages().len(), demo);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_workers_deliver_five_hundred_messages_exactly_once() {
    let (app, _) = TestApp::with_demo().await;
    let smtp = SmtpReceiver::start();
    // More confirmations for a demo registration, on top of the demo's own, to 500.
    let demo = app.pending_messages().await;
    let reg = store::registrations::page_for_event(&app.db, 1, 1, 0)
        .await
        .unwrap();
    let _ = reg;
    let event = store::events::by_slug(&app.db, "telework-experience-hachioji")
        .await
        .unwrap()
        .unwrap();
    let (regs, _) = store::registrations::page_for_event(&app.db, event.id, 1, 0)
        .await
        .unwrap();
    let confirmed = uketsuke::domain::Envelope {
        notice: uketsuke::domain::Notice::Confirmed,
        attendee_id: None,
    };
    for _ in demo..500 {
        let m = store::outbox::NewMessage {
            event_id: event.id,
            registration_id: Some(regs[0].id),
            recipient_email: "bulk@example.jp",
            recipient_name: "一括 試験",
            lang: uketsuke::i18n::Lang::default(),
            envelope: &confirmed,
        };
        store::outbox::enqueue(&app.db, m, Utc::now())
            .await
            .unwrap();
    }
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..2 {
        let (db, mailer) = (app.db.clone(), app.mailer(smtp.port));
        workers.spawn(async move {
            let mut sent = 0;
            loop {
                let pass = deliver_due(&db, &mailer, Utc::now()).await.unwrap();
                sent += pass.sent;
                if pass.claimed() == 0 {
                    return sent;
                }
            }
        });
    }
    let mut per_worker = Vec::new();
    while let Some(n) = workers.join_next().await {
        per_worker.push(n.unwrap());
    }
    assert_eq!(per_worker.iter().sum::<usize>(), 500);
    let ids: std::collections::HashSet<String> = smtp
        .messages()
        .iter()
        .map(|raw| {
            MessageParser::default()
                .parse(raw)
                .unwrap()
                .message_id()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        (smtp.messages().len(), ids.len()),
        (500, 500),
        "every message once, none twice"
    );
}

#[tokio::test]
async fn public_calendar_files_hold_events_but_no_personal_data() {
    let (app, _) = TestApp::with_demo().await;
    let resp = app
        .client
        .get(app.url("/events/lwb-expo.ics"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let ics = resp.text().await.unwrap();
    let unfolded = icalendar::parser::unfold(&ics);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("parsable");
    assert_eq!(
        calendar
            .properties
            .iter()
            .find(|p| p.name == "METHOD")
            .unwrap()
            .val
            .as_str(),
        "PUBLISH"
    );
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(events.len(), 1);
    assert!(events[0].find_prop("ATTENDEE").is_none());
    assert!(
        !ics.contains("meet.example.jp"),
        "no meeting link in public files"
    );
    assert!(
        events[0]
            .find_prop("SUMMARY")
            .unwrap()
            .val
            .as_str()
            .contains("ライフ・ワーク・バランスEXPO")
    );

    let (status, _) = app
        .get_html("/events/telework-rule-briefing-draft.ics", None)
        .await;
    assert_eq!(status, 404, "drafts have no calendar file either");

    let feed = app
        .client
        .get(app.url("/calendar.ics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let feed = icalendar::parser::unfold(&feed);
    let all = icalendar::parser::read_calendar(&feed).unwrap();
    // Every published event that happens at a time: the campaign, the declaration scheme and
    // the internship programme (each offer its own period) run for a while and block no
    // calendar.
    assert_eq!(
        all.components.iter().filter(|c| c.name == "VEVENT").count(),
        9
    );
    assert!(!feed.contains("smooth-biz-summer") && !feed.contains("tokyo-telework-rule"));
    let (status, _) = app.get_html("/events/smooth-biz-summer.ics", None).await;
    assert_eq!(status, 404, "a campaign has no calendar file");
    let lwb = app
        .client
        .get(app.url("/calendar.ics?area=life_work_balance&lang=en"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let lwb = icalendar::parser::unfold(&lwb);
    let lwb = icalendar::parser::read_calendar(&lwb).unwrap();
    let titles: Vec<&str> = lwb
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|c| c.find_prop("SUMMARY").unwrap().val.as_str())
        .collect();
    assert_eq!(titles.len(), 2);
    assert!(titles.contains(&"Life-Work Balance EXPO Tokyo"));
}

#[tokio::test]
async fn event_changes_and_cancellation_reach_every_registrant_with_a_rising_sequence() {
    let (app, tokens) = TestApp::with_demo().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    app.published_event(&tokens.tmg, "moving", Some(10), Some(3), true)
        .await;
    for n in [70_001, 70_002] {
        app.register(
            "moving",
            company_registration(&corporate_number(n), &[&format!("p{n}@x.jp")]),
        )
        .await;
    }
    app.drain(&mailer).await;
    let contact = format!("contact-{}@example.co.jp", corporate_number(70_001));
    // (subject, METHOD, SEQUENCE, DTSTART) of every message to `contact`, in order.
    let calendar_of = |raw: &Vec<u8>| {
        let m = MessageParser::default().parse(raw).unwrap();
        let to = m
            .to()
            .unwrap()
            .first()
            .unwrap()
            .address()
            .unwrap()
            .to_owned();
        let subject = m.subject().unwrap().to_owned();
        let ics = m
            .attachments()
            .find(|a| a.attachment_name() == Some("invite.ics"))
            .map(|a| {
                let text = icalendar::parser::unfold(std::str::from_utf8(a.contents()).unwrap());
                let cal = icalendar::parser::read_calendar(&text).unwrap();
                let method = cal
                    .properties
                    .iter()
                    .find(|p| p.name == "METHOD")
                    .unwrap()
                    .val
                    .as_str()
                    .to_owned();
                let ev = cal.components.iter().find(|c| c.name == "VEVENT").unwrap();
                let seq: u64 = ev
                    .find_prop("SEQUENCE")
                    .unwrap()
                    .val
                    .as_str()
                    .parse()
                    .unwrap();
                let start = ev.find_prop("DTSTART").unwrap().val.as_str().to_owned();
                let status = ev.find_prop("STATUS").unwrap().val.as_str().to_owned();
                (method, seq, start, status)
            });
        (to, subject, ics)
    };

    let later = (Utc::now() + Duration::days(15)).with_timezone(&chrono_tz::Asia::Tokyo);
    let start = later.format("%Y-%m-%dT10:00:00+09:00").to_string();
    let end = later.format("%Y-%m-%dT12:00:00+09:00").to_string();
    let (status, _) = app
        .api(
            "PATCH",
            "/events/moving",
            Some(&tokens.tmg),
            Some(json!({"starts_at": start, "ends_at": end})),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        deliver_due(&app.db, &mailer, Utc::now())
            .await
            .unwrap()
            .sent,
        4,
        "both registrants told, and their attendees"
    );
    // A new title alone is not news to registrants.
    app.api(
        "PATCH",
        "/events/moving",
        Some(&tokens.tmg),
        Some(json!({"title_en": "Moved seminar"})),
    )
    .await;
    assert_eq!(
        deliver_due(&app.db, &mailer, Utc::now())
            .await
            .unwrap()
            .claimed(),
        0
    );
    app.api("POST", "/events/moving/cancel", Some(&tokens.tmg), None)
        .await;
    assert_eq!(
        deliver_due(&app.db, &mailer, Utc::now())
            .await
            .unwrap()
            .sent,
        4
    );

    let mine: Vec<_> = smtp
        .messages()
        .iter()
        .map(calendar_of)
        .filter(|(to, _, _)| *to == contact)
        .collect();
    assert_eq!(mine.len(), 3, "confirmed, changed, cancelled");
    let (confirmed, changed, cancelled) = (&mine[0], &mine[1], &mine[2]);
    assert!(changed.1.starts_with("【開催内容変更】") && cancelled.1.starts_with("【開催中止】"));
    let (c, ch, x) = (
        confirmed.2.clone().unwrap(),
        changed.2.clone().unwrap(),
        cancelled.2.clone().unwrap(),
    );
    assert_eq!(
        (c.0.as_str(), ch.0.as_str(), x.0.as_str()),
        ("REQUEST", "REQUEST", "CANCEL")
    );
    assert!(
        c.1 < ch.1 && ch.1 < x.1,
        "SEQUENCE rises: {} {} {}",
        c.1,
        ch.1,
        x.1
    );
    assert_eq!(
        ch.2,
        later.format("%Y%m%dT100000").to_string(),
        "the new time, in Tokyo"
    );
    assert_eq!(x.3, "CANCELLED");
}

#[tokio::test]
async fn a_registration_in_easy_japanese_gets_its_confirmation_in_easy_japanese_and_an_online_one_no_qr_code()
 {
    let (app, tokens) = TestApp::with_demo().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let mut event = seminar("easy-online");
    event["format"] = json!("online");
    event["venue_name_ja"] = json!(null);
    event["venue_address_ja"] = json!(null);
    let (status, created) = app
        .api("POST", "/events", Some(&tokens.tmg), Some(event))
        .await;
    assert_eq!(status, 201, "{created}");
    app.api(
        "POST",
        "/events/easy-online/publish",
        Some(&tokens.tmg),
        None,
    )
    .await;
    app.drain(&mailer).await;
    let before = smtp.messages().len();

    let mut body = company_registration(&corporate_number(60_777), &["e@mirai.example.jp"]);
    body["lang"] = json!("ja-x-easy");
    let (status, reg) = app.register("easy-online", body).await;
    assert_eq!(status, 201, "{reg}");
    assert_eq!(reg["lang"], "ja-x-easy");
    deliver_due(&app.db, &mailer, Utc::now()).await.unwrap();
    let contact = format!("contact-{}@example.co.jp", corporate_number(60_777));
    let raw = smtp
        .messages()
        .into_iter()
        .skip(before)
        .find(|raw| {
            let m = MessageParser::default().parse(raw).unwrap();
            m.to().unwrap().first().unwrap().address() == Some(contact.as_str())
        })
        .expect("the contact's confirmation");
    let message = MessageParser::default().parse(&raw).expect("parsable MIME");

    // Easy Japanese: its own subject and words, not the plain Japanese ones.
    let subject = message.subject().unwrap();
    assert!(subject.starts_with("【参加が決まりました】"), "{subject}");
    let text = message.body_text(0).unwrap();
    for easy in [
        "山田 花子 さん",
        "あなたの参加が決まりました。",
        "参加するURL: ",
        "申し込みを見る・変える・キャンセルする",
    ] {
        assert!(text.contains(easy), "{easy:?} in {text}");
    }
    for plain in ["様", "参加が確定しました", "申込内容の確認"] {
        assert!(!text.contains(plain), "{plain:?} is plain Japanese: {text}");
    }
    let html = message.body_html(0).unwrap();
    assert!(
        html.contains("<html lang=\"ja\">"),
        "easy Japanese is Japanese to a browser"
    );
    assert!(html.contains("あなたの参加が決まりました。"));

    // Online: nobody is asked to show a QR code at reception, and none is attached.
    assert!(!text.contains("QR") && !html.contains("QR"), "{text}");
    assert!(!html.contains("cid:checkin-"));
    assert!(
        !message
            .parts
            .iter()
            .any(|p| p.content_type().is_some_and(|c| c.subtype() == Some("png"))),
        "no QR image"
    );

    // The invitation names its links in easy Japanese, the meeting link among them.
    let unfolded = icalendar::parser::unfold(&ics_of(&message)).to_string();
    assert!(
        unfolded.contains("参加するURL: ")
            && unfolded.contains("/j/j")
            && !unfolded.contains("meet.example.jp"),
        "{unfolded}"
    );
    assert!(unfolded.contains("申し込みを見る・変える・キャンセルする: "));

    // The manage page's calendar link says the entry holds the meeting link: here it does.
    let token = reg["manage_token"].as_str().unwrap();
    let (status, page) = app
        .get_html(&format!("/r/{token}?lang=ja-x-easy"), None)
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("参加するURLも入っています"), "{page}");
}

#[tokio::test]
async fn an_on_site_registrations_calendar_link_promises_no_meeting_link() {
    let (app, tokens) = TestApp::with_demo().await;
    let mut event = seminar("on-site-only");
    event["format"] = json!("on_site");
    event["online_url"] = json!(null);
    let (status, created) = app
        .api("POST", "/events", Some(&tokens.tmg), Some(event))
        .await;
    assert_eq!(status, 201, "{created}");
    app.api(
        "POST",
        "/events/on-site-only/publish",
        Some(&tokens.tmg),
        None,
    )
    .await;
    let (status, reg) = app
        .register(
            "on-site-only",
            company_registration(&corporate_number(60_778), &["s@mirai.example.jp"]),
        )
        .await;
    assert_eq!(status, 201, "{reg}");
    let token = reg["manage_token"].as_str().unwrap();
    for (lang, words, not) in [
        ("ja", "参加予定をカレンダーに追加（.ics）", "参加用URL付き"),
        (
            "en",
            "Add your place to your calendar (.ics)",
            "meeting link",
        ),
    ] {
        let (status, page) = app.get_html(&format!("/r/{token}?lang={lang}"), None).await;
        assert_eq!(status, 200);
        assert!(page.contains(words), "{lang}: {page}");
        assert!(!page.contains(not), "{lang}: no meeting link promised");
    }
}
