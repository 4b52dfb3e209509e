//! Internships: host companies post offers, students apply to one offer per application, and
//! the host company (on its manage page) or the organizer (in the back office) accepts or
//! declines each application within the offer's places; the host hears of each application
//! and the student of each decision.
use super::events::own_event;
use super::links::ManageLinks;
use super::notices::{self, Copies};
use crate::domain::{
    Applicant, ApplicationState, Event, InternshipApplication, InternshipDecision, InternshipOffer,
    Notice, OfferState, PartSpec, Principal, Registration, RegistrationSpec, SeatState,
    ValidationErrors,
};
use crate::error::{AppError, AppResult};
use crate::store::{self, Db};
use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;

/// A host company's offer with its company and how it stands.
#[derive(Debug, Clone)]
pub struct OfferRow {
    pub registration_id: i64,
    pub company: String,
    pub offer: InternshipOffer,
    pub state: OfferState,
    /// Places taken (accepted applications that stand).
    pub accepted: u32,
}

impl OfferRow {
    pub fn places_left(&self) -> u32 {
        self.offer.places.saturating_sub(self.accepted)
    }
}

/// A student's application with the student's registration.
#[derive(Debug, Clone)]
pub struct ApplicationRow {
    pub registration: Registration,
    pub application: InternshipApplication,
    pub state: ApplicationState,
}

async fn registrations(db: &impl ConnectionTrait, event_id: i64) -> AppResult<Vec<Registration>> {
    Ok(store::registrations::of_event_in(
        db,
        event_id,
        &[SeatState::Confirmed, SeatState::Cancelled],
    )
    .await?)
}

fn offer_row(r: &Registration) -> Option<OfferRow> {
    let (state, offer, accepted) = r.participation.internship_offer()?;
    Some(OfferRow {
        registration_id: r.id,
        company: r
            .company
            .as_ref()
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        offer: offer.clone(),
        state,
        accepted,
    })
}

fn application_row(r: Registration) -> Option<ApplicationRow> {
    let (state, application) = r.participation.internship_application()?;
    let application = application.clone();
    Some(ApplicationRow {
        registration: r,
        application,
        state,
    })
}

/// Every offer of the programme, withdrawn ones too, in the order they came.
pub async fn offers(db: &Db, event_id: i64) -> AppResult<Vec<OfferRow>> {
    Ok(registrations(db, event_id)
        .await?
        .iter()
        .filter_map(offer_row)
        .collect())
}

/// One offer of the programme.
pub async fn offer(
    db: &impl ConnectionTrait,
    event_id: i64,
    offer_id: i64,
) -> AppResult<Option<OfferRow>> {
    Ok(store::registrations::by_id(db, offer_id)
        .await?
        .filter(|s| s.registration.event_id == event_id)
        .and_then(|s| offer_row(&s.registration)))
}

/// The offers students may apply to: open ones, by company name.
pub async fn open_offers(db: &Db, event_id: i64) -> AppResult<Vec<OfferRow>> {
    let mut list: Vec<OfferRow> = offers(db, event_id)
        .await?
        .into_iter()
        .filter(|o| o.state == OfferState::Open)
        .collect();
    list.sort_by(|a, b| a.company.cmp(&b.company));
    Ok(list)
}

/// The applications to one offer (or, with `None`, to every offer), withdrawn ones too.
pub async fn applications(
    db: &impl ConnectionTrait,
    event_id: i64,
    offer_id: Option<i64>,
) -> AppResult<Vec<ApplicationRow>> {
    Ok(registrations(db, event_id)
        .await?
        .into_iter()
        .filter_map(application_row)
        .filter(|a| offer_id.is_none_or(|id| a.application.offer_id == id))
        .collect())
}

/// What an internship programme counts: offers and their places (those that stand),
/// applications (not withdrawn) and matches (accepted applications that stand).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub offers: u64,
    pub places: u64,
    pub applications: u64,
    pub matches: u64,
    pub declined: u64,
    pub withdrawn: u64,
}

pub async fn counts(db: &Db, event_id: i64) -> AppResult<Counts> {
    let mut c = Counts::default();
    for r in registrations(db, event_id).await? {
        if let Some((state, offer, _)) = r.participation.internship_offer()
            && state != OfferState::Withdrawn
        {
            c.offers += 1;
            c.places += u64::from(offer.places);
        }
        if let Some((state, _)) = r.participation.internship_application() {
            match state {
                ApplicationState::Withdrawn => c.withdrawn += 1,
                ApplicationState::Accepted => {
                    c.applications += 1;
                    c.matches += 1;
                }
                ApplicationState::Declined => {
                    c.applications += 1;
                    c.declined += 1;
                }
                ApplicationState::Applied => c.applications += 1,
            }
        }
    }
    Ok(c)
}

/// Before a student's application is stored (under the event's lock): the offer chosen must
/// be an open offer of this programme, and the student must not have applied to it already.
/// Returns the host company's registration, to be told once the application is stored.
pub(crate) async fn check_application(
    txn: &impl ConnectionTrait,
    event: &Event,
    spec: &RegistrationSpec,
) -> AppResult<Option<Registration>> {
    let PartSpec::InternshipApplication(a) = &spec.part else {
        return Ok(None);
    };
    let host = store::registrations::by_id(txn, a.offer_id)
        .await?
        .map(|s| s.registration)
        .filter(|r| r.event_id == event.id);
    let open = host
        .as_ref()
        .and_then(|r| r.participation.internship_offer())
        .is_some_and(|(state, _, _)| state == OfferState::Open);
    if !open {
        return Err(
            ValidationErrors::single("application.offer", "internship_offer_unavailable").into(),
        );
    }
    if store::internships::applied_already(txn, a.offer_id, spec.contact.email.as_str()).await? {
        return Err(
            ValidationErrors::single("application.offer", "internship_applied_already").into(),
        );
    }
    Ok(host)
}

