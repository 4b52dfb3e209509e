use uketsuke::config::{Environment, Settings};

/// The API is a contract: any change to it shows up in review as a snapshot diff.
/// Accept an intended change with `cargo insta review` (or `INSTA_UPDATE=always`).
#[test]
fn openapi_document_snapshot() {
    let mut settings = Settings::load_for(Environment::Test).unwrap();
    settings.server.public_url = "https://uketsuke.example.jp".into();
    let spec: serde_json::Value =
        serde_json::from_str(&uketsuke::http::api::spec_json(&settings)).unwrap();
    insta::assert_json_snapshot!("openapi", spec);
}

#[tokio::test]
async fn served_document_lists_every_operation() {
    let app = crate::helpers::TestApp::spawn().await;
    let (status, spec) = app.get_json("/openapi.json").await;
    assert_eq!(status, 200);
    let paths = spec["paths"].as_object().unwrap();
    for path in [
        "/events",
        "/events/{slug}",
        "/events/{slug}/publish",
        "/events/{slug}/cancel",
        "/events/{slug}/partners",
        "/events/{slug}/partners/{organization}/approve",
        "/organizer/events",
    ] {
        assert!(paths.contains_key(path), "{path} missing");
    }
    assert_eq!(
        spec["components"]["securitySchemes"]["OrganizerToken"]["scheme"],
        "bearer"
    );
}
