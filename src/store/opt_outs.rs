//! Opt-outs from reminders and announcements: a registration's contact and each attendee
//! decide for themselves (the unsubscribe links in the emails).
use super::entities::{attendee, registration};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashSet;

/// Who of an event asked for no reminders or announcements: registrations (their contact)
/// and attendees.
#[derive(Debug, Default)]
pub struct OptOuts {
    pub registrations: HashSet<i64>,
    pub attendees: HashSet<i64>,
}

pub async fn of_event(db: &impl ConnectionTrait, event_id: i64) -> Result<OptOuts, DbErr> {
    let registrations = registration::Entity::find()
        .select_only()
        .column(registration::Column::Id)
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::NoticesOptOut.eq(true))
        .into_tuple::<i64>()
        .all(db)
        .await?;
    let attendees = attendee::Entity::find()
        .select_only()
        .column(attendee::Column::Id)
        .filter(attendee::Column::EventId.eq(event_id))
        .filter(attendee::Column::NoticesOptOut.eq(true))
        .into_tuple::<i64>()
        .all(db)
        .await?;
    Ok(OptOuts {
        registrations: registrations.into_iter().collect(),
        attendees: attendees.into_iter().collect(),
    })
}

/// Records a contact's opt-out (or opt-in again); false when there is no such registration.
pub async fn set_contact(
    db: &impl ConnectionTrait,
    registration_id: i64,
    opt_out: bool,
) -> Result<bool, DbErr> {
    let done = registration::Entity::update_many()
        .col_expr(registration::Column::NoticesOptOut, Expr::value(opt_out))
        .filter(registration::Column::Id.eq(registration_id))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

pub async fn set_attendee(
    db: &impl ConnectionTrait,
    attendee_id: i64,
    opt_out: bool,
) -> Result<bool, DbErr> {
    let done = attendee::Entity::update_many()
        .col_expr(attendee::Column::NoticesOptOut, Expr::value(opt_out))
        .filter(attendee::Column::Id.eq(attendee_id))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// The event of a registration and whether its contact opted out.
pub async fn of_contact(
    db: &impl ConnectionTrait,
    registration_id: i64,
) -> Result<Option<(i64, bool)>, DbErr> {
    Ok(registration::Entity::find_by_id(registration_id)
        .one(db)
        .await?
        .map(|r| (r.event_id, r.notices_opt_out)))
}

/// The event of an attendee and whether they opted out.
pub async fn of_attendee(
    db: &impl ConnectionTrait,
    attendee_id: i64,
) -> Result<Option<(i64, bool)>, DbErr> {
    Ok(attendee::Entity::find_by_id(attendee_id)
        .one(db)
        .await?
        .map(|a| (a.event_id, a.notices_opt_out)))
}
