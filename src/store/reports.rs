//! What reports count, read without personal data: per registration its state, time,
//! channel, company size and place; per attendee whether they came.
use super::corrupt;
use super::entities::{attendee, registration};
use crate::domain::{AttendeeStatus, RegistrationStatus};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};

#[derive(Debug, Clone)]
pub struct RegistrationFact {
    pub event_id: i64,
    pub status: RegistrationStatus,
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
}

#[derive(Debug, Clone, Copy)]
pub struct AttendeeFact {
    pub event_id: i64,
    pub attending: bool,
    pub checked_in: bool,
}

type RegistrationRow = (
    i64,
    String,
    DateTime<Utc>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    bool,
);

pub async fn registrations(
    db: &impl ConnectionTrait,
    event_ids: &[i64],
) -> Result<Vec<RegistrationFact>, DbErr> {
    let mut out = Vec::new();
    for chunk in event_ids.chunks(500) {
        let rows: Vec<RegistrationRow> = registration::Entity::find()
            .select_only()
            .columns([
                registration::Column::EventId,
                registration::Column::Status,
                registration::Column::CreatedAt,
                registration::Column::HeardVia,
                registration::Column::ViaCode,
                registration::Column::Industry,
                registration::Column::EmployeeBand,
                registration::Column::City,
                registration::Column::CorporateNumber,
                registration::Column::CompanyName,
                registration::Column::WalkIn,
            ])
            .filter(registration::Column::EventId.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        for (
            event_id,
            status,
            created_at,
            heard_via,
            via,
            industry,
            band,
            city,
            cn,
            name,
            walk_in,
        ) in rows
        {
            out.push(RegistrationFact {
                event_id,
                status: status.parse().map_err(corrupt)?,
                created_at,
                heard_via,
                walk_in,
                via,
                industry,
                employee_band: band,
                city,
                company_key: cn.or(name),
            });
        }
    }
    Ok(out)
}

pub async fn attendees(
    db: &impl ConnectionTrait,
    event_ids: &[i64],
) -> Result<Vec<AttendeeFact>, DbErr> {
    let mut out = Vec::new();
    for chunk in event_ids.chunks(500) {
        let rows: Vec<(i64, i64, String, Option<DateTime<Utc>>)> = attendee::Entity::find()
            .select_only()
            .columns([
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
            .filter(registration::Column::Status.eq(RegistrationStatus::Confirmed.code()))
            .into_tuple::<i64>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        for (event_id, registration_id, status, checked_in_at) in rows {
            out.push(AttendeeFact {
                event_id,
                attending: confirmed.contains(&registration_id)
                    && status == AttendeeStatus::Active.code(),
                checked_in: checked_in_at.is_some(),
            });
        }
    }
    Ok(out)
}
