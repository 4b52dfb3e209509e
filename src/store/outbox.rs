//! Messages waiting to be sent. Rows are written in the same transaction as the change they
//! tell of, and delivered after commit by the mail worker.
use super::entities::outbox;
use crate::domain::{Envelope, MessageKind};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
};

pub const PENDING: &str = "pending";

pub struct NewMessage<'a> {
    pub event_id: i64,
    pub registration_id: Option<i64>,
    pub recipient_email: &'a str,
    pub recipient_name: &'a str,
    pub lang: crate::i18n::Lang,
    /// What the message announces; the `message` column holds its kind, for the delivery
    /// log and counts.
    pub envelope: &'a Envelope,
}

pub async fn enqueue(
    db: &impl ConnectionTrait,
    m: NewMessage<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let model = outbox::ActiveModel {
        event_id: Set(m.event_id),
        registration_id: Set(m.registration_id),
        message: Set(m.envelope.notice.kind().code().to_owned()),
        recipient_email: Set(m.recipient_email.to_owned()),
        recipient_name: Set(m.recipient_name.to_owned()),
        lang: Set(m.lang.tag().to_owned()),
        payload: Set(serde_json::to_string(m.envelope).map_err(|e| DbErr::Json(e.to_string()))?),
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

/// Every message about a registration, oldest first, for the organizer's detail page.
pub async fn history(
    db: &impl ConnectionTrait,
    registration_id: i64,
) -> Result<Vec<outbox::Model>, DbErr> {
    use sea_orm::QueryOrder;
    outbox::Entity::find()
        .filter(outbox::Column::RegistrationId.eq(registration_id))
        .order_by_asc(outbox::Column::Id)
        .all(db)
        .await
}

/// The newest message about a registration: the SEQUENCE a calendar download must reach.
pub async fn latest_id_for_registration(
    db: &impl ConnectionTrait,
    registration_id: i64,
) -> Result<Option<i64>, DbErr> {
    use sea_orm::{QueryOrder, QuerySelect};
    outbox::Entity::find()
        .select_only()
        .column(outbox::Column::Id)
        .filter(outbox::Column::RegistrationId.eq(registration_id))
        .order_by_desc(outbox::Column::Id)
        .limit(1)
        .into_tuple()
        .one(db)
        .await
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

pub const SENDING: &str = "sending";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";

/// A message a worker has claimed and now delivers.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: i64,
    pub event_id: i64,
    pub registration_id: Option<i64>,
    /// The kind code, as stored: rows from before notices were typed may hold one that is
    /// no longer a [`MessageKind`].
    pub message: String,
    pub recipient_email: String,
    pub recipient_name: String,
    pub lang: crate::i18n::Lang,
    /// The stored notice, read with [`Envelope::from_row`] by the mail composer, which
    /// knows the event (a payload it cannot read fails that one message, not the batch).
    pub payload: serde_json::Value,
    /// Attempts so far, this one included.
    pub attempts: i32,
}

/// Claims up to `limit` messages that are due (or whose earlier claim ran out) until
/// `now + lease`. On PostgreSQL concurrent workers skip each other's rows (`FOR UPDATE SKIP
/// LOCKED`); on SQLite the write transaction serializes claims.
pub async fn claim(
    db: &super::Db,
    now: DateTime<Utc>,
    limit: u64,
    lease: chrono::Duration,
) -> Result<Vec<Claimed>, DbErr> {
    use sea_orm::sea_query::{Expr, ExprTrait, LockBehavior, LockType};
    use sea_orm::{Condition, QueryOrder, QuerySelect};
    let txn = super::begin_write(db).await?;
    let due = Condition::any()
        .add(
            Condition::all()
                .add(outbox::Column::Status.eq(PENDING))
                .add(outbox::Column::NextAttemptAt.lte(now)),
        )
        .add(
            Condition::all()
                .add(outbox::Column::Status.eq(SENDING))
                .add(outbox::Column::LockedUntil.lt(now)),
        );
    let mut select = outbox::Entity::find()
        .select_only()
        .column(outbox::Column::Id)
        .filter(due)
        .order_by_asc(outbox::Column::Id)
        .limit(limit);
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        select = select.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    }
    let ids: Vec<i64> = select.into_tuple().all(&txn).await?;
    if ids.is_empty() {
        txn.commit().await?;
        return Ok(Vec::new());
    }
    outbox::Entity::update_many()
        .col_expr(outbox::Column::Status, SENDING.into())
        .col_expr(outbox::Column::LockedUntil, (now + lease).into())
        .col_expr(
            outbox::Column::Attempts,
            Expr::col(outbox::Column::Attempts).add(1),
        )
        .filter(outbox::Column::Id.is_in(ids.iter().copied()))
        .exec(&txn)
        .await?;
    let rows = outbox::Entity::find()
        .filter(outbox::Column::Id.is_in(ids))
        .order_by_asc(outbox::Column::Id)
        .all(&txn)
        .await?;
    txn.commit().await?;
    rows.into_iter()
        .map(|m| {
            Ok(Claimed {
                id: m.id,
                event_id: m.event_id,
                registration_id: m.registration_id,
                message: m.message,
                recipient_email: m.recipient_email,
                recipient_name: m.recipient_name,
                lang: crate::i18n::Lang::parse(&m.lang)
                    .ok_or_else(|| super::corrupt("outbox lang"))?,
                payload: serde_json::from_str(&m.payload).unwrap_or(serde_json::Value::Null),
                attempts: m.attempts,
            })
        })
        .collect()
}

/// Delivered: kept as a log of who was sent what, when.
pub async fn mark_sent(
    db: &impl ConnectionTrait,
    ids: &[i64],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    use sea_orm::sea_query::Expr;
    if ids.is_empty() {
        return Ok(());
    }
    outbox::Entity::update_many()
        .col_expr(outbox::Column::Status, Expr::value(SENT))
        .col_expr(
            outbox::Column::LockedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(outbox::Column::SentAt, Expr::value(now))
        .col_expr(
            outbox::Column::LastError,
            Expr::value(Option::<String>::None),
        )
        .filter(outbox::Column::Id.is_in(ids.iter().copied()))
        .exec(db)
        .await?;
    Ok(())
}

/// Not delivered this time; tried again at `next`.
pub async fn mark_retry(
    db: &impl ConnectionTrait,
    id: i64,
    next: DateTime<Utc>,
    error: &str,
) -> Result<(), DbErr> {
    settle(db, id, PENDING, Some(next), error).await
}

/// Given up: refused for good, or out of attempts. Kept, with the reason, for organizers.
pub async fn mark_failed(db: &impl ConnectionTrait, id: i64, error: &str) -> Result<(), DbErr> {
    settle(db, id, FAILED, None, error).await
}

/// An attempt that did not deliver: the row's new state and why.
async fn settle(
    db: &impl ConnectionTrait,
    id: i64,
    status: &str,
    next: Option<DateTime<Utc>>,
    error: &str,
) -> Result<(), DbErr> {
    let mut model = outbox::ActiveModel {
        id: Set(id),
        status: Set(status.to_owned()),
        locked_until: Set(None),
        // An SMTP reply can be long; the first thousand characters tell enough. A reason may
        // quote text from an old row: a NUL in it would make PostgreSQL refuse the update and
        // leave the message claimed, to be retried for ever.
        last_error: Set(Some(
            crate::domain::text::for_output(error, crate::domain::text::Lines::Many)
                .chars()
                .take(1000)
                .collect(),
        )),
        ..Default::default()
    };
    if let Some(next) = next {
        model.next_attempt_at = Set(next);
    }
    outbox::Entity::update(model).exec(db).await?;
    Ok(())
}

/// Deletes delivered messages sent before `before` and failed ones created before it: the
/// retention policy of the delivery log. Returns how many went.
pub async fn prune(db: &impl ConnectionTrait, before: DateTime<Utc>) -> Result<u64, DbErr> {
    use sea_orm::Condition;
    let old = Condition::any()
        .add(
            Condition::all()
                .add(outbox::Column::Status.eq(SENT))
                .add(outbox::Column::SentAt.lt(before)),
        )
        .add(
            Condition::all()
                .add(outbox::Column::Status.eq(FAILED))
                .add(outbox::Column::CreatedAt.lt(before)),
        );
    Ok(outbox::Entity::delete_many()
        .filter(old)
        .exec(db)
        .await?
        .rows_affected)
}

/// Since when the longest-waiting due message has been waiting: the earliest `next_attempt_at`
/// of a pending row that is due, or `locked_until` of a claim that ran out. A worker that makes
/// progress claims the oldest first, so this stays recent while mail flows.
pub async fn oldest_due(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, DbErr> {
    use sea_orm::{QueryOrder, QuerySelect};
    let pending: Option<DateTime<Utc>> = outbox::Entity::find()
        .select_only()
        .column(outbox::Column::NextAttemptAt)
        .filter(outbox::Column::Status.eq(PENDING))
        .filter(outbox::Column::NextAttemptAt.lte(now))
        .order_by_asc(outbox::Column::NextAttemptAt)
        .limit(1)
        .into_tuple()
        .one(db)
        .await?;
    let lapsed: Option<Option<DateTime<Utc>>> = outbox::Entity::find()
        .select_only()
        .column(outbox::Column::LockedUntil)
        .filter(outbox::Column::Status.eq(SENDING))
        .filter(outbox::Column::LockedUntil.lt(now))
        .order_by_asc(outbox::Column::LockedUntil)
        .limit(1)
        .into_tuple()
        .one(db)
        .await?;
    Ok(pending.into_iter().chain(lapsed.flatten()).min())
}

/// How many rows are in each state, e.g. `[("pending", 3), ("sent", 120)]`.
pub async fn status_counts(db: &impl ConnectionTrait) -> Result<Vec<(String, i64)>, DbErr> {
    use sea_orm::QuerySelect;
    outbox::Entity::find()
        .select_only()
        .column(outbox::Column::Status)
        .column_as(outbox::Column::Id.count(), "n")
        .group_by(outbox::Column::Status)
        .into_tuple()
        .all(db)
        .await
}

/// One message as an organizer sees it in the delivery log.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: i64,
    pub registration_id: Option<i64>,
    pub kind: String,
    pub recipient_email: String,
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub next_attempt_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// An event's messages, newest first, optionally of one status.
pub async fn for_event(
    db: &impl ConnectionTrait,
    event_id: i64,
    status: Option<&str>,
    limit: u64,
) -> Result<Vec<Entry>, DbErr> {
    use sea_orm::{QueryOrder, QuerySelect};
    let mut select = outbox::Entity::find().filter(outbox::Column::EventId.eq(event_id));
    if let Some(status) = status {
        select = select.filter(outbox::Column::Status.eq(status));
    }
    Ok(select
        .order_by_desc(outbox::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(|m| Entry {
            id: m.id,
            registration_id: m.registration_id,
            kind: m.message,
            recipient_email: m.recipient_email,
            status: m.status,
            attempts: m.attempts,
            last_error: m.last_error,
            next_attempt_at: m.next_attempt_at,
            created_at: m.created_at,
            sent_at: m.sent_at,
        })
        .collect())
}
