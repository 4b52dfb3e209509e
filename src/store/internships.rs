//! Internships: host companies' offers and students' applications with the host's decision.
use super::corrupt;
use super::entities::{internship_application, internship_offer, registration};
use crate::domain::{
    ApplicationState, InternshipApplication, InternshipOffer, SeatState, StudentProfile,
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
};
use std::collections::HashMap;

pub async fn insert_offer(
    db: &impl ConnectionTrait,
    registration_id: i64,
    event_id: i64,
    o: &InternshipOffer,
) -> Result<(), DbErr> {
    internship_offer::Entity::insert(internship_offer::ActiveModel {
        registration_id: Set(registration_id),
        event_id: Set(event_id),
        from_date: Set(o.from),
        to_date: Set(o.to),
        tasks: Set(o.tasks.clone()),
        places: Set(o.places as i32),
        languages: Set(o.language_codes()),
        japanese_level: Set(o.japanese_level.map(|l| l.code().to_owned())),
        allowance: Set(o.allowance),
    })
    .exec(db)
    .await?;
    Ok(())
}

pub async fn insert_application(
    db: &impl ConnectionTrait,
    registration_id: i64,
    event_id: i64,
    a: &InternshipApplication,
) -> Result<(), DbErr> {
    internship_application::Entity::insert(internship_application::ActiveModel {
        registration_id: Set(registration_id),
        event_id: Set(event_id),
        offer_id: Set(a.offer_id),
        graduation_year: Set(i32::from(a.student.graduation_year)),
        japanese_level: Set(a.student.japanese_level.code().to_owned()),
        field: Set(a.student.field.clone()),
        motivation: Set(a.motivation.clone()),
        state: Set(ApplicationState::Applied.code().to_owned()),
        decided_by: Set(None),
        decided_at: Set(None),
    })
    .exec(db)
    .await?;
    Ok(())
}

/// The registrations that stand (not withdrawn), of the given ids, as a subquery.
fn live_registrations() -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(registration::Column::Id)
        .from(registration::Entity)
        .and_where(registration::Column::Status.ne(SeatState::Cancelled.code()))
        .to_owned()
}

/// How many places of each offer are taken: accepted applications that stand.
pub async fn accepted_counts(
    db: &impl ConnectionTrait,
    offer_ids: &[i64],
) -> Result<HashMap<i64, u32>, DbErr> {
    let mut out = HashMap::new();
    for chunk in offer_ids.chunks(500) {
        for m in internship_application::Entity::find()
            .filter(internship_application::Column::OfferId.is_in(chunk.iter().copied()))
            .filter(internship_application::Column::State.eq(ApplicationState::Accepted.code()))
            .filter(
                internship_application::Column::RegistrationId.in_subquery(live_registrations()),
            )
            .all(db)
            .await?
        {
            *out.entry(m.offer_id).or_default() += 1;
        }
    }
    Ok(out)
}

/// The offers of the given registrations, by registration id.
pub async fn offers_of(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<HashMap<i64, InternshipOffer>, DbErr> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(500) {
        for m in internship_offer::Entity::find()
            .filter(internship_offer::Column::RegistrationId.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            out.insert(m.registration_id, offer_from_model(&m)?);
        }
    }
    Ok(out)
}

/// An application as stored, with the host's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredApplication {
    pub registration_id: i64,
    pub application: InternshipApplication,
    pub state: ApplicationState,
    pub decided_at: Option<DateTime<Utc>>,
}

/// The applications of the given registrations, by registration id.
pub async fn applications_of(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<HashMap<i64, StoredApplication>, DbErr> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(500) {
        for m in internship_application::Entity::find()
            .filter(internship_application::Column::RegistrationId.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            out.insert(m.registration_id, application_from_model(&m)?);
        }
    }
    Ok(out)
}

/// The ids of an event's offers, in the order they came.
pub async fn offer_ids(db: &impl ConnectionTrait, event_id: i64) -> Result<Vec<i64>, DbErr> {
    let mut ids: Vec<i64> = internship_offer::Entity::find()
        .filter(internship_offer::Column::EventId.eq(event_id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.registration_id)
        .collect();
    ids.sort_unstable();
    Ok(ids)
}

/// The ids of the applications to an offer (or, with `None`, to any offer of the event), in
/// the order they came.
pub async fn application_ids(
    db: &impl ConnectionTrait,
    event_id: i64,
    offer_id: Option<i64>,
) -> Result<Vec<i64>, DbErr> {
    let mut q = internship_application::Entity::find()
        .filter(internship_application::Column::EventId.eq(event_id));
    if let Some(id) = offer_id {
        q = q.filter(internship_application::Column::OfferId.eq(id));
    }
    let mut ids: Vec<i64> = q
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.registration_id)
        .collect();
    ids.sort_unstable();
    Ok(ids)
}

/// Whether a live application to `offer_id` comes from `email` already.
pub async fn applied_already(
    db: &impl ConnectionTrait,
    offer_id: i64,
    email: &str,
) -> Result<bool, DbErr> {
    let mine = live_registrations()
        .and_where(registration::Column::ContactEmail.eq(email))
        .to_owned();
    Ok(internship_application::Entity::find()
        .filter(internship_application::Column::OfferId.eq(offer_id))
        .filter(internship_application::Column::RegistrationId.in_subquery(mine))
        .count(db)
        .await?
        > 0)
}

pub async fn decide(
    db: &impl ConnectionTrait,
    registration_id: i64,
    state: ApplicationState,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = internship_application::Entity::update_many()
        .col_expr(
            internship_application::Column::State,
            Expr::value(state.code()),
        )
        .col_expr(internship_application::Column::DecidedBy, Expr::value(by))
        .col_expr(internship_application::Column::DecidedAt, Expr::value(now))
        .filter(internship_application::Column::RegistrationId.eq(registration_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

fn offer_from_model(m: &internship_offer::Model) -> Result<InternshipOffer, DbErr> {
    Ok(InternshipOffer {
        from: m.from_date,
        to: m.to_date,
        tasks: m.tasks.clone(),
        places: m.places.max(0) as u32,
        languages: m
            .languages
            .split(',')
            .filter(|l| !l.is_empty())
            .map(|l| l.parse().map_err(corrupt))
            .collect::<Result<_, _>>()?,
        japanese_level: m
            .japanese_level
            .as_deref()
            .map(str::parse)
            .transpose()
            .map_err(corrupt)?,
        allowance: m.allowance,
    })
}

fn application_from_model(m: &internship_application::Model) -> Result<StoredApplication, DbErr> {
    Ok(StoredApplication {
        registration_id: m.registration_id,
        application: InternshipApplication {
            offer_id: m.offer_id,
            student: StudentProfile {
                graduation_year: m.graduation_year as u16,
                japanese_level: m.japanese_level.parse().map_err(corrupt)?,
                field: m.field.clone(),
            },
            motivation: m.motivation.clone(),
        },
        state: m.state.parse().map_err(corrupt)?,
        decided_at: m.decided_at,
    })
}
