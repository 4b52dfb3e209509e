//! Checking in through the API (issue 17): a door device scans the QR code of the confirmation
//! email, or staff pick an attendee by id. Only confirmed attendees; the first time stands;
//! codes and ids of other events are not found; the report counts who arrived.
use crate::helpers::{TestApp, company_registration, corporate_number};
use serde_json::json;
use uketsuke::domain::UserRole;
use uketsuke::services::links::ManageLinks;

#[tokio::test]
async fn a_door_device_checks_attendees_in_by_code_or_id_and_the_report_counts_them() {
    let app = TestApp::spawn().await;
    let token = app
        .organization_with_user("DOOR-API", UserRole::Organizer)
        .await;
    app.published_event(&token, "door-api", Some(2), None, true)
        .await;
    let (status, first) = app
        .register(
            "door-api",
            company_registration(&corporate_number(71_201), &["a@door.jp", "b@door.jp"]),
        )
        .await;
    assert_eq!(status, 201, "{first}");
    let (status, waiting) = app
        .register(
            "door-api",
            company_registration(&corporate_number(71_202), &["c@door.jp"]),
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(waiting["status"], "waitlisted");
    let id = |r: &serde_json::Value, i: usize| r["attendees"][i]["id"].as_i64().unwrap();
    let check_in = |body: serde_json::Value| {
        let app = &app;
        let token = token.clone();
        async move {
            app.api(
                "POST",
                "/events/door-api/check-ins",
                Some(&token),
                Some(body),
            )
            .await
        }
    };

    // By the QR code's text, as a scanner reads it.
    let links = ManageLinks::new(&app.link_key);
    let code = links.checkin_token(id(&first, 0));
    let (status, a) = check_in(json!({"code": code})).await;
    assert_eq!(status, 200, "{a}");
    assert_eq!(a["attendee_id"], id(&first, 0));
    assert!(a["checked_in_at"].as_str().unwrap().ends_with("+09:00"));
    // Again: the first time stands.
    let (_, again) = check_in(json!({"code": code})).await;
    assert_eq!(again["checked_in_at"], a["checked_in_at"]);
    // By id.
    let (status, b) = check_in(json!({"attendee_id": id(&first, 1)})).await;
    assert_eq!(status, 200, "{b}");

    // Someone on the waiting list holds no seat; a tampered code and a stranger's id are
    // not found; one of the two must be given.
    let (status, err) = check_in(json!({"attendee_id": id(&waiting, 0)})).await;
    assert_eq!(
        (status, err["code"].as_str()),
        (409, Some("not_confirmed")),
        "{err}"
    );
    let (status, _) = check_in(json!({"code": code.replacen('k', "x", 1)})).await;
    assert_eq!(status, 404);
    let (status, err) = check_in(json!({})).await;
    assert_eq!(status, 422);
    assert!(err.to_string().contains("attendee_id"), "{err}");
    let (status, _) = check_in(json!({"attendee_id": 9_999_999})).await;
    assert_eq!(status, 404);

    // Another organization cannot check in here.
    let other = app
        .organization_with_user("DOOR-OTHER", UserRole::Organizer)
        .await;
    let (status, _) = app
        .api(
            "POST",
            "/events/door-api/check-ins",
            Some(&other),
            Some(json!({"attendee_id": id(&first, 0)})),
        )
        .await;
    assert!(matches!(status, 403 | 404), "{status}");

    // The report counts the two who arrived, of the two holding seats.
    let organizer = app.signed_in("DOOR-API", UserRole::Organizer).await;
    let (status, report) = organizer.get("/admin/events/door-api/report").await;
    assert_eq!(status, 200);
    let checked_in = report
        .split(r#"<dd id="attended-on-site">"#)
        .nth(1)
        .and_then(|s| s.split("</dd>").next())
        .unwrap_or_else(|| panic!("no on-site count: {report}"));
    assert_eq!(checked_in.trim(), "2");
}
