//! Online attendance: who joined through their personal join link, when, and how often.
use super::entities::{attendee, online_join};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set};
use std::collections::HashMap;

/// An attendee's joins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Joins {
    pub first: DateTime<Utc>,
    pub last: DateTime<Utc>,
    pub count: i32,
}

/// The registration an attendee belongs to.
pub async fn registration_of(
    db: &impl ConnectionTrait,
    attendee_id: i64,
) -> Result<Option<i64>, DbErr> {
    attendee::Entity::find_by_id(attendee_id)
        .select_only()
        .column(attendee::Column::RegistrationId)
        .into_tuple::<i64>()
        .one(db)
        .await
}

/// Counts one join: the first keeps its time, the last moves, the count grows.
pub async fn record(
    db: &impl ConnectionTrait,
    event_id: i64,
    attendee_id: i64,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    for _ in 0..2 {
        let bumped = online_join::Entity::update_many()
            .col_expr(online_join::Column::LastJoinedAt, Expr::value(now))
            .col_expr(
                online_join::Column::Joins,
                Expr::col(online_join::Column::Joins).add(1),
            )
            .filter(online_join::Column::AttendeeId.eq(attendee_id))
            .exec(db)
            .await?;
        if bumped.rows_affected > 0 {
            return Ok(());
        }
        let inserted = online_join::Entity::insert(online_join::ActiveModel {
            attendee_id: Set(attendee_id),
            event_id: Set(event_id),
            first_joined_at: Set(now),
            last_joined_at: Set(now),
            joins: Set(1),
        })
        .on_conflict_do_nothing()
        .exec_without_returning(db)
        .await?;
        if matches!(inserted, sea_orm::TryInsertResult::Inserted(n) if n > 0) {
            return Ok(());
        }
        // Another request inserted it between the two statements: bump that row.
    }
    Ok(())
}

/// The joins of an event's attendees, by attendee id.
pub async fn for_event(
    db: &impl ConnectionTrait,
    event_id: i64,
) -> Result<HashMap<i64, Joins>, DbErr> {
    Ok(online_join::Entity::find()
        .filter(online_join::Column::EventId.eq(event_id))
        .all(db)
        .await?
        .into_iter()
        .map(|j| {
            (
                j.attendee_id,
                Joins {
                    first: j.first_joined_at,
                    last: j.last_joined_at,
                    count: j.joins,
                },
            )
        })
        .collect())
}
