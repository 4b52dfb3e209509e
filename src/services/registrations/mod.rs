//! Registering, changing and cancelling. Every function here runs in one write transaction
//! that holds the event row: the registration, its attendees, the event's seat counter and
//! the outbox rows commit together or not at all.
//!
//! Seats are only ever taken by one conditional UPDATE of the counter
//! (`store::events::take_seats`), so no interleaving of transactions, processes or hosts can
//! sell more seats than the event has.
use super::catalogue::{EventListing, with_partners};
use super::events::own_event;
use super::links::ManageLinks;
use super::notices::{self, Copies};
use crate::domain::registration::{MAX_ATTENDEES, parse_attendee};
use crate::domain::{
    Attendee, AttendeeStatus, Event, EventStatus, Notice, Person, Principal, Question,
    Registration, RegistrationInput, RegistrationRules, RegistrationSpec, SeatState,
    ValidationErrors, question::parse_answers, registration::PersonInput,
};
use crate::error::{AppError, AppResult};
use crate::store::{self, Db, registrations::NewRegistration};
use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashSet};

mod manage;
mod picks;
mod register;
mod waitlist;

pub use manage::{cancel, cancel_by_organizer, change, move_by_organizer};
pub use register::register;
pub(crate) use waitlist::promote_waitlist;
pub use waitlist::{promote_by_organizer, resend};

/// A registration as its registrant sees it through the manage link.
#[derive(Debug, Clone)]
pub struct Managed {
    pub registration: Registration,
    pub event: EventListing,
    pub questions: Vec<Question>,
    /// The event's sessions, for changing the selection.
    pub sessions: Vec<crate::domain::EventSession>,
    /// A booth: how many students want to visit it.
    pub booth_interest: Option<u64>,
    /// A certification application: its call (categories by name, validity).
    pub call: Option<crate::domain::Call>,
    /// At a job fair: the booths this student marked (company names).
    pub marked_booths: Vec<String>,
    /// An internship student: the offer applied to, with its company.
    pub applied_offer: Option<crate::services::internships::OfferRow>,
    /// An internship host company: the applications to its offer.
    pub applications: Vec<crate::services::internships::ApplicationRow>,
    /// Place in the waiting list, 1 for the first.
    pub waitlist_position: Option<u32>,
    pub manage_token: String,
}

/// The answer to a registration: the same whether it was made now or replayed.
#[derive(Debug, Clone)]
pub struct Registered {
    pub registration: Registration,
    pub event: Event,
    pub waitlist_position: Option<u32>,
    pub manage_token: String,
    /// True when an earlier request with the same idempotency key made it.
    pub replayed: bool,
}

/// A change to the attendees: an `id` keeps (and may rename) an attendee, no `id` adds one,
/// and attendees left out are cancelled.
#[derive(Debug, Clone, Default)]
pub struct AttendeeChange {
    pub id: Option<i64>,
    pub person: PersonInput,
}

#[derive(Debug, Clone, Default)]
pub struct RegistrationChange {
    pub attendees: Option<Vec<AttendeeChange>>,
    pub answers: Option<BTreeMap<i64, Vec<String>>>,
    /// The sessions every attendee attends from now on (all of them, not a difference).
    pub sessions: Option<Vec<i64>>,
    /// The sessions one attendee attends from now on, by attendee id (wins over `sessions`).
    pub attendee_sessions: BTreeMap<i64, Vec<i64>>,
}

/// The registration behind a manage link.
pub async fn by_token(db: &Db, token: &str) -> AppResult<Managed> {
    let stored = lookup(db, token).await?;
    managed(db, stored.registration, token.to_owned()).await
}

/// The SEQUENCE of a registrant's calendar download: that of the last invitation or update
/// they were sent, so the download neither loses to it nor hides a later one.
pub async fn calendar_sequence(db: &Db, registration_id: i64) -> AppResult<u32> {
    let latest = store::outbox::latest_id_for_registration(db, registration_id).await?;
    Ok(latest.map_or(0, |id| u32::try_from(id).unwrap_or(u32::MAX)))
}

/// One page of an event's registrations, for its organizer.
pub async fn list_for_organizer(
    db: &Db,
    who: &Principal,
    slug: &str,
    page: u64,
    per_page: u64,
) -> AppResult<(Vec<Registration>, u64)> {
    let event = own_event(db, who, slug).await?;
    let page = page.max(1);
    Ok(store::registrations::page_for_event(db, event.id, per_page, (page - 1) * per_page).await?)
}

