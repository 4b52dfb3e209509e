//! Declaration schemes (the Tokyo Telework Rule declaration): the organizer reviews each
//! declaration (approve, or return it with a note); the company is told either way and may
//! change its declaration through its manage link, which sends it back to review. Approved
//! declarations may be listed publicly, and are counted by the fiscal year of approval.
use super::events::own_event;
use super::notices::{self, Copies};
use crate::domain::{
    DeclarationDecision, DeclarationInput, DeclarationState, FiscalYear, Notice, Principal,
    ValidationErrors,
};
use crate::error::{AppError, AppResult};
use crate::store::{self, Db, declarations::Declared};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// The organizer approves a declaration, or returns it with a note saying what to change.
pub async fn review(
    db: &Db,
    who: &Principal,
    slug: &str,
    registration_id: i64,
    approve: bool,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let mut errors = ValidationErrors::new();
    let note = crate::domain::text::optional_lines(&mut errors, "note", note, 2000);
    if !errors.is_empty() {
        return Err(errors.into());
    }
    if !approve && note.is_none() {
        return Err(ValidationErrors::single("note", "return_note_required").into());
    }
    let txn = store::begin_write(db).await?;
    let event = own_event(&txn, who, slug).await?;
    let state = if approve {
        DeclarationState::Approved
    } else {
        DeclarationState::Returned
    };
    let now_state = store::registrations::by_id(&txn, registration_id)
        .await?
        .filter(|s| s.registration.event_id == event.id)
        .and_then(|s| s.registration.participation.declaration().map(|d| d.state))
        .ok_or(AppError::NotFound)?;
    if !now_state.can_become(state) {
        return Err(AppError::conflict("not_now", Vec::new()));
    }
    if !store::declarations::review(
        &txn,
        event.id,
        registration_id,
        state,
        who.user_id,
        note.as_deref(),
        now,
    )
    .await?
    {
        return Err(AppError::NotFound);
    }
    let reg = store::registrations::by_id(&txn, registration_id)
        .await?
        .ok_or(AppError::NotFound)?
        .registration;
    // The decision travels with the message: a later review does not rewrite this one.
    let reviewed = Notice::DeclarationReviewed {
        decision: if approve {
            DeclarationDecision::Approved
        } else {
            DeclarationDecision::Returned
        },
        note: if approve { None } else { note.clone() },
    };
    notices::tell(&txn, &event, &reg, reviewed, Copies::Active, now).await?;
    txn.commit().await?;
    tracing::info!(
        registration_id,
        state = state.code(),
        by = who.user_id,
        "declaration reviewed"
    );
    Ok(())
}

/// The company changes its declaration through its manage link; it goes back to review.
pub async fn update(
    db: &Db,
    token: &str,
    input: DeclarationInput,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let declaration = crate::domain::Declaration::parse(input)?;
    let managed = super::registrations::by_token(db, token).await?;
    let reg = managed.registration;
    if !reg.is_live() || reg.participation.declaration().is_none() {
        return Err(AppError::NotFound);
    }
    let txn = store::begin_write(db).await?;
    store::declarations::update(&txn, reg.id, &declaration).await?;
    let reg = store::registrations::by_id(&txn, reg.id)
        .await?
        .ok_or(AppError::NotFound)?
        .registration;
    notices::tell(
        &txn,
        &managed.event.event,
        &reg,
        Notice::DeclarationReceived,
        Copies::Active,
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// An event's declarations, for its organizer.
pub async fn of_event(db: &Db, event_id: i64) -> AppResult<Vec<Declared>> {
    Ok(store::declarations::of_event(db, event_id).await?)
}

/// Approved declarations whose companies agreed to be listed, by name.
pub async fn listed(db: &Db, event_id: i64) -> AppResult<Vec<Declared>> {
    let mut list: Vec<Declared> = store::declarations::of_event(db, event_id)
        .await?
        .into_iter()
        .filter(|d| d.record.state == DeclarationState::Approved && d.record.declaration.listed)
        .collect();
    list.sort_by(|a, b| a.company.cmp(&b.company));
    Ok(list)
}

/// Approved declarations by the fiscal year they were approved in.
pub fn approved_by_fiscal_year(declared: &[Declared]) -> BTreeMap<FiscalYear, u64> {
    let mut out = BTreeMap::new();
    for d in declared {
        if let (DeclarationState::Approved, Some(at)) = (d.record.state, d.record.reviewed_at) {
            *out.entry(FiscalYear::of(at)).or_default() += 1;
        }
    }
    out
}
