//! Job fairs: exhibitors' booths and their review, the number of booths, students' profiles
//! and the booths they want to visit.
use super::corrupt;
use super::entities::{booth_interest, exhibitor_profile, job_fair, student_profile};
use crate::domain::{BoothState, ExhibitorProfile, StudentProfile};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
};
use std::collections::HashMap;

pub async fn insert_exhibitor(
    db: &impl ConnectionTrait,
    registration_id: i64,
    event_id: i64,
    p: &ExhibitorProfile,
) -> Result<(), DbErr> {
    exhibitor_profile::Entity::insert(exhibitor_profile::ActiveModel {
        registration_id: Set(registration_id),
        event_id: Set(event_id),
        staff_count: Set(p.staff_count as i32),
        languages: Set(p.language_codes()),
        positions: Set(p.positions.clone()),
        visa_support: Set(p.visa_support),
        hiring_fields: Set(p.hiring_fields.clone()),
        state: Set(BoothState::UnderReview.code().to_owned()),
        decided_by: Set(None),
        decided_at: Set(None),
    })
    .exec(db)
    .await?;
    Ok(())
}

pub async fn insert_student(
    db: &impl ConnectionTrait,
    registration_id: i64,
    p: &StudentProfile,
) -> Result<(), DbErr> {
    student_profile::Entity::insert(student_profile::ActiveModel {
        registration_id: Set(registration_id),
        graduation_year: Set(i32::from(p.graduation_year)),
        japanese_level: Set(p.japanese_level.code().to_owned()),
        field: Set(p.field.clone()),
    })
    .exec(db)
    .await?;
    Ok(())
}

pub async fn insert_interests(
    db: &impl ConnectionTrait,
    registration_id: i64,
    exhibitor_ids: &[i64],
) -> Result<(), DbErr> {
    if exhibitor_ids.is_empty() {
        return Ok(());
    }
    booth_interest::Entity::insert_many(exhibitor_ids.iter().map(|id| {
        booth_interest::ActiveModel {
            registration_id: Set(registration_id),
            exhibitor_id: Set(*id),
        }
    }))
    .exec(db)
    .await?;
    Ok(())
}

/// An exhibitor as stored, with its review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exhibitor {
    pub registration_id: i64,
    pub profile: ExhibitorProfile,
    pub state: BoothState,
    pub decided_at: Option<DateTime<Utc>>,
}

pub async fn exhibitors(db: &impl ConnectionTrait, event_id: i64) -> Result<Vec<Exhibitor>, DbErr> {
    let mut out: Vec<Exhibitor> = exhibitor_profile::Entity::find()
        .filter(exhibitor_profile::Column::EventId.eq(event_id))
        .all(db)
        .await?
        .iter()
        .map(exhibitor_from_model)
        .collect::<Result<_, _>>()?;
    out.sort_by_key(|e| e.registration_id);
    Ok(out)
}

/// The booths of the given registrations, by registration id.
pub async fn exhibitors_of(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<HashMap<i64, Exhibitor>, DbErr> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(500) {
        for m in exhibitor_profile::Entity::find()
            .filter(exhibitor_profile::Column::RegistrationId.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            out.insert(m.registration_id, exhibitor_from_model(&m)?);
        }
    }
    Ok(out)
}

pub async fn approved_count(db: &impl ConnectionTrait, event_id: i64) -> Result<u64, DbErr> {
    exhibitor_profile::Entity::find()
        .filter(exhibitor_profile::Column::EventId.eq(event_id))
        .filter(exhibitor_profile::Column::State.eq(BoothState::Approved.code()))
        .count(db)
        .await
}

pub async fn decide(
    db: &impl ConnectionTrait,
    event_id: i64,
    registration_id: i64,
    state: BoothState,
    by: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = exhibitor_profile::Entity::update_many()
        .col_expr(exhibitor_profile::Column::State, Expr::value(state.code()))
        .col_expr(exhibitor_profile::Column::DecidedBy, Expr::value(by))
        .col_expr(exhibitor_profile::Column::DecidedAt, Expr::value(now))
        .filter(exhibitor_profile::Column::EventId.eq(event_id))
        .filter(exhibitor_profile::Column::RegistrationId.eq(registration_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// The number of booths, if the organizer set one.
pub async fn exhibitor_capacity(
    db: &impl ConnectionTrait,
    event_id: i64,
) -> Result<Option<u32>, DbErr> {
    Ok(job_fair::Entity::find_by_id(event_id)
        .one(db)
        .await?
        .and_then(|j| j.exhibitor_capacity)
        .map(|c| c.max(0) as u32))
}

pub async fn set_exhibitor_capacity(
    db: &impl ConnectionTrait,
    event_id: i64,
    capacity: Option<u32>,
) -> Result<(), DbErr> {
    use sea_orm::sea_query::OnConflict;
    job_fair::Entity::insert(job_fair::ActiveModel {
        event_id: Set(event_id),
        exhibitor_capacity: Set(capacity.map(|c| c as i32)),
    })
    .on_conflict(
        OnConflict::column(job_fair::Column::EventId)
            .update_column(job_fair::Column::ExhibitorCapacity)
            .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(())
}

/// How many live student registrations marked each booth.
pub async fn interest_counts(
    db: &impl ConnectionTrait,
    exhibitor_ids: &[i64],
) -> Result<HashMap<i64, u64>, DbErr> {
    let mut out = HashMap::new();
    let rows = booth_interest::Entity::find()
        .filter(booth_interest::Column::ExhibitorId.is_in(exhibitor_ids.iter().copied()))
        .all(db)
        .await?;
    let students: Vec<i64> = rows.iter().map(|r| r.registration_id).collect();
    let live = super::registrations::live_models(db, &students).await?;
    for r in rows {
        if live.contains_key(&r.registration_id) {
            *out.entry(r.exhibitor_id).or_default() += 1;
        }
    }
    Ok(out)
}

pub async fn students(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<HashMap<i64, StudentProfile>, DbErr> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(500) {
        for m in student_profile::Entity::find()
            .filter(student_profile::Column::RegistrationId.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            out.insert(
                m.registration_id,
                StudentProfile {
                    graduation_year: m.graduation_year as u16,
                    japanese_level: m.japanese_level.parse().map_err(corrupt)?,
                    field: m.field,
                },
            );
        }
    }
    Ok(out)
}

fn exhibitor_from_model(m: &exhibitor_profile::Model) -> Result<Exhibitor, DbErr> {
    Ok(Exhibitor {
        registration_id: m.registration_id,
        profile: ExhibitorProfile {
            staff_count: m.staff_count.max(0) as u32,
            languages: m
                .languages
                .split(',')
                .filter(|l| !l.is_empty())
                .map(|l| l.parse().map_err(corrupt))
                .collect::<Result<_, _>>()?,
            positions: m.positions.clone(),
            visa_support: m.visa_support,
            hiring_fields: m.hiring_fields.clone(),
        },
        state: m.state.parse().map_err(corrupt)?,
        decided_at: m.decided_at,
    })
}

/// The booths a student marked.
pub async fn marked_by(db: &impl ConnectionTrait, registration_id: i64) -> Result<Vec<i64>, DbErr> {
    Ok(booth_interest::Entity::find()
        .filter(booth_interest::Column::RegistrationId.eq(registration_id))
        .all(db)
        .await?
        .into_iter()
        .map(|b| b.exhibitor_id)
        .collect())
}
