//! Job fairs: companies apply for booths, the organizer approves them up to the number of
//! booths (or declines), approved booths are shown publicly and students mark the ones they
//! want to visit; each exhibitor sees how many did.
use super::events::own_event;
use super::notices::{self, Copies};
use crate::domain::{BoothDecision, BoothState, Notice, Principal};
use crate::error::{AppError, AppResult};
use crate::store::{self, Db, job_fairs::Exhibitor};
use chrono::{DateTime, Utc};

/// An approved booth, as the public page and the student form show it.
pub struct Booth {
    pub registration_id: i64,
    pub company: String,
    /// The company's corporate number: certifications are matched by it.
    pub corporate_number: Option<String>,
    pub exhibitor: Exhibitor,
}

/// An event's exhibitors with their company names and how many students marked each,
/// applications of withdrawn (cancelled) companies left out.
pub struct ExhibitorRow {
    pub booth: Booth,
    pub interested: u64,
}

pub async fn exhibitors(db: &Db, event_id: i64) -> AppResult<Vec<ExhibitorRow>> {
    let list = store::job_fairs::exhibitors(db, event_id).await?;
    let ids: Vec<i64> = list.iter().map(|x| x.registration_id).collect();
    let live = store::registrations::live_models(db, &ids).await?;
    let counts = store::job_fairs::interest_counts(db, &ids).await?;
    Ok(list
        .into_iter()
        .filter_map(|x| {
            let model = live.get(&x.registration_id)?;
            let company = model.company_name.clone()?;
            let corporate_number = model.corporate_number.clone();
            Some(ExhibitorRow {
                interested: counts.get(&x.registration_id).copied().unwrap_or(0),
                booth: Booth {
                    registration_id: x.registration_id,
                    company,
                    corporate_number,
                    exhibitor: x,
                },
            })
        })
        .collect())
}

pub async fn approved_booths(db: &Db, event_id: i64) -> AppResult<Vec<Booth>> {
    let mut booths: Vec<Booth> = exhibitors(db, event_id)
        .await?
        .into_iter()
        .map(|r| r.booth)
        .filter(|b| b.exhibitor.state == BoothState::Approved)
        .collect();
    booths.sort_by(|a, b| a.company.cmp(&b.company));
    Ok(booths)
}

/// The organizer approves a booth (within the number of booths) or declines it; the company
/// is told either way.
pub async fn decide(
    db: &Db,
    who: &Principal,
    slug: &str,
    registration_id: i64,
    approve: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let txn = store::begin_write(db).await?;
    let event = own_event(&txn, who, slug).await?;
    // Under the event's lock, so two approvals at once cannot pass the number of booths.
    let event = store::events::by_id_for_update(&txn, event.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let state = if approve {
        BoothState::Approved
    } else {
        BoothState::Declined
    };
    // Only a decision that changes something: an approved booth is not approved again.
    let now_state = store::registrations::by_id(&txn, registration_id)
        .await?
        .filter(|s| s.registration.event_id == event.id)
        .and_then(|s| s.registration.participation.booth().map(|(state, _)| state))
        .ok_or(AppError::NotFound)?;
    if !now_state.can_become(state) {
        return Err(AppError::conflict("not_now", Vec::new()));
    }
    if approve
        && let Some(cap) = store::job_fairs::exhibitor_capacity(&txn, event.id).await?
        && store::job_fairs::approved_count(&txn, event.id).await? >= u64::from(cap)
    {
        return Err(AppError::conflict(
            "booths_full",
            crate::error_args![("booths", cap)],
        ));
    }
    if !store::job_fairs::decide(&txn, event.id, registration_id, state, who.user_id, now).await? {
        return Err(AppError::NotFound);
    }
    let reg = store::registrations::by_id(&txn, registration_id)
        .await?
        .ok_or(AppError::NotFound)?
        .registration;
    // The decision travels with the message: a later one does not rewrite this one.
    let decided = Notice::BoothDecided {
        decision: if approve {
            BoothDecision::Approved
        } else {
            BoothDecision::Declined
        },
    };
    notices::tell(&txn, &event, &reg, decided, Copies::Active, now).await?;
    txn.commit().await?;
    tracing::info!(registration_id, state = state.code(), "exhibitor decided");
    Ok(())
}

/// The number of booths; `None` for no limit.
pub async fn set_capacity(
    db: &Db,
    who: &Principal,
    slug: &str,
    capacity: Option<u32>,
) -> AppResult<()> {
    let event = own_event(db, who, slug).await?;
    store::job_fairs::set_exhibitor_capacity(db, event.id, capacity).await?;
    Ok(())
}

pub async fn capacity(db: &Db, event_id: i64) -> AppResult<Option<u32>> {
    Ok(store::job_fairs::exhibitor_capacity(db, event_id).await?)
}
