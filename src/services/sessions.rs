//! The sessions an organizer sets up inside an event: talks and workshops of an EXPO, or the
//! time slots of a consultation desk.
use super::events::own_event;
use crate::domain::{EventSession, Principal, SessionInput, SessionSpec};
use crate::error::{AppError, AppResult};
use crate::store::{self, Db};

pub const MAX_SESSIONS: usize = 200;

pub async fn add(
    db: &Db,
    who: &Principal,
    slug: &str,
    input: SessionInput,
) -> AppResult<Vec<EventSession>> {
    let txn = store::begin_write(db).await?;
    let event = own_event(&txn, who, slug).await?;
    let spec = SessionSpec::parse(input, &event.spec)?;
    let existing = store::event_sessions::of_event(&txn, event.id).await?;
    if existing.len() >= MAX_SESSIONS {
        return Err(AppError::conflict(
            "too_many_sessions",
            crate::error_args![("max", MAX_SESSIONS)],
        ));
    }
    // Talks and consultation slots are different things; one event holds one kind.
    if existing.iter().any(|s| s.spec.exclusive != spec.exclusive) {
        return Err(AppError::conflict("mixed_sessions", Vec::new()));
    }
    store::event_sessions::insert(&txn, event.id, &spec).await?;
    let sessions = store::event_sessions::of_event(&txn, event.id).await?;
    txn.commit().await?;
    Ok(sessions)
}

/// Removes a session nobody has picked; one with registrations must stay (cancel those first).
pub async fn remove(
    db: &Db,
    who: &Principal,
    slug: &str,
    session_id: i64,
) -> AppResult<Vec<EventSession>> {
    let txn = store::begin_write(db).await?;
    let event = own_event(&txn, who, slug).await?;
    if store::event_sessions::live_picks(&txn, session_id).await? > 0 {
        return Err(AppError::conflict("session_in_use", Vec::new()));
    }
    if !store::event_sessions::delete(&txn, event.id, session_id).await? {
        return Err(AppError::NotFound);
    }
    let sessions = store::event_sessions::of_event(&txn, event.id).await?;
    txn.commit().await?;
    Ok(sessions)
}

pub async fn of_event(db: &Db, event_id: i64) -> AppResult<Vec<EventSession>> {
    Ok(store::event_sessions::of_event(db, event_id).await?)
}
