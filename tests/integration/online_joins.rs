//! Online attendance: each confirmed attendee's personal join link (`/j/{token}`) forwards to
//! the meeting and records the join; the meeting URL reaches nobody else; the event report
//! counts attended on site, online and either.
use crate::helpers::{TestApp, company_registration, corporate_number, jst_in_days, seminar};
use crate::smtp::SmtpReceiver;
use chrono::Utc;
use mail_parser::{MessageParser, MimeHeaders};
use serde_json::json;
use uketsuke::domain::UserRole;
use uketsuke::mail::worker::deliver_due;
use uketsuke::services::links::ManageLinks;
use uketsuke::store;

const MEETING: &str = "https://meet.example.jp/secret-room";

/// An event with an online part that runs now: starting within the hour, so a join counts.
fn running(slug: &str, format: &str) -> serde_json::Value {
    let mut event = seminar(slug);
    event["format"] = json!(format);
    if format == "online" {
        event["venue_name_ja"] = json!(null);
        event["venue_address_ja"] = json!(null);
    }
    event["starts_at"] = json!(jst_in_days(0, 1));
    event["ends_at"] = json!(jst_in_days(0, 3));
    event["per_company_limit"] = json!(null);
    event
}

async fn create(app: &TestApp, token: &str, event: serde_json::Value) {
    let slug = event["slug"].as_str().unwrap().to_owned();
    let (status, created) = app.api("POST", "/events", Some(token), Some(event)).await;
    assert_eq!(status, 201, "{created}");
    let (status, _) = app
        .api(
            "POST",
            &format!("/events/{slug}/publish"),
            Some(token),
            None,
        )
        .await;
    assert_eq!(status, 200);
}

/// The token of the first personal join link in a text.
fn join_token(text: &str) -> Option<String> {
    let start = text.find("/j/")? + 3;
    Some(
        text[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect(),
    )
}

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn follow(app: &TestApp, path: &str) -> (u16, Option<String>, String) {
    let resp = no_redirects().get(app.url(path)).send().await.unwrap();
    let status = resp.status().as_u16();
    let location = resp
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned());
    (status, location, resp.text().await.unwrap())
}

