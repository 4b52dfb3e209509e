use crate::helpers::{TestApp, seminar};
use serde_json::json;

#[tokio::test]
async fn a_backing_shows_only_once_the_partner_approves_it() {
    let (app, tokens) = TestApp::with_demo().await;
    let (status, _) = app
        .api(
            "POST",
            "/events",
            Some(&tokens.tmg),
            Some(seminar("backed-seminar")),
        )
        .await;
    assert_eq!(status, 201);
    app.api(
        "POST",
        "/events/backed-seminar/publish",
        Some(&tokens.tmg),
        None,
    )
    .await;

    let invite = json!({"organization": "TCCI", "role": "backing"});
    let (status, partners) = app
        .api(
            "POST",
            "/events/backed-seminar/partners",
            Some(&tokens.tmg),
            Some(invite.clone()),
        )
        .await;
    assert_eq!(status, 201, "{partners}");
    assert_eq!(partners[0]["state"], "requested");
    let (_, public) = app.get_json("/api/v1/events/backed-seminar").await;
    assert_eq!(
        public["partner_line_ja"], "主催 東京都",
        "a request is not a backing"
    );

    // The organizer cannot grant the backing on the partner's behalf.
    let (status, _) = app
        .api(
            "POST",
            "/events/backed-seminar/partners/TCCI/approve",
            Some(&tokens.tmg),
            None,
        )
        .await;
    assert_eq!(status, 403);

    let (status, partners) = app
        .api(
            "POST",
            "/events/backed-seminar/partners/TCCI/approve",
            Some(&tokens.tcci),
            None,
        )
        .await;
    assert_eq!(
        (status, partners[0]["state"].as_str()),
        (200, Some("approved"))
    );
    let (_, public) = app.get_json("/api/v1/events/backed-seminar").await;
    assert_eq!(
        public["partner_line_ja"],
        "主催 東京都 / 後援 東京商工会議所"
    );
    assert_eq!(
        public["partner_line_en"],
        "Organized by Tokyo Metropolitan Government / Supported by Tokyo Chamber of Commerce and Industry"
    );
    let (_, html) = app.get_html("/events/backed-seminar", None).await;
    assert!(html.contains("後援"), "the page shows the approved role");

    // Declining takes it off again.
    app.api(
        "POST",
        "/events/backed-seminar/partners/TCCI/decline",
        Some(&tokens.tcci),
        None,
    )
    .await;
    let (_, public) = app.get_json("/api/v1/events/backed-seminar").await;
    assert_eq!(public["partner_line_ja"], "主催 東京都");

    // One role per organization; the organizer role is fixed; unknown organizations are named.
    let (status, body) = app
        .api(
            "POST",
            "/events/backed-seminar/partners",
            Some(&tokens.tmg),
            Some(invite),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("partner_exists"))
    );
    let (status, body) = app
        .api(
            "POST",
            "/events/backed-seminar/partners",
            Some(&tokens.tmg),
            Some(json!({"organization": "HACHIOJI", "role": "organizer"})),
        )
        .await;
    assert_eq!(
        (status, body["fields"][0]["code"].as_str()),
        (422, Some("organizer_is_fixed"))
    );
    let (status, body) = app
        .api(
            "POST",
            "/events/backed-seminar/partners",
            Some(&tokens.tmg),
            Some(json!({"organization": "NOPE", "role": "publicity"})),
        )
        .await;
    assert_eq!(
        (status, body["fields"][0]["field"].as_str()),
        (422, Some("organization"))
    );
    // Only the organizer invites.
    let (status, _) = app
        .api(
            "POST",
            "/events/backed-seminar/partners",
            Some(&tokens.tcci),
            Some(json!({"organization": "HACHIOJI", "role": "publicity"})),
        )
        .await;
    assert_eq!(status, 403);
}
