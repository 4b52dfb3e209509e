//! Retention of personal data (APPI): each organization keeps its registrants' personal data
//! for `retention_days` after an event ends (365 unless set), then it is anonymised. Counts
//! stay, so reports of past fiscal years still add up. `uketsuke purge --dry-run` shows what
//! would go; the mail worker's housekeeping runs it for real.
use crate::error::AppResult;
use crate::store::{self, Db};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone)]
pub struct Purged {
    pub slug: String,
    pub title_ja: String,
    pub ended: DateTime<Utc>,
    pub retention_days: i32,
    pub registrations: u64,
    pub attendees: u64,
}

/// What is due, without changing anything.
pub async fn plan(db: &Db, now: DateTime<Utc>) -> AppResult<Vec<Purged>> {
    let mut out = Vec::new();
    for due in store::retention::due(db, now).await? {
        let (registrations, attendees) = store::retention::counts(db, due.event_id).await?;
        out.push(Purged {
            slug: due.slug,
            title_ja: due.title_ja,
            ended: due.ends_at,
            retention_days: due.retention_days,
            registrations,
            attendees,
        });
    }
    Ok(out)
}

/// Anonymises every event that is due, each in its own transaction.
pub async fn purge(db: &Db, now: DateTime<Utc>) -> AppResult<Vec<Purged>> {
    let mut out = Vec::new();
    for due in store::retention::due(db, now).await? {
        let txn = store::begin_write(db).await?;
        let (registrations, attendees) = store::retention::counts(&txn, due.event_id).await?;
        store::retention::anonymise(&txn, due.event_id, now).await?;
        txn.commit().await?;
        tracing::info!(
            event_id = due.event_id,
            registrations,
            attendees,
            "personal data past retention anonymised"
        );
        out.push(Purged {
            slug: due.slug,
            title_ja: due.title_ja,
            ended: due.ends_at,
            retention_days: due.retention_days,
            registrations,
            attendees,
        });
    }
    Ok(out)
}
