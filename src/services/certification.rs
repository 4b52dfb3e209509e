//! Certification schemes (the LWB certified-company scheme): the organizer sets a call's
//! categories and validity; companies apply through the registration form with documents;
//! reviewers score each application and decide per category; the company is told; certified
//! companies are listed publicly and marked where they exhibit and in the year's report.
//! Documents go only to the company (by its manage link) and to the organizer's staff, and
//! every upload and download is logged.
use super::catalogue::EventListing;
use super::events::own_event;
use super::notices::{self, Copies};
use crate::domain::{Call, CallInput, EventKind, FiscalYear, Notice, Principal, Score, Titles};
use crate::error::{AppError, AppResult};
use crate::services::backoffice::StaffEvent;
use crate::store::certification::{Applied, CertifiedRow, GivenScore, LogLine, StoredDocument};
use crate::store::{self, Db};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The call of a certification event; `None` for any other event, or before it is set.
pub async fn call_of(db: &Db, listing: &EventListing) -> AppResult<Option<Call>> {
    if listing.event.spec.kind != EventKind::Certification {
        return Ok(None);
    }
    Ok(store::certification::call_of(db, listing.event.id).await?)
}

/// The organizer sets (or replaces) a call's categories and validity.
pub async fn set_call(db: &Db, who: &Principal, slug: &str, input: CallInput) -> AppResult<Call> {
    let call = Call::parse(input)?;
    let txn = store::begin_write(db).await?;
    let event = own_event(&txn, who, slug).await?;
    if event.spec.kind != EventKind::Certification {
        return Err(AppError::NotFound);
    }
    store::certification::set_call(&txn, event.id, &call).await?;
    txn.commit().await?;
    tracing::info!(event_id = event.id, "certification call set");
    Ok(call)
}

/// An event's live applications, with the scores each was given.
pub struct Reviewed {
    pub applied: Applied,
    pub scores: Vec<GivenScore>,
}

pub async fn applications(db: &Db, event_id: i64) -> AppResult<Vec<Reviewed>> {
    let mut scores: HashMap<i64, Vec<GivenScore>> = HashMap::new();
    for s in store::certification::scores_of_event(db, event_id).await? {
        scores.entry(s.registration_id).or_default().push(s);
    }
    Ok(store::certification::of_event(db, event_id)
        .await?
        .into_iter()
        .map(|a| Reviewed {
            scores: scores.remove(&a.registration_id).unwrap_or_default(),
            applied: a,
        })
        .collect())
}

/// The log of the event's documents (who uploaded or downloaded what, when).
pub async fn document_log(db: &Db, event_id: i64) -> AppResult<Vec<LogLine>> {
    Ok(store::certification::log_of_event(db, event_id).await?)
}

/// A reviewer (staff of the organizer who may read the applications) scores one.
pub async fn score(
    db: &Db,
    who: &Principal,
    e: &StaffEvent,
    registration_id: i64,
    value: Option<&str>,
    comment: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if !e.access.roster || e.listing.event.organizer_id != who.organization_id {
        return Err(AppError::Forbidden);
    }
    let score = Score::parse(value, comment)?;
    let event_id = e.listing.event.id;
    let txn = store::begin_write(db).await?;
    live_application(&txn, event_id, registration_id).await?;
    store::certification::set_score(&txn, event_id, registration_id, who.user_id, &score, now)
        .await?;
    txn.commit().await?;
    Ok(())
}

async fn live_application(
    txn: &impl sea_orm::ConnectionTrait,
    event_id: i64,
    registration_id: i64,
) -> AppResult<crate::domain::Registration> {
    store::registrations::by_id(txn, registration_id)
        .await?
        .map(|s| s.registration)
        .filter(|r| r.event_id == event_id && r.participation.certification().is_some())
        .ok_or(AppError::NotFound)
}

/// The organizer decides: certified in `certified` (codes of categories applied for), not in
/// the others. The company is emailed the decision as made. A decision that changes nothing
/// is refused (409), as is one on a withdrawn application.
pub async fn decide(
    db: &Db,
    who: &Principal,
    slug: &str,
    registration_id: i64,
    certified: &[String],
    now: DateTime<Utc>,
) -> AppResult<()> {
    let txn = store::begin_write(db).await?;
    let event = own_event(&txn, who, slug).await?;
    let reg = live_application(&txn, event.id, registration_id).await?;
    let (state, record) = reg.participation.certification().expect("checked");
    if !state.can_be_decided() {
        return Err(AppError::conflict("not_now", Vec::new()));
    }
    let (choices, next) = record.decide(certified)?;
    if choices == record.choices && next == state {
        return Err(AppError::conflict("not_now", Vec::new()));
    }
    let call = store::certification::call_of(&txn, event.id)
        .await?
        .ok_or(AppError::NotFound)?;
    store::certification::decide(
        &txn,
        event.id,
        registration_id,
        &choices,
        next,
        who.user_id,
        now,
    )
    .await?;
    let name = |code: &str| match call.category(code) {
        Some(c) => Titles::from(&c.name),
        None => Titles {
            ja: code.to_owned(),
            en: code.to_owned(),
        },
    };
    let notice = Notice::CertificationDecided {
        certified: choices
            .iter()
            .filter(|c| c.certified == Some(true))
            .map(|c| name(&c.code))
            .collect(),
        not_certified: choices
            .iter()
            .filter(|c| c.certified == Some(false))
            .map(|c| name(&c.code))
            .collect(),
        valid_from: call.valid_from,
        valid_until: call.valid_until,
    };
    let reg = live_application(&txn, event.id, registration_id).await?;
    notices::tell(&txn, &event, &reg, notice, Copies::Active, now).await?;
    txn.commit().await?;
    tracing::info!(
        registration_id,
        state = next.code(),
        by = who.user_id,
        "certification decided"
    );
    Ok(())
}

