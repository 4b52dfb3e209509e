//! Bursts on the doors people knock on (registering, signing in, manage links) are answered
//! 429 with Retry-After, per client address; behind a trusted proxy the address is the one it
//! forwards; everything else is never limited.
use crate::helpers::TestApp;

async fn knock(
    client: &reqwest::Client,
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    forwarded: Option<&str>,
) -> (u16, Option<String>, String) {
    let mut req = client.request(method, app.url(path));
    if let Some(ip) = forwarded {
        req = req.header("x-forwarded-for", format!("203.0.113.9, {ip}"));
    }
    if path.starts_with("/api/") {
        req = req.json(&serde_json::json!({}));
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let retry = resp
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_owned());
    (status, retry, resp.text().await.unwrap())
}

#[tokio::test]
async fn bursts_get_429_with_retry_after_and_other_pages_never_do() {
    let app = TestApp::spawn_with(|s| {
        s.limits.enabled = true;
        s.limits.login_per_minute = 3;
        s.limits.registration_per_minute = 2;
        s.limits.manage_per_minute = 4;
    })
    .await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    use reqwest::Method;
    for _ in 0..3 {
        let (status, _, _) = knock(&client, &app, Method::POST, "/admin/login", None).await;
        assert_ne!(status, 429);
    }
    let (status, retry, body) = knock(&client, &app, Method::POST, "/admin/login", None).await;
    assert_eq!(status, 429);
    assert!(retry.unwrap().parse::<u64>().unwrap() >= 1);
    assert!(body.contains("リクエストが多すぎます") && body.contains("Too many requests"));

    let path = "/api/v1/events/anything/registrations";
    for _ in 0..2 {
        assert_ne!(knock(&client, &app, Method::POST, path, None).await.0, 429);
    }
    let (status, retry, body) = knock(&client, &app, Method::POST, path, None).await;
    assert_eq!(status, 429);
    assert!(retry.is_some());
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["code"], "too_many_requests");

    for _ in 0..4 {
        assert_eq!(
            knock(&client, &app, Method::GET, "/r/guessing", None)
                .await
                .0,
            404
        );
    }
    assert_eq!(
        knock(&client, &app, Method::GET, "/r/guessing", None)
            .await
            .0,
        429
    );

    // The catalogue is never limited.
    for _ in 0..20 {
        assert_eq!(
            knock(&client, &app, Method::GET, "/events", None).await.0,
            200
        );
    }
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_address_has_its_own_count() {
    let app = TestApp::spawn_with(|s| {
        s.limits.enabled = true;
        s.limits.login_per_minute = 2;
        s.limits.trust_forwarded_for = true;
    })
    .await;
    let client = reqwest::Client::new();
    use reqwest::Method;
    for _ in 0..2 {
        knock(
            &client,
            &app,
            Method::POST,
            "/admin/login",
            Some("198.51.100.1"),
        )
        .await;
    }
    let first = knock(
        &client,
        &app,
        Method::POST,
        "/admin/login",
        Some("198.51.100.1"),
    )
    .await;
    assert_eq!(first.0, 429);
    let other = knock(
        &client,
        &app,
        Method::POST,
        "/admin/login",
        Some("198.51.100.2"),
    )
    .await;
    assert_ne!(other.0, 429, "another client behind the same proxy");
}
