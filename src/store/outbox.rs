//! Messages waiting to be sent. Rows are written in the same transaction as the change they
//! tell of, and delivered after commit by the mail worker.
use super::entities::outbox;
use crate::domain::{Lang, MessageKind};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
};

pub const PENDING: &str = "pending";

pub struct NewMessage<'a> {
    pub event_id: i64,
    pub registration_id: Option<i64>,
    pub kind: MessageKind,
    pub recipient_email: &'a str,
    pub recipient_name: &'a str,
    pub lang: Lang,
    pub payload: serde_json::Value,
}

pub async fn enqueue(
    db: &impl ConnectionTrait,
    m: NewMessage<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let model = outbox::ActiveModel {
        event_id: Set(m.event_id),
        registration_id: Set(m.registration_id),
        message: Set(m.kind.code().to_owned()),
        recipient_email: Set(m.recipient_email.to_owned()),
        recipient_name: Set(m.recipient_name.to_owned()),
        lang: Set(m.lang.code().to_owned()),
        payload: Set(m.payload.to_string()),
        status: Set(PENDING.to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
        ..Default::default()
    };
    outbox::Entity::insert(model).exec(db).await?;
    Ok(())
}

/// The messages queued for a registration, oldest first: (kind code, recipient).
pub async fn for_registration(
    db: &impl ConnectionTrait,
    registration_id: i64,
) -> Result<Vec<(String, String)>, DbErr> {
    use sea_orm::QueryOrder;
    Ok(outbox::Entity::find()
        .filter(outbox::Column::RegistrationId.eq(registration_id))
        .order_by_asc(outbox::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.message, m.recipient_email))
        .collect())
}

pub async fn count_for_event(
    db: &impl ConnectionTrait,
    event_id: i64,
    kind: MessageKind,
) -> Result<u64, DbErr> {
    outbox::Entity::find()
        .filter(outbox::Column::EventId.eq(event_id))
        .filter(outbox::Column::Message.eq(kind.code()))
        .count(db)
        .await
}
