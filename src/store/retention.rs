//! Anonymising the personal data of registrations once their event is past its organizer's
//! retention period. What reports count stays: states, times, channels, company size, ward
//! or city, seats, check-ins.
use super::entities::{
    attendee, dispatch_request, dispatch_visit, event, organization, outbox, registration,
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
};
use std::collections::HashMap;

/// An event whose registrations are due for anonymising.
#[derive(Debug, Clone)]
pub struct Due {
    pub event_id: i64,
    pub slug: String,
    pub title_ja: String,
    pub ends_at: DateTime<Utc>,
    pub retention_days: i32,
}

/// Events not yet purged whose end lies further back than their organizer's retention.
pub async fn due(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<Vec<Due>, DbErr> {
    let retention: HashMap<i64, i32> = organization::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.retention_days))
        .collect();
    let shortest = retention.values().copied().min().unwrap_or(365).max(0);
    let events = event::Entity::find()
        .filter(event::Column::PurgedAt.is_null())
        .filter(event::Column::EndsAt.lt(now - Duration::days(i64::from(shortest))))
        .all(db)
        .await?;
    Ok(events
        .into_iter()
        .filter_map(|e| {
            let days = *retention.get(&e.organizer_id)?;
            (e.ends_at < now - Duration::days(i64::from(days))).then_some(Due {
                event_id: e.id,
                slug: e.slug,
                title_ja: e.title_ja,
                ends_at: e.ends_at,
                retention_days: days,
            })
        })
        .collect())
}

/// (registrations, attendees) of an event.
pub async fn counts(db: &impl ConnectionTrait, event_id: i64) -> Result<(u64, u64), DbErr> {
    let regs = registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .count(db)
        .await?;
    let people = attendee::Entity::find()
        .filter(attendee::Column::EventId.eq(event_id))
        .count(db)
        .await?;
    Ok((regs, people))
}

/// What an anonymised name becomes: a stored value, not a message. Rows anonymised since the
/// first release hold it and staff search and export them as they are, so it stays one fixed
/// value in a data file rather than words that change with the reader's language.
fn gone() -> &'static str {
    include_str!("data/anonymised_name.txt").trim()
}

/// Blanks every personal field of the event's registrations and attendees, deletes its
/// delivery log, and marks the event purged. Manage links stop working.
pub async fn anonymise(
    db: &impl ConnectionTrait,
    event_id: i64,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let null = || Expr::value(Option::<String>::None);
    registration::Entity::update_many()
        .col_expr(registration::Column::ContactName, Expr::value(gone()))
        .col_expr(registration::Column::ContactKana, Expr::value(""))
        .col_expr(registration::Column::ContactEmail, Expr::value(""))
        .col_expr(registration::Column::ContactPhone, null())
        .col_expr(registration::Column::ContactDepartment, null())
        .col_expr(registration::Column::ContactTitle, null())
        .col_expr(registration::Column::Affiliation, null())
        .col_expr(registration::Column::Street, null())
        .col_expr(registration::Column::PostalCode, null())
        .col_expr(registration::Column::Answers, Expr::value("{}"))
        .col_expr(registration::Column::IdempotencyKey, null())
        .col_expr(registration::Column::RequestHash, null())
        // Manage links open nothing any more: the stored hash matches no token.
        .col_expr(
            registration::Column::ManageTokenHash,
            Expr::cust("'purged-' || CAST(id AS TEXT)"),
        )
        .col_expr(registration::Column::ManageTokenSealed, Expr::value(""))
        .col_expr(registration::Column::UpdatedAt, Expr::value(now))
        .filter(registration::Column::EventId.eq(event_id))
        .exec(db)
        .await?;
    // A sole proprietor's trade name is often the person's own.
    registration::Entity::update_many()
        .col_expr(registration::Column::CompanyName, null())
        .col_expr(registration::Column::CompanyNameKana, null())
        .filter(registration::Column::EventId.eq(event_id))
        .filter(
            registration::Column::RegistrantKind
                .eq(crate::domain::RegistrantKind::SoleProprietor.code()),
        )
        .exec(db)
        .await?;
    attendee::Entity::update_many()
        .col_expr(attendee::Column::Name, Expr::value(gone()))
        .col_expr(attendee::Column::Kana, Expr::value(""))
        .col_expr(attendee::Column::Email, Expr::value(""))
        .col_expr(attendee::Column::ActiveEmail, null())
        .col_expr(attendee::Column::Department, null())
        .col_expr(attendee::Column::Title, null())
        .filter(attendee::Column::EventId.eq(event_id))
        .exec(db)
        .await?;
    // An expert dispatch request's issue, and its visits' places and notes, may name people.
    dispatch_request::Entity::update_many()
        .col_expr(dispatch_request::Column::Issue, Expr::value(gone()))
        .filter(dispatch_request::Column::EventId.eq(event_id))
        .exec(db)
        .await?;
    dispatch_visit::Entity::update_many()
        .col_expr(dispatch_visit::Column::Place, Expr::value(gone()))
        .col_expr(dispatch_visit::Column::Outcome, null())
        .filter(dispatch_visit::Column::EventId.eq(event_id))
        .exec(db)
        .await?;
    outbox::Entity::delete_many()
        .filter(outbox::Column::EventId.eq(event_id))
        .exec(db)
        .await?;
    // Documents sent with certification applications hold personal data of their own.
    super::entities::certification::document::Entity::delete_many()
        .filter(super::entities::certification::document::Column::EventId.eq(event_id))
        .exec(db)
        .await?;
    event::Entity::update(event::ActiveModel {
        id: Set(event_id),
        purged_at: Set(Some(now)),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

/// Sets an organization's retention period; false when there is no such organization.
pub async fn set_retention(
    db: &impl ConnectionTrait,
    code: &str,
    days: i32,
) -> Result<bool, DbErr> {
    let done = organization::Entity::update_many()
        .col_expr(organization::Column::RetentionDays, Expr::value(days))
        .filter(organization::Column::Code.eq(code))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}