pub async fn get_for_organizer(
    db: &Db,
    who: &Principal,
    slug: &str,
    id: i64,
) -> AppResult<Registration> {
    let event = own_event(db, who, slug).await?;
    let stored = store::registrations::by_id(db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if stored.registration.event_id != event.id {
        return Err(AppError::NotFound);
    }
    Ok(stored.registration)
}

async fn check_company_limit(
    txn: &impl ConnectionTrait,
    event: &Event,
    spec: &RegistrationSpec,
    seats: u32,
    except: Option<i64>,
) -> AppResult<()> {
    if let (Some(limit), Some(cn)) = (event.spec.per_company_limit, spec.corporate_number()) {
        let others =
            store::registrations::active_attendees_of_company(txn, event.id, cn.as_str(), except)
                .await? as u32;
        if others + seats > limit {
            return Err(too_many(limit, others).into());
        }
    }
    Ok(())
}

/// The answer to changing, cancelling, moving or resending a duplicate: it holds no place, so
/// there is nothing to act on (cancelling it would "free" seats it never took, and tell the
/// owner of the address that a place of theirs was cancelled). Their own registration is
/// managed from its own link.
fn holds_nothing() -> AppError {
    AppError::conflict("registration_duplicate", Vec::new())
}

fn too_many(limit: u32, others: u32) -> ValidationErrors {
    let left = limit.saturating_sub(others);
    ValidationErrors::single_with(
        "attendees",
        "per_company_limit",
        crate::error_args![("limit", limit), ("others", others), ("left", left)],
    )
}

async fn lookup(db: &impl ConnectionTrait, token: &str) -> AppResult<store::registrations::Stored> {
    if !ManageLinks::is_well_formed(token) {
        return Err(AppError::NotFound);
    }
    store::registrations::by_token_hash(db, &ManageLinks::hash(token))
        .await?
        .ok_or(AppError::NotFound)
}

/// The registration behind a manage link and its event, read once the event row is locked:
/// on PostgreSQL a copy read before the lock could already be stale (a double-clicked cancel
/// would give the same seats back twice).
async fn lookup_locked(
    txn: &impl ConnectionTrait,
    token: &str,
) -> AppResult<(Registration, Event)> {
    let event_id = lookup(txn, token).await?.registration.event_id;
    let event = store::events::by_id_for_update(txn, event_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let registration = lookup(txn, token).await?.registration;
    Ok((registration, event))
}

async fn managed(db: &Db, registration: Registration, token: String) -> AppResult<Managed> {
    let event = store::events::by_id(db, registration.event_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let waitlist_position = if registration.participation.is_waiting() {
        Some(store::registrations::waitlist_position(db, event.id, registration.id).await?)
    } else {
        None
    };
    let questions = store::questions::of_event(db, event.id).await?;
    let sessions = store::event_sessions::of_event(db, event.id).await?;
    let (mut booth_interest, mut marked_booths) = (None, Vec::new());
    match registration.shape() {
        crate::domain::Shape::Booth => {
            let counts = store::job_fairs::interest_counts(db, &[registration.id]).await?;
            booth_interest = Some(counts.get(&registration.id).copied().unwrap_or(0));
        }
        crate::domain::Shape::StudentVisit => {
            let marked = store::job_fairs::marked_by(db, registration.id).await?;
            let names = store::registrations::live_models(db, &marked).await?;
            marked_booths = marked
                .iter()
                .filter_map(|id| names.get(id).and_then(|r| r.company_name.clone()))
                .collect();
        }
        _ => {}
    }
    let call = match registration.shape() {
        crate::domain::Shape::CertificationApplication => {
            store::certification::call_of(db, event.id).await?
        }
        _ => None,
    };
    let (mut applied_offer, mut applications) = (None, Vec::new());
    if let Some((_, a)) = registration.participation.internship_application() {
        applied_offer = crate::services::internships::offer(db, event.id, a.offer_id).await?;
    }
    if registration.participation.internship_offer().is_some() {
        applications =
            crate::services::internships::applications(db, event.id, Some(registration.id)).await?;
    }
    let event = with_partners(db, vec![event]).await?.remove(0);
    Ok(Managed {
        registration,
        event,
        call,
        questions,
        sessions,
        booth_interest,
        marked_booths,
        applied_offer,
        applications,
        waitlist_position,
        manage_token: token,
    })
}

#[allow(clippy::too_many_arguments)]
async fn notify(
    txn: &impl ConnectionTrait,
    event_id: i64,
    registration_id: i64,
    email: &str,
    name: &str,
    lang: crate::i18n::Lang,
    notice: crate::domain::Notice,
    now: DateTime<Utc>,
) -> AppResult<()> {
    notices::tell_address(
        txn,
        event_id,
        registration_id,
        email,
        name,
        lang,
        notice,
        now,
    )
    .await
}
