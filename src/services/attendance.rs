//! Attendance confirmation before the day (issue 17): the event's `confirm_days_before`, at
//! 9:00 Tokyo time, each confirmed registration that takes seats at a time is asked once
//! whether it will still come. "I can no longer come" cancels it through the registrant's own
//! cancel path, which gives the seats to the waiting list at once. The mail worker calls
//! [`queue_due`].
use super::links::ManageLinks;
use super::notices::{self, Contact, Copies};
use super::registrations::{self, Managed};
use crate::domain::{AttendanceAnswer, EventStatus, Notice, ReminderDays, SeatState, Shape};
use crate::error::{AppError, AppResult};
use crate::store::{self, Db};
use chrono::{DateTime, Utc};

/// Queues the attendance questions whose time has come. Returns the number of messages.
pub async fn queue_due(db: &Db, now: DateTime<Utc>) -> AppResult<usize> {
    let horizon = now + chrono::Duration::days(ReminderDays::MAX_DAYS + 1);
    let mut queued = 0;
    for event_id in store::attendance_checks::candidates(db, now, horizon).await? {
        let Some(event) = store::events::by_id(db, event_id).await? else {
            continue;
        };
        let Some(days) = event.spec.confirm_days_before else {
            continue;
        };
        let send_at = ReminderDays::send_time(days, event.spec.starts_at);
        if !Shape::timed(event.spec.kind) || now < send_at || now >= event.spec.starts_at {
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
        let asked = store::attendance_checks::asked(&txn, event.id).await?;
        let mut count = 0;
        let mut raced = false;
        for reg in
            store::registrations::of_event_in(&txn, event.id, &[SeatState::Confirmed]).await?
        {
            let shape = reg.shape();
            // Only seats held at a time: a booth, a campaign or a declaration has no seat to free.
            // Whoever registered after the question went out has just said they come.
            if asked.contains(&reg.id)
                || !shape.takes_seats()
                || !shape.has_time()
                || !reg.participation.holds_seats()
                || reg.created_at > send_at
            {
                continue;
            }
            match store::attendance_checks::record_sent(&txn, event.id, reg.id, now).await {
                Ok(()) => {}
                // Another worker asked first; what this one wrote is rolled back.
                Err(e) if store::is_unique_violation(&e) => {
                    raced = true;
                    break;
                }
                Err(e) => return Err(e.into()),
            }
            let notice = Notice::AttendanceCheck { days_before: days };
            let none = Default::default();
            count += notices::tell_filtered(
                &txn,
                &event,
                &reg,
                notice,
                Contact::Told,
                Copies::Only(&[]),
                &none,
                now,
            )
            .await?;
        }
        if raced {
            txn.rollback().await?;
            continue;
        }
        txn.commit().await?;
        if count > 0 {
            tracing::info!(event_id, days, messages = count, "attendance check queued");
        }
        queued += count;
    }
    Ok(queued)
}

/// The registration an attendance link speaks for, and its answer so far. Not found unless
/// the link is ours and the registration was asked.
pub async fn question(
    db: &Db,
    links: &ManageLinks,
    token: &str,
) -> AppResult<(Managed, Option<AttendanceAnswer>)> {
    let (manage_token, answer) = lookup(db, links, token).await?;
    Ok((registrations::by_token(db, &manage_token).await?, answer))
}

/// Records the answer. "Cannot come" cancels every attendee through the registrant's cancel
/// path: the seats go to the waiting list in the same transaction, and everyone is told.
/// A cancelled registration cannot answer "will come" (it would not get its seats back).
pub async fn answer(
    db: &Db,
    links: &ManageLinks,
    token: &str,
    answer: AttendanceAnswer,
    now: DateTime<Utc>,
) -> AppResult<(Managed, Option<AttendanceAnswer>)> {
    let (manage_token, before) = lookup(db, links, token).await?;
    let current = registrations::by_token(db, &manage_token).await?;
    let id = current.registration.id;
    let recorded = match answer {
        AttendanceAnswer::WillCome if !current.registration.is_live() => before,
        AttendanceAnswer::WillCome => {
            store::attendance_checks::record_answer(db, id, answer, now).await?;
            Some(answer)
        }
        AttendanceAnswer::CannotCome => {
            if current.registration.is_live() {
                registrations::cancel(db, &manage_token, None, now).await?;
            }
            store::attendance_checks::record_answer(db, id, answer, now).await?;
            tracing::info!(registration_id = id, "cannot come: registration cancelled");
            Some(answer)
        }
    };
    Ok((registrations::by_token(db, &manage_token).await?, recorded))
}

async fn lookup(
    db: &Db,
    links: &ManageLinks,
    token: &str,
) -> AppResult<(String, Option<AttendanceAnswer>)> {
    let id = links.verify_attendance(token).ok_or(AppError::NotFound)?;
    let answer = store::attendance_checks::answer_of(db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let stored = store::registrations::by_id(db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let manage_token = links
        .unseal(&stored.token_sealed)
        .map_err(|_| AppError::NotFound)?;
    Ok((manage_token, answer))
}

/// The attendance question's answers and, once the event is over, its no-shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ConfirmationCounts {
    /// Registrations asked.
    pub asked: u64,
    pub will_come: u64,
    pub cannot_come: u64,
    pub no_answer: u64,
    /// After the end: attendees holding a seat who neither were checked in at the door nor
    /// joined online. `None` before.
    pub no_shows: Option<u64>,
}

/// The counts of an event's report; `None` for an event without a time to come at.
pub async fn counts(
    db: &Db,
    event: &crate::domain::Event,
    now: DateTime<Utc>,
) -> AppResult<Option<ConfirmationCounts>> {
    if !Shape::timed(event.spec.kind) {
        return Ok(None);
    }
    let answers = store::attendance_checks::answers(db, event.id).await?;
    let mut c = ConfirmationCounts {
        asked: answers.len() as u64,
        ..Default::default()
    };
    for a in answers.values() {
        match a {
            Some(AttendanceAnswer::WillCome) => c.will_come += 1,
            Some(AttendanceAnswer::CannotCome) => c.cannot_come += 1,
            None => c.no_answer += 1,
        }
    }
    if now >= event.spec.ends_at {
        let attendees = store::reports::attendees(db, &[event.id]).await?;
        c.no_shows = Some(
            attendees
                .iter()
                .filter(|a| a.attending && !a.checked_in && !a.joined_online)
                .count() as u64,
        );
    }
    Ok(Some(c))
}

/// Each asked registration of the event and its answer (`None`: none yet), for the roster.
pub async fn answers(
    db: &Db,
    event_id: i64,
) -> AppResult<std::collections::HashMap<i64, Option<AttendanceAnswer>>> {
    Ok(store::attendance_checks::answers(db, event_id).await?)
}
