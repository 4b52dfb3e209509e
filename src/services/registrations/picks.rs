//! The sessions each attendee picked: a seat per person in each, a place per person in each
//! waiting list, given back when an attendee leaves, changes their mind or the registration
//! cancels. A consultation slot is the registration's: all its attendees are in it together.
//! Runs inside the registration's transaction, which holds the event row; sessions are always
//! touched in id order, so two registrations cannot lock them in opposite orders.
use super::*;
use crate::domain::{EventSession, PickStatus, session::check_attendee_picks};
use crate::store::event_sessions::{self, StoredPick};

/// What each attendee asked for, by position: their own list where one was given, else the
/// registration's (`sessions`: "every attendee picks these").
pub(super) fn requested(
    sessions: &[i64],
    per_attendee: &[Option<Vec<i64>>],
    attendees: usize,
) -> Vec<Vec<i64>> {
    (0..attendees.max(1))
        .map(|i| match per_attendee.get(i) {
            Some(Some(own)) => own.clone(),
            _ => sessions.to_vec(),
        })
        .collect()
}

/// The event's sessions each attendee's list names, checked (known, no clash for one person,
/// one slot for the registration).
pub(super) async fn chosen(
    txn: &impl ConnectionTrait,
    event_id: i64,
    picked: &[Vec<i64>],
) -> AppResult<Vec<Vec<EventSession>>> {
    let sessions = event_sessions::of_event(txn, event_id).await?;
    Ok(check_attendee_picks(&sessions, picked)?)
}

