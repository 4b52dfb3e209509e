//! The sessions a registration picked: seats taken in each, its place in each waiting list,
//! given back when it shrinks, changes its mind or cancels. Runs inside the registration's
//! transaction, which holds the event row; sessions are always touched in id order, so two
//! registrations cannot lock them in opposite orders.
use super::*;
use crate::domain::{EventSession, PickStatus, session::check_picks};
use crate::store::event_sessions::{self, StoredPick};

/// The event's sessions, and the ones `picked` names, checked (known, no clash, one slot).
pub(super) async fn chosen(
    txn: &impl ConnectionTrait,
    event_id: i64,
    picked: &[i64],
) -> AppResult<Vec<EventSession>> {
    let sessions = event_sessions::of_event(txn, event_id).await?;
    Ok(check_picks(&sessions, picked)?)
}

fn session_full(s: &EventSession) -> AppError {
    if s.spec.exclusive {
        ValidationErrors::single_with(
            "sessions",
            "slot_taken",
            crate::error_args![("session", s.spec.title.clone())],
        )
        .into()
    } else {
        ValidationErrors::single_with(
            "sessions",
            "session_full",
            crate::error_args![("session", s.spec.title.clone())],
        )
        .into()
    }
}

/// A registration's picks, by session id (the order sessions are locked in).
async fn picks_in_order(
    txn: &impl ConnectionTrait,
    registration_id: i64,
) -> AppResult<Vec<StoredPick>> {
    let mut picks = event_sessions::picks_of(txn, &[registration_id])
        .await?
        .remove(&registration_id)
        .unwrap_or_default();
    picks.sort_by_key(|p| p.session_id);
    Ok(picks)
}

/// Takes a place in one session: a seat when there is room, else its waiting list when the
/// event keeps one (a consultation slot never waits), else the session is full.
async fn take_one(
    txn: &impl ConnectionTrait,
    event: &Event,
    s: &EventSession,
    seats: u32,
    registration_waits: bool,
) -> AppResult<PickStatus> {
    if registration_waits {
        return Ok(PickStatus::Waitlisted);
    }
    if event_sessions::take_seats(txn, s.id, seats).await? {
        Ok(PickStatus::Confirmed)
    } else if event.spec.waitlist_enabled && !s.spec.exclusive {
        Ok(PickStatus::Waitlisted)
    } else {
        Err(session_full(s))
    }
}

/// Records a new registration's picks. A registration waiting for the event waits in each of
/// its sessions too.
pub(super) async fn take(
    txn: &impl ConnectionTrait,
    event: &Event,
    registration_id: i64,
    status: SeatState,
    seats: u32,
    chosen: &[EventSession],
    now: DateTime<Utc>,
) -> AppResult<()> {
    let mut by_id: Vec<&EventSession> = chosen.iter().collect();
    by_id.sort_by_key(|s| s.id);
    for s in by_id {
        let status = take_one(txn, event, s, seats, status == SeatState::Waitlisted).await?;
        let pick = StoredPick {
            registration_id,
            session_id: s.id,
            status,
            seats,
        };
        event_sessions::insert_pick(txn, pick, now).await?;
    }
    Ok(())
}

/// The registration is cancelled: every place it holds is given back and each of those
/// sessions' waiting lists moves up.
pub(super) async fn release_all(
    txn: &impl ConnectionTrait,
    event: &Event,
    registration_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let picks = picks_in_order(txn, registration_id).await?;
    let mut freed = Vec::new();
    for p in picks
        .into_iter()
        .filter(|p| p.status != PickStatus::Cancelled)
    {
        if p.status == PickStatus::Confirmed {
            event_sessions::release_seats(txn, p.session_id, p.seats).await?;
            freed.push(p.session_id);
        }
        let cancelled = StoredPick {
            status: PickStatus::Cancelled,
            ..p
        };
        event_sessions::set_pick(txn, cancelled, now).await?;
    }
    promote(txn, event, &freed, now).await
}

/// The registration now brings `seats` people: each session it holds gives or takes the
/// difference. Fails when a session has no room for the newcomers.
pub(super) async fn resize(
    txn: &impl ConnectionTrait,
    event: &Event,
    registration_id: i64,
    seats: u32,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let picks = picks_in_order(txn, registration_id).await?;
    let sessions = event_sessions::of_event(txn, event.id).await?;
    let mut freed = Vec::new();
    for p in picks
        .into_iter()
        .filter(|p| p.status != PickStatus::Cancelled)
    {
        if p.status == PickStatus::Confirmed {
            if seats > p.seats {
                let s = sessions
                    .iter()
                    .find(|s| s.id == p.session_id)
                    .ok_or(AppError::NotFound)?;
                // A consultation slot is the company's, whoever comes.
                if !s.spec.exclusive
                    && !event_sessions::take_seats(txn, p.session_id, seats - p.seats).await?
                {
                    return Err(session_full(s));
                }
            } else if seats < p.seats {
                event_sessions::release_seats(txn, p.session_id, p.seats - seats).await?;
                freed.push(p.session_id);
            }
        }
        event_sessions::set_pick(txn, StoredPick { seats, ..p }, now).await?;
    }
    promote(txn, event, &freed, now).await
}

