//! Campaigns (Smooth-Biz): a company joins by declaring its actions, the employees they cover
//! and its days; no seats, no attendees. It gets a participation email without an invitation,
//! may be listed publicly, and the organizer sees totals by action, industry and size.
use crate::helpers::{TestApp, company_registration, corporate_number, hidden, jst_in_days};
use crate::smtp::SmtpReceiver;
use crate::web_registration::{browser, company_form, get, post};
use mail_parser::{MessageParser, MimeHeaders};
use serde_json::{Value, json};
use uketsuke::domain::UserRole;

fn joining(n: u64, actions: &[&str], employees: u32, listed: bool) -> Value {
    let mut body = company_registration(&corporate_number(n), &[]);
    body.as_object_mut().unwrap().remove("attendees");
    body["campaign"] = json!({"actions": actions, "employees": employees, "listed": listed});
    body
}

#[tokio::test]
async fn companies_join_a_campaign_and_the_organizer_sees_the_totals() {
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let token = app
        .organization_with_user("SMOOTH", UserRole::Organizer)
        .await;
    let backer = app.organization_with_user("BACKER", UserRole::Admin).await;
    let event = json!({
        "slug": "smooth-biz-test", "title_ja": "スムーズビズ 集中取組期間", "title_en": "Smooth-Biz",
        "description_ja": "テレワークや時差Bizに一斉に取り組みます。", "description_en": "Telework together.",
        "programme_area": "smooth_biz", "kind": "campaign", "format": "online",
        "starts_at": jst_in_days(10, 0), "ends_at": jst_in_days(40, 0), "languages": ["ja", "en"]
    });
    let (status, body) = app.api("POST", "/events", Some(&token), Some(event)).await;
    assert_eq!(status, 201, "{body}");
    app.api(
        "POST",
        "/events/smooth-biz-test/publish",
        Some(&token),
        None,
    )
    .await;
    let invite = json!({"organization": "BACKER", "role": "backing"});
    app.api(
        "POST",
        "/events/smooth-biz-test/partners",
        Some(&token),
        Some(invite),
    )
    .await;
    app.api(
        "POST",
        "/events/smooth-biz-test/partners/BACKER/approve",
        Some(&backer),
        None,
    )
    .await;
    // The request and its answer went to staff; what follows counts the companies' mail.
    uketsuke::mail::worker::deliver_due(&app.db, &mailer, chrono::Utc::now())
        .await
        .unwrap();
    let to_staff = smtp.messages().len();

    // Refusals, each on its field.
    let mut no_actions = joining(91_001, &[], 10, false);
    no_actions["campaign"]["actions"] = json!([]);
    let (status, body) = app.register("smooth-biz-test", no_actions).await;
    assert_eq!(
        (status, body["fields"][0]["field"].as_str()),
        (422, Some("campaign.actions"))
    );
    let with_people = company_registration(&corporate_number(91_001), &["p@x.jp"]);
    let mut with_people = with_people;
    with_people["campaign"] = json!({"actions": ["telework"], "employees": 5});
    let (status, body) = app.register("smooth-biz-test", with_people).await;
    assert_eq!(
        (status, body["fields"][0]["code"].as_str()),
        (422, Some("not_for_campaign"))
    );
    let mut early = joining(91_001, &["telework"], 10, false);
    early["campaign"]["from"] = json!("2000-01-01");
    let (status, body) = app.register("smooth-biz-test", early).await;
    assert_eq!(
        (status, body["fields"][0]["code"].as_str()),
        (422, Some("outside_period"))
    );

    let (status, a) = app
        .register(
            "smooth-biz-test",
            joining(91_001, &["telework", "staggered_commuting"], 120, true),
        )
        .await;
    assert_eq!(status, 201, "{a}");
    // A campaign entry is joined, not "confirmed", and has no seats to count.
    assert_eq!(
        (a["shape"].as_str(), a["status"].as_str(), a.get("seats")),
        (Some("campaign_entry"), Some("joined"), None)
    );
    assert_eq!(a["campaign"]["employees"], 120);
    let mut b = joining(91_002, &["telework"], 30, false);
    b["company"]["industry"] = json!("retail");
    b["company"]["name"] = json!("株式会社ひみつ商店");
    assert_eq!(app.register("smooth-biz-test", b.clone()).await.0, 201);
    // The same company twice: refused on its corporate number.
    let (status, body) = app.register("smooth-biz-test", b).await;
    assert_eq!(
        (status, body["fields"][0]["code"].as_str()),
        (422, Some("campaign_joined"))
    );

    // The email says what was joined, with no invitation to a calendar.
    uketsuke::mail::worker::deliver_due(&app.db, &mailer, chrono::Utc::now())
        .await
        .unwrap();
    let raw = smtp.messages().split_off(to_staff);
    assert_eq!(raw.len(), 2, "one per company, no attendee copies");
    let m = MessageParser::default().parse(&raw[0]).unwrap();
    assert!(
        m.subject().unwrap().starts_with("【参加登録完了】"),
        "{:?}",
        m.subject()
    );
    let text = m.body_text(0).unwrap();
    assert!(
        text.contains("テレワーク、時差Biz（時差出勤）") && text.contains("120名"),
        "{text}"
    );
    assert!(
        m.attachments()
            .all(|x| x.attachment_name() != Some("invite.ics"))
    );

    // Listed publicly only with consent.
    let (status, page) = app
        .get_html("/events/smooth-biz-test/participants", None)
        .await;
    assert_eq!(status, 200);
    assert!(
        page.contains("株式会社テスト商事") && !page.contains("ひみつ商店"),
        "{page}"
    );
    assert_eq!(
        app.get_html("/events/not-a-campaign/participants", None)
            .await
            .0,
        404
    );

    // The organizer's totals and export.
    let organizer = app.signed_in("SMOOTH", UserRole::Organizer).await;
    let (status, page) = organizer
        .get("/admin/events/smooth-biz-test/campaign")
        .await;
    assert_eq!(status, 200);
    assert!(
        page.contains("<dd>2</dd>") && page.contains("<dd>150</dd>"),
        "{page}"
    );
    assert!(
        page.contains("<td>テレワーク</td><td>2</td><td>150</td>"),
        "{page}"
    );
    assert!(
        page.contains("ひみつ商店"),
        "the organizer sees every participant"
    );
    let csv = organizer
        .client
        .get(app.url("/admin/events/smooth-biz-test/campaign.csv"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.contains("時差Biz") && text.contains(",120,"));
    // The fiscal year's report counts the employees covered.
    let fy = uketsuke::store::events::by_slug(&app.db, "smooth-biz-test")
        .await
        .unwrap()
        .unwrap()
        .spec
        .fiscal_year()
        .year();
    let (_, year) = organizer
        .get(&format!("/admin/reports.csv?year={fy}"))
        .await;
    let total = year.lines().last().unwrap().to_owned();
    assert!(
        total.starts_with("合計") && total.ends_with(",150"),
        "{year}"
    );
    // A backer sees the totals but not who.
    let b = app.signed_in("BACKER", UserRole::Admin).await;
    let (status, page) = b.get("/admin/events/smooth-biz-test/campaign").await;
    assert_eq!(status, 200);
    assert!(page.contains("<dd>150</dd>") && !page.contains("ひみつ商店"));
    assert_eq!(
        b.get("/admin/events/smooth-biz-test/campaign.csv").await.0,
        403
    );
    // Reading the entries on screen is logged as the export is; the backer read none.
    let event = uketsuke::store::events::by_slug(&app.db, "smooth-biz-test")
        .await
        .unwrap()
        .unwrap();
    let views: Vec<_> = uketsuke::store::audit::of_event(&app.db, event.id)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.action == "roster_view" && r.detail.as_deref() == Some("campaign"))
        .collect();
    assert_eq!(views.len(), 1, "{views:?}");
    assert_eq!(views[0].records, 2);
}

