//! The day and the changes before it: walk-ins added at the door while seats allow, and an
//! organizer moving a registration to another of their events, with what each registrant is
//! told (read back from the real SMTP receiver).
use crate::helpers::{TestApp, company_registration, corporate_number};
use crate::smtp::SmtpReceiver;
use chrono::Utc;
use mail_parser::MessageParser;
use uketsuke::domain::UserRole;
use uketsuke::mail::worker::deliver_due;
use uketsuke::store;

async fn registration_ids(app: &TestApp, slug: &str) -> Vec<(i64, String, bool)> {
    let event = store::events::by_slug(&app.db, slug)
        .await
        .unwrap()
        .unwrap();
    let (rows, _) = store::roster::page(&app.db, event.id, &Default::default(), 100, 0)
        .await
        .unwrap();
    rows.into_iter()
        .map(|r| (r.registration_id, r.email, r.checked_in_at.is_some()))
        .collect()
}

#[tokio::test]
async fn walk_ins_take_free_seats_at_the_door_and_are_checked_in_at_once() {
    let app = TestApp::spawn().await;
    let token = app
        .organization_with_user("WALK", UserRole::Organizer)
        .await;
    app.published_event(&token, "walk-day", Some(2), None, true)
        .await;
    let (status, _) = app
        .register(
            "walk-day",
            company_registration(&corporate_number(71_001), &["booked@kaisha.example.jp"]),
        )
        .await;
    assert_eq!(status, 201);
    let door = app.signed_in("WALK", UserRole::CheckinStaff).await;
    let page = "/admin/events/walk-day/checkin";
    let (status, html) = door.get(page).await;
    assert_eq!(status, 200);
    assert!(html.contains("残り1席"), "{html}");
    let action = "/admin/events/walk-day/walkin";

    // Missing reading and no consent: both said, what was typed stays.
    let (status, html, _) = door
        .post(
            page,
            action,
            &[
                ("name", "飛込 一郎"),
                ("company", "株式会社当日"),
                ("email", "walkin@tojitsu.example.jp"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("利用目的を説明し、同意を得たら"), "{html}");
    assert!(html.contains(r#"id="walk-kana-error""#));
    assert!(html.contains(r#"value="飛込 一郎""#) && html.contains("株式会社当日"));

    // Someone registered already is found by name, not sold a second seat.
    let (status, html, _) = door
        .post(
            page,
            action,
            &[
                ("name", "予約 済子"),
                ("kana", "ヨヤク スミコ"),
                ("company", "株式会社予約"),
                ("email", "Booked@kaisha.example.jp"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("既に申し込まれています"), "{html}");

    let walk_in = [
        ("name", "飛込 一郎"),
        ("kana", "とびこみ いちろう"),
        ("company", "株式会社当日"),
        ("email", "walkin@tojitsu.example.jp"),
        ("employee_band", "21-50"),
        ("consent", "on"),
    ];
    let before = app.pending_messages().await;
    let (status, _, location) = door.post(page, action, &walk_in).await;
    assert_eq!(status, 303);
    let (_, html) = door.get(&location.unwrap()).await;
    assert!(html.contains("飛込 一郎 様を受付しました。"), "{html}");
    assert_eq!(app.seats_taken("walk-day").await, 2);
    assert_eq!(app.pending_messages().await, before, "no email at the door");
    let rows = registration_ids(&app, "walk-day").await;
    let (id, _, checked_in) = rows
        .iter()
        .find(|(_, e, _)| e == "walkin@tojitsu.example.jp")
        .unwrap()
        .clone();
    assert!(checked_in);
    let stored = store::registrations::by_id(&app.db, id)
        .await
        .unwrap()
        .unwrap()
        .registration;
    assert_eq!(
        stored
            .company
            .as_ref()
            .map(|c| (c.name.as_str(), c.employee_band.map(|b| b.code()))),
        Some(("株式会社当日", Some("21-50")))
    );
    let event = store::events::by_slug(&app.db, "walk-day")
        .await
        .unwrap()
        .unwrap();
    let actions: Vec<String> = store::audit::of_organization(&app.db, event.organizer_id, 50)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.action)
        .collect();
    assert!(actions.contains(&"walk_in".to_owned()), "{actions:?}");
    // The roster says how they came, and filters on it.
    let organizer = app.signed_in("WALK", UserRole::Organizer).await;
    let (_, roster) = organizer
        .get("/admin/events/walk-day/roster?via=walk_in")
        .await;
    assert!(roster.contains("飛込 一郎") && roster.contains("当日参加"));
    assert!(!roster.contains("booked@kaisha.example.jp"));

    // Full now: the form says so and takes nobody.
    let (_, html) = door.get(page).await;
    assert!(html.contains("残り0席") && html.contains("空席のあるイベントのみ"));
    let mut second = walk_in;
    second[3] = ("email", "second@tojitsu.example.jp");
    let (status, html, _) = door.post(page, action, &second).await;
    assert_eq!(status, 422);
    assert!(html.contains("満席のため"), "{html}");
    assert_eq!(app.seats_taken("walk-day").await, 2);

    // The form in English.
    let (status, html, _) = door
        .post(
            &format!("{page}?lang=en"),
            &format!("{action}?lang=en"),
            &[],
        )
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("Explain the purpose of use"), "{html}");

    // A viewer may not add anyone; another organization's staff see nothing.
    for (org, role) in [("WALK", UserRole::Viewer), ("OTHER", UserRole::Admin)] {
        if org == "OTHER" {
            app.organization_with_user(org, role).await;
        }
        let b = app.signed_in(org, role).await;
        let (status, _, _) = b.post("/admin", action, &second).await;
        assert_eq!(status, 403, "{org} {role:?}");
    }
}

#[tokio::test]
async fn organizers_move_a_registration_to_another_of_their_events() {
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let token = app
        .organization_with_user("MOVE", UserRole::Organizer)
        .await;
    app.published_event(&token, "move-from", Some(10), None, true)
        .await;
    app.published_event(&token, "move-to", Some(2), None, false)
        .await;
    // A declaration scheme of the same organizer: seats cannot become a declaration.
    let scheme = serde_json::json!({
        "slug": "move-declare", "title_ja": "実践企業宣言", "title_en": "Declaration",
        "description_ja": "宣言", "description_en": "Declare",
        "programme_area": "telework", "kind": "declaration", "format": "online",
        "starts_at": crate::helpers::jst_in_days(1, 0), "ends_at": crate::helpers::jst_in_days(120, 0),
        "languages": ["ja", "en"]
    });
    let (status, body) = app.api("POST", "/events", Some(&token), Some(scheme)).await;
    assert_eq!(status, 201, "{body}");
    app.api("POST", "/events/move-declare/publish", Some(&token), None)
        .await;
    let other = app
        .organization_with_user("ELSE", UserRole::Organizer)
        .await;
    app.published_event(&other, "not-ours", Some(10), None, true)
        .await;

    let (_, r1) = app
        .register(
            "move-from",
            company_registration(&corporate_number(72_001), &["a1@x.jp", "a2@x.jp"]),
        )
        .await;
    let r1 = r1["id"].as_i64().unwrap();
    let (_, r2) = app
        .register(
            "move-from",
            company_registration(&corporate_number(72_002), &["both@y.jp"]),
        )
        .await;
    let r2 = r2["id"].as_i64().unwrap();
    let (_, r3) = app
        .register(
            "move-to",
            company_registration(&corporate_number(72_003), &["both@y.jp"]),
        )
        .await;
    let r3 = r3["id"].as_i64().unwrap();
    deliver_due(&app.db, &mailer, Utc::now()).await.unwrap();
    let delivered_before = smtp.messages().len();

    let organizer = app.signed_in("MOVE", UserRole::Organizer).await;
    let detail = |id: i64| format!("/admin/events/move-from/registrations/{id}");
    let act = |id: i64| format!("/admin/events/move-from/registrations/{id}/move");
    let (status, html) = organizer.get(&detail(r1)).await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains(r#"value="move-to""#),
        "the other event is offered: {html}"
    );
    assert!(
        !html.contains("not-ours"),
        "another organization's event is not"
    );

    // Someone already registered there, no room for two, someone else's event: refused,
    // each on the field, nothing changed.
    for (id, to, says) in [
        (r2, "move-to", "振替先に既に申し込まれています"),
        (r1, "move-to", "満席です"),
        (r1, "not-ours", "自分の団体のイベントから"),
        (
            r1,
            "move-declare",
            "申込の種類または対象が違うため、移せません",
        ),
        (r1, "", "振替先のイベントを選んでください"),
    ] {
        let (status, html, _) = organizer.post(&detail(id), &act(id), &[("to", to)]).await;
        assert_eq!(status, 422, "{to}");
        assert!(html.contains(says), "{to}: {html}");
    }
    assert_eq!(app.seats_taken("move-from").await, 3);
    assert_eq!(app.seats_taken("move-to").await, 1);

    // Room is made; the move goes through in one step.
    store::registrations::by_id(&app.db, r3)
        .await
        .unwrap()
        .unwrap();
    let (status, _, _) = organizer
        .post(
            "/admin/events/move-to/roster",
            &format!("/admin/events/move-to/registrations/{r3}/cancel"),
            &[("confirm", "on"), ("back", "")],
        )
        .await;
    assert_eq!(status, 303);
    let (status, _, location) = organizer
        .post(&detail(r1), &act(r1), &[("to", "move-to")])
        .await;
    assert_eq!(status, 303);
    let location = location.unwrap();
    assert!(
        location.starts_with("/admin/events/move-to/registrations/"),
        "{location}"
    );
    let (_, html) = organizer.get(&location).await;
    assert!(
        html.contains("a1@x.jp") && html.contains("a2@x.jp"),
        "{html}"
    );
    assert_eq!(app.seats_taken("move-from").await, 1);
    assert_eq!(app.seats_taken("move-to").await, 2);
    let old = store::registrations::by_id(&app.db, r1)
        .await
        .unwrap()
        .unwrap()
        .registration;
    assert_eq!(old.participation.state_code(), "cancelled");
    let moved: Vec<_> = registration_ids(&app, "move-to")
        .await
        .into_iter()
        .filter(|(_, e, _)| e.starts_with('a'))
        .collect();
    assert_eq!(moved.len(), 2);

    // The contact hears both: the move here (with the calendar entry withdrawn), and the
    // confirmation there (with its invitation and its own manage link).
    deliver_due(&app.db, &mailer, Utc::now()).await.unwrap();
    let raw = smtp.messages();
    let new: Vec<_> = raw[delivered_before..]
        .iter()
        .map(|m| MessageParser::default().parse(m).unwrap())
        .filter(|m| {
            m.to().unwrap().first().unwrap().address().unwrap()
                == format!("contact-{}@example.co.jp", corporate_number(72_001))
        })
        .collect();
    let subjects: Vec<&str> = new.iter().map(|m| m.subject().unwrap()).collect();
    assert!(
        subjects.iter().any(|s| s.starts_with("【お申込み振替】")),
        "{subjects:?}"
    );
    assert!(
        subjects.iter().any(|s| s.starts_with("【参加確定】")),
        "{subjects:?}"
    );
    let notice = new
        .iter()
        .find(|m| m.subject().unwrap().starts_with("【お申込み振替】"))
        .unwrap();
    assert!(notice.body_text(0).unwrap().contains("振り替えました"));
    let cal = |m: &mail_parser::Message<'_>| {
        m.attachments()
            .find_map(|a| {
                std::str::from_utf8(a.contents())
                    .ok()
                    .filter(|t| t.contains("METHOD:"))
                    .map(str::to_owned)
            })
            .unwrap_or_default()
    };
    assert!(cal(notice).contains("METHOD:CANCEL"));
    let confirmed = new
        .iter()
        .find(|m| m.subject().unwrap().starts_with("【参加確定】"))
        .unwrap();
    assert!(cal(confirmed).contains("METHOD:REQUEST"));
    assert!(cal(confirmed).contains("event-move-to@"));

    // Viewers cannot move anything.
    let viewer = app.signed_in("MOVE", UserRole::Viewer).await;
    let (status, _, _) = viewer
        .post(&detail(r2), &act(r2), &[("to", "move-to")])
        .await;
    assert_eq!(status, 403);
}
