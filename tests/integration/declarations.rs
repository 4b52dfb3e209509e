//! The declaration registry (「テレワーク東京ルール」実践企業宣言): a company declares once; the
//! organizer approves it or returns it with a note; the company changes it through its link
//! and it is reviewed again; only approved, consenting companies are listed publicly.
use crate::helpers::{TestApp, corporate_number, hidden, jst_in_days};
use crate::smtp::SmtpReceiver;
use crate::web_registration::{browser, company_form, get, post};
use mail_parser::{MessageParser, MimeHeaders};
use serde_json::json;
use uketsuke::domain::UserRole;

#[tokio::test]
async fn a_declaration_is_reviewed_returned_changed_approved_and_listed() {
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let deliver = || async {
        uketsuke::mail::worker::deliver_due(&app.db, &mailer, chrono::Utc::now())
            .await
            .unwrap();
    };
    let token = app
        .organization_with_user("RULE", UserRole::Organizer)
        .await;
    let scheme = json!({
        "slug": "tokyo-rule", "title_ja": "「テレワーク東京ルール」実践企業宣言", "title_en": "Tokyo Telework Rule declaration",
        "description_ja": "宣言してください。", "description_en": "Declare.",
        "programme_area": "telework", "kind": "declaration", "format": "online",
        "starts_at": jst_in_days(1, 0), "ends_at": jst_in_days(120, 0), "languages": ["ja", "en"]
    });
    let (status, body) = app.api("POST", "/events", Some(&token), Some(scheme)).await;
    assert_eq!(status, 201, "{body}");
    app.api("POST", "/events/tokyo-rule/publish", Some(&token), None)
        .await;

    let hanako = browser("ja");
    let (_, form) = get(&hanako, &app, "/events/tokyo-rule/register").await;
    assert!(
        form.contains(r#"name="declaration.commitments" value="paperless""#),
        "{form}"
    );
    let mut fields = company_form(
        &hidden(&form, "csrf_token"),
        &hidden(&form, "form_token"),
        &corporate_number(93_001),
        &[],
    );
    fields.push(("declaration.commitments".into(), "telework".into()));
    let (status, html, _) = post(&hanako, &app, "/events/tokyo-rule/register", &fields).await;
    assert_eq!(status, 422);
    assert!(html.contains(r#"value="telework" checked"#), "kept");
    assert!(html.contains("declaration.statement-error"), "{html}");
    fields.push((
        "declaration.statement".into(),
        "週2日以上のテレワークを全社で実施します。".into(),
    ));
    fields.push(("declaration.listed".into(), "on".into()));
    let (status, _, location) = post(&hanako, &app, "/events/tokyo-rule/register", &fields).await;
    assert_eq!(status, 303);
    let manage = location.unwrap();
    let manage_path = manage.split('?').next().unwrap().to_owned();
    let (_, page) = get(&hanako, &app, &manage).await;
    assert!(page.contains("審査中"), "{page}");
    deliver().await;
    let raw = smtp.messages();
    let first = MessageParser::default().parse(&raw[0]).unwrap();
    assert!(first.subject().unwrap().starts_with("【宣言受付】"));
    assert!(
        first
            .attachments()
            .all(|a| a.attachment_name() != Some("invite.ics"))
    );
    // Not listed while under review.
    let (_, public) = app.get_html("/events/tokyo-rule/participants", None).await;
    assert!(!public.contains("株式会社みらい製作所"));

    // The organizer returns it with a note; a return without one is refused.
    let organizer = app.signed_in("RULE", UserRole::Organizer).await;
    let review = "/admin/events/tokyo-rule/declarations";
    let (status, html) = organizer.get(review).await;
    assert_eq!(status, 200);
    assert!(html.contains("株式会社みらい製作所") && html.contains("審査中"));
    let id = {
        let start = html.find("/declarations/").unwrap() + "/declarations/".len();
        html[start..start + html[start..].find('/').unwrap()].to_owned()
    };
    let (status, html, _) = organizer
        .post(review, &format!("{review}/{id}/return"), &[("note", "")])
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("差し戻す理由"));
    let (status, _, _) = organizer
        .post(
            review,
            &format!("{review}/{id}/return"),
            &[("note", "実施時期を具体的に書いてください。")],
        )
        .await;
    assert_eq!(status, 303);
    deliver().await;
    let raw = smtp.messages();
    let returned = MessageParser::default().parse(raw.last().unwrap()).unwrap();
    assert!(
        returned
            .subject()
            .unwrap()
            .starts_with("【宣言内容の修正のお願い】")
    );
    assert!(
        returned
            .body_text(0)
            .unwrap()
            .contains("実施時期を具体的に書いてください。")
    );
    let (_, page) = get(&hanako, &app, &manage_path).await;
    assert!(
        page.contains("差し戻し") && page.contains("実施時期を具体的に"),
        "{page}"
    );

    // The company changes it; it is under review again.
    let change = vec![
        ("csrf_token".to_owned(), hidden(&page, "csrf_token")),
        ("declaration.commitments".to_owned(), "telework".to_owned()),
        ("declaration.commitments".to_owned(), "paperless".to_owned()),
        (
            "declaration.statement".to_owned(),
            "2027年4月から週2日以上のテレワークを全社で実施します。".to_owned(),
        ),
        ("declaration.listed".to_owned(), "on".to_owned()),
    ];
    let (status, _, _) = post(
        &hanako,
        &app,
        &format!("{manage_path}/declaration"),
        &change,
    )
    .await;
    assert_eq!(status, 303);
    let (_, page) = get(&hanako, &app, &manage_path).await;
    assert!(
        page.contains("審査中") && page.contains("ペーパーレス化"),
        "{page}"
    );

    // Approved: listed publicly, told by email, counted for its fiscal year.
    let (status, _, _) = organizer
        .post(review, &format!("{review}/{id}/approve"), &[])
        .await;
    assert_eq!(status, 303);
    let (_, public) = app.get_html("/events/tokyo-rule/participants", None).await;
    assert!(public.contains("株式会社みらい製作所") && public.contains("ペーパーレス化"));
    deliver().await;
    let raw = smtp.messages();
    let approved = MessageParser::default().parse(raw.last().unwrap()).unwrap();
    assert!(approved.subject().unwrap().starts_with("【宣言承認】"));
    let (_, html) = organizer.get(review).await;
    assert!(
        html.contains("承認件数（年度別）") && html.contains("<dd>1</dd>"),
        "{html}"
    );

    // Once per company; only those who may read the roster see the declarations.
    let (_, form) = get(&hanako, &app, "/events/tokyo-rule/register").await;
    let mut again = company_form(
        &hidden(&form, "csrf_token"),
        &hidden(&form, "form_token"),
        &corporate_number(93_001),
        &[],
    );
    again.push(("declaration.commitments".into(), "satellite".into()));
    again.push(("declaration.statement".into(), "二度目".into()));
    let (status, html, _) = post(&hanako, &app, "/events/tokyo-rule/register", &again).await;
    assert_eq!(status, 422);
    assert!(html.contains("既に参加登録済み"), "{html}");
    let (_, csv) = organizer
        .get("/admin/events/tokyo-rule/declarations.csv")
        .await;
    assert!(
        csv.starts_with('\u{feff}') && csv.contains("承認済み") && csv.contains("ペーパーレス化"),
        "{csv}"
    );
    let (status, report) = organizer.get("/admin/events/tokyo-rule/report").await;
    assert_eq!(status, 200);
    assert!(report.contains("<svg"));
    let viewer = app.signed_in("RULE", UserRole::Viewer).await;
    let (status, html) = viewer.get(review).await;
    assert_eq!(status, 200);
    assert!(!html.contains("/approve"), "a viewer reviews nothing");
    let door = app.signed_in("RULE", UserRole::CheckinStaff).await;
    assert_eq!(door.get(review).await.0, 403);
    let (status, _, _) = viewer
        .post(review, &format!("{review}/{id}/approve"), &[])
        .await;
    assert_eq!(status, 403);
    // Every reading of the declarations on screen is logged, as the export is; the door
    // staff, refused, read nothing.
    let event = uketsuke::store::events::by_slug(&app.db, "tokyo-rule")
        .await
        .unwrap()
        .unwrap();
    let views = uketsuke::store::audit::of_event(&app.db, event.id)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.action == "roster_view" && r.detail.as_deref() == Some("declarations"))
        .count();
    assert!(views >= 3, "{views}");
}

/// The receipt says the declaration is under review — no meeting link, no calendar file, no
/// "confirmed" — and each review message tells the decision it was queued for: approved and
/// then returned before the worker ran, the first still says approved and the second says
/// returned, with its note.
#[tokio::test]
async fn a_review_mail_tells_the_decision_it_announces_not_the_state_at_sending() {
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let token = app
        .organization_with_user("RULE", UserRole::Organizer)
        .await;
    let scheme = json!({
        "slug": "rule-decisions", "title_ja": "実践企業宣言", "title_en": "Declaration",
        "description_ja": "宣言してください。", "description_en": "Declare.",
        "programme_area": "telework", "kind": "declaration", "format": "online",
        "online_url": "https://meet.example.jp/rule-room",
        "starts_at": jst_in_days(1, 0), "ends_at": jst_in_days(120, 0), "languages": ["ja", "en"]
    });
    let (status, body) = app.api("POST", "/events", Some(&token), Some(scheme)).await;
    assert_eq!(status, 201, "{body}");
    app.api("POST", "/events/rule-decisions/publish", Some(&token), None)
        .await;
    let mut body = crate::helpers::company_registration(&corporate_number(93_101), &[]);
    body.as_object_mut().unwrap().remove("attendees");
    body["declaration"] =
        json!({"commitments": ["telework"], "statement": "週2日のテレワークを実施します。"});
    let (status, registered) = app.register("rule-decisions", body).await;
    assert_eq!(status, 201, "{registered}");
    let id = registered["id"].as_i64().unwrap();
    app.drain(&mailer).await;
    let raw = smtp.messages();
    assert_eq!(raw.len(), 1);
    let receipt = MessageParser::default().parse(&raw[0]).unwrap();
    let text = receipt.body_text(0).unwrap();
    let html = receipt.body_html(0).unwrap();
    assert!(receipt.subject().unwrap().starts_with("【宣言受付】"));
    assert!(text.contains("審査中"), "{text}");
    for part in [&text, &html] {
        assert!(
            !part.contains("参加確定") && !part.contains("参加が確定"),
            "{part}"
        );
        assert!(!part.contains("meet.example.jp"), "no meeting link: {part}");
        assert!(!part.contains("invite.ics"), "no calendar sentence: {part}");
    }
    assert!(
        receipt
            .attachments()
            .all(|a| a.attachment_name() != Some("invite.ics"))
    );

    let organizer = app.signed_in("RULE", UserRole::Organizer).await;
    let review = "/admin/events/rule-decisions/declarations";
    organizer.get(review).await;
    let (status, _, _) = organizer
        .post(review, &format!("{review}/{id}/approve"), &[])
        .await;
    assert_eq!(status, 303);
    let (status, _, _) = organizer
        .post(
            review,
            &format!("{review}/{id}/return"),
            &[("note", "実施時期を具体的に書いてください。")],
        )
        .await;
    assert_eq!(status, 303);
    app.drain(&mailer).await;
    let raw = smtp.messages();
    assert_eq!(raw.len(), 3, "a receipt and two decisions");
    let approved = MessageParser::default().parse(&raw[1]).unwrap();
    let returned = MessageParser::default().parse(&raw[2]).unwrap();
    assert!(
        approved.subject().unwrap().starts_with("【宣言承認】"),
        "{:?}",
        approved.subject()
    );
    let text = approved.body_text(0).unwrap();
    assert!(
        text.contains("承認しました") && !text.contains("修正"),
        "{text}"
    );
    assert!(
        returned
            .subject()
            .unwrap()
            .starts_with("【宣言内容の修正のお願い】")
    );
    assert!(
        returned
            .body_text(0)
            .unwrap()
            .contains("実施時期を具体的に書いてください。")
    );

    // A change through the manage link sends it back to review, and the company hears so.
    uketsuke::services::declarations::update(
        &app.db,
        registered["manage_token"].as_str().unwrap(),
        uketsuke::domain::DeclarationInput {
            commitments: vec!["telework".into()],
            other: None,
            statement: Some("2027年4月から週2日のテレワークを実施します。".into()),
            listed: false,
        },
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    app.drain(&mailer).await;
    let raw = smtp.messages();
    let again = MessageParser::default().parse(raw.last().unwrap()).unwrap();
    assert!(again.subject().unwrap().starts_with("【宣言受付】"));
    let text = again.body_text(0).unwrap();
    assert!(
        text.contains("審査中") && text.contains("2027年4月から"),
        "{text}"
    );
    let event = uketsuke::store::events::by_slug(&app.db, "rule-decisions")
        .await
        .unwrap()
        .unwrap();
    let kinds: Vec<String> = uketsuke::store::outbox::for_event(&app.db, event.id, None, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            "declaration_received",
            "declaration_reviewed",
            "declaration_reviewed",
            "declaration_received"
        ],
        "newest first"
    );
}