#[tokio::test]
async fn a_personal_join_link_forwards_to_the_meeting_counts_joins_and_refuses_those_without_a_seat()
 {
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let org = app
        .organization_with_user("JOIN", UserRole::Organizer)
        .await;
    let mut event = running("join-online", "online");
    event["capacity"] = json!(1);
    event["waitlist_enabled"] = json!(true);
    create(&app, &org, event).await;
    let event_id = store::events::by_slug(&app.db, "join-online")
        .await
        .unwrap()
        .unwrap()
        .id;

    let (status, reg) = app
        .register(
            "join-online",
            company_registration(&corporate_number(70_001), &["a@join.example.jp"]),
        )
        .await;
    assert_eq!((status, reg["status"].as_str()), (201, Some("confirmed")));
    let a = reg["attendees"][0]["id"].as_i64().unwrap();
    let manage = reg["manage_token"].as_str().unwrap().to_owned();
    let (status, waiting) = app
        .register(
            "join-online",
            company_registration(&corporate_number(70_002), &["b@join.example.jp"]),
        )
        .await;
    assert_eq!(
        (status, waiting["status"].as_str()),
        (201, Some("waitlisted"))
    );
    let b = waiting["attendees"][0]["id"].as_i64().unwrap();

    deliver_due(&app.db, &mailer, Utc::now()).await.unwrap();
    let messages: Vec<_> = smtp.messages();
    let to = |raw: &Vec<u8>| {
        MessageParser::default()
            .parse(raw)
            .unwrap()
            .to()
            .unwrap()
            .first()
            .unwrap()
            .address()
            .unwrap()
            .to_owned()
    };
    let contact_a = format!("contact-{}@example.co.jp", corporate_number(70_001));
    let contact_b = format!("contact-{}@example.co.jp", corporate_number(70_002));
    let raw = messages.iter().find(|m| to(m) == contact_a).unwrap();
    let message = MessageParser::default().parse(raw).unwrap();
    let text = message.body_text(0).unwrap().to_string();
    let html = message.body_html(0).unwrap().to_string();
    // The contact's confirmation: the attendee's personal link, never the meeting URL.
    let token = join_token(&text).unwrap_or_else(|| panic!("a join link in {text}"));
    assert!(
        text.contains(&format!(
            "参加用URL: {}/j/{token}",
            app.settings.server.public_url.trim_end_matches('/')
        )),
        "{text}"
    );
    assert!(!text.contains(MEETING) && !html.contains(MEETING), "{text}");
    assert!(html.contains(&token), "{html}");
    // The invitation: the personal link where the meeting link stood.
    let ics = message
        .attachments()
        .find(|p| p.attachment_name() == Some("invite.ics"))
        .map(|p| String::from_utf8(p.contents().to_vec()).unwrap())
        .expect("invite.ics");
    let unfolded = icalendar::parser::unfold(&ics).to_string();
    icalendar::parser::read_calendar(&unfolded).expect("parsable calendar");
    assert!(unfolded.contains(&format!("/j/{token}")), "{unfolded}");
    assert!(!unfolded.contains("meet.example.jp"), "{unfolded}");
    // The attendee's own copy carries the same link.
    let copy = messages
        .iter()
        .find(|m| to(m) == "a@join.example.jp")
        .expect("the attendee's copy");
    let copy = MessageParser::default().parse(copy).unwrap();
    let copy_text = copy.body_text(0).unwrap();
    assert_eq!(join_token(&copy_text).as_deref(), Some(token.as_str()));
    assert!(!copy_text.contains(MEETING));
    // Waiting for a seat: no link of any kind.
    let raw = messages.iter().find(|m| to(m) == contact_b).unwrap();
    let waiting_text = MessageParser::default()
        .parse(raw)
        .unwrap()
        .body_text(0)
        .unwrap()
        .to_string();
    assert!(join_token(&waiting_text).is_none() && !waiting_text.contains("meet.example.jp"));

    // Following the link: 303 to the meeting, the join recorded; a second join counts again.
    let (status, location, _) = follow(&app, &format!("/j/{token}")).await;
    assert_eq!((status, location.as_deref()), (303, Some(MEETING)));
    let joins = store::online_joins::for_event(&app.db, event_id)
        .await
        .unwrap();
    let first = joins[&a];
    assert_eq!(first.count, 1);
    assert_eq!(first.first, first.last);
    let (status, _, _) = follow(&app, &format!("/j/{token}")).await;
    assert_eq!(status, 303);
    let again = store::online_joins::for_event(&app.db, event_id)
        .await
        .unwrap()[&a];
    assert_eq!((again.count, again.first), (2, first.first));
    assert!(again.last >= first.last);

    // The manage page and its calendar file give the personal link, not the meeting URL.
    let (status, page) = app.get_html(&format!("/r/{manage}"), None).await;
    assert_eq!(status, 200);
    let page = page.replace("&#x2f;", "/");
    assert!(page.contains(&format!("/j/{token}")) && !page.contains("meet.example.jp"));
    let (status, download) = app
        .get_html(&format!("/r/{manage}/calendar.ics"), None)
        .await;
    assert_eq!(status, 200);
    let download = icalendar::parser::unfold(&download).to_string();
    assert!(download.contains(&format!("/j/{token}")) && !download.contains("meet.example.jp"));
    // The public page never shows the meeting URL.
    let (_, public) = app.get_html("/events/join-online", None).await;
    assert!(!public.contains("meet.example.jp"));

    // A waitlisted attendee's link (made with the same key) refuses, in the reader's language.
    let links = ManageLinks::new(&app.link_key);
    let waiting_link = format!("/j/{}", links.join_token(b));
    for (lang, words) in [
        ("ja", "まだ確定していません"),
        ("en", "is not confirmed"),
        ("ja-x-easy", "まだ 決まって いません"),
    ] {
        let (status, location, body) = follow(&app, &format!("{waiting_link}?lang={lang}")).await;
        assert_eq!((status, location), (403, None), "{lang}");
        assert!(body.contains(words), "{lang}: {body}");
        assert!(!body.contains("meet.example.jp"));
    }
    let joins = store::online_joins::for_event(&app.db, event_id)
        .await
        .unwrap();
    assert!(!joins.contains_key(&b), "a refused link records nothing");

    // A tampered link, or the attendee's check-in code in its place, is nobody's.
    let mut tampered = token.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == '0' { '1' } else { '0' });
    for bad in [
        tampered,
        links.checkin_token(a),
        "j1-zz".to_owned(),
        "%00".to_owned(),
        "%0Aj1-00".to_owned(),
        "j".repeat(10_000),
        "%F0%9F%98%80".to_owned(),
    ] {
        let (status, location, body) = follow(&app, &format!("/j/{bad}?lang=en")).await;
        assert_eq!((status, location), (404, None), "{bad}");
        assert!(!body.contains("meet.example.jp"));
    }

    // Cancelled: the link refuses and the join count stays.
    let (status, _) = app
        .api("DELETE", &format!("/registrations/{manage}"), None, None)
        .await;
    assert_eq!(status, 200);
    let (status, location, body) = follow(&app, &format!("/j/{token}?lang=en")).await;
    assert_eq!((status, location), (403, None));
    assert!(
        body.contains("was cancelled") && !body.contains("meet.example.jp"),
        "{body}"
    );
    let after = store::online_joins::for_event(&app.db, event_id)
        .await
        .unwrap()[&a];
    assert_eq!(after.count, 2);
}

