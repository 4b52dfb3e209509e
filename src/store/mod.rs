//! The database: connecting, migrating, and every query uketsuke runs. Nothing outside this
//! module writes SQL or touches entities.
pub mod announcements;
/// Back-office sign-in sessions (not an event's sessions: see `event_sessions`).
pub mod attendance_checks;
pub mod audit;
pub mod campaigns;
pub mod certification;
pub mod declarations;
pub mod dispatch;
pub mod entities;
pub mod event_sessions;
pub mod events;
pub mod internships;
pub mod job_fairs;
pub mod online_joins;
pub mod opt_outs;
pub mod organizations;
pub mod outbox;
pub mod partners;
pub mod questions;
pub mod registrations;
pub mod reminders;
pub mod reports;
pub mod retention;
pub mod roster;
pub mod sessions;
pub mod text_audit;
pub mod users;

use crate::config::{DatabaseSettings, SqliteSynchronous};
use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{self, SqliteJournalMode};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, SqlErr,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use std::time::Duration;

pub type Db = DatabaseConnection;

/// Opens the pool. SQLite gets WAL, foreign keys, a busy timeout and the configured
/// `synchronous`; the directory of a relative SQLite path is created if missing.
pub async fn connect(settings: &DatabaseSettings) -> anyhow::Result<Db> {
    let url = settings.url.as_str();
    if let Some(path) = sqlite_file(url)
        && let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the database directory {}", dir.display()))?;
    }

    let mut options = ConnectOptions::new(url);
    options
        .max_connections(settings.max_connections)
        .connect_timeout(Duration::from_secs(settings.connect_timeout_secs))
        // A request waits at most this long for a pooled connection under load.
        .acquire_timeout(Duration::from_secs(settings.connect_timeout_secs * 2))
        .sqlx_logging(false);
    let busy = Duration::from_millis(settings.sqlite_busy_timeout_ms);
    let synchronous = match settings.sqlite_synchronous {
        SqliteSynchronous::Off => sqlite::SqliteSynchronous::Off,
        SqliteSynchronous::Normal => sqlite::SqliteSynchronous::Normal,
        SqliteSynchronous::Full => sqlite::SqliteSynchronous::Full,
        SqliteSynchronous::Extra => sqlite::SqliteSynchronous::Extra,
    };
    options.map_sqlx_sqlite_opts(move |o| {
        o.journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(busy)
            .synchronous(synchronous)
    });
    let db = Database::connect(options)
        .await
        .with_context(|| format!("cannot connect to the database at {}", redact_url(url)))?;
    db.ping()
        .await
        .with_context(|| format!("the database at {} does not answer", redact_url(url)))?;
    Ok(db)
}

pub async fn migrate(db: &Db) -> anyhow::Result<()> {
    Migrator::up(db, None)
        .await
        .context("database migration failed")
}

/// Is the database answering? For `/readyz`.
pub async fn ping(db: &Db) -> Result<(), DbErr> {
    db.ping().await
}

/// Begins a transaction that will write. On SQLite it takes the write lock at once
/// (BEGIN IMMEDIATE): a transaction that reads first and upgrades later fails with
/// SQLITE_BUSY under contention, whatever the busy timeout.
pub async fn begin_write(db: &Db) -> Result<DatabaseTransaction, DbErr> {
    let options = TransactionOptions {
        sqlite_transaction_mode: (db.get_database_backend() == DbBackend::Sqlite)
            .then_some(SqliteTransactionMode::Immediate),
        ..Default::default()
    };
    db.begin_with_options(options).await
}

pub fn is_unique_violation(err: &DbErr) -> bool {
    matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

pub(crate) fn corrupt(what: impl std::fmt::Display) -> DbErr {
    DbErr::Custom(format!("stored data is not valid: {what}"))
}

/// `var/uketsuke.db` from `sqlite://var/uketsuke.db?mode=rwc`; `None` for memory or non-SQLite.
fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| path.into())
}

/// The URL without its password, for messages and logs.
pub fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_owned(),
    }
}

/// `LIKE` pattern matching `text` anywhere, with the wildcards in `text` taken literally.
/// A condition no row meets: a search for text no row can hold.
pub(crate) fn matches_nothing() -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::sea_query::{Expr, ExprTrait};
    Expr::val(1).eq(0)
}

pub(crate) fn contains_pattern(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{}%", escaped.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_paths_and_redaction() {
        assert_eq!(
            sqlite_file("sqlite://var/uketsuke.db?mode=rwc"),
            Some("var/uketsuke.db".into())
        );
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://x@y/z"), None);
        assert_eq!(
            redact_url("postgres://app:hunter2@db:5432/uketsuke"),
            "postgres://app:***@db:5432/uketsuke"
        );
    }
}
