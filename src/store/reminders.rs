//! Which reminders have been queued. The primary key (event, days before) is what makes a
//! reminder go once, however many workers look.
use super::entities::{event, event_reminder};
use crate::domain::EventStatus;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect,
};

/// Published events starting after `now` and up to `until`, that have reminders: (id).
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
        .filter(event::Column::ReminderDays.ne(""))
        .into_tuple()
        .all(db)
        .await
}

pub async fn is_queued(
    db: &impl ConnectionTrait,
    event_id: i64,
    days_before: u8,
) -> Result<bool, DbErr> {
    Ok(
        event_reminder::Entity::find_by_id((event_id, i32::from(days_before)))
            .one(db)
            .await?
            .is_some(),
    )
}

/// Records the reminder; fails with a unique violation when another worker was first.
pub async fn record(
    db: &impl ConnectionTrait,
    event_id: i64,
    days_before: u8,
    recipients: usize,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    event_reminder::Entity::insert(event_reminder::ActiveModel {
        event_id: Set(event_id),
        days_before: Set(i32::from(days_before)),
        recipients: Set(i32::try_from(recipients).unwrap_or(i32::MAX)),
        queued_at: Set(now),
    })
    .exec(db)
    .await?;
    Ok(())
}
