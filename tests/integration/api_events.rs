use crate::helpers::{TestApp, jst_in_days, seminar};
use serde_json::json;
use uketsuke::domain::UserRole;

#[tokio::test]
async fn public_list_shows_published_upcoming_events_without_secrets() {
    let (app, _) = TestApp::with_demo().await;
    let (status, body) = app.get_json("/api/v1/events").await;
    assert_eq!(status, 200);
    let events = body["events"].as_array().unwrap();
    assert_eq!(
        body["total"], 14,
        "14 published demo events, the draft hidden"
    );
    assert_eq!(events.len(), 14);
    assert!(events.iter().all(|e| e["status"] == "published"));
    assert!(events.iter().all(|e| e.get("online_url").is_none()));
    assert!(
        !body.to_string().contains("meet.example.jp"),
        "meeting links never public"
    );
    // Soonest first.
    let starts: Vec<&str> = events
        .iter()
        .map(|e| e["starts_at"].as_str().unwrap())
        .collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);

    let (status, expo) = app.get_json("/api/v1/events/lwb-expo").await;
    assert_eq!(status, 200);
    assert_eq!(expo["partner_line_ja"], "主催 東京都 / 後援 東京商工会議所");
    assert_eq!(expo["seats_left"], 1000);
    assert!(
        expo["starts_at"].as_str().unwrap().ends_with("+09:00"),
        "times go out in JST"
    );

    let (status, draft) = app
        .get_json("/api/v1/events/telework-rule-briefing-draft")
        .await;
    assert_eq!((status, draft["code"].as_str()), (404, Some("not_found")));
}

#[tokio::test]
async fn public_list_filters_combine() {
    let (app, _) = TestApp::with_demo().await;
    let slugs = |body: serde_json::Value| -> Vec<String> {
        body["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["slug"].as_str().unwrap().to_owned())
            .collect()
    };
    let (_, body) = app
        .get_json("/api/v1/events?programme_area=sme_talent&format=online")
        .await;
    assert_eq!(slugs(body), ["overseas-online-matching"]);
    let (_, body) = app.get_json("/api/v1/events?kind=campaign").await;
    assert_eq!(slugs(body), ["smooth-biz-summer"]);
    let (_, body) = app.get_json("/api/v1/events?q=EXPO").await;
    assert_eq!(slugs(body), ["lwb-expo"]);
    let (status, body) = app.get_json("/api/v1/events?kind=concert").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("malformed_request"))
    );
    let (status, _) = app.get_json("/api/v1/events?month=2026-13").await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn organizer_creates_publishes_changes_and_cancels_an_event() {
    let (app, tokens) = TestApp::with_demo().await;
    let token = Some(tokens.tmg.as_str());

    let (status, created) = app
        .api(
            "POST",
            "/events",
            token,
            Some(seminar("tokyo-rule-briefing")),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["status"], "draft");
    assert_eq!(created["online_url"], "https://meet.example.jp/secret-room");
    let expected_fy =
        uketsuke::domain::FiscalYear::of(chrono::Utc::now() + chrono::Duration::days(14));
    assert_eq!(created["fiscal_year"], i64::from(expected_fy.year()));
    let (status, _) = app.get_json("/api/v1/events/tokyo-rule-briefing").await;
    assert_eq!(status, 404, "a draft is not public");

    let (status, own) = app
        .api("GET", "/organizer/events/tokyo-rule-briefing", token, None)
        .await;
    assert_eq!((status, own["status"].as_str()), (200, Some("draft")));

    let (status, published) = app
        .api("POST", "/events/tokyo-rule-briefing/publish", token, None)
        .await;
    assert_eq!(
        (status, published["status"].as_str()),
        (200, Some("published"))
    );
    let (status, public) = app.get_json("/api/v1/events/tokyo-rule-briefing").await;
    assert_eq!(status, 200);
    assert!(public.get("online_url").is_none());

    // A partial change keeps everything else; null empties an optional field.
    let patch = json!({"title_en": "Tokyo Telework Rule briefing", "capacity": null});
    let (status, changed) = app
        .api("PATCH", "/events/tokyo-rule-briefing", token, Some(patch))
        .await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(changed["title_en"], "Tokyo Telework Rule briefing");
    assert_eq!(changed["title_ja"], "テスト用セミナー");
    assert!(changed["capacity"].is_null());
    assert_eq!(changed["per_company_limit"], 3);

    let (status, cancelled) = app
        .api("POST", "/events/tokyo-rule-briefing/cancel", token, None)
        .await;
    assert_eq!(
        (status, cancelled["status"].as_str()),
        (200, Some("cancelled"))
    );
    let (status, body) = app
        .api("POST", "/events/tokyo-rule-briefing/publish", token, None)
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("event_cancelled"))
    );
    let (status, body) = app
        .api(
            "PATCH",
            "/events/tokyo-rule-briefing",
            token,
            Some(json!({"capacity": 10})),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("event_cancelled"))
    );
}

#[tokio::test]
async fn writes_need_a_valid_token() {
    let (app, _) = TestApp::with_demo().await;
    let (status, body) = app
        .api("POST", "/events", None, Some(seminar("no-token")))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("unauthenticated"))
    );
    let (status, body) = app
        .api(
            "POST",
            "/events",
            Some("uk_forged"),
            Some(seminar("forged")),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("unauthenticated"))
    );
    let (status, _) = app.api("POST", "/events/lwb-expo/cancel", None, None).await;
    assert_eq!(status, 401);
    let (status, _) = app
        .api("GET", "/organizer/events", Some("not-even-a-token"), None)
        .await;
    assert_eq!(status, 401);
    let (_, expo) = app.get_json("/api/v1/events/lwb-expo").await;
    assert_eq!(expo["status"], "published", "nothing changed");
}

