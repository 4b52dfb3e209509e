//! Sessions of an event, their seats, and the sessions each attendee picked.
use super::corrupt;
use super::entities::{event_session, registration_session};
use crate::domain::{Bilingual, EventSession, Language, PickStatus, SessionSpec};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Condition, Expr, ExprTrait};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use std::collections::HashMap;

pub async fn of_event(
    db: &impl ConnectionTrait,
    event_id: i64,
) -> Result<Vec<EventSession>, DbErr> {
    event_session::Entity::find()
        .filter(event_session::Column::EventId.eq(event_id))
        .order_by_asc(event_session::Column::StartsAt)
        .order_by_asc(event_session::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(from_model)
        .collect()
}

pub async fn insert(
    db: &impl ConnectionTrait,
    event_id: i64,
    spec: &SessionSpec,
) -> Result<EventSession, DbErr> {
    let model = event_session::ActiveModel {
        event_id: Set(event_id),
        title_ja: Set(spec.title.ja.clone()),
        title_en: Set(spec.title.en.clone()),
        starts_at: Set(spec.starts_at),
        ends_at: Set(spec.ends_at),
        room_ja: Set(spec.room.as_ref().map(|r| r.ja.clone())),
        room_en: Set(spec.room.as_ref().map(|r| r.en.clone())),
        speaker: Set(spec.speaker.clone()),
        language: Set(spec.language.map(|l| l.code().to_owned())),
        capacity: Set(spec.capacity.map(|c| c as i32)),
        seats_taken: Set(0),
        exclusive: Set(spec.exclusive),
        online_url: Set(spec.online_url.clone()),
        ..Default::default()
    };
    from_model(
        event_session::Entity::insert(model)
            .exec_with_returning(db)
            .await?,
    )
}

/// Removes a session; returns false when the event has no such session.
pub async fn delete(db: &impl ConnectionTrait, event_id: i64, id: i64) -> Result<bool, DbErr> {
    let result = event_session::Entity::delete_many()
        .filter(event_session::Column::EventId.eq(event_id))
        .filter(event_session::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

/// Takes `n` seats of a session if it has room: one conditional UPDATE, like the event's own
/// counter, so no interleaving oversells it. A consultation slot goes to one registration: it
/// is taken only while nobody holds it (its counter then counts the registration's people).
pub async fn take_seats(db: &impl ConnectionTrait, id: i64, n: u32) -> Result<bool, DbErr> {
    let n = n as i32;
    let room = Condition::any()
        .add(
            Condition::all()
                .add(event_session::Column::Exclusive.eq(false))
                .add(
                    Condition::any()
                        .add(event_session::Column::Capacity.is_null())
                        .add(
                            Expr::col(event_session::Column::SeatsTaken)
                                .add(n)
                                .lte(Expr::col(event_session::Column::Capacity)),
                        ),
                ),
        )
        .add(
            Condition::all()
                .add(event_session::Column::Exclusive.eq(true))
                .add(event_session::Column::SeatsTaken.eq(0)),
        );
    let result = event_session::Entity::update_many()
        .col_expr(
            event_session::Column::SeatsTaken,
            Expr::col(event_session::Column::SeatsTaken).add(n),
        )
        .filter(event_session::Column::Id.eq(id))
        .filter(room)
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Counts `n` more people into a consultation slot the registration holds already (an
/// attendee added to the company): the slot is theirs whoever comes.
pub async fn join_slot(db: &impl ConnectionTrait, id: i64, n: u32) -> Result<(), DbErr> {
    event_session::Entity::update_many()
        .col_expr(
            event_session::Column::SeatsTaken,
            Expr::col(event_session::Column::SeatsTaken).add(n as i32),
        )
        .filter(event_session::Column::Id.eq(id))
        .filter(event_session::Column::Exclusive.eq(true))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn release_seats(db: &impl ConnectionTrait, id: i64, n: u32) -> Result<(), DbErr> {
    let n = n as i32;
    event_session::Entity::update_many()
        .col_expr(
            event_session::Column::SeatsTaken,
            Expr::col(event_session::Column::SeatsTaken).sub(n),
        )
        .filter(event_session::Column::Id.eq(id))
        .filter(event_session::Column::SeatsTaken.gte(n))
        .exec(db)
        .await?;
    Ok(())
}

/// One attendee's pick of one session. `seats` is what the row holds in the session's
/// counter: 1, one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredPick {
    pub registration_id: i64,
    pub attendee_id: i64,
    pub session_id: i64,
    pub status: PickStatus,
    pub seats: u32,
}

impl StoredPick {
    pub fn new(
        registration_id: i64,
        attendee_id: i64,
        session_id: i64,
        status: PickStatus,
    ) -> Self {
        StoredPick {
            registration_id,
            attendee_id,
            session_id,
            status,
            seats: 1,
        }
    }
}

/// Records new picks in one statement (they are told apart by attendee and session).
pub async fn insert_picks(
    db: &impl ConnectionTrait,
    picks: &[StoredPick],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if picks.is_empty() {
        return Ok(());
    }
    registration_session::Entity::insert_many(picks.iter().map(|pick| {
        registration_session::ActiveModel {
            registration_id: Set(pick.registration_id),
            attendee_id: Set(pick.attendee_id),
            session_id: Set(pick.session_id),
            status: Set(pick.status.code().to_owned()),
            seats: Set(pick.seats as i32),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
    }))
    .exec(db)
    .await?;
    Ok(())
}

pub async fn set_pick(
    db: &impl ConnectionTrait,
    pick: StoredPick,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    registration_session::Entity::update_many()
        .col_expr(
            registration_session::Column::Status,
            Expr::value(pick.status.code()),
        )
        .col_expr(
            registration_session::Column::Seats,
            Expr::value(pick.seats as i32),
        )
        .col_expr(registration_session::Column::UpdatedAt, Expr::value(now))
        .filter(registration_session::Column::AttendeeId.eq(pick.attendee_id))
        .filter(registration_session::Column::SessionId.eq(pick.session_id))
        .exec(db)
        .await?;
    Ok(())
}

/// The picks of each registration's attendees, in the order they were made.
pub async fn picks_of(
    db: &impl ConnectionTrait,
    registration_ids: &[i64],
) -> Result<HashMap<i64, Vec<StoredPick>>, DbErr> {
    let mut out: HashMap<i64, Vec<StoredPick>> = HashMap::new();
    for chunk in registration_ids.chunks(500) {
        for m in registration_session::Entity::find()
            .filter(registration_session::Column::RegistrationId.is_in(chunk.iter().copied()))
            .order_by_asc(registration_session::Column::Id)
            .all(db)
            .await?
        {
            out.entry(m.registration_id).or_default().push(StoredPick {
                registration_id: m.registration_id,
                attendee_id: m.attendee_id,
                session_id: m.session_id,
                status: m.status.parse().map_err(corrupt)?,
                seats: m.seats as u32,
            });
        }
    }
    Ok(out)
}

/// The waiting list of a session, one row a person, first come first.
pub async fn waitlisted(
    db: &impl ConnectionTrait,
    session_id: i64,
) -> Result<Vec<StoredPick>, DbErr> {
    registration_session::Entity::find()
        .filter(registration_session::Column::SessionId.eq(session_id))
        .filter(registration_session::Column::Status.eq(PickStatus::Waitlisted.code()))
        .order_by_asc(registration_session::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|m| {
            Ok(StoredPick {
                registration_id: m.registration_id,
                attendee_id: m.attendee_id,
                session_id: m.session_id,
                status: PickStatus::Waitlisted,
                seats: m.seats as u32,
            })
        })
        .collect()
}

/// Picks that still hold or wait for a place in the session.
pub async fn live_picks(db: &impl ConnectionTrait, session_id: i64) -> Result<u64, DbErr> {
    registration_session::Entity::find()
        .filter(registration_session::Column::SessionId.eq(session_id))
        .filter(registration_session::Column::Status.ne(PickStatus::Cancelled.code()))
        .count(db)
        .await
}

/// Registrations with someone holding a confirmed place in the session (the bookings page),
/// each once.
pub async fn confirmed_registrations(
    db: &impl ConnectionTrait,
    session_id: i64,
) -> Result<Vec<i64>, DbErr> {
    use sea_orm::QuerySelect;
    registration_session::Entity::find()
        .select_only()
        .column(registration_session::Column::RegistrationId)
        .distinct()
        .filter(registration_session::Column::SessionId.eq(session_id))
        .filter(registration_session::Column::Status.eq(PickStatus::Confirmed.code()))
        .into_tuple()
        .all(db)
        .await
}

/// Attendees holding a confirmed place in the session (the roster filter, the door).
pub async fn confirmed_attendees(
    db: &impl ConnectionTrait,
    session_id: i64,
) -> Result<Vec<i64>, DbErr> {
    use sea_orm::QuerySelect;
    registration_session::Entity::find()
        .select_only()
        .column(registration_session::Column::AttendeeId)
        .filter(registration_session::Column::SessionId.eq(session_id))
        .filter(registration_session::Column::Status.eq(PickStatus::Confirmed.code()))
        .into_tuple()
        .all(db)
        .await
}

fn from_model(m: event_session::Model) -> Result<EventSession, DbErr> {
    Ok(EventSession {
        id: m.id,
        event_id: m.event_id,
        spec: SessionSpec {
            title: Bilingual {
                ja: m.title_ja,
                en: m.title_en,
            },
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            room: m.room_ja.map(|ja| Bilingual {
                en: m.room_en.unwrap_or_else(|| ja.clone()),
                ja,
            }),
            speaker: m.speaker,
            language: match m.language {
                Some(l) => Some(Language::parse(&l).ok_or_else(|| corrupt("session language"))?),
                None => None,
            },
            capacity: m.capacity.map(|c| c as u32),
            exclusive: m.exclusive,
            online_url: m.online_url,
        },
        seats_taken: m.seats_taken as u32,
    })
}

/// Marks an attendee arrived at a session's door, once: a second tap keeps the first time.
pub async fn check_in(
    db: &impl ConnectionTrait,
    session_id: i64,
    attendee_id: i64,
    by: i64,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    use super::entities::session_checkin;
    session_checkin::Entity::insert(session_checkin::ActiveModel {
        session_id: Set(session_id),
        attendee_id: Set(attendee_id),
        checked_in_at: Set(now),
        checked_in_by: Set(by),
    })
    .on_conflict_do_nothing()
    .exec(db)
    .await?;
    Ok(())
}

/// When each of `attendee_ids` arrived at the session, for those who did.
pub async fn checkins(
    db: &impl ConnectionTrait,
    session_id: i64,
    attendee_ids: &[i64],
) -> Result<HashMap<i64, DateTime<Utc>>, DbErr> {
    use super::entities::session_checkin;
    Ok(session_checkin::Entity::find()
        .filter(session_checkin::Column::SessionId.eq(session_id))
        .filter(session_checkin::Column::AttendeeId.is_in(attendee_ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.attendee_id, c.checked_in_at))
        .collect())
}
