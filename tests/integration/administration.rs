//! Running the programme from the browser: an organizer asks partners and sets the order
//! their names are shown in; an organization's admin manages its users; a platform admin
//! manages organizations. Each page is tried by those who may and those who may not.
use crate::helpers::{Browser, TestApp};
use uketsuke::domain::UserRole;
use uketsuke::services::administration;

/// The partner line of the public page, as text between its markers.
async fn public_line(app: &TestApp, slug: &str) -> String {
    let (_, html) = app.get_html(&format!("/events/{slug}"), None).await;
    html
}

#[tokio::test]
async fn organizers_ask_partners_and_set_the_order_their_names_are_shown_in() {
    let app = TestApp::spawn().await;
    let a = app
        .organization_with_user("ORGA", UserRole::Organizer)
        .await;
    app.organization_with_user("KITA", UserRole::Admin).await;
    app.organization_with_user("MINAMI", UserRole::Admin).await;
    app.published_event(&a, "backed", Some(10), None, true)
        .await;
    let organizer = app.signed_in("ORGA", UserRole::Organizer).await;
    let page = "/admin/events/backed/partners";
    let (status, html) = organizer.get(page).await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"value="KITA""#) && !html.contains(r#"value="ORGA""#));

    // No role chosen: said on the field, the organization stays chosen.
    let (status, html, _) = organizer
        .post(page, page, &[("organization", "KITA")])
        .await;
    assert_eq!(status, 422);
    assert!(
        html.contains(r##"<a href="#role">選択してください。"##),
        "{html}"
    );
    assert!(html.contains(r#"<option value="KITA" selected>"#), "{html}");
    for org in ["KITA", "MINAMI"] {
        let (status, _, location) = organizer
            .post(page, page, &[("organization", org), ("role", "backing")])
            .await;
        assert_eq!(status, 303, "{org}");
        assert!(location.unwrap().ends_with("done=invited"));
    }
    // Asking twice is refused on the field, not with an error page.
    let (status, html, _) = organizer
        .post(page, page, &[("organization", "KITA"), ("role", "co_host")])
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("既にこのイベントのパートナーです"), "{html}");

    // Not shown publicly until each answers; then in the order asked.
    assert!(!public_line(&app, "backed").await.contains("KITA 株式会社"));
    for org in ["KITA", "MINAMI"] {
        let admin = app.signed_in(org, UserRole::Admin).await;
        let (status, _, _) = admin
            .post("/admin/partners", "/admin/partners/backed/approve", &[])
            .await;
        assert_eq!(status, 303);
    }
    let order = |html: &str| {
        (
            html.find("KITA 株式会社").expect("KITA shown"),
            html.find("MINAMI 株式会社").expect("MINAMI shown"),
        )
    };
    let (kita, minami) = order(&public_line(&app, "backed").await);
    assert!(kita < minami);
    let (_, html) = organizer.get(page).await;
    assert!(
        html.contains("承認済み") && html.contains("受付 花子"),
        "who answered: {html}"
    );

    // MINAMI first now.
    let (status, _, _) = organizer
        .post(page, "/admin/events/backed/partners/MINAMI/up", &[])
        .await;
    assert_eq!(status, 303);
    let (kita, minami) = order(&public_line(&app, "backed").await);
    assert!(minami < kita, "the order set is the order shown");

    // Withdrawn: gone from the public page.
    let (status, _, _) = organizer
        .post(page, "/admin/events/backed/partners/KITA/withdraw", &[])
        .await;
    assert_eq!(status, 422, "the box must be ticked");
    let (status, _, _) = organizer
        .post(
            page,
            "/admin/events/backed/partners/KITA/withdraw",
            &[("confirm", "on")],
        )
        .await;
    assert_eq!(status, 303);
    assert!(!public_line(&app, "backed").await.contains("KITA 株式会社"));

    // Only the organizer's own organizers manage its partners.
    for (org, role) in [
        ("ORGA", UserRole::Viewer),
        ("MINAMI", UserRole::Admin),
        ("ORGA", UserRole::CheckinStaff),
    ] {
        let b = app.signed_in(org, role).await;
        assert_eq!(b.get(page).await.0, 403, "{org} {role:?}");
    }
}

#[tokio::test]
async fn an_admin_adds_users_changes_their_role_and_switches_them_off() {
    let app = TestApp::spawn().await;
    app.organization_with_user("TEAM", UserRole::Admin).await;
    let admin = app.signed_in("TEAM", UserRole::Admin).await;
    let (status, html) = admin.get("/admin/users").await;
    assert_eq!(status, 200);
    assert!(html.contains("受付 花子"));

    let (status, html, _) = admin
        .post(
            "/admin/users",
            "/admin/users",
            &[("email", "new@team.example.jp"), ("role", "organizer")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        // The list above the form names the field as its label does.
        html.contains(r##"<a href="#name">氏名: 入力してください。"##)
            && html.contains("new@team.example.jp"),
        "{html}"
    );
    let (status, html, _) = admin
        .post(
            "/admin/users",
            "/admin/users",
            &[
                ("email", "new@team.example.jp"),
                ("name", "新人 太郎"),
                ("role", "organizer"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("今だけ表示されます"), "{html}");
    let start = html.find("<code>").unwrap() + "<code>".len();
    let password = &html[start..start + html[start..].find("</code>").unwrap()];
    let newcomer = Browser::new(&app);
    assert_eq!(newcomer.login("new@team.example.jp", password).await.0, 303);
    assert_eq!(newcomer.get("/admin/events/new").await.0, 200);
    // The same address twice: on the field.
    let (status, html, _) = admin
        .post(
            "/admin/users",
            "/admin/users",
            &[
                ("email", "new@team.example.jp"),
                ("name", "二人目"),
                ("role", "viewer"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("既に登録されています"));

    let users = administration::users(
        &app.db,
        &uketsuke::store::sessions::user_by_email(&app.db, "new@team.example.jp")
            .await
            .unwrap()
            .unwrap()
            .0
            .principal,
    )
    .await;
    assert!(users.is_err(), "an organizer is no admin");
    let id = uketsuke::store::users::by_email(&app.db, "new@team.example.jp")
        .await
        .unwrap()
        .unwrap()
        .id;
    let (status, _, _) = admin
        .post(
            "/admin/users",
            &format!("/admin/users/{id}/role"),
            &[("role", "viewer")],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(
        newcomer.get("/admin/events/new").await.0,
        403,
        "a viewer now"
    );

    let (status, _, _) = admin
        .post("/admin/users", &format!("/admin/users/{id}/disable"), &[])
        .await;
    assert_eq!(status, 303);
    assert_eq!(newcomer.get("/admin").await.0, 303, "signed out");
    assert_eq!(
        newcomer.login("new@team.example.jp", password).await.0,
        422,
        "cannot sign in"
    );
    let (_, html) = admin.get("/admin/users").await;
    assert!(
        html.contains("利用停止") && html.contains("新人 太郎"),
        "kept for the audit log"
    );
    let (status, _, _) = admin
        .post("/admin/users", &format!("/admin/users/{id}/enable"), &[])
        .await;
    assert_eq!(status, 303);
    assert_eq!(newcomer.login("new@team.example.jp", password).await.0, 303);

    // Nobody switches themselves off; other organizations' admins and non-admins get nothing.
    let me = uketsuke::store::users::of_organization(&app.db, 1)
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.display_name == "受付 花子")
        .unwrap()
        .id;
    let (status, _, _) = admin
        .post("/admin/users", &format!("/admin/users/{me}/disable"), &[])
        .await;
    assert_eq!(status, 409);
    app.organization_with_user("ELSE", UserRole::Admin).await;
    let stranger = app.signed_in("ELSE", UserRole::Admin).await;
    let (status, _, _) = stranger
        .post("/admin/users", &format!("/admin/users/{id}/disable"), &[])
        .await;
    assert_eq!(status, 404);
    let organizer = app.signed_in("TEAM", UserRole::Organizer).await;
    assert_eq!(organizer.get("/admin/users").await.0, 403);
}

#[tokio::test]
async fn platform_admins_add_organizations_set_retention_and_give_them_an_admin() {
    let app = TestApp::spawn().await;
    app.organization_with_user("TMG", UserRole::Admin).await;
    let email = app.staff("TMG", UserRole::Admin).await;
    let plain = app.signed_in("TMG", UserRole::Admin).await;
    assert_eq!(
        plain.get("/admin/organizations").await.0,
        403,
        "an admin, not a platform admin"
    );
    administration::set_platform_admin(&app.db, &email, true)
        .await
        .unwrap();
    let platform = Browser::new(&app);
    assert_eq!(
        platform
            .login(&email, crate::helpers::STAFF_PASSWORD)
            .await
            .0,
        303
    );
    let page = "/admin/organizations";
    let (status, html) = platform.get(page).await;
    assert_eq!(status, 200);
    assert!(html.contains("TMG 株式会社") && html.contains(r#"value="365""#));

    let (status, html, _) = platform
        .post(
            page,
            page,
            &[
                ("code", "八王子"),
                ("name_ja", "八王子市"),
                ("name_en", "Hachioji City"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        html.contains("団体コードは英数字")
            && html.contains(r##"<a href="#kind">選択してください。"##),
        "{html}"
    );
    assert!(html.contains(r#"value="八王子市""#), "what was typed stays");
    let (status, _, _) = platform
        .post(
            page,
            page,
            &[
                ("code", "hachioji"),
                ("kind", "municipality"),
                ("name_ja", "八王子市"),
                ("name_en", "Hachioji City"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let (status, html, _) = platform
        .post(
            page,
            "/admin/organizations/HACHIOJI/retention",
            &[("retention_days", "10")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("30〜3650の整数で入力してください"), "{html}");
    let (status, _, _) = platform
        .post(
            page,
            "/admin/organizations/HACHIOJI/retention",
            &[("retention_days", "730")],
        )
        .await;
    assert_eq!(status, 303);
    let (_, html) = platform.get(page).await;
    assert!(
        html.contains("八王子市") && html.contains(r#"value="730""#),
        "{html}"
    );

    let (status, html, _) = platform
        .post(
            page,
            "/admin/organizations/HACHIOJI/admin",
            &[
                ("email", "admin@city.hachioji.example"),
                ("name", "八王子 管理者"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    let start = html.find("<code>").unwrap() + "<code>".len();
    let password = &html[start..start + html[start..].find("</code>").unwrap()];
    let first = Browser::new(&app);
    assert_eq!(
        first.login("admin@city.hachioji.example", password).await.0,
        303
    );
    let (status, html) = first.get("/admin/users").await;
    assert_eq!(status, 200);
    assert!(html.contains("八王子 管理者"));
    assert_eq!(
        first.get(page).await.0,
        403,
        "their admin is no platform admin"
    );
}