#[tokio::test]
async fn an_organization_cannot_touch_another_organizations_events() {
    let (app, tokens) = TestApp::with_demo().await;
    let other = app
        .organization_with_user("OTHER-CORP", UserRole::Admin)
        .await;
    let other = Some(other.as_str());
    for (method, path, body) in [
        (
            "PATCH",
            "/events/lwb-expo",
            Some(json!({"title_ja": "乗っ取り"})),
        ),
        ("POST", "/events/lwb-expo/cancel", None),
        ("POST", "/events/telework-rule-briefing-draft/publish", None),
        (
            "GET",
            "/organizer/events/telework-rule-briefing-draft",
            None,
        ),
    ] {
        let (status, resp) = app.api(method, path, other, body).await;
        assert_eq!(
            (status, resp["code"].as_str()),
            (403, Some("forbidden")),
            "{method} {path}"
        );
    }
    let (_, own) = app.api("GET", "/organizer/events", other, None).await;
    assert_eq!(
        own.as_array().unwrap().len(),
        0,
        "sees none of TMG's events"
    );
    let (_, tcci_own) = app
        .api("GET", "/organizer/events", Some(&tokens.tcci), None)
        .await;
    assert_eq!(tcci_own.as_array().unwrap().len(), 0);
    let (_, expo) = app.get_json("/api/v1/events/lwb-expo").await;
    assert_eq!(
        (expo["title_ja"].as_str(), expo["status"].as_str()),
        (Some("ライフ・ワーク・バランスEXPO東京"), Some("published"))
    );

    // Check-in staff of the organizer may not create events either.
    let door = app.user("TMG", UserRole::CheckinStaff).await;
    let (status, _) = app
        .api("POST", "/events", Some(&door), Some(seminar("door-staff")))
        .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn validation_errors_name_every_field_in_the_callers_language() {
    let (app, tokens) = TestApp::with_demo().await;
    let mut bad = seminar("Bad Slug!");
    bad["ends_at"] = json!(jst_in_days(13, 0));
    bad["capacity"] = json!(0);
    bad["title_en"] = json!("   ");
    bad["venue_map_url"] = json!("javascript:alert(1)");
    let (status, body) = app
        .api_lang(
            "POST",
            "/events",
            Some(&tokens.tmg),
            Some(bad.clone()),
            Some("en"),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["code"], "validation_failed");
    let fields: Vec<&str> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    for f in ["slug", "ends_at", "capacity", "title_en", "venue_map_url"] {
        assert!(fields.contains(&f), "{f} missing in {fields:?}");
    }
    let slug_msg = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "slug")
        .unwrap()["message"]
        .as_str()
        .unwrap();
    assert!(slug_msg.starts_with("Use 3 to 64"), "{slug_msg}");

    let (_, body_ja) = app
        .api("POST", "/events", Some(&tokens.tmg), Some(bad))
        .await;
    let slug_ja = body_ja["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "slug")
        .unwrap()["message"]
        .as_str()
        .unwrap();
    assert!(slug_ja.contains("URL名"), "Japanese by default: {slug_ja}");

    // A campaign has no seats.
    let mut campaign = seminar("campaign-with-seats");
    campaign["kind"] = json!("campaign");
    let (status, body) = app
        .api("POST", "/events", Some(&tokens.tmg), Some(campaign))
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["fields"][0]["code"], "campaign_has_no_capacity");

    // A taken slug is a field error too, and the stored event is untouched.
    let (status, body) = app
        .api(
            "POST",
            "/events",
            Some(&tokens.tmg),
            Some(seminar("lwb-expo")),
        )
        .await;
    assert_eq!(
        (status, body["fields"][0]["code"].as_str()),
        (422, Some("slug_taken"))
    );
    let (_, expo) = app.get_json("/api/v1/events/lwb-expo").await;
    assert_eq!(expo["kind"], "expo");

    // Malformed JSON gets the same JSON error shape.
    let resp = app
        .client
        .post(app.url("/api/v1/events"))
        .bearer_auth(&tokens.tmg)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 400);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(body["code"], "malformed_request");
}

#[tokio::test]
async fn capacity_cannot_drop_below_seats_taken_and_full_events_say_so() {
    let (app, tokens) = TestApp::with_demo().await;
    let expo = uketsuke::store::events::by_slug(&app.db, "telework-experience-hachioji")
        .await
        .unwrap()
        .unwrap();
    uketsuke::store::events::set_seats_taken(&app.db, expo.id, 30)
        .await
        .unwrap();

    let (_, body) = app
        .get_json("/api/v1/events/telework-experience-hachioji")
        .await;
    assert_eq!(
        (body["full"].as_bool(), body["seats_left"].as_i64()),
        (Some(true), Some(0))
    );

    let (status, body) = app
        .api(
            "PATCH",
            "/events/telework-experience-hachioji",
            Some(&tokens.tmg),
            Some(json!({"capacity": 20})),
        )
        .await;
    assert_eq!(
        (status, body["fields"][0]["code"].as_str()),
        (422, Some("below_seats_taken"))
    );
    let (status, body) = app
        .api(
            "PATCH",
            "/events/telework-experience-hachioji",
            Some(&tokens.tmg),
            Some(json!({"capacity": 40})),
        )
        .await;
    assert_eq!((status, body["seats_left"].as_i64()), (200, Some(10)));
}
