//! Each programme its own shape (issue 15): a campaign entry and a declaration are not seats
//! at a meeting, a declaration under review is not confirmed, an approved one is not approved
//! twice, and the back office offers only what the shape has.
use crate::helpers::{TestApp, company_registration, corporate_number, jst_in_days};
use serde_json::{Value, json};
use uketsuke::domain::UserRole;

async fn create(app: &TestApp, token: &str, body: Value) {
    let slug = body["slug"].as_str().unwrap().to_owned();
    let (status, created) = app.api("POST", "/events", Some(token), Some(body)).await;
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

fn company_only(n: u64) -> Value {
    let mut body = company_registration(&corporate_number(n), &[]);
    body.as_object_mut().unwrap().remove("attendees");
    body
}

fn token_of(body: &Value) -> String {
    body["manage_token"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn campaigns_and_declarations_are_neither_seats_nor_meetings() {
    let app = TestApp::spawn().await;
    let token = app
        .organization_with_user("SHAPE", UserRole::Organizer)
        .await;
    create(
        &app,
        &token,
        json!({
            "slug": "shape-campaign", "title_ja": "スムーズビズ", "title_en": "Smooth-Biz",
            "description_ja": "一斉に取り組みます。", "description_en": "Together.",
            "programme_area": "smooth_biz", "kind": "campaign", "format": "online",
            "starts_at": jst_in_days(10, 0), "ends_at": jst_in_days(80, 0), "languages": ["ja", "en"]
        }),
    )
    .await;
    create(
        &app,
        &token,
        json!({
            "slug": "shape-declare", "title_ja": "実践企業宣言", "title_en": "Declaration",
            "description_ja": "宣言してください。", "description_en": "Declare.",
            "programme_area": "telework", "kind": "declaration", "format": "online",
            "starts_at": jst_in_days(1, 0), "ends_at": jst_in_days(120, 0), "languages": ["ja", "en"]
        }),
    )
    .await;

    // The public page of a campaign: no seats, no meeting link to come, no time to convert.
    let (_, page) = app.get_html("/events/shape-campaign", None).await;
    assert!(!page.contains("参加用URL"), "{page}");
    assert!(
        !page.contains("tz-form") && !page.contains("<dt>定員</dt>"),
        "{page}"
    );

    // A campaign entry: its shape and state, no calendar file.
    let mut entry = company_only(15_001);
    entry["campaign"] = json!({"actions": ["telework"], "employees": 12, "listed": false});
    let (status, entry) = app.register("shape-campaign", entry).await;
    assert_eq!(status, 201, "{entry}");
    assert_eq!(
        (entry["shape"].as_str(), entry["status"].as_str()),
        (Some("campaign_entry"), Some("joined"))
    );
    let entry_token = token_of(&entry);
    let (_, manage) = app.get_html(&format!("/r/{entry_token}"), None).await;
    assert!(
        !manage.contains("calendar.ics") && !manage.contains("参加が確定"),
        "{manage}"
    );
    assert_eq!(
        app.get_html(&format!("/r/{entry_token}/calendar.ics"), None)
            .await
            .0,
        404
    );

    // A declaration: under review, not confirmed, on the page and in the API.
    let mut declaring = company_only(15_002);
    declaring["declaration"] = json!({"commitments": ["telework"], "statement": "週2日テレワークします。", "listed": true});
    let (status, declared) = app.register("shape-declare", declaring).await;
    assert_eq!(status, 201, "{declared}");
    assert_eq!(
        (declared["shape"].as_str(), declared["status"].as_str()),
        (Some("declaration"), Some("under_review"))
    );
    let declared_token = token_of(&declared);
    let (_, manage) = app.get_html(&format!("/r/{declared_token}"), None).await;
    assert!(
        !manage.contains("参加確定") && !manage.contains("参加が確定"),
        "{manage}"
    );
    assert!(manage.contains("宣言は審査中です"), "{manage}");
    // The company's own application is withdrawn, not "cancelled" like a seat.
    assert!(
        manage.contains("申込を取り下げる") && !manage.contains("申込全体をキャンセル"),
        "{manage}"
    );
    let (_, api_view) = app
        .api(
            "GET",
            &format!("/registrations/{declared_token}"),
            None,
            None,
        )
        .await;
    assert_eq!(api_view["status"], "under_review", "{api_view}");

    // The organizer approves it once; approving again is refused, and not offered.
    let organizer = app.signed_in("SHAPE", UserRole::Organizer).await;
    let list = "/admin/events/shape-declare/declarations";
    let id = declared["id"].as_i64().unwrap();
    let approve = format!("{list}/{id}/approve");
    assert_eq!(organizer.post(list, &approve, &[]).await.0, 303);
    let (status, _, _) = organizer.post(list, &approve, &[]).await;
    assert_eq!(status, 409, "an approved declaration is not approved twice");
    let (_, html) = organizer.get(list).await;
    assert!(!html.contains(&approve), "{html}");
    assert!(
        html.contains(&format!("{list}/{id}/return")),
        "it can still be returned"
    );
    let (_, api_view) = app
        .api(
            "GET",
            &format!("/registrations/{declared_token}"),
            None,
            None,
        )
        .await;
    assert_eq!(api_view["status"], "approved", "{api_view}");

    // The back office of a campaign or a declaration scheme: no seats, no door, no sign-in
    // sheet, no sessions.
    for slug in ["shape-campaign", "shape-declare"] {
        let (_, page) = organizer.get(&format!("/admin/events/{slug}")).await;
        for absent in ["参加確定（席）", "/checkin\"", "/sheet\"", "/sessions\""] {
            assert!(!page.contains(absent), "{slug}: {absent}");
        }
    }

    // A seminar registration cannot be moved into the declaration scheme.
    app.published_event(&token, "shape-seminar", Some(10), None, true)
        .await;
    let (_, seat) = app
        .register(
            "shape-seminar",
            company_registration(&corporate_number(15_003), &["s@x.jp"]),
        )
        .await;
    let seat_id = seat["id"].as_i64().unwrap();
    let detail = format!("/admin/events/shape-seminar/registrations/{seat_id}");
    let (status, html, _) = organizer
        .post(
            &detail,
            &format!("{detail}/move"),
            &[("to", "shape-declare")],
        )
        .await;
    assert_eq!(status, 422, "{html}");
    assert_eq!(app.seats_taken("shape-seminar").await, 1, "nothing moved");
}
