use super::entities::{event_partner, organization};
use super::{corrupt, organizations};
use crate::domain::{Partner, PartnerRole, PartnerState};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};
use std::collections::HashMap;

pub struct NewPartner {
    pub event_id: i64,
    pub organization_id: i64,
    pub role: PartnerRole,
    pub state: PartnerState,
    pub display_order: i32,
    pub requested_by: Option<i64>,
    pub note: Option<crate::domain::PartnerNote>,
}

pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewPartner,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let model = event_partner::ActiveModel {
        event_id: Set(new.event_id),
        organization_id: Set(new.organization_id),
        role: Set(new.role.code().to_owned()),
        state: Set(new.state.code().to_owned()),
        display_order: Set(new.display_order),
        requested_by: Set(new.requested_by),
        requested_at: Set(now),
        decided_by: Set(None),
        decided_at: Set(None),
        note: Set(new.note.map(|n| n.as_str().to_owned())),
        ..Default::default()
    };
    event_partner::Entity::insert(model).exec(db).await?;
    Ok(())
}

/// Records the partner organization's answer. Returns false when there is no such request.
pub async fn decide(
    db: &impl ConnectionTrait,
    event_id: i64,
    organization_id: i64,
    state: PartnerState,
    decided_by: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = event_partner::Entity::update_many()
        .col_expr(event_partner::Column::State, state.code().into())
        .col_expr(event_partner::Column::DecidedBy, decided_by.into())
        .col_expr(event_partner::Column::DecidedAt, now.into())
        .filter(event_partner::Column::EventId.eq(event_id))
        .filter(event_partner::Column::OrganizationId.eq(organization_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

pub async fn of_event(db: &impl ConnectionTrait, event_id: i64) -> Result<Vec<Partner>, DbErr> {
    Ok(for_events(db, &[event_id])
        .await?
        .remove(&event_id)
        .unwrap_or_default())
}

/// A role an organization was asked to take, as its own staff see it.
#[derive(Debug, Clone)]
pub struct Request {
    pub event_id: i64,
    pub role: crate::domain::PartnerRole,
    pub state: crate::domain::PartnerState,
    pub requested_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    /// The display name of who answered.
    pub decided_by: Option<String>,
    /// The organizer's note with the request.
    pub note: Option<String>,
    /// The display name of who asked.
    pub requested_by: Option<String>,
}

/// Who asked an organization to take a role in an event, and with which note.
#[derive(Debug, Clone)]
pub struct Asked {
    pub role: PartnerRole,
    pub requested_by: Option<i64>,
    pub note: Option<String>,
}

/// The request made of `organization_id` for `event_id`, if any.
pub async fn asked(
    db: &impl ConnectionTrait,
    event_id: i64,
    organization_id: i64,
) -> Result<Option<Asked>, DbErr> {
    let Some(r) = event_partner::Entity::find()
        .filter(event_partner::Column::EventId.eq(event_id))
        .filter(event_partner::Column::OrganizationId.eq(organization_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(Asked {
        role: r.role.parse().map_err(corrupt)?,
        requested_by: r.requested_by,
        note: r.note,
    }))
}

/// Every role an organization was asked to take, newest first.
pub async fn requests_to(
    db: &impl ConnectionTrait,
    organization_id: i64,
) -> Result<Vec<Request>, DbErr> {
    use super::entities::user;
    use sea_orm::QueryOrder;
    let rows = event_partner::Entity::find()
        .filter(event_partner::Column::OrganizationId.eq(organization_id))
        .order_by_desc(event_partner::Column::Id)
        .all(db)
        .await?;
    let mut out = Vec::new();
    for r in rows {
        let decided_by = match r.decided_by {
            Some(id) => user::Entity::find_by_id(id)
                .one(db)
                .await?
                .map(|u| u.display_name),
            None => None,
        };
        let requested_by = match r.requested_by {
            Some(id) => user::Entity::find_by_id(id)
                .one(db)
                .await?
                .map(|u| u.display_name),
            None => None,
        };
        out.push(Request {
            requested_by,
            event_id: r.event_id,
            role: r.role.parse().map_err(corrupt)?,
            state: r.state.parse().map_err(corrupt)?,
            requested_at: r.requested_at,
            decided_at: r.decided_at,
            decided_by,
            note: r.note,
        });
    }
    Ok(out)
}

/// The events an organization is an approved partner of.
pub async fn event_ids_of_partner(
    db: &impl ConnectionTrait,
    organization_id: i64,
) -> Result<Vec<i64>, DbErr> {
    use sea_orm::QuerySelect;
    event_partner::Entity::find()
        .select_only()
        .column(event_partner::Column::EventId)
        .filter(event_partner::Column::OrganizationId.eq(organization_id))
        .filter(event_partner::Column::State.eq(crate::domain::PartnerState::Approved.code()))
        .into_tuple()
        .all(db)
        .await
}

/// The partners of each of `event_ids`, with their organizations, in display order.
pub async fn for_events(
    db: &impl ConnectionTrait,
    event_ids: &[i64],
) -> Result<HashMap<i64, Vec<Partner>>, DbErr> {
    let mut by_event: HashMap<i64, Vec<Partner>> = HashMap::new();
    if event_ids.is_empty() {
        return Ok(by_event);
    }
    let rows = event_partner::Entity::find()
        .filter(event_partner::Column::EventId.is_in(event_ids.iter().copied()))
        .find_also_related(organization::Entity)
        .order_by_asc(event_partner::Column::DisplayOrder)
        .order_by_asc(event_partner::Column::Id)
        .all(db)
        .await?;
    for (partner, org) in rows {
        let org = org.ok_or_else(|| corrupt("partner without organization"))?;
        by_event.entry(partner.event_id).or_default().push(Partner {
            organization: organizations::from_model(org)?,
            role: partner.role.parse().map_err(corrupt)?,
            state: partner.state.parse().map_err(corrupt)?,
            display_order: partner.display_order,
        });
    }
    Ok(by_event)
}

/// When each partner of an event was asked and answered, and who answered, by organization.
pub async fn decisions_of_event(
    db: &impl ConnectionTrait,
    event_id: i64,
) -> Result<HashMap<i64, Decision>, DbErr> {
    use super::entities::user;
    let rows = event_partner::Entity::find()
        .filter(event_partner::Column::EventId.eq(event_id))
        .all(db)
        .await?;
    let mut out = HashMap::new();
    for r in rows {
        let decided_by = match r.decided_by {
            Some(id) => user::Entity::find_by_id(id)
                .one(db)
                .await?
                .map(|u| u.display_name),
            None => None,
        };
        out.insert(
            r.organization_id,
            Decision {
                requested_at: r.requested_at,
                decided_at: r.decided_at,
                decided_by,
                note: r.note,
            },
        );
    }
    Ok(out)
}

#[derive(Debug, Clone)]
pub struct Decision {
    pub requested_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decided_by: Option<String>,
    pub note: Option<String>,
}

/// Sets the display order of an event's partners to the order given.
pub async fn reorder(
    db: &impl ConnectionTrait,
    event_id: i64,
    organization_ids: &[i64],
) -> Result<(), DbErr> {
    for (i, org) in organization_ids.iter().enumerate() {
        event_partner::Entity::update_many()
            .col_expr(event_partner::Column::DisplayOrder, (i as i32).into())
            .filter(event_partner::Column::EventId.eq(event_id))
            .filter(event_partner::Column::OrganizationId.eq(*org))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Withdraws a request or a role. Returns false when there was none.
pub async fn remove(
    db: &impl ConnectionTrait,
    event_id: i64,
    organization_id: i64,
) -> Result<bool, DbErr> {
    let result = event_partner::Entity::delete_many()
        .filter(event_partner::Column::EventId.eq(event_id))
        .filter(event_partner::Column::OrganizationId.eq(organization_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}
