//! Online events followed from abroad: the page shows Japan time and the time in the visitor's
//! zone, the invitation carries the absolute instant, and the meeting link reaches confirmed
//! registrants only (never the public page, never the waiting list).
use crate::helpers::{TestApp, company_registration, corporate_number, seminar};
use crate::smtp::SmtpReceiver;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use mail_parser::{MessageParser, MimeHeaders};
use serde_json::json;
use uketsuke::domain::UserRole;
use uketsuke::mail::worker::deliver_due;

#[tokio::test]
async fn an_overseas_visitor_sees_their_time_and_only_confirmed_registrants_get_the_link() {
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let token = app
        .organization_with_user("GLOBAL", UserRole::Organizer)
        .await;
    let mut event = seminar("overseas-matching");
    event["format"] = json!("online");
    event["venue_name_ja"] = json!(null);
    event["venue_address_ja"] = json!(null);
    event["capacity"] = json!(1);
    event["per_company_limit"] = json!(null);
    event["waitlist_enabled"] = json!(true);
    let (status, created) = app.api("POST", "/events", Some(&token), Some(event)).await;
    assert_eq!(status, 201, "{created}");
    app.api(
        "POST",
        "/events/overseas-matching/publish",
        Some(&token),
        None,
    )
    .await;
    let starts: DateTime<Utc> = created["starts_at"].as_str().unwrap().parse().unwrap();
    let ends: DateTime<Utc> = created["ends_at"].as_str().unwrap().parse().unwrap();

    // Berlin, worked out here with chrono-tz, not by the app's formatter.
    let berlin = chrono_tz::Europe::Berlin;
    let expected = format!(
        "{}–{}, Berlin (Germany) time",
        starts.with_timezone(&berlin).format("%a %-d %b %Y, %H:%M"),
        ends.with_timezone(&berlin).format("%H:%M")
    );
    let (status, page) = app
        .get_html("/events/overseas-matching?tz=Europe/Berlin&lang=en", None)
        .await;
    assert_eq!(status, 200);
    let page = page.replace("&#x2f;", "/");
    assert!(page.contains("In your time zone"), "{page}");
    assert!(page.contains(&expected), "{expected}\n{page}");
    assert!(page.contains("JST"), "Japan time stays");
    assert!(page.contains(r#"<option value="Europe/Berlin" selected>"#));
    assert!(
        !page.contains("secret-room"),
        "no meeting link on the public page"
    );
    // A zone nobody has is ignored, not an error.
    let (status, page) = app
        .get_html("/events/overseas-matching?tz=Mars/Olympus", None)
        .await;
    assert_eq!(status, 200);
    assert!(!page.contains("あなたの時間帯:"));

    let (_, first) = app
        .register(
            "overseas-matching",
            company_registration(&corporate_number(61_001), &["first@abroad.example"]),
        )
        .await;
    assert_eq!(first["status"], "confirmed");
    let (_, second) = app
        .register(
            "overseas-matching",
            company_registration(&corporate_number(61_002), &["second@abroad.example"]),
        )
        .await;
    assert_eq!(second["status"], "waitlisted");
    deliver_due(&app.db, &mailer, Utc::now()).await.unwrap();
    let raw = smtp.messages();
    let mut confirmed = 0;
    for m in &raw {
        let m = MessageParser::default().parse(m).unwrap();
        let to = m
            .to()
            .unwrap()
            .first()
            .unwrap()
            .address()
            .unwrap()
            .to_owned();
        let text = m.body_text(0).unwrap().into_owned();
        if to.starts_with("second")
            || to.ends_with(&format!("{}@example.co.jp", corporate_number(61_002)))
        {
            assert!(
                !text.contains("secret-room") && !text.contains("/j/"),
                "waiting list: no link\n{text}"
            );
            continue;
        }
        // The personal join link (online attendance), never the room itself.
        assert!(
            text.contains("/j/j") && !text.contains("secret-room"),
            "{to}: the link\n{text}"
        );
        // The invitation: DTSTART in Tokyo time with its zone, the same instant as stored.
        let ics = m
            .attachments()
            .find(|a| a.attachment_name() == Some("invite.ics"))
            .expect("an invitation");
        let text = icalendar::parser::unfold(std::str::from_utf8(ics.contents()).unwrap());
        let cal = icalendar::parser::read_calendar(&text).unwrap();
        let ev = cal.components.iter().find(|c| c.name == "VEVENT").unwrap();
        let dtstart = ev.find_prop("DTSTART").unwrap();
        let tzid = dtstart
            .params
            .iter()
            .find(|p| p.key == "TZID")
            .and_then(|p| p.val.as_ref())
            .unwrap()
            .as_str()
            .to_owned();
        assert_eq!(tzid, "Asia/Tokyo");
        let local = NaiveDateTime::parse_from_str(dtstart.val.as_str(), "%Y%m%dT%H%M%S").unwrap();
        let instant = chrono_tz::Asia::Tokyo
            .from_local_datetime(&local)
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(instant, starts);
        confirmed += 1;
    }
    assert_eq!(confirmed, 2, "the contact and the attendee's copy");
}
