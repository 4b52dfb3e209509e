//! What every page tells the browser: a content security policy with no inline script or
//! style (and pages that need none), no framing, no MIME sniffing, and a referrer policy;
//! private pages keep their stricter one.
use crate::helpers::{TestApp, company_registration, corporate_number};
use uketsuke::domain::UserRole;

#[tokio::test]
async fn every_page_carries_the_security_headers_and_no_inline_script() {
    let app = TestApp::spawn().await;
    let token = app.organization_with_user("SEC", UserRole::Organizer).await;
    app.published_event(&token, "secure-day", Some(10), None, true)
        .await;
    let (_, reg) = app
        .register(
            "secure-day",
            company_registration(&corporate_number(95_001), &["s@sec.example.jp"]),
        )
        .await;
    let manage = format!("/r/{}", reg["manage_token"].as_str().unwrap());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for (path, referrer) in [
        ("/", "same-origin"),
        ("/events/secure-day", "same-origin"),
        ("/events/secure-day/register", "same-origin"),
        ("/events/no-such-event", "same-origin"),
        ("/admin/login", "no-referrer"),
        (manage.as_str(), "no-referrer"),
    ] {
        let resp = client.get(app.url(path)).send().await.unwrap();
        let h = resp.headers().clone();
        let csp = h["content-security-policy"].to_str().unwrap().to_owned();
        assert!(
            csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{path}: {csp}"
        );
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
        assert_eq!(h["referrer-policy"], referrer, "{path}");
        let body = resp.text().await.unwrap();
        assert!(
            !body.contains("<script") && !body.contains(" style=\""),
            "{path} has inline code"
        );
    }
    // The API answers JSON without a page's policy; the docs page keeps its own scripts.
    let resp = client.get(app.url("/api/v1/events")).send().await.unwrap();
    assert!(resp.headers().get("content-security-policy").is_none());
}
