//! Campaign entries: what each company joining a campaign declared.
use super::corrupt;
use super::entities::campaign_entry;
use crate::domain::CampaignEntry;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use std::collections::HashMap;

pub async fn insert(
    db: &impl ConnectionTrait,
    registration_id: i64,
    event_id: i64,
    entry: &CampaignEntry,
) -> Result<(), DbErr> {
    campaign_entry::Entity::insert(campaign_entry::ActiveModel {
        registration_id: Set(registration_id),
        event_id: Set(event_id),
        actions: Set(entry.action_codes()),
        other_action: Set(entry.other_action.clone()),
        employees: Set(entry.employees as i32),
        from_date: Set(entry.from),
        to_date: Set(entry.to),
        listed: Set(entry.listed),
    })
    .exec(db)
    .await?;
    Ok(())
}

/// The entries of these registrations.
pub async fn of_registrations(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<HashMap<i64, CampaignEntry>, DbErr> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(500) {
        for m in campaign_entry::Entity::find()
            .filter(campaign_entry::Column::RegistrationId.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            out.insert(m.registration_id, from_model(&m)?);
        }
    }
    Ok(out)
}

/// A campaign's live entries (not cancelled), with the company's name, industry and size.
#[derive(Debug, Clone)]
pub struct Participant {
    pub registration_id: i64,
    pub company: Option<String>,
    pub corporate_number: Option<String>,
    pub industry: Option<String>,
    pub employee_band: Option<String>,
    pub entry: CampaignEntry,
}

pub async fn participants(
    db: &impl ConnectionTrait,
    event_id: i64,
) -> Result<Vec<Participant>, DbErr> {
    let rows = campaign_entry::Entity::find()
        .filter(campaign_entry::Column::EventId.eq(event_id))
        .all(db)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.registration_id).collect();
    let mut regs = super::registrations::live_models(db, &ids).await?;
    let mut out = Vec::new();
    for m in rows {
        let Some(r) = regs.remove(&m.registration_id) else {
            continue;
        };
        out.push(Participant {
            registration_id: m.registration_id,
            company: r.company_name,
            corporate_number: r.corporate_number,
            industry: r.industry,
            employee_band: r.employee_band,
            entry: from_model(&m)?,
        });
    }
    out.sort_by_key(|p| p.registration_id);
    Ok(out)
}

fn from_model(m: &campaign_entry::Model) -> Result<CampaignEntry, DbErr> {
    Ok(CampaignEntry {
        actions: m
            .actions
            .split(',')
            .filter(|a| !a.is_empty())
            .map(|a| a.parse().map_err(corrupt))
            .collect::<Result<_, _>>()?,
        other_action: m.other_action.clone(),
        employees: m.employees.max(0) as u32,
        from: m.from_date,
        to: m.to_date,
        listed: m.listed,
    })
}
