//! Expert dispatch programmes: the organizer keeps a register of experts, assigns
//! one to each company's request, schedules its visits — at most the programme's
//! `visits_per_company` per company and fiscal year, counted across the company's requests —
//! moves or cancels them, and records how each went. Every scheduled, moved or cancelled visit
//! is mailed to the company (and to the expert) with a calendar entry of its own.
use super::events::own_event;
use super::notices::{self, Copies};
use crate::domain::{
    DispatchState, Event, EventKind, Expert, ExpertInput, ExpertSpec, FiscalYear, Notice,
    Principal, Registration, ValidationErrors, Visit, VisitChange, VisitInput, VisitNotice,
    VisitPlan, VisitState,
};
use crate::error::{AppError, AppResult};
use crate::store::{self, Db, dispatch::Requested};
use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;

// ---- the register of experts ----

fn may_manage(who: &Principal) -> AppResult<()> {
    if who.role.manages_events() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The experts of the caller's organization.
pub async fn experts(db: &Db, who: &Principal) -> AppResult<Vec<Expert>> {
    Ok(store::dispatch::experts_of(db, who.organization_id).await?)
}

pub async fn expert(db: &Db, who: &Principal, id: i64) -> AppResult<Expert> {
    store::dispatch::expert(db, who.organization_id, id)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn add_expert(
    db: &Db,
    who: &Principal,
    input: ExpertInput,
    now: DateTime<Utc>,
) -> AppResult<Expert> {
    may_manage(who)?;
    let spec = ExpertSpec::parse(input)?;
    let expert = store::dispatch::insert_expert(db, who.organization_id, &spec, now).await?;
    tracing::info!(expert_id = expert.id, by = who.user_id, "expert added");
    Ok(expert)
}

pub async fn update_expert(
    db: &Db,
    who: &Principal,
    id: i64,
    input: ExpertInput,
    now: DateTime<Utc>,
) -> AppResult<()> {
    may_manage(who)?;
    let spec = ExpertSpec::parse(input)?;
    if !store::dispatch::update_expert(db, who.organization_id, id, &spec, now).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

// ---- requests and visits ----

/// An event's requests, for those who may read its roster.
pub async fn requests(db: &Db, event_id: i64) -> AppResult<Vec<Requested>> {
    Ok(store::dispatch::of_event(db, event_id).await?)
}

/// One request of the event, whole.
pub async fn request(db: &Db, event_id: i64, registration_id: i64) -> AppResult<Registration> {
    store::registrations::by_id(db, registration_id)
        .await?
        .map(|s| s.registration)
        .filter(|r| r.event_id == event_id && r.participation.dispatch().is_some())
        .ok_or(AppError::NotFound)
}

/// How many visits the company of `reg` has had or has scheduled in `year` (not cancelled),
/// across its requests of the programme.
pub async fn counted_in_year(
    db: &impl ConnectionTrait,
    reg: &Registration,
    year: FiscalYear,
    except: Option<i64>,
) -> AppResult<u32> {
    let cn = reg
        .company
        .as_ref()
        .and_then(|c| c.corporate_number.as_deref());
    Ok(store::dispatch::counted_visits(db, reg.event_id, reg.id, cn, year, except).await?)
}

/// The visits a programme allows each company per fiscal year.
pub fn allowed(event: &Event) -> u32 {
    event
        .spec
        .visits_per_company
        .unwrap_or(crate::domain::dispatch::DEFAULT_VISITS_PER_COMPANY)
}

/// The event (locked for the rest of the transaction: visits are counted under it) and the
/// request, both the caller's to manage.
async fn locked(
    txn: &impl ConnectionTrait,
    who: &Principal,
    slug: &str,
    registration_id: i64,
) -> AppResult<(Event, Registration)> {
    own_event(txn, who, slug).await?;
    let event = store::events::by_slug_for_update(txn, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    if event.spec.kind != EventKind::ExpertDispatch {
        return Err(AppError::NotFound);
    }
    let reg = store::registrations::by_id(txn, registration_id)
        .await?
        .map(|s| s.registration)
        .filter(|r| r.event_id == event.id && r.participation.dispatch().is_some())
        .ok_or(AppError::NotFound)?;
    Ok((event, reg))
}

fn state_of(reg: &Registration) -> DispatchState {
    reg.participation
        .dispatch()
        .map_or(DispatchState::Withdrawn, |(s, _)| s)
}

/// The organizer assigns an expert of its register (active) to a request; a request already
/// assigned gets another expert for the visits to come.
pub async fn assign(
    db: &Db,
    who: &Principal,
    slug: &str,
    registration_id: i64,
    expert_id: Option<i64>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(expert_id) = expert_id else {
        return Err(ValidationErrors::single("expert", "choose_one").into());
    };
    let txn = store::begin_write(db).await?;
    let (_, reg) = locked(&txn, who, slug, registration_id).await?;
    let expert = store::dispatch::expert(&txn, who.organization_id, expert_id)
        .await?
        .filter(|e| e.active)
        .ok_or_else(|| AppError::from(ValidationErrors::single("expert", "invalid_choice")))?;
    if !state_of(&reg).can_become(DispatchState::Assigned) {
        return Err(AppError::conflict("not_now", Vec::new()));
    }
    store::dispatch::assign(&txn, reg.id, expert.id, who.user_id, now).await?;
    txn.commit().await?;
    tracing::info!(
        registration_id,
        expert_id,
        by = who.user_id,
        "expert assigned"
    );
    Ok(())
}

/// The support is over: no more visits are scheduled (assigning an expert opens it again).
pub async fn close(db: &Db, who: &Principal, slug: &str, registration_id: i64) -> AppResult<()> {
    let txn = store::begin_write(db).await?;
    let (_, reg) = locked(&txn, who, slug, registration_id).await?;
    if !state_of(&reg).can_become(DispatchState::Closed) {
        return Err(AppError::conflict("not_now", Vec::new()));
    }
    store::dispatch::set_state(&txn, reg.id, DispatchState::Closed).await?;
    txn.commit().await?;
    Ok(())
}

/// Refuses a visit beyond the programme's visits per company in its fiscal year.
async fn check_within_allowance(
    txn: &impl ConnectionTrait,
    event: &Event,
    reg: &Registration,
    plan: &VisitPlan,
    except: Option<i64>,
) -> AppResult<()> {
    let year = plan.fiscal_year();
    let counted = counted_in_year(txn, reg, year, except).await?;
    let allowed = allowed(event);
    if counted >= allowed {
        return Err(ValidationErrors::single_with(
            "starts_at",
            "dispatch_visit_limit",
            crate::error_args![("max", allowed), ("year", year.year().to_string())],
        )
        .into());
    }
    Ok(())
}

/// Schedules a visit of the assigned expert; the company and the expert are mailed it with
/// its calendar entry.
pub async fn schedule(
    db: &Db,
    who: &Principal,
    slug: &str,
    registration_id: i64,
    input: VisitInput,
    now: DateTime<Utc>,
) -> AppResult<Visit> {
    let plan = VisitPlan::parse(input, now)?;
    let txn = store::begin_write(db).await?;
    let (event, reg) = locked(&txn, who, slug, registration_id).await?;
    let (state, record) = reg.participation.dispatch().expect("checked");
    let expert = match (&record.expert, state.schedules_visits()) {
        (Some(e), true) => e.clone(),
        _ => return Err(AppError::conflict("dispatch_no_expert", Vec::new())),
    };
    check_within_allowance(&txn, &event, &reg, &plan, None).await?;
    let visit =
        store::dispatch::insert_visit(&txn, reg.id, event.id, expert.id, &plan, now).await?;
    announce(&txn, &event, &reg, &visit, VisitChange::Scheduled, now).await?;
    txn.commit().await?;
    tracing::info!(
        registration_id,
        visit_id = visit.id,
        by = who.user_id,
        "visit scheduled"
    );
    Ok(visit)
}

/// A visit of the event, with its request, for a change by the organizer.
async fn visit_for_change(
    txn: &impl ConnectionTrait,
    who: &Principal,
    slug: &str,
    visit_id: i64,
) -> AppResult<(Event, Registration, Visit)> {
    let event = own_event(txn, who, slug).await?;
    let (registration_id, _) = store::dispatch::visit(txn, event.id, visit_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (event, reg) = locked(txn, who, slug, registration_id).await?;
    // Read again under the lock.
    let (_, visit) = store::dispatch::visit(txn, event.id, visit_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((event, reg, visit))
}

/// Moves a scheduled visit; the company and the expert get the updated calendar entry (same
/// UID, higher SEQUENCE).
pub async fn reschedule(
    db: &Db,
    who: &Principal,
    slug: &str,
    visit_id: i64,
    input: VisitInput,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let plan = VisitPlan::parse(input, now)?;
    let txn = store::begin_write(db).await?;
    let (event, reg, visit) = visit_for_change(&txn, who, slug, visit_id).await?;
    if visit.state != VisitState::Scheduled {
        return Err(AppError::conflict("not_now", Vec::new()));
    }
    check_within_allowance(&txn, &event, &reg, &plan, Some(visit.id)).await?;
    let sequence = visit.sequence + 1;
    store::dispatch::reschedule(&txn, visit.id, &plan, sequence, now).await?;
    let moved = Visit {
        plan,
        sequence,
        ..visit
    };
    announce(&txn, &event, &reg, &moved, VisitChange::Moved, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Cancels a scheduled visit: it no longer counts, and the calendars are sent a CANCEL.
pub async fn cancel_visit(
    db: &Db,
    who: &Principal,
    slug: &str,
    visit_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let txn = store::begin_write(db).await?;
    let (event, reg, visit) = visit_for_change(&txn, who, slug, visit_id).await?;
    if visit.state != VisitState::Scheduled {
        return Err(AppError::conflict("not_now", Vec::new()));
    }
    let sequence = visit.sequence + 1;
    store::dispatch::set_visit_state(&txn, visit.id, VisitState::Cancelled, None, sequence, now)
        .await?;
    let cancelled = Visit {
        sequence,
        state: VisitState::Cancelled,
        ..visit
    };
    announce(&txn, &event, &reg, &cancelled, VisitChange::Cancelled, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Records (or corrects) how a visit went: held or not, and notes. Nobody is mailed.
pub async fn record_outcome(
    db: &Db,
    who: &Principal,
    slug: &str,
    visit_id: i64,
    held: Option<&str>,
    notes: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let (state, notes) = crate::domain::dispatch::parse_outcome(held, notes)?;
    let txn = store::begin_write(db).await?;
    let (_, _, visit) = visit_for_change(&txn, who, slug, visit_id).await?;
    if !visit.state.takes_outcome() {
        return Err(AppError::conflict("not_now", Vec::new()));
    }
    store::dispatch::set_visit_state(&txn, visit.id, state, notes.as_deref(), visit.sequence, now)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Queues the visit's message for the company's contact and the expert.
async fn announce(
    txn: &impl ConnectionTrait,
    event: &Event,
    reg: &Registration,
    visit: &Visit,
    change: VisitChange,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some((_, record)) = reg.participation.dispatch() else {
        return Ok(());
    };
    let Some(expert) = &record.expert else {
        return Ok(());
    };
    let notice = |to_expert| Notice::DispatchVisit {
        visit: VisitNotice {
            visit_id: visit.id,
            sequence: visit.sequence,
            change,
            plan: visit.plan.clone(),
            expert: expert.name.clone(),
            expert_affiliation: expert.affiliation.clone(),
            to_expert,
        },
    };
    notices::tell(txn, event, reg, notice(false), Copies::Active, now).await?;
    notices::tell_address(
        txn,
        event.id,
        reg.id,
        &expert.email,
        &expert.name,
        crate::i18n::Lang::default(),
        notice(true),
        now,
    )
    .await?;
    Ok(())
}

// ---- the fiscal-year report ----

/// One line of the fiscal year's expert dispatch table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DispatchYearRow {
    /// The programme area; `None` for the total.
    pub area: Option<crate::domain::ProgrammeArea>,
    /// Requests made in the fiscal year (not withdrawn).
    pub requests: u64,
    /// Distinct companies among them.
    pub companies: u64,
    /// Visits held in the fiscal year.
    pub visits_held: u64,
}

/// Counts by programme area: requests made in `year` (Tokyo), the distinct companies that
/// made them, and visits held in `year`, over the given programmes (event id, area).
pub fn year_rows(
    programmes: &[(i64, crate::domain::ProgrammeArea)],
    rows: &store::dispatch::ReportRows,
    year: FiscalYear,
) -> (Vec<DispatchYearRow>, DispatchYearRow) {
    use std::collections::{BTreeMap, HashSet};
    let area_of = |event_id: i64| {
        programmes
            .iter()
            .find(|(id, _)| *id == event_id)
            .map(|(_, a)| *a)
    };
    let mut by_area: BTreeMap<crate::domain::ProgrammeArea, (DispatchYearRow, HashSet<&str>)> =
        BTreeMap::new();
    let mut all_companies: HashSet<&str> = HashSet::new();
    let mut total = DispatchYearRow::default();
    for (event_id, company, at) in &rows.requests {
        let Some(area) = area_of(*event_id).filter(|_| FiscalYear::of(*at) == year) else {
            continue;
        };
        let (row, companies) = by_area.entry(area).or_default();
        row.requests += 1;
        total.requests += 1;
        companies.insert(company);
        all_companies.insert(company);
    }
    for (event_id, _, fy) in &rows.held {
        let Some(area) = area_of(*event_id).filter(|_| *fy == year.year()) else {
            continue;
        };
        by_area.entry(area).or_default().0.visits_held += 1;
        total.visits_held += 1;
    }
    total.companies = all_companies.len() as u64;
    let lines = by_area
        .into_iter()
        .map(|(area, (mut row, companies))| {
            row.area = Some(area);
            row.companies = companies.len() as u64;
            row
        })
        .collect();
    (lines, total)
}

/// The fiscal year's expert dispatch counts over the organization's published programmes
/// (whatever year a programme started in: its requests and visits are counted by when they
/// happened). Empty when it runs none.
pub async fn fiscal_year(
    db: &Db,
    who: &Principal,
    year: FiscalYear,
) -> AppResult<(Vec<DispatchYearRow>, DispatchYearRow)> {
    let programmes: Vec<(i64, crate::domain::ProgrammeArea)> = super::backoffice::events(db, who)
        .await?
        .into_iter()
        .map(|e| e.listing.event)
        .filter(|e| {
            e.spec.kind == EventKind::ExpertDispatch
                && e.status == crate::domain::EventStatus::Published
        })
        .map(|e| (e.id, e.spec.programme_area))
        .collect();
    let ids: Vec<i64> = programmes.iter().map(|(id, _)| *id).collect();
    let rows = store::dispatch::report_rows(db, &ids).await?;
    Ok(year_rows(&programmes, &rows, year))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ProgrammeArea::{Telework, WorkStyleReform};
    use chrono::TimeZone;

    #[test]
    fn a_year_counts_its_requests_companies_once_and_visits_held() {
        let at = |y, m, d| Utc.with_ymd_and_hms(y, m, d, 3, 0, 0).unwrap();
        let rows = store::dispatch::ReportRows {
            requests: vec![
                (1, "A".into(), at(2026, 5, 1)),
                (2, "A".into(), at(2026, 6, 1)),
                (2, "B".into(), at(2027, 2, 1)),
                // FY2025 (before 1 April) and a programme not counted.
                (1, "C".into(), at(2026, 3, 31)),
                (9, "D".into(), at(2026, 5, 1)),
            ],
            held: vec![
                (1, "A".into(), 2026),
                (2, "A".into(), 2026),
                (2, "B".into(), 2026),
                (2, "B".into(), 2027),
            ],
        };
        let programmes = [(1, WorkStyleReform), (2, Telework)];
        let (lines, total) = year_rows(&programmes, &rows, FiscalYear::new(2026));
        assert_eq!(
            total,
            DispatchYearRow {
                area: None,
                requests: 3,
                companies: 2,
                visits_held: 3
            }
        );
        assert_eq!(lines.len(), 2);
        let telework = lines.iter().find(|l| l.area == Some(Telework)).unwrap();
        assert_eq!(
            (telework.requests, telework.companies, telework.visits_held),
            (2, 2, 2)
        );
    }
}
