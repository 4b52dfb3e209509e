//! Expert dispatch: the organizer's experts, each company's request and its visits.
use super::corrupt;
use super::entities::{dispatch_request, dispatch_visit, expert, registration};
use crate::domain::{
    AssignedExpert, DispatchRecord, DispatchRequest, DispatchState, Expert, ExpertSpec, FiscalYear,
    Visit, VisitPlan, VisitState,
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use std::collections::HashMap;

// ---- the register of experts ----

pub async fn insert_expert(
    db: &impl ConnectionTrait,
    organization_id: i64,
    spec: &ExpertSpec,
    now: DateTime<Utc>,
) -> Result<Expert, DbErr> {
    let m = expert::Entity::insert(expert::ActiveModel {
        organization_id: Set(organization_id),
        name: Set(spec.name.clone()),
        email: Set(spec.email.as_str().to_owned()),
        affiliation: Set(spec.affiliation.clone()),
        fields: Set(spec.fields_stored()),
        active: Set(spec.active),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec_with_returning(db)
    .await?;
    expert_from_model(m)
}

/// Changes an expert of the organization. Returns false when it has no such expert.
pub async fn update_expert(
    db: &impl ConnectionTrait,
    organization_id: i64,
    id: i64,
    spec: &ExpertSpec,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = expert::Entity::update_many()
        .col_expr(expert::Column::Name, Expr::value(spec.name.clone()))
        .col_expr(
            expert::Column::Email,
            Expr::value(spec.email.as_str().to_owned()),
        )
        .col_expr(
            expert::Column::Affiliation,
            Expr::value(spec.affiliation.clone()),
        )
        .col_expr(expert::Column::Fields, Expr::value(spec.fields_stored()))
        .col_expr(expert::Column::Active, Expr::value(spec.active))
        .col_expr(expert::Column::UpdatedAt, Expr::value(now))
        .filter(expert::Column::Id.eq(id))
        .filter(expert::Column::OrganizationId.eq(organization_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// The organization's experts, by name.
pub async fn experts_of(
    db: &impl ConnectionTrait,
    organization_id: i64,
) -> Result<Vec<Expert>, DbErr> {
    expert::Entity::find()
        .filter(expert::Column::OrganizationId.eq(organization_id))
        .order_by_asc(expert::Column::Name)
        .order_by_asc(expert::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(expert_from_model)
        .collect()
}

pub async fn expert(
    db: &impl ConnectionTrait,
    organization_id: i64,
    id: i64,
) -> Result<Option<Expert>, DbErr> {
    expert::Entity::find_by_id(id)
        .filter(expert::Column::OrganizationId.eq(organization_id))
        .one(db)
        .await?
        .map(expert_from_model)
        .transpose()
}

fn expert_from_model(m: expert::Model) -> Result<Expert, DbErr> {
    Ok(Expert {
        id: m.id,
        organization_id: m.organization_id,
        name: m.name,
        email: m.email,
        affiliation: m.affiliation,
        fields: m
            .fields
            .split(',')
            .filter(|f| !f.is_empty())
            .map(|f| f.parse().map_err(corrupt))
            .collect::<Result<_, _>>()?,
        active: m.active,
    })
}

// ---- requests ----

pub async fn insert_request(
    db: &impl ConnectionTrait,
    registration_id: i64,
    event_id: i64,
    r: &DispatchRequest,
) -> Result<(), DbErr> {
    dispatch_request::Entity::insert(dispatch_request::ActiveModel {
        registration_id: Set(registration_id),
        event_id: Set(event_id),
        theme: Set(r.theme.code().to_owned()),
        issue: Set(r.issue.clone()),
        employees: Set(r.employees as i32),
        preferred_dates: Set(r.dates_stored()),
        mode: Set(r.mode.code().to_owned()),
        state: Set(DispatchState::Requested.code().to_owned()),
        expert_id: Set(None),
        assigned_by: Set(None),
        assigned_at: Set(None),
    })
    .exec(db)
    .await?;
    Ok(())
}

/// Records the assigned expert (the state becomes `assigned`).
pub async fn assign(
    db: &impl ConnectionTrait,
    registration_id: i64,
    expert_id: i64,
    by: i64,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    dispatch_request::Entity::update_many()
        .col_expr(dispatch_request::Column::ExpertId, Expr::value(expert_id))
        .col_expr(dispatch_request::Column::AssignedBy, Expr::value(by))
        .col_expr(dispatch_request::Column::AssignedAt, Expr::value(now))
        .col_expr(
            dispatch_request::Column::State,
            Expr::value(DispatchState::Assigned.code()),
        )
        .filter(dispatch_request::Column::RegistrationId.eq(registration_id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn set_state(
    db: &impl ConnectionTrait,
    registration_id: i64,
    state: DispatchState,
) -> Result<(), DbErr> {
    dispatch_request::Entity::update_many()
        .col_expr(dispatch_request::Column::State, Expr::value(state.code()))
        .filter(dispatch_request::Column::RegistrationId.eq(registration_id))
        .exec(db)
        .await?;
    Ok(())
}

/// The requests among `ids` with their experts and visits, by registration id.
pub async fn of_registrations(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<HashMap<i64, DispatchRecord>, DbErr> {
    let mut out = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    for chunk in ids.chunks(500) {
        let requests = dispatch_request::Entity::find()
            .filter(dispatch_request::Column::RegistrationId.is_in(chunk.iter().copied()))
            .all(db)
            .await?;
        let mut visits: HashMap<i64, Vec<Visit>> = HashMap::new();
        for v in dispatch_visit::Entity::find()
            .filter(dispatch_visit::Column::RegistrationId.is_in(chunk.iter().copied()))
            .order_by_asc(dispatch_visit::Column::StartsAt)
            .order_by_asc(dispatch_visit::Column::Id)
            .all(db)
            .await?
        {
            let rid = v.registration_id;
            visits.entry(rid).or_default().push(visit_from_model(v)?);
        }
        let mut expert_ids: Vec<i64> = requests.iter().filter_map(|r| r.expert_id).collect();
        expert_ids.sort_unstable();
        expert_ids.dedup();
        let experts: HashMap<i64, expert::Model> = if expert_ids.is_empty() {
            HashMap::new()
        } else {
            expert::Entity::find()
                .filter(expert::Column::Id.is_in(expert_ids))
                .all(db)
                .await?
                .into_iter()
                .map(|e| (e.id, e))
                .collect()
        };
        for m in requests {
            let expert = m
                .expert_id
                .and_then(|id| experts.get(&id))
                .map(|e| AssignedExpert {
                    id: e.id,
                    name: e.name.clone(),
                    email: e.email.clone(),
                    affiliation: e.affiliation.clone(),
                });
            let record = DispatchRecord {
                request: DispatchRequest {
                    theme: m.theme.parse().map_err(corrupt)?,
                    issue: m.issue,
                    employees: u32::try_from(m.employees).map_err(corrupt)?,
                    preferred_dates: DispatchRequest::dates_from_stored(&m.preferred_dates)
                        .ok_or_else(|| corrupt("preferred_dates"))?,
                    mode: m.mode.parse().map_err(corrupt)?,
                },
                state: m.state.parse().map_err(corrupt)?,
                expert,
                visits: visits.remove(&m.registration_id).unwrap_or_default(),
            };
            out.insert(m.registration_id, record);
        }
    }
    Ok(out)
}

// ---- visits ----

pub async fn insert_visit(
    db: &impl ConnectionTrait,
    registration_id: i64,
    event_id: i64,
    expert_id: i64,
    plan: &VisitPlan,
    now: DateTime<Utc>,
) -> Result<Visit, DbErr> {
    let m = dispatch_visit::Entity::insert(dispatch_visit::ActiveModel {
        registration_id: Set(registration_id),
        event_id: Set(event_id),
        expert_id: Set(expert_id),
        starts_at: Set(plan.starts_at),
        ends_at: Set(plan.ends_at),
        fiscal_year: Set(plan.fiscal_year().year()),
        mode: Set(plan.mode.code().to_owned()),
        place: Set(plan.place.clone()),
        state: Set(VisitState::Scheduled.code().to_owned()),
        outcome: Set(None),
        sequence: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec_with_returning(db)
    .await?;
    visit_from_model(m)
}

/// A visit of the event, with the registration it belongs to.
pub async fn visit(
    db: &impl ConnectionTrait,
    event_id: i64,
    id: i64,
) -> Result<Option<(i64, Visit)>, DbErr> {
    dispatch_visit::Entity::find_by_id(id)
        .filter(dispatch_visit::Column::EventId.eq(event_id))
        .one(db)
        .await?
        .map(|m| Ok((m.registration_id, visit_from_model(m)?)))
        .transpose()
}

/// Moves a visit (and its calendar entry's SEQUENCE up by one); returns the new sequence.
pub async fn reschedule(
    db: &impl ConnectionTrait,
    id: i64,
    plan: &VisitPlan,
    sequence: u32,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    dispatch_visit::Entity::update_many()
        .col_expr(
            dispatch_visit::Column::StartsAt,
            Expr::value(plan.starts_at),
        )
        .col_expr(dispatch_visit::Column::EndsAt, Expr::value(plan.ends_at))
        .col_expr(
            dispatch_visit::Column::FiscalYear,
            Expr::value(plan.fiscal_year().year()),
        )
        .col_expr(dispatch_visit::Column::Mode, Expr::value(plan.mode.code()))
        .col_expr(
            dispatch_visit::Column::Place,
            Expr::value(plan.place.clone()),
        )
        .col_expr(
            dispatch_visit::Column::Sequence,
            Expr::value(sequence as i32),
        )
        .col_expr(dispatch_visit::Column::UpdatedAt, Expr::value(now))
        .filter(dispatch_visit::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Sets a visit's state (cancelled, held, not held) and its outcome; `sequence` is the
/// calendar entry's new SEQUENCE.
pub async fn set_visit_state(
    db: &impl ConnectionTrait,
    id: i64,
    state: VisitState,
    outcome: Option<&str>,
    sequence: u32,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    dispatch_visit::Entity::update_many()
        .col_expr(dispatch_visit::Column::State, Expr::value(state.code()))
        .col_expr(
            dispatch_visit::Column::Outcome,
            Expr::value(outcome.map(str::to_owned)),
        )
        .col_expr(
            dispatch_visit::Column::Sequence,
            Expr::value(sequence as i32),
        )
        .col_expr(dispatch_visit::Column::UpdatedAt, Expr::value(now))
        .filter(dispatch_visit::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Visits counted against a company in a fiscal year, across its live requests of the
/// event: by corporate number, or (a sole proprietor without one) of the request alone.
/// `except` leaves out a visit being moved.
pub async fn counted_visits(
    db: &impl ConnectionTrait,
    event_id: i64,
    registration_id: i64,
    corporate_number: Option<&str>,
    year: FiscalYear,
    except: Option<i64>,
) -> Result<u32, DbErr> {
    let mut registrations = Query::select()
        .column(registration::Column::Id)
        .from(registration::Entity)
        .and_where(registration::Column::EventId.eq(event_id))
        .to_owned();
    match corporate_number {
        Some(cn) => registrations.and_where(registration::Column::CorporateNumber.eq(cn)),
        None => registrations.and_where(registration::Column::Id.eq(registration_id)),
    };
    let mut q = dispatch_visit::Entity::find()
        .filter(dispatch_visit::Column::EventId.eq(event_id))
        .filter(dispatch_visit::Column::FiscalYear.eq(year.year()))
        .filter(dispatch_visit::Column::State.ne(VisitState::Cancelled.code()))
        .filter(dispatch_visit::Column::RegistrationId.in_subquery(registrations));
    if let Some(id) = except {
        q = q.filter(dispatch_visit::Column::Id.ne(id));
    }
    Ok(q.count(db).await? as u32)
}

/// A request of an event as the organizer lists it.
#[derive(Debug, Clone)]
pub struct Requested {
    pub registration_id: i64,
    pub company: Option<String>,
    pub corporate_number: Option<String>,
    pub created_at: DateTime<Utc>,
    pub record: DispatchRecord,
}

/// An event's requests that were not withdrawn, oldest first.
pub async fn of_event(db: &impl ConnectionTrait, event_id: i64) -> Result<Vec<Requested>, DbErr> {
    let ids: Vec<i64> = dispatch_request::Entity::find()
        .filter(dispatch_request::Column::EventId.eq(event_id))
        .order_by_asc(dispatch_request::Column::RegistrationId)
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.registration_id)
        .collect();
    let mut live = super::registrations::live_models(db, &ids).await?;
    let mut records = of_registrations(db, &ids).await?;
    let mut out = Vec::new();
    for id in ids {
        if let (Some(r), Some(record)) = (live.remove(&id), records.remove(&id)) {
            out.push(Requested {
                registration_id: id,
                company: r.company_name,
                corporate_number: r.corporate_number,
                created_at: r.created_at,
                record,
            });
        }
    }
    Ok(out)
}

/// For the fiscal-year report: of the events, each live request (its event, company and
/// when it was made) and each visit held (its event, company and fiscal year).
pub struct ReportRows {
    /// (event id, corporate number or `r<id>`, requested at)
    pub requests: Vec<(i64, String, DateTime<Utc>)>,
    /// (event id, corporate number or `r<id>`, fiscal year of the visit)
    pub held: Vec<(i64, String, i32)>,
}

pub async fn report_rows(
    db: &impl ConnectionTrait,
    event_ids: &[i64],
) -> Result<ReportRows, DbErr> {
    let mut rows = ReportRows {
        requests: Vec::new(),
        held: Vec::new(),
    };
    if event_ids.is_empty() {
        return Ok(rows);
    }
    let requests = dispatch_request::Entity::find()
        .filter(dispatch_request::Column::EventId.is_in(event_ids.iter().copied()))
        .filter(dispatch_request::Column::State.ne(DispatchState::Withdrawn.code()))
        .all(db)
        .await?;
    let ids: Vec<i64> = requests.iter().map(|r| r.registration_id).collect();
    let live = super::registrations::live_models(db, &ids).await?;
    let company = |id: i64| -> Option<String> {
        live.get(&id).map(|r| {
            r.corporate_number
                .clone()
                .unwrap_or_else(|| format!("r{id}"))
        })
    };
    for r in &requests {
        if let (Some(c), Some(m)) = (company(r.registration_id), live.get(&r.registration_id)) {
            rows.requests.push((r.event_id, c, m.created_at));
        }
    }
    for v in dispatch_visit::Entity::find()
        .filter(dispatch_visit::Column::EventId.is_in(event_ids.iter().copied()))
        .filter(dispatch_visit::Column::State.eq(VisitState::Held.code()))
        .all(db)
        .await?
    {
        if let Some(c) = company(v.registration_id) {
            rows.held.push((v.event_id, c, v.fiscal_year));
        }
    }
    Ok(rows)
}

fn visit_from_model(m: dispatch_visit::Model) -> Result<Visit, DbErr> {
    Ok(Visit {
        id: m.id,
        plan: VisitPlan {
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            mode: m.mode.parse().map_err(corrupt)?,
            place: m.place,
        },
        state: m.state.parse().map_err(corrupt)?,
        outcome: m.outcome,
        sequence: u32::try_from(m.sequence).map_err(corrupt)?,
    })
}