/// Tells the host company of a student's new application (in the registering transaction).
pub(crate) async fn tell_host(
    txn: &impl ConnectionTrait,
    event: &Event,
    host: &Registration,
    student: &Registration,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some((_, a)) = student.participation.internship_application() else {
        return Ok(());
    };
    let applicant = Applicant {
        application_id: student.id,
        name: student.contact.name.clone(),
        affiliation: student.affiliation.clone().unwrap_or_default(),
        field: a.student.field.clone(),
        graduation_year: a.student.graduation_year,
        japanese_level: a.student.japanese_level,
        motivation: a.motivation.clone(),
    };
    notices::tell(
        txn,
        event,
        host,
        Notice::InternshipApplicationArrived { applicant },
        Copies::Active,
        now,
    )
    .await?;
    Ok(())
}

/// An offer withdrawn: the applications still standing are declined, and each student told
/// (in the withdrawing transaction).
pub(crate) async fn offer_withdrawn(
    txn: &impl ConnectionTrait,
    event: &Event,
    offer: &Registration,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if offer.participation.internship_offer().is_none() {
        return Ok(());
    }
    let company = offer
        .company
        .as_ref()
        .map(|c| c.name.clone())
        .unwrap_or_default();
    for a in applications(txn, event.id, Some(offer.id)).await? {
        if !a.state.can_become(ApplicationState::Declined) {
            continue;
        }
        store::internships::decide(
            txn,
            a.registration.id,
            ApplicationState::Declined,
            None,
            now,
        )
        .await?;
        let decided = Notice::InternshipDecided {
            decision: InternshipDecision::Declined,
            company: company.clone(),
        };
        notices::tell(txn, event, &a.registration, decided, Copies::Active, now).await?;
    }
    Ok(())
}

/// The host company decides on an application to its offer, from its manage page.
pub async fn decide_as_host(
    db: &Db,
    token: &str,
    application_id: i64,
    accept: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    if !ManageLinks::is_well_formed(token) {
        return Err(AppError::NotFound);
    }
    let txn = store::begin_write(db).await?;
    let host = store::registrations::by_token_hash(&txn, &ManageLinks::hash(token))
        .await?
        .ok_or(AppError::NotFound)?
        .registration;
    let event = store::events::by_id_for_update(&txn, host.event_id)
        .await?
        .ok_or(AppError::NotFound)?;
    decide(&txn, &event, host.id, application_id, accept, None, now).await?;
    txn.commit().await?;
    Ok(())
}

/// The organizer decides on an application, in the back office.
pub async fn decide_as_organizer(
    db: &Db,
    who: &Principal,
    slug: &str,
    application_id: i64,
    accept: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let txn = store::begin_write(db).await?;
    let event = own_event(&txn, who, slug).await?;
    let event = store::events::by_id_for_update(&txn, event.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let offer_id = store::registrations::by_id(&txn, application_id)
        .await?
        .filter(|s| s.registration.event_id == event.id)
        .and_then(|s| {
            s.registration
                .participation
                .internship_application()
                .map(|(_, a)| a.offer_id)
        })
        .ok_or(AppError::NotFound)?;
    decide(
        &txn,
        &event,
        offer_id,
        application_id,
        accept,
        Some(who.user_id),
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Under the event's lock, so two acceptances at once cannot pass the offer's places.
async fn decide(
    txn: &impl ConnectionTrait,
    event: &Event,
    offer_id: i64,
    application_id: i64,
    accept: bool,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let host = store::registrations::by_id(txn, offer_id)
        .await?
        .map(|s| s.registration)
        .filter(|r| r.event_id == event.id)
        .ok_or(AppError::NotFound)?;
    let (offer_state, offer, accepted) = host
        .participation
        .internship_offer()
        .ok_or(AppError::NotFound)?;
    let student = store::registrations::by_id(txn, application_id)
        .await?
        .map(|s| s.registration)
        .filter(|r| r.event_id == event.id)
        .ok_or(AppError::NotFound)?;
    let (state, _) = student
        .participation
        .internship_application()
        .filter(|(_, a)| a.offer_id == offer_id)
        .ok_or(AppError::NotFound)?;
    let next = if accept {
        ApplicationState::Accepted
    } else {
        ApplicationState::Declined
    };
    // Only a decision that changes something: an accepted application is not accepted again.
    if offer_state == OfferState::Withdrawn || !state.can_become(next) {
        return Err(AppError::conflict("not_now", Vec::new()));
    }
    if accept && accepted >= offer.places {
        return Err(AppError::conflict(
            "internship_places_full",
            crate::error_args![("places", offer.places)],
        ));
    }
    if !store::internships::decide(txn, application_id, next, by, now).await? {
        return Err(AppError::NotFound);
    }
    // The decision and the company travel with the message: a later one does not rewrite it.
    let decided = Notice::InternshipDecided {
        decision: if accept {
            InternshipDecision::Accepted
        } else {
            InternshipDecision::Declined
        },
        company: host
            .company
            .as_ref()
            .map(|c| c.name.clone())
            .unwrap_or_default(),
    };
    notices::tell(txn, event, &student, decided, Copies::Active, now).await?;
    tracing::info!(
        application_id,
        offer_id,
        state = next.code(),
        "internship application decided"
    );
    Ok(())
}
