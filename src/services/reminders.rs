//! Reminders before the day: each event's configured days before, at 9:00
//! Tokyo time, once, to every confirmed registration (not for campaigns and declaration
//! schemes, which have no day to come to). The mail worker calls [`queue_due`].
use super::notices;
use crate::domain::{EventStatus, Notice, ReminderDays, SeatState};
use crate::error::AppResult;
use crate::store::{self, Db};
use chrono::{DateTime, Utc};

/// Queues the reminders whose time has come. Returns the number of messages queued.
pub async fn queue_due(db: &Db, now: DateTime<Utc>) -> AppResult<usize> {
    let horizon = now + chrono::Duration::days(ReminderDays::MAX_DAYS + 1);
    let mut queued = 0;
    for event_id in store::reminders::candidates(db, now, horizon).await? {
        let Some(event) = store::events::by_id(db, event_id).await? else {
            continue;
        };
        // A campaign or a declaration scheme has no day to come to.
        if !crate::domain::Shape::timed(event.spec.kind) {
            continue;
        }
        let Some(days) = event.spec.reminder_days.due(event.spec.starts_at, now) else {
            continue;
        };
        if store::reminders::is_queued(db, event.id, days).await? {
            continue;
        }
        // Under the event's lock, so that the registrations read are the ones that stand.
        let txn = store::begin_write(db).await?;
        let Some(event) = store::events::by_id_for_update(&txn, event_id).await? else {
            continue;
        };
        if event.status != EventStatus::Published {
            continue;
        }
        let statuses = [SeatState::Confirmed];
        let reminder = Notice::Reminder { days_before: days };
        let count = notices::tell_all(&txn, &event, &statuses, reminder, now).await?;
        match store::reminders::record(&txn, event.id, days, count, now).await {
            Ok(()) => {
                txn.commit().await?;
                tracing::info!(event_id, days, messages = count, "reminder queued");
                queued += count;
            }
            // Another worker queued it first; what this one wrote is rolled back.
            Err(e) if store::is_unique_violation(&e) => txn.rollback().await?,
            Err(e) => return Err(e.into()),
        }
    }
    Ok(queued)
}