#[tokio::test]
async fn the_campaign_form_asks_for_actions_not_attendees_and_keeps_what_was_typed() {
    let app = TestApp::spawn().await;
    let token = app
        .organization_with_user("FORMCO", UserRole::Organizer)
        .await;
    let event = json!({
        "slug": "smooth-form", "title_ja": "スムーズビズ", "title_en": "Smooth-Biz",
        "description_ja": "説明", "description_en": "About",
        "programme_area": "smooth_biz", "kind": "campaign", "format": "online",
        "starts_at": jst_in_days(10, 0), "ends_at": jst_in_days(40, 0), "languages": ["ja", "en"]
    });
    app.api("POST", "/events", Some(&token), Some(event)).await;
    app.api("POST", "/events/smooth-form/publish", Some(&token), None)
        .await;
    let (_, page) = app.get_html("/events/smooth-form", None).await;
    assert!(
        page.contains("キャンペーンに参加登録する"),
        "the button says join"
    );
    let hanako = browser("ja");
    let (status, form) = get(&hanako, &app, "/events/smooth-form/register").await;
    assert_eq!(status, 200);
    assert!(form.contains(r#"name="campaign.actions" value="flex_time""#));
    assert!(!form.contains("attendees.0.name"), "no attendee blocks");
    let mut fields = company_form(
        &hidden(&form, "csrf_token"),
        &hidden(&form, "form_token"),
        &corporate_number(92_001),
        &[],
    );
    fields.push(("campaign.actions".into(), "flex_time".into()));
    let (status, html, _) = post(&hanako, &app, "/events/smooth-form/register", &fields).await;
    assert_eq!(status, 422);
    // The summary names the field as the form labels it; the message is the general one.
    assert!(
        html.contains("対象従業員数（名）: 入力してください。")
            && html.contains(r#"id="campaign.employees-error""#),
        "{html}"
    );
    assert!(html.contains(r#"value="flex_time" checked"#), "kept");
    fields.push(("campaign.employees".into(), "８０".into()));
    fields.push(("campaign.listed".into(), "on".into()));
    let (status, _, location) = post(&hanako, &app, "/events/smooth-form/register", &fields).await;
    assert_eq!(status, 303);
    let manage = location.unwrap();
    assert!(manage.starts_with("/r/"));
    let (_, page) = get(&hanako, &app, &manage).await;
    assert!(page.contains("参加内容") && page.contains("80"), "{page}");
    assert!(!page.contains("change-attendees"), "no attendees to change");
    let (_, page) = app.get_html("/events/smooth-form/participants", None).await;
    assert!(page.contains("フレックスタイム"));
}

/// A campaign runs for months: its entry email says the entry was received, with no meeting
/// link (even when the campaign has one, for its kick-off page), no door code and no calendar.
#[tokio::test]
async fn a_campaign_entry_email_has_no_meeting_link_and_no_calendar() {
    let app = TestApp::spawn().await;
    let smtp = SmtpReceiver::start();
    let mailer = app.mailer(smtp.port);
    let token = app
        .organization_with_user("SMOOTH", UserRole::Organizer)
        .await;
    let event = json!({
        "slug": "smooth-entry", "title_ja": "スムーズビズ", "title_en": "Smooth-Biz",
        "description_ja": "一斉に取り組みます。", "description_en": "Together.",
        "programme_area": "smooth_biz", "kind": "campaign", "format": "online",
        "online_url": "https://meet.example.jp/kickoff",
        "starts_at": jst_in_days(10, 0), "ends_at": jst_in_days(40, 0), "languages": ["ja", "en"]
    });
    let (status, body) = app.api("POST", "/events", Some(&token), Some(event)).await;
    assert_eq!(status, 201, "{body}");
    app.api("POST", "/events/smooth-entry/publish", Some(&token), None)
        .await;
    let (status, body) = app
        .register("smooth-entry", joining(91_101, &["telework"], 50, false))
        .await;
    assert_eq!(status, 201, "{body}");
    app.drain(&mailer).await;
    let raw = smtp.messages();
    assert_eq!(raw.len(), 1);
    let m = MessageParser::default().parse(&raw[0]).unwrap();
    assert!(
        m.subject().unwrap().starts_with("【参加登録完了】"),
        "{:?}",
        m.subject()
    );
    let text = m.body_text(0).unwrap();
    let html = m.body_html(0).unwrap();
    assert!(text.contains("参加登録を受け付けました"), "{text}");
    for part in [&text, &html] {
        assert!(!part.contains("meet.example.jp"), "no meeting link: {part}");
        assert!(!part.contains("参加用URL"), "{part}");
        assert!(!part.contains("invite.ics"), "{part}");
    }
    assert!(
        m.attachments()
            .all(|a| a.attachment_name() != Some("invite.ics"))
    );
    assert!(!String::from_utf8_lossy(&raw[0]).contains("text/calendar"));
}
