//! What the benchmarks share.
use sea_orm::{ConnectionTrait, Database};

pub type Cleanup = Box<dyn FnOnce() -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>>;

/// A fresh database: a temporary SQLite file, or a new PostgreSQL database.
pub async fn database(pg_admin: Option<&str>) -> (String, Cleanup) {
    match pg_admin {
        None => {
            let dir = tempfile::tempdir().unwrap();
            let url = format!("sqlite://{}/bench.db?mode=rwc", dir.path().display());
            (url, Box::new(move || Box::pin(async move { drop(dir) })))
        }
        Some(admin_url) => {
            let name = format!("uketsuke_bench_{:08x}", rand::random::<u32>());
            let admin = Database::connect(admin_url)
                .await
                .expect("PostgreSQL reachable");
            admin
                .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await
                .unwrap();
            let mut url = url::Url::parse(admin_url).unwrap();
            url.set_path(&name);
            let admin_url = admin_url.to_owned();
            let cleanup: Cleanup = Box::new(move || {
                Box::pin(async move {
                    let admin = Database::connect(&admin_url).await.unwrap();
                    let _ = admin
                        .execute_unprepared(&format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
                        .await;
                })
            });
            (url.to_string(), cleanup)
        }
    }
}
