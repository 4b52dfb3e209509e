//! The audit log of personal-data reads and exports.
use super::entities::audit_log;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

pub struct Entry<'a> {
    pub user_id: i64,
    pub organization_id: i64,
    pub action: &'a str,
    pub event_id: Option<i64>,
    pub records: u64,
    pub detail: Option<&'a str>,
}

pub async fn record(
    db: &impl ConnectionTrait,
    entry: Entry<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    audit_log::Entity::insert(audit_log::ActiveModel {
        user_id: Set(entry.user_id),
        organization_id: Set(entry.organization_id),
        action: Set(entry.action.to_owned()),
        event_id: Set(entry.event_id),
        records: Set(i32::try_from(entry.records).unwrap_or(i32::MAX)),
        detail: Set(entry.detail.map(|d| d.chars().take(500).collect())),
        at: Set(now),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

/// The newest entries of users of one organization.
pub async fn of_organization(
    db: &impl ConnectionTrait,
    organization_id: i64,
    limit: u64,
) -> Result<Vec<audit_log::Model>, DbErr> {
    audit_log::Entity::find()
        .filter(audit_log::Column::OrganizationId.eq(organization_id))
        .order_by_desc(audit_log::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// Entries about one event (for tests and the event's own page).
pub async fn of_event(
    db: &impl ConnectionTrait,
    event_id: i64,
) -> Result<Vec<audit_log::Model>, DbErr> {
    audit_log::Entity::find()
        .filter(audit_log::Column::EventId.eq(event_id))
        .order_by_asc(audit_log::Column::Id)
        .all(db)
        .await
}