/// The registrant changes which sessions they attend (through the manage link). Sessions kept
/// stay as they are; dropped ones give their places back; new ones are taken as at
/// registration. Returns whether anything changed.
pub(super) async fn reselect(
    txn: &impl ConnectionTrait,
    event: &Event,
    reg: &Registration,
    picked: &[i64],
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let chosen = chosen(txn, event.id, picked).await?;
    let current: Vec<StoredPick> = event_sessions::picks_of(txn, &[reg.id])
        .await?
        .remove(&reg.id)
        .unwrap_or_default();
    let live = |id: i64| {
        current
            .iter()
            .find(|p| p.session_id == id && p.status != PickStatus::Cancelled)
    };
    let mut changed = false;
    let mut freed = Vec::new();
    let mut ids: Vec<i64> = current
        .iter()
        .map(|p| p.session_id)
        .chain(chosen.iter().map(|s| s.id))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let wanted = chosen.iter().find(|s| s.id == id);
        match (live(id), wanted) {
            (Some(p), None) => {
                if p.status == PickStatus::Confirmed {
                    event_sessions::release_seats(txn, id, p.seats).await?;
                    freed.push(id);
                }
                let dropped = StoredPick {
                    status: PickStatus::Cancelled,
                    ..*p
                };
                event_sessions::set_pick(txn, dropped, now).await?;
                changed = true;
            }
            (None, Some(s)) => {
                let status = take_one(
                    txn,
                    event,
                    s,
                    reg.participation.seats(),
                    reg.participation.is_waiting(),
                )
                .await?;
                let pick = StoredPick {
                    registration_id: reg.id,
                    session_id: id,
                    status,
                    seats: reg.participation.seats(),
                };
                if current.iter().any(|p| p.session_id == id) {
                    event_sessions::set_pick(txn, pick, now).await?;
                } else {
                    event_sessions::insert_pick(txn, pick, now).await?;
                }
                changed = true;
            }
            _ => {}
        }
    }
    promote(txn, event, &freed, now).await?;
    Ok(changed)
}

/// A registration waiting for the event got its seats: its sessions are taken now, where they
/// have room (the others keep it waiting there).
pub(super) async fn on_event_promotion(
    txn: &impl ConnectionTrait,
    registration_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let picks = picks_in_order(txn, registration_id).await?;
    for p in picks
        .into_iter()
        .filter(|p| p.status == PickStatus::Waitlisted)
    {
        if event_sessions::take_seats(txn, p.session_id, p.seats).await? {
            let confirmed = StoredPick {
                status: PickStatus::Confirmed,
                ..p
            };
            event_sessions::set_pick(txn, confirmed, now).await?;
        }
    }
    Ok(())
}

/// Gives the freed places of `session_ids` to their waiting lists, first come first (a party
/// too big for what is free waits on). Each registration moved up is told.
async fn promote(
    txn: &impl ConnectionTrait,
    event: &Event,
    session_ids: &[i64],
    now: DateTime<Utc>,
) -> AppResult<()> {
    if session_ids.is_empty()
        || event.status == EventStatus::Cancelled
        || now >= event.spec.starts_at
    {
        return Ok(());
    }
    let sessions = event_sessions::of_event(txn, event.id).await?;
    for id in session_ids {
        let Some(s) = sessions.iter().find(|s| s.id == *id) else {
            continue;
        };
        for p in event_sessions::waitlisted(txn, *id).await? {
            // Only registrations holding the event's seats move up in its sessions.
            let Some(reg) = store::registrations::by_id(txn, p.registration_id)
                .await?
                .map(|s| s.registration)
                .filter(|r| r.participation.holds_seats())
            else {
                continue;
            };
            if !event_sessions::take_seats(txn, *id, p.seats).await? {
                continue;
            }
            let confirmed = StoredPick {
                status: PickStatus::Confirmed,
                ..p
            };
            event_sessions::set_pick(txn, confirmed, now).await?;
            let promoted = crate::domain::Notice::Promoted {
                session: Some((&s.spec.title).into()),
            };
            notices::tell(txn, event, &reg, promoted, Copies::Active, now).await?;
            tracing::info!(
                session_id = id,
                registration_id = reg.id,
                "promoted from a session's waiting list"
            );
        }
    }
    Ok(())
}
