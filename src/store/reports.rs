//! What reports count, read without personal data: per registration its state, time,
//! channel, company size and place; per attendee whether they came.
use super::corrupt;
use super::entities::{attendee, declaration, exhibitor_profile, registration};
use crate::domain::{AttendeeStatus, RegistrantKind, SeatState, Shape};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashSet;

#[derive(Debug, Clone)]
pub struct RegistrationFact {
    pub event_id: i64,
    /// It stands: not cancelled, withdrawn or a duplicate.
    pub live: bool,
    /// The company or person takes part, by its shape's rule: confirmed seats, an approved
    /// booth or declaration, a joined campaign. Under review, declined and waiting do not.
    pub takes_part: bool,
    pub created_at: DateTime<Utc>,
    pub heard_via: Option<String>,
    /// Added at the door on the day.
    pub walk_in: bool,
    pub via: Option<String>,
    pub industry: Option<String>,
    pub employee_band: Option<String>,
    pub city: Option<String>,
    /// The company, by corporate number or else by name: counts distinct companies.
    pub company_key: Option<String>,
    /// Who registered: companies, schools and other organizations are counted apart.
    pub registrant_kind: RegistrantKind,
}

#[derive(Debug, Clone, Copy)]
pub struct AttendeeFact {
    pub event_id: i64,
    pub attending: bool,
    pub checked_in: bool,
    /// Joined online through the personal join link.
    pub joined_online: bool,
}

pub async fn registrations(
    db: &impl ConnectionTrait,
    event_ids: &[i64],
) -> Result<Vec<RegistrationFact>, DbErr> {
    let mut out = Vec::new();
    for chunk in event_ids.chunks(500) {
        // Whole rows: thirteen columns are more than a tuple reads.
        let rows = registration::Entity::find()
            .filter(registration::Column::EventId.is_in(chunk.iter().copied()))
            .all(db)
            .await?;
        let approved = approved_reviews(db, chunk).await?;
        for r in rows {
            let status: SeatState = r.status.parse().map_err(corrupt)?;
            let shape: Shape = r.shape.parse().map_err(corrupt)?;
            let confirmed = status == SeatState::Confirmed;
            out.push(RegistrationFact {
                event_id: r.event_id,
                live: status.is_live(),
                takes_part: confirmed && (!shape.is_reviewed() || approved.contains(&r.id)),
                created_at: r.created_at,
                heard_via: r.heard_via,
                walk_in: r.walk_in,
                via: r.via_code,
                industry: r.industry,
                employee_band: r.employee_band,
                city: r.city,
                company_key: r.corporate_number.or(r.company_name),
                registrant_kind: r.registrant_kind.parse().map_err(corrupt)?,
            });
        }
    }
    Ok(out)
}

/// Of the events' booth applications, declarations and internship applications, the
/// approved (accepted) ones.
async fn approved_reviews(
    db: &impl ConnectionTrait,
    event_ids: &[i64],
) -> Result<HashSet<i64>, DbErr> {
    let approved = crate::domain::BoothState::Approved.code();
    let mut ids: HashSet<i64> = exhibitor_profile::Entity::find()
        .select_only()
        .column(exhibitor_profile::Column::RegistrationId)
        .filter(exhibitor_profile::Column::EventId.is_in(event_ids.iter().copied()))
        .filter(exhibitor_profile::Column::State.eq(approved))
        .into_tuple::<i64>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    // An internship application takes part once the host company accepted it.
    ids.extend(
        super::entities::internship_application::Entity::find()
            .select_only()
            .column(super::entities::internship_application::Column::RegistrationId)
            .filter(
                super::entities::internship_application::Column::EventId
                    .is_in(event_ids.iter().copied()),
            )
            .filter(
                super::entities::internship_application::Column::State
                    .eq(crate::domain::ApplicationState::Accepted.code()),
            )
            .into_tuple::<i64>()
            .all(db)
            .await?,
    );
    ids.extend(
        declaration::Entity::find()
            .select_only()
            .column(declaration::Column::RegistrationId)
            .filter(declaration::Column::EventId.is_in(event_ids.iter().copied()))
            .filter(declaration::Column::State.eq(crate::domain::DeclarationState::Approved.code()))
            .into_tuple::<i64>()
            .all(db)
            .await?,
    );
    // A certification application takes part once certified (in at least one category).
    {
        use super::entities::certification::application;
        ids.extend(
            application::Entity::find()
                .select_only()
                .column(application::Column::RegistrationId)
                .filter(application::Column::EventId.is_in(event_ids.iter().copied()))
                .filter(
                    application::Column::State
                        .eq(crate::domain::CertificationState::Certified.code()),
                )
                .into_tuple::<i64>()
                .all(db)
                .await?,
        );
    }
    Ok(ids)
}

/// An attendee's id, event, registration, status and check-in time.
type AttendeeRow = (i64, i64, i64, String, Option<DateTime<Utc>>);

pub async fn attendees(
    db: &impl ConnectionTrait,
    event_ids: &[i64],
) -> Result<Vec<AttendeeFact>, DbErr> {
    let mut out = Vec::new();
    for chunk in event_ids.chunks(500) {
        let rows: Vec<AttendeeRow> = attendee::Entity::find()
            .select_only()
            .columns([
                attendee::Column::Id,
                attendee::Column::EventId,
                attendee::Column::RegistrationId,
                attendee::Column::Status,
                attendee::Column::CheckedInAt,
            ])
            .filter(attendee::Column::EventId.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        let confirmed: std::collections::HashSet<i64> = registration::Entity::find()
            .select_only()
            .column(registration::Column::Id)
            .filter(registration::Column::EventId.is_in(chunk.iter().copied()))
            .filter(registration::Column::Status.eq(SeatState::Confirmed.code()))
            .into_tuple::<i64>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let mut joined = std::collections::HashSet::new();
        for &event_id in chunk {
            joined.extend(
                super::online_joins::for_event(db, event_id)
                    .await?
                    .into_keys(),
            );
        }
        for (id, event_id, registration_id, status, checked_in_at) in rows {
            out.push(AttendeeFact {
                event_id,
                attending: confirmed.contains(&registration_id)
                    && status == AttendeeStatus::Active.code(),
                checked_in: checked_in_at.is_some(),
                joined_online: joined.contains(&id),
            });
        }
    }
    Ok(out)
}