#[tokio::test]
async fn a_join_long_before_the_start_forwards_but_is_not_attendance() {
    let app = TestApp::spawn().await;
    let org = app
        .organization_with_user("LATER", UserRole::Organizer)
        .await;
    let mut event = seminar("join-later");
    event["per_company_limit"] = json!(null);
    create(&app, &org, event).await;
    let (status, reg) = app
        .register(
            "join-later",
            company_registration(&corporate_number(70_101), &["c@join.example.jp"]),
        )
        .await;
    assert_eq!(status, 201);
    let c = reg["attendees"][0]["id"].as_i64().unwrap();
    let token = ManageLinks::new(&app.link_key).join_token(c);
    // A mail scanner's visit the day the email arrives: forwarded, not counted.
    let (status, location, _) = follow(&app, &format!("/j/{token}")).await;
    assert_eq!((status, location.as_deref()), (303, Some(MEETING)));
    let event = store::events::by_slug(&app.db, "join-later")
        .await
        .unwrap()
        .unwrap();
    assert!(
        store::online_joins::for_event(&app.db, event.id)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn the_event_report_counts_attended_on_site_online_and_either() {
    let app = TestApp::spawn().await;
    let org = app.organization_with_user("HYB", UserRole::Organizer).await;
    create(&app, &org, running("join-hybrid", "hybrid")).await;
    let emails = [
        "door@join.example.jp",
        "online@join.example.jp",
        "both@join.example.jp",
        "neither@join.example.jp",
    ];
    let (status, reg) = app
        .register(
            "join-hybrid",
            company_registration(&corporate_number(70_201), &emails),
        )
        .await;
    assert_eq!(status, 201, "{reg}");
    let id = |i: usize| reg["attendees"][i]["id"].as_i64().unwrap();
    let (door_only, online_only, both) = (id(0), id(1), id(2));

    let door = app.signed_in("HYB", UserRole::CheckinStaff).await;
    for attendee in [door_only, both] {
        let (status, _, _) = door
            .post(
                "/admin/events/join-hybrid/checkin?q=x",
                &format!("/admin/events/join-hybrid/checkin/{attendee}"),
                &[],
            )
            .await;
        assert_eq!(status, 303);
    }
    let links = ManageLinks::new(&app.link_key);
    for attendee in [online_only, both] {
        let (status, location, _) =
            follow(&app, &format!("/j/{}", links.join_token(attendee))).await;
        assert_eq!((status, location.as_deref()), (303, Some(MEETING)));
    }

    // The rows themselves: two checked in, two joined online, one of them both.
    let event = store::events::by_slug(&app.db, "join-hybrid")
        .await
        .unwrap()
        .unwrap();
    let (rows, _) = store::roster::page(&app.db, event.id, &Default::default(), 10, 0)
        .await
        .unwrap();
    let on_site = rows.iter().filter(|r| r.checked_in_at.is_some()).count();
    let online = rows.iter().filter(|r| r.joined_online_at.is_some()).count();
    let either = rows
        .iter()
        .filter(|r| r.checked_in_at.is_some() || r.joined_online_at.is_some())
        .count();
    assert_eq!((rows.len(), on_site, online, either), (4, 2, 2, 3));

    let organizer = app.signed_in("HYB", UserRole::Organizer).await;
    let (status, page) = organizer.get("/admin/events/join-hybrid/report").await;
    assert_eq!(status, 200);
    for (id, value) in [
        ("attended-on-site", "2"),
        ("attended-online", "2"),
        ("attended", "3"),
        ("attendance-rate", "75.0%"),
    ] {
        assert!(
            page.contains(&format!("id=\"{id}\">{value}<")),
            "{id} = {value}: {page}"
        );
    }
    let (_, en) = organizer
        .get("/admin/events/join-hybrid/report?lang=en")
        .await;
    assert!(en.contains("Attended online") && en.contains("Attended on site"));

    // The roster marks online joins; its CSV has the column, filled for those who joined.
    let (_, roster) = organizer.get("/admin/events/join-hybrid/roster").await;
    assert_eq!(
        roster.matches("class=\"tag joined-online\"").count(),
        2,
        "{roster}"
    );
    let csv = organizer
        .client
        .get(app.url("/admin/events/join-hybrid/roster.csv?lang=en"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let mut reader = csv::Reader::from_reader(&csv[3..]);
    let headers = reader.headers().unwrap().clone();
    let column = headers
        .iter()
        .position(|h| h == "Joined online")
        .expect("a joined-online column");
    let email = headers.iter().position(|h| h == "Email").unwrap();
    let joined: Vec<String> = reader
        .records()
        .map(Result::unwrap)
        .filter(|r| !r[column].is_empty())
        .map(|r| r[email].to_owned())
        .collect();
    assert_eq!(joined, ["online@join.example.jp", "both@join.example.jp"]);

    // The event report CSV has the attendance section.
    let report = organizer
        .client
        .get(app.url("/admin/events/join-hybrid/report.csv?lang=en"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        report.contains("Attendance,Attended (on site or online),3"),
        "{report}"
    );

    // The fiscal year: attended online and attended (either) by area, the rate from either.
    let fy = uketsuke::domain::FiscalYear::of(event.spec.starts_at);
    let bytes = organizer
        .client
        .get(app.url(&format!("/admin/reports.csv?year={}&lang=en", fy.year())))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (checked, online, attended, rate) = (
        at("Checked in"),
        at("Attended online"),
        at("Attended (on site or online)"),
        at("Attendance rate"),
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let total = rows
        .iter()
        .find(|r| r.len() > rate && r[attended] == *"3")
        .expect("a row with three attended");
    assert_eq!(
        (&total[checked], &total[online], &total[rate]),
        ("2", "2", "75.0%")
    );

    // After the event, only the one who neither came to the door nor joined online is a
    // no-show: the three others attended.
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    use uketsuke::store::entities::event as ev;
    ev::Entity::update_many()
        .col_expr(
            ev::Column::StartsAt,
            sea_orm::sea_query::Expr::value(Utc::now() - chrono::Duration::hours(3)),
        )
        .col_expr(
            ev::Column::EndsAt,
            sea_orm::sea_query::Expr::value(Utc::now() - chrono::Duration::hours(1)),
        )
        .filter(ev::Column::Id.eq(event.id))
        .exec(&app.db)
        .await
        .unwrap();
    let (_, page) = organizer.get("/admin/events/join-hybrid/report").await;
    assert!(page.contains(r#"id="no-shows">1<"#), "{page}");
}

#[tokio::test]
async fn the_refusal_page_and_the_manage_pages_join_links_pass_axe_in_every_locale() {
    let app = TestApp::spawn().await;
    let org = app.organization_with_user("AXE", UserRole::Organizer).await;
    create(&app, &org, running("join-axe", "online")).await;
    let (status, reg) = app
        .register(
            "join-axe",
            company_registration(
                &corporate_number(70_301),
                &["x@join.example.jp", "y@join.example.jp"],
            ),
        )
        .await;
    assert_eq!(status, 201, "{reg}");
    let manage = reg["manage_token"].as_str().unwrap();
    let Some(browser) = crate::chromium::Chromium::start(&app.base_url, "ja").await else {
        return;
    };
    let unknown = "/j/j1-00000000000000000000000000000000";
    for lang in ["ja", "ja-x-easy", "en"] {
        for path in [
            format!("{unknown}?lang={lang}"),
            format!("/r/{manage}?lang={lang}"),
        ] {
            browser.goto(&path).await;
            let (violations, passes, _) = browser.axe().await;
            assert!(
                violations.is_empty() && passes > 0,
                "{path}: {violations:?}"
            );
        }
    }
    browser.close().await;
}
