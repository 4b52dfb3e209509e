//! The login lockout cannot be turned against staff: failures count per account and client
//! address together, so a stranger who knows a staff address locks out only themselves; and
//! a locked account, a wrong password and an unknown account get one and the same answer.
use crate::helpers::{Browser, STAFF_PASSWORD, TestApp};
use uketsuke::domain::UserRole;

const REFUSED: &str = "メールアドレスまたはパスワードが正しくありません。";

/// The part of a refused login page that tells the user what went wrong: the page with the
/// CSRF token and the echoed address taken out.
fn answer(page: &str, typed: &str) -> String {
    let escaped = typed.replace('/', "&#x2f;");
    page.lines()
        .filter(|l| !l.contains("csrf_token"))
        .map(|l| l.replace(&escaped, "<typed>"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn failures_from_one_address_lock_only_that_address_out() {
    let app = TestApp::spawn_with(|s| s.limits.trust_forwarded_for = true).await;
    app.organization_with_user("LOCK", UserRole::Organizer)
        .await;
    let email = app.staff("LOCK", UserRole::Organizer).await;
    let stranger = Browser::from_address(&app, "198.51.100.66");
    let owner = Browser::from_address(&app, "192.0.2.10");

    for _ in 0..5 {
        let (status, body, _) = stranger.login(&email, "a guess at the password").await;
        assert_eq!(status, 422);
        assert!(body.contains(REFUSED));
    }
    // Locked for the stranger's address, even with the right password.
    let (status, locked, _) = stranger.login(&email, STAFF_PASSWORD).await;
    assert_eq!(status, 422, "the right password from the locked address");
    assert!(locked.contains(REFUSED));
    assert_eq!(stranger.get("/admin").await.0, 303, "no session");

    // The owner, from her own address, still signs in.
    let (status, body, location) = owner.login(&email, STAFF_PASSWORD).await;
    assert_eq!(
        (status, location.as_deref()),
        (303, Some("/admin")),
        "the owner is not locked out: {body}"
    );
    assert_eq!(owner.get("/admin").await.0, 200);

    // An unknown account, a wrong password and a locked account answer alike.
    let (status, unknown, _) = stranger
        .login("nobody@example.jp", "a guess at the password")
        .await;
    assert_eq!(status, 422);
    let (status, wrong, _) = Browser::from_address(&app, "203.0.113.5")
        .login(&email, "a guess at the password")
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        answer(&unknown, "nobody@example.jp"),
        answer(&locked, &email),
        "unknown and locked accounts look the same"
    );
    assert_eq!(answer(&wrong, &email), answer(&locked, &email));

    // An unknown account locks the same way, and still answers the same.
    for _ in 0..5 {
        stranger
            .login("nobody@example.jp", "a guess at the password")
            .await;
    }
    let (status, unknown_locked, _) = stranger.login("nobody@example.jp", STAFF_PASSWORD).await;
    assert_eq!(status, 422);
    assert_eq!(
        answer(&unknown_locked, "nobody@example.jp"),
        answer(&locked, &email)
    );

    // Whatever is typed as the address, the answer is the same refusal, never an error page.
    for typed in ["x".repeat(10_000), "nul\0@example.jp".to_owned()] {
        let (status, body, _) = stranger.login(&typed, "a guess").await;
        assert_eq!(status, 422, "typed {:?}…", &typed[..8]);
        assert!(body.contains(REFUSED));
    }
}

#[tokio::test]
async fn without_a_trusted_proxy_a_forged_forwarded_address_does_not_lift_the_lock() {
    let app = TestApp::spawn().await;
    app.organization_with_user("LOCK", UserRole::Organizer)
        .await;
    let email = app.staff("LOCK", UserRole::Organizer).await;
    let guesser = Browser::new(&app);
    for _ in 0..5 {
        assert_eq!(guesser.login(&email, "a guess").await.0, 422);
    }
    // The app is not behind a proxy: the header is the client's own invention.
    let forged = Browser::from_address(&app, "192.0.2.10");
    assert_eq!(forged.login(&email, STAFF_PASSWORD).await.0, 422);
}

#[tokio::test]
async fn failures_whose_window_and_lock_are_over_are_forgotten() {
    let app = TestApp::spawn().await;
    let b = Browser::new(&app);
    for _ in 0..5 {
        b.login("nobody@example.jp", "a guess").await;
    }
    b.login("someone@example.jp", "a guess").await;
    let now = chrono::Utc::now();
    let forget = |at| uketsuke::services::staff::forget_stale_failures(&app.db, at);
    assert_eq!(forget(now).await.unwrap(), 0, "the lock holds");
    assert_eq!(
        forget(now + chrono::Duration::minutes(31)).await.unwrap(),
        2
    );
}