/// A document for the company that sent it, by its manage link. Logged.
pub async fn document_for_company(
    db: &Db,
    token: &str,
    document_id: i64,
    now: DateTime<Utc>,
) -> AppResult<StoredDocument> {
    let managed = super::registrations::by_token(db, token).await?;
    let reg = managed.registration;
    if reg.participation.certification().is_none() {
        return Err(AppError::NotFound);
    }
    let doc = store::certification::document(db, reg.id, document_id)
        .await?
        .ok_or(AppError::NotFound)?;
    store::certification::log(db, doc.meta.id, reg.id, doc.event_id, "download", None, now).await?;
    Ok(doc)
}

/// A document for a reviewer: staff who may read the event's applications. Logged beside
/// the document and in the organization's audit log.
pub async fn document_for_staff(
    db: &Db,
    who: &Principal,
    e: &StaffEvent,
    registration_id: i64,
    document_id: i64,
    now: DateTime<Utc>,
) -> AppResult<StoredDocument> {
    if e.listing.event.organizer_id != who.organization_id {
        return Err(AppError::Forbidden);
    }
    let doc = store::certification::document(db, registration_id, document_id)
        .await?
        .filter(|d| d.event_id == e.listing.event.id)
        .ok_or(AppError::NotFound)?;
    super::backoffice::record_read(
        db,
        who,
        e,
        // Reviewers read the applications as the roster is read: a viewer may review.
        super::backoffice::Read::View,
        1,
        &format!(
            "certification document {} ({})",
            doc.meta.id, doc.meta.filename
        ),
        now,
    )
    .await?;
    store::certification::log(
        db,
        doc.meta.id,
        registration_id,
        doc.event_id,
        "download",
        Some(who.user_id),
        now,
    )
    .await?;
    Ok(doc)
}

/// One call's certified companies by category, for the public list.
pub struct CertifiedCall {
    pub event: EventListing,
    pub call: Call,
    /// Category code → company names, in the call's order of categories.
    pub by_category: Vec<(crate::domain::Category, Vec<String>)>,
}

/// Published calls with certified companies, by fiscal year (newest first).
pub async fn certified_list(db: &Db) -> AppResult<BTreeMap<FiscalYear, Vec<CertifiedCall>>> {
    let rows = store::certification::certified(db).await?;
    let mut by_event: BTreeMap<i64, Vec<CertifiedRow>> = BTreeMap::new();
    for r in rows {
        by_event.entry(r.event_id).or_default().push(r);
    }
    let mut out: BTreeMap<FiscalYear, Vec<CertifiedCall>> = BTreeMap::new();
    for (event_id, rows) in by_event {
        let Some(call) = store::certification::call_of(db, event_id).await? else {
            continue;
        };
        let Some(event) = store::events::by_id(db, event_id).await? else {
            continue;
        };
        let listing = super::catalogue::with_partners(db, vec![event])
            .await?
            .remove(0);
        let by_category = call
            .categories
            .iter()
            .map(|c| {
                let mut names: Vec<String> = rows
                    .iter()
                    .filter(|r| r.category == c.code)
                    .map(|r| r.company.clone())
                    .collect();
                names.sort();
                names.dedup();
                (c.clone(), names)
            })
            .filter(|(_, names)| !names.is_empty())
            .collect();
        out.entry(FiscalYear::new(rows[0].fiscal_year))
            .or_default()
            .push(CertifiedCall {
                event: listing,
                call,
                by_category,
            });
    }
    Ok(out)
}

/// The corporate numbers of companies whose certification holds on `day` (Tokyo).
pub async fn certified_on(db: &Db, day: NaiveDate) -> AppResult<HashSet<String>> {
    let rows = store::certification::certified(db).await?;
    let mut calls: HashMap<i64, Option<Call>> = HashMap::new();
    let mut out = HashSet::new();
    for r in rows {
        let Some(number) = r.corporate_number else {
            continue;
        };
        if let std::collections::hash_map::Entry::Vacant(slot) = calls.entry(r.event_id) {
            slot.insert(store::certification::call_of(db, r.event_id).await?);
        }
        if calls[&r.event_id].as_ref().is_some_and(|c| c.valid_on(day)) {
            out.insert(number);
        }
    }
    Ok(out)
}

/// Companies certified by decisions of each fiscal year (a company counts once a year,
/// whatever its categories).
pub async fn certified_by_fiscal_year(db: &Db) -> AppResult<BTreeMap<FiscalYear, u64>> {
    let mut seen: BTreeMap<FiscalYear, HashSet<i64>> = BTreeMap::new();
    for r in store::certification::certified(db).await? {
        if let Some(at) = r.decided_at {
            seen.entry(FiscalYear::of(at))
                .or_default()
                .insert(r.registration_id);
        }
    }
    Ok(seen
        .into_iter()
        .map(|(fy, ids)| (fy, ids.len() as u64))
        .collect())
}

/// The names of the organization's staff, by user id: who scored, who downloaded.
pub async fn staff_names(db: &Db, organization_id: i64) -> AppResult<HashMap<i64, String>> {
    Ok(store::users::of_organization(db, organization_id)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect())
}