fn session_full(s: &EventSession) -> AppError {
    // The codes stay literal at the call: the error-words test finds them in the source.
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

/// The registration's picks, in the order they were made.
async fn picks_of(txn: &impl ConnectionTrait, registration_id: i64) -> AppResult<Vec<StoredPick>> {
    Ok(event_sessions::picks_of(txn, &[registration_id])
        .await?
        .remove(&registration_id)
        .unwrap_or_default())
}

/// Places for `people` (attendee ids, in order) in one session: a seat each while there is
/// room, then its waiting list when the event keeps one, else the session is full. A
/// consultation slot is taken for all of them at once, or joined when the registration holds
/// it already; it never waits. A registration waiting for the event waits everywhere.
async fn take_for(
    txn: &impl ConnectionTrait,
    event: &Event,
    s: &EventSession,
    people: &[i64],
    registration_waits: bool,
    holds_slot: bool,
) -> AppResult<Vec<PickStatus>> {
    if registration_waits {
        return Ok(vec![PickStatus::Waitlisted; people.len()]);
    }
    let n = people.len() as u32;
    if s.spec.exclusive {
        if holds_slot {
            event_sessions::join_slot(txn, s.id, n).await?;
        } else if !event_sessions::take_seats(txn, s.id, n).await? {
            return Err(session_full(s));
        }
        return Ok(vec![PickStatus::Confirmed; people.len()]);
    }
    let mut out = Vec::with_capacity(people.len());
    let mut room = true;
    for _ in people {
        room = room && event_sessions::take_seats(txn, s.id, 1).await?;
        if room {
            out.push(PickStatus::Confirmed);
        } else if event.spec.waitlist_enabled {
            out.push(PickStatus::Waitlisted);
        } else {
            return Err(session_full(s));
        }
    }
    Ok(out)
}

/// Records a new registration's picks: `chosen` holds each listed attendee's sessions, in the
/// order of `reg.attendees`. Attendees whose address was registered already hold nothing.
pub(super) async fn take(
    txn: &impl ConnectionTrait,
    event: &Event,
    reg: &Registration,
    chosen: &[Vec<EventSession>],
    now: DateTime<Utc>,
) -> AppResult<()> {
    let mut by_session: BTreeMap<i64, (&EventSession, Vec<i64>)> = BTreeMap::new();
    for (a, list) in reg.attendees.iter().zip(chosen) {
        if a.status != AttendeeStatus::Active {
            continue;
        }
        for s in list {
            by_session
                .entry(s.id)
                .or_insert((s, Vec::new()))
                .1
                .push(a.id);
        }
    }
    let waits = reg.participation.is_waiting();
    let mut rows = Vec::new();
    for (id, (s, people)) in by_session {
        let statuses = take_for(txn, event, s, &people, waits, false).await?;
        rows.extend(
            people
                .iter()
                .zip(statuses)
                .map(|(a, status)| StoredPick::new(reg.id, *a, id, status)),
        );
    }
    event_sessions::insert_picks(txn, &rows, now).await?;
    Ok(())
}

/// Gives back the places of `dropped` (each session's confirmed seats) and marks them
/// cancelled; returns the sessions where seats were freed.
async fn drop_picks(
    txn: &impl ConnectionTrait,
    dropped: &[StoredPick],
    now: DateTime<Utc>,
) -> AppResult<Vec<i64>> {
    let mut seats: BTreeMap<i64, u32> = BTreeMap::new();
    for p in dropped {
        if p.status == PickStatus::Confirmed {
            *seats.entry(p.session_id).or_default() += p.seats;
        }
    }
    for (id, n) in &seats {
        event_sessions::release_seats(txn, *id, *n).await?;
    }
    for p in dropped {
        let cancelled = StoredPick {
            status: PickStatus::Cancelled,
            ..*p
        };
        event_sessions::set_pick(txn, cancelled, now).await?;
    }
    Ok(seats.into_keys().collect())
}

/// The registration is cancelled: every place its attendees hold is given back and each of
/// those sessions' waiting lists moves up.
pub(super) async fn release_all(
    txn: &impl ConnectionTrait,
    event: &Event,
    registration_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let live: Vec<StoredPick> = picks_of(txn, registration_id)
        .await?
        .into_iter()
        .filter(|p| p.status != PickStatus::Cancelled)
        .collect();
    let freed = drop_picks(txn, &live, now).await?;
    promote(txn, event, &freed, now).await
}

/// The registration's attendees changed (some cancelled, some added): those who left give
/// their places back, and those who came join the consultation slot the registration holds.
/// Newcomers pick talks of their own (through the manage page or the change's `sessions`).
pub(super) async fn follow_attendees(
    txn: &impl ConnectionTrait,
    event: &Event,
    registration_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let reg = store::registrations::by_id(txn, registration_id)
        .await?
        .ok_or(AppError::NotFound)?
        .registration;
    let active: Vec<i64> = reg.active_attendees().map(|a| a.id).collect();
    let picks = picks_of(txn, reg.id).await?;
    let (stay, gone): (Vec<StoredPick>, Vec<StoredPick>) = picks
        .iter()
        .copied()
        .filter(|p| p.status != PickStatus::Cancelled)
        .partition(|p| active.contains(&p.attendee_id));
    let freed = drop_picks(txn, &gone, now).await?;
    if reg.is_live() {
        let sessions = event_sessions::of_event(txn, event.id).await?;
        for s in sessions.iter().filter(|s| s.spec.exclusive) {
            let Some(held) = stay.iter().find(|p| p.session_id == s.id) else {
                continue;
            };
            let newcomers: Vec<i64> = active
                .iter()
                .copied()
                .filter(|a| {
                    !stay
                        .iter()
                        .any(|p| p.session_id == s.id && p.attendee_id == *a)
                })
                .collect();
            if newcomers.is_empty() {
                continue;
            }
            if held.status == PickStatus::Confirmed {
                event_sessions::join_slot(txn, s.id, newcomers.len() as u32).await?;
            }
            let rows: Vec<StoredPick> = newcomers
                .iter()
                .map(|a| StoredPick::new(reg.id, *a, s.id, held.status))
                .collect();
            store_rows(txn, &picks, &rows, now).await?;
        }
    }
    promote(txn, event, &freed, now).await
}

/// Writes `rows`: over an attendee's earlier (dropped) pick of the same session, or new.
async fn store_rows(
    txn: &impl ConnectionTrait,
    existing: &[StoredPick],
    rows: &[StoredPick],
    now: DateTime<Utc>,
) -> AppResult<()> {
    let (again, new): (Vec<StoredPick>, Vec<StoredPick>) = rows.iter().partition(|r| {
        existing
            .iter()
            .any(|p| p.session_id == r.session_id && p.attendee_id == r.attendee_id)
    });
    for p in again {
        event_sessions::set_pick(txn, p, now).await?;
    }
    event_sessions::insert_picks(txn, &new, now).await?;
    Ok(())
}

/// The registrant changes which sessions who attends (through the manage link or the API):
/// `all` for every attendee, `each` by attendee id (which wins), the rest keep theirs.
/// Sessions kept stay as they are; dropped ones give their places back; new ones are taken as
/// at registration. Returns whether anything changed.
pub(super) async fn reselect(
    txn: &impl ConnectionTrait,
    event: &Event,
    reg: &Registration,
    all: Option<&[i64]>,
    each: &BTreeMap<i64, Vec<i64>>,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let active: Vec<i64> = reg.active_attendees().map(|a| a.id).collect();
    if each.keys().any(|id| !active.contains(id)) {
        return Err(ValidationErrors::single("sessions", "unknown_attendee").into());
    }
    let current = picks_of(txn, reg.id).await?;
    let live = |a: i64| {
        current
            .iter()
            .filter(move |p| p.attendee_id == a && p.status != PickStatus::Cancelled)
    };
    let wanted: Vec<Vec<i64>> = active
        .iter()
        .map(|a| match (each.get(a), all) {
            (Some(own), _) => own.clone(),
            (None, Some(all)) => all.to_vec(),
            (None, None) => live(*a).map(|p| p.session_id).collect(),
        })
        .collect();
    let chosen = chosen(txn, event.id, &wanted).await?;
    let mut dropped: Vec<StoredPick> = Vec::new();
    let mut added: BTreeMap<i64, (&EventSession, Vec<i64>)> = BTreeMap::new();
    for (a, list) in active.iter().zip(&chosen) {
        dropped.extend(live(*a).filter(|p| !list.iter().any(|s| s.id == p.session_id)));
        for s in list
            .iter()
            .filter(|s| live(*a).all(|p| p.session_id != s.id))
        {
            added.entry(s.id).or_insert((s, Vec::new())).1.push(*a);
        }
    }
    if dropped.is_empty() && added.is_empty() {
        return Ok(false);
    }
    let freed = drop_picks(txn, &dropped, now).await?;
    let waits = reg.participation.is_waiting();
    let mut rows = Vec::new();
    for (id, (s, people)) in added {
        // Someone of the registration keeps the slot: the others join them.
        let holds_slot = current.iter().any(|p| {
            p.session_id == id
                && p.status == PickStatus::Confirmed
                && !dropped.contains(p)
                && active.contains(&p.attendee_id)
        });
        let statuses = take_for(txn, event, s, &people, waits, holds_slot).await?;
        rows.extend(
            people
                .iter()
                .zip(statuses)
                .map(|(a, status)| StoredPick::new(reg.id, *a, id, status)),
        );
    }
    store_rows(txn, &current, &rows, now).await?;
    promote(txn, event, &freed, now).await?;
    Ok(true)
}

/// A registration waiting for the event got its seats: its attendees' sessions are taken now,
/// where they have room (the others keep them waiting there).
pub(super) async fn on_event_promotion(
    txn: &impl ConnectionTrait,
    registration_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let mut by_session: BTreeMap<i64, Vec<StoredPick>> = BTreeMap::new();
    for p in picks_of(txn, registration_id)
        .await?
        .into_iter()
        .filter(|p| p.status == PickStatus::Waitlisted)
    {
        by_session.entry(p.session_id).or_default().push(p);
    }
    if by_session.is_empty() {
        return Ok(());
    }
    let event_id = store::registrations::by_id(txn, registration_id)
        .await?
        .ok_or(AppError::NotFound)?
        .registration
        .event_id;
    let sessions = event_sessions::of_event(txn, event_id).await?;
    for (id, waiting) in by_session {
        let exclusive = sessions.iter().any(|s| s.id == id && s.spec.exclusive);
        let confirmed: Vec<StoredPick> = if exclusive {
            // The company's slot, for all of them or none.
            if event_sessions::take_seats(txn, id, waiting.len() as u32).await? {
                waiting
            } else {
                Vec::new()
            }
        } else {
            let mut got = Vec::new();
            for p in waiting {
                if !event_sessions::take_seats(txn, id, p.seats).await? {
                    break;
                }
                got.push(p);
            }
            got
        };
        for p in confirmed {
            let p = StoredPick {
                status: PickStatus::Confirmed,
                ..p
            };
            event_sessions::set_pick(txn, p, now).await?;
        }
    }
    Ok(())
}

/// Gives the freed seats of `session_ids` to their waiting lists, one person a seat, first
/// come first. Each registration with someone moved up is told, naming the session and who.
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
    let mut registrations: BTreeMap<i64, Option<Registration>> = BTreeMap::new();
    for id in session_ids {
        let Some(s) = sessions.iter().find(|s| s.id == *id) else {
            continue;
        };
        // Who moved up here, by registration, in the order they waited.
        let mut moved: Vec<(i64, Vec<i64>)> = Vec::new();
        for p in event_sessions::waitlisted(txn, *id).await? {
            if let std::collections::btree_map::Entry::Vacant(slot) =
                registrations.entry(p.registration_id)
            {
                let reg = store::registrations::by_id(txn, p.registration_id)
                    .await?
                    .map(|s| s.registration);
                slot.insert(reg);
            }
            // Only people holding the event's seats move up in its sessions.
            let holds_event_seat = registrations[&p.registration_id].as_ref().is_some_and(|r| {
                r.participation.holds_seats() && r.active_attendees().any(|a| a.id == p.attendee_id)
            });
            if !holds_event_seat {
                continue;
            }
            if !event_sessions::take_seats(txn, *id, p.seats).await? {
                break;
            }
            let confirmed = StoredPick {
                status: PickStatus::Confirmed,
                ..p
            };
            event_sessions::set_pick(txn, confirmed, now).await?;
            match moved.iter_mut().find(|(r, _)| *r == p.registration_id) {
                Some((_, people)) => people.push(p.attendee_id),
                None => moved.push((p.registration_id, vec![p.attendee_id])),
            }
        }
        for (registration_id, people) in moved {
            let Some(Some(reg)) = registrations.get(&registration_id) else {
                continue;
            };
            let who: Vec<&Attendee> = reg
                .attendees
                .iter()
                .filter(|a| people.contains(&a.id))
                .collect();
            let names: Vec<&str> = who.iter().map(|a| a.name.as_str()).collect();
            let promoted = crate::domain::Notice::Promoted {
                session: Some((&s.spec.title).into()),
                attendees: names.iter().map(|n| (*n).to_owned()).collect(),
            };
            notices::tell(txn, event, reg, promoted, Copies::Only(&who), now).await?;
            tracing::info!(
                session_id = id,
                registration_id,
                people = people.len(),
                "promoted from a session's waiting list"
            );
        }
    }
    Ok(())
}
