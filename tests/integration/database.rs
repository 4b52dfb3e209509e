//! The database as the foundation promises it: durable SQLite settings, repeatable
//! migrations, and a seat counter the database itself keeps within capacity.
use crate::helpers::TestApp;
use sea_orm::{ConnectionTrait, DbBackend, Statement};

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_foreign_keys_and_full_sync() {
    let app = TestApp::spawn().await;
    if app.db.get_database_backend() != DbBackend::Sqlite {
        return; // PostgreSQL has none of these knobs.
    }
    for (pragma, expected) in [
        ("journal_mode", "wal"),
        ("foreign_keys", "1"),
        ("synchronous", "2"),
        ("busy_timeout", "5000"),
    ] {
        let row = app
            .db
            .query_one_raw(Statement::from_string(
                DbBackend::Sqlite,
                format!("PRAGMA {pragma}"),
            ))
            .await
            .unwrap()
            .unwrap();
        let value: String = row
            .try_get_by_index::<String>(0)
            .or_else(|_| row.try_get_by_index::<i64>(0).map(|v| v.to_string()))
            .unwrap();
        assert_eq!(value, expected, "PRAGMA {pragma}");
    }
}

#[tokio::test]
async fn migrations_run_twice_without_harm() {
    let (app, _) = TestApp::with_demo().await;
    uketsuke::store::migrate(&app.db).await.unwrap();
    let (_, body) = app.get_json("/api/v1/events").await;
    assert_eq!(body["total"], 14, "data kept");
}

#[tokio::test]
async fn the_database_refuses_more_seats_than_capacity() {
    let (app, _) = TestApp::with_demo().await;
    let event = uketsuke::store::events::by_slug(&app.db, "telework-experience-hachioji")
        .await
        .unwrap()
        .unwrap();
    assert!(
        uketsuke::store::events::set_seats_taken(&app.db, event.id, 31)
            .await
            .is_err()
    );
    assert!(
        uketsuke::store::events::set_seats_taken(&app.db, event.id, 30)
            .await
            .is_ok()
    );
}
