//! Attendance questions sent before the day, and the answers. The primary key (registration)
//! is what makes the question go once per registration, however many workers look.
use super::entities::{attendance_check, event};
use crate::domain::{AttendanceAnswer, EventStatus};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect,
};
use std::collections::{HashMap, HashSet};

/// Published events starting after `now` and up to `until` that ask: (id).
pub async fn candidates(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<i64>, DbErr> {
    event::Entity::find()
        .select_only()
        .column(event::Column::Id)
        .filter(event::Column::Status.eq(EventStatus::Published.code()))
        .filter(event::Column::StartsAt.gt(now))
        .filter(event::Column::StartsAt.lte(until))
        .filter(event::Column::ConfirmDaysBefore.is_not_null())
        .into_tuple()
        .all(db)
        .await
}

/// The registrations of the event that were asked.
pub async fn asked(db: &impl ConnectionTrait, event_id: i64) -> Result<HashSet<i64>, DbErr> {
    let ids: Vec<i64> = attendance_check::Entity::find()
        .select_only()
        .column(attendance_check::Column::RegistrationId)
        .filter(attendance_check::Column::EventId.eq(event_id))
        .into_tuple()
        .all(db)
        .await?;
    Ok(ids.into_iter().collect())
}

/// Records that the registration was asked; a unique violation when another worker was first.
pub async fn record_sent(
    db: &impl ConnectionTrait,
    event_id: i64,
    registration_id: i64,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    attendance_check::Entity::insert(attendance_check::ActiveModel {
        registration_id: Set(registration_id),
        event_id: Set(event_id),
        sent_at: Set(now),
        answer: Set(None),
        answered_at: Set(None),
    })
    .exec(db)
    .await?;
    Ok(())
}

/// `None` when the registration was not asked; else its answer, if any.
pub async fn answer_of(
    db: &impl ConnectionTrait,
    registration_id: i64,
) -> Result<Option<Option<AttendanceAnswer>>, DbErr> {
    Ok(attendance_check::Entity::find_by_id(registration_id)
        .one(db)
        .await?
        .map(|r| r.answer.as_deref().and_then(AttendanceAnswer::from_code)))
}

/// Records the answer (the last one counts).
pub async fn record_answer(
    db: &impl ConnectionTrait,
    registration_id: i64,
    answer: AttendanceAnswer,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    attendance_check::Entity::update_many()
        .col_expr(
            attendance_check::Column::Answer,
            sea_orm::sea_query::Expr::value(answer.code()),
        )
        .col_expr(
            attendance_check::Column::AnsweredAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(attendance_check::Column::RegistrationId.eq(registration_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Each asked registration of the event and its answer (`None`: no answer yet).
pub async fn answers(
    db: &impl ConnectionTrait,
    event_id: i64,
) -> Result<HashMap<i64, Option<AttendanceAnswer>>, DbErr> {
    let rows = attendance_check::Entity::find()
        .filter(attendance_check::Column::EventId.eq(event_id))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.registration_id,
                r.answer.as_deref().and_then(AttendanceAnswer::from_code),
            )
        })
        .collect())
}
