//! Retention (APPI): personal data of past events is anonymised after the organizer's period;
//! counts stay. Through the binary (`purge --dry-run`, `org retention`) and the service.
use crate::cli::{run, uketsuke};
use crate::helpers::{Browser, TestApp, company_registration, corporate_number};
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use uketsuke::domain::UserRole;
use uketsuke::store;
use uketsuke::store::entities::event;

#[tokio::test]
async fn personal_data_goes_after_the_retention_period_and_the_counts_stay() {
    let app = TestApp::spawn().await;
    let org = app
        .organization_with_user("KEEP", UserRole::Organizer)
        .await;
    app.published_event(&org, "long-ago", Some(10), None, true)
        .await;
    let (_, reg) = app
        .register(
            "long-ago",
            company_registration(&corporate_number(95_001), &["old@x.jp"]),
        )
        .await;
    let token = reg["manage_token"].as_str().unwrap().to_owned();
    // The event ended 400 days ago.
    let ended = Utc::now() - Duration::days(400);
    event::Entity::update_many()
        .col_expr(
            event::Column::StartsAt,
            Expr::value(ended - Duration::hours(2)),
        )
        .col_expr(event::Column::EndsAt, Expr::value(ended))
        .filter(event::Column::Slug.eq("long-ago"))
        .exec(&app.db)
        .await
        .unwrap();

    // A dry run lists it and changes nothing.
    let (code, out, err) = run(uketsuke(Some(&app.db_url)).args(["purge", "--dry-run"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("would anonymise long-ago: 1 registrations, 1 attendees"),
        "{out}"
    );
    assert_eq!(
        app.api("GET", &format!("/registrations/{token}"), None, None)
            .await
            .0,
        200
    );

    // A longer period keeps it.
    let (code, _, err) = run(uketsuke(Some(&app.db_url)).args([
        "org",
        "retention",
        "--code",
        "KEEP",
        "--days",
        "500",
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(
        uketsuke::services::retention::plan(&app.db, Utc::now())
            .await
            .unwrap()
            .is_empty()
    );
    run(uketsuke(Some(&app.db_url)).args(["org", "retention", "--code", "KEEP", "--days", "365"]));

    let purged = uketsuke::services::retention::purge(&app.db, Utc::now())
        .await
        .unwrap();
    assert_eq!(purged.len(), 1);
    // Names, addresses and the manage link are gone; the delivery log too.
    assert_eq!(
        app.api("GET", &format!("/registrations/{token}"), None, None)
            .await
            .0,
        404
    );
    let e = store::events::by_slug(&app.db, "long-ago")
        .await
        .unwrap()
        .unwrap();
    let (rows, _) = store::roster::page(&app.db, e.id, &Default::default(), 10, 0)
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].name.as_str(), rows[0].email.as_str()),
        ("（削除済み）", "")
    );
    assert_eq!(
        (
            rows[0].contact_name.as_str(),
            rows[0].contact_email.as_str()
        ),
        ("（削除済み）", "")
    );
    assert_eq!(rows[0].contact_phone, None);
    assert_eq!(
        store::outbox::for_registration(&app.db, reg["id"].as_i64().unwrap())
            .await
            .unwrap(),
        []
    );
    // The report still counts the registration and the company.
    let browser = Browser::new(&app);
    let email = app.staff("KEEP", UserRole::Organizer).await;
    browser.login(&email, crate::helpers::STAFF_PASSWORD).await;
    let (status, report) = browser.get("/admin/events/long-ago/report").await;
    assert_eq!(status, 200);
    assert!(report.contains("<dd>1</dd>"), "{report}");
    // Done once.
    assert!(
        uketsuke::services::retention::purge(&app.db, Utc::now())
            .await
            .unwrap()
            .is_empty()
    );
}
