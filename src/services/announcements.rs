//! Organizer announcements to an event's registrants.
use super::events::own_event;
use super::notices;
use crate::domain::announcement::{Announcement, AnnouncementInput, AnnouncementSpec};
use crate::domain::{EventStatus, Notice, Principal, SeatState};
use crate::error::{AppError, AppResult};
use crate::store::{self, Db};
use chrono::{DateTime, Utc};

/// Stores the announcement and queues it for every confirmed registration (and waiting ones
/// when asked), attendee copies included, less those who opted out.
pub async fn announce(
    db: &Db,
    who: &Principal,
    slug: &str,
    input: AnnouncementInput,
    now: DateTime<Utc>,
) -> AppResult<Announcement> {
    let spec = AnnouncementSpec::parse(input)?;
    let txn = store::begin_write(db).await?;
    let event = own_event(&txn, who, slug).await?;
    let event = store::events::by_id_for_update(&txn, event.id)
        .await?
        .ok_or(AppError::NotFound)?;
    if event.status == EventStatus::Draft {
        return Err(AppError::conflict("event_not_published", Vec::new()));
    }
    let id = store::announcements::insert(&txn, event.id, &spec, who.user_id, now).await?;
    let statuses: &[SeatState] = if spec.include_waitlisted {
        &[SeatState::Confirmed, SeatState::Waitlisted]
    } else {
        &[SeatState::Confirmed]
    };
    let announcement = Notice::Announcement {
        announcement_id: id,
    };
    let count = notices::tell_all(&txn, &event, statuses, announcement, now).await?;
    store::announcements::set_recipients(&txn, id, count as u32).await?;
    txn.commit().await?;
    tracing::info!(
        event_id = event.id,
        announcement_id = id,
        messages = count,
        "announcement queued"
    );
    Ok(Announcement {
        id,
        event_id: event.id,
        spec,
        recipients: count as u32,
        created_at: now,
    })
}

pub async fn list(db: &Db, who: &Principal, slug: &str) -> AppResult<Vec<Announcement>> {
    let event = own_event(db, who, slug).await?;
    Ok(store::announcements::of_event(db, event.id).await?)
}
