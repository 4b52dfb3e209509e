//! Organizers create, change, publish and cancel their organization's events.
use super::catalogue::{EventListing, with_partners};
use crate::domain::{
    Event, EventInput, EventSpec, EventStatus, Notice, Principal, ValidationErrors,
};
use crate::error::{AppError, AppResult};
use crate::store::{self, Db};
use chrono::{DateTime, Utc};

/// Creates a draft event of the caller's organization.
pub async fn create(
    db: &Db,
    who: &Principal,
    input: EventInput,
    now: DateTime<Utc>,
) -> AppResult<EventListing> {
    if !who.role.manages_events() {
        return Err(AppError::Forbidden);
    }
    let spec = EventSpec::parse(input, now)?;
    let txn = store::begin_write(db).await?;
    let event = store::events::insert(&txn, who.organization_id, &spec, now)
        .await
        .map_err(|e| slug_taken_or(e, &spec))?;
    txn.commit().await?;
    tracing::info!(event_id = event.id, slug = %event.spec.slug, "event created");
    listing(db, event).await
}

/// Lays `change` over the stored definition and checks the whole again. Fields left `None`
/// in `change` keep their stored value; `clear` lists optional fields to empty.
/// Checks a change the way [`update`] would, without saving it, and says whether it is
/// material ([`EventSpec::changes_materially`]): [`update`] mails registrants about exactly
/// those, so the back-office asks for confirmation about exactly those.
pub async fn check_update(
    db: &Db,
    who: &Principal,
    slug: &str,
    change: EventInput,
    clear: &[OptionalField],
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let event = own_event(db, who, slug).await?;
    let mut input = overlay(event.spec.to_input(), change);
    for field in clear {
        field.clear(&mut input);
    }
    let spec = EventSpec::parse(input, now)?;
    Ok(event.spec.changes_materially(&spec))
}

pub async fn update(
    db: &Db,
    who: &Principal,
    slug: &str,
    change: EventInput,
    clear: &[OptionalField],
    now: DateTime<Utc>,
) -> AppResult<EventListing> {
    let txn = store::begin_write(db).await?;
    // Locked: the capacity is checked against seats no registration can take meanwhile.
    let event = own_event_for_update(&txn, who, slug).await?;
    if event.status == EventStatus::Cancelled {
        return Err(cancelled());
    }
    let mut input = overlay(event.spec.to_input(), change);
    for field in clear {
        field.clear(&mut input);
    }
    let spec = EventSpec::parse(input, now)?;
    if let Some(capacity) = spec.capacity
        && capacity.get() < event.seats_taken
    {
        return Err(ValidationErrors::single_with(
            "capacity",
            "below_seats_taken",
            crate::error_args![("seats", event.seats_taken)],
        )
        .into());
    }
    let updated = store::events::update_spec(&txn, &event, &spec, now)
        .await
        .map_err(|e| slug_taken_or(e, &spec))?;
    // More seats, or none at all any more: the waiting list moves up now.
    super::registrations::promote_waitlist(&txn, &updated, now).await?;
    // A new time, place or way to join reaches every registrant, with the same commit.
    if event.spec.changes_materially(&spec) && event.status == EventStatus::Published {
        tell_registrants(&txn, &updated, Notice::EventChanged, now).await?;
    }
    txn.commit().await?;
    listing(db, updated).await
}

/// Queues `kind` for every registration still holding or awaiting a place.
async fn tell_registrants(
    txn: &impl sea_orm::ConnectionTrait,
    event: &Event,
    notice: Notice,
    now: DateTime<Utc>,
) -> AppResult<()> {
    use crate::domain::SeatState::{Confirmed, Waitlisted};
    super::notices::tell_all(txn, event, &[Confirmed, Waitlisted], notice, now).await?;
    Ok(())
}

pub async fn publish(
    db: &Db,
    who: &Principal,
    slug: &str,
    now: DateTime<Utc>,
) -> AppResult<EventListing> {
    let txn = store::begin_write(db).await?;
    let event = own_event(&txn, who, slug).await?;
    let event = match event.status {
        EventStatus::Published => event,
        EventStatus::Cancelled => return Err(cancelled()),
        EventStatus::Draft if event.spec.ends_at <= now => {
            return Err(AppError::conflict("event_in_past", Vec::new()));
        }
        EventStatus::Draft => {
            store::events::set_status(&txn, event.id, EventStatus::Published, now).await?
        }
    };
    txn.commit().await?;
    listing(db, event).await
}

/// Cancels an event. Cancelling twice is harmless.
pub async fn cancel(
    db: &Db,
    who: &Principal,
    slug: &str,
    now: DateTime<Utc>,
) -> AppResult<EventListing> {
    let txn = store::begin_write(db).await?;
    let event = own_event(&txn, who, slug).await?;
    let event = if event.status == EventStatus::Cancelled {
        event
    } else {
        let was_published = event.status == EventStatus::Published;
        let cancelled =
            store::events::set_status(&txn, event.id, EventStatus::Cancelled, now).await?;
        if was_published {
            tell_registrants(&txn, &cancelled, Notice::EventCancelled, now).await?;
        }
        cancelled
    };
    txn.commit().await?;
    tracing::info!(event_id = event.id, "event cancelled");
    listing(db, event).await
}

/// The caller's organization's events, drafts included.
pub async fn list_own(db: &Db, who: &Principal) -> AppResult<Vec<EventListing>> {
    with_partners(
        db,
        store::events::list_by_organizer(db, who.organization_id).await?,
    )
    .await
}

pub async fn get_own(db: &Db, who: &Principal, slug: &str) -> AppResult<EventListing> {
    listing(db, own_event(db, who, slug).await?).await
}

async fn listing(db: &Db, event: Event) -> AppResult<EventListing> {
    Ok(with_partners(db, vec![event]).await?.remove(0))
}

/// The event, if the caller may manage it: it must exist (404) and belong to the caller's
/// organization, and the caller must be allowed to manage events (403).
pub(crate) async fn own_event(
    db: &impl sea_orm::ConnectionTrait,
    who: &Principal,
    slug: &str,
) -> AppResult<Event> {
    let event = store::events::by_slug(db, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    if event.organizer_id != who.organization_id || !who.role.manages_events() {
        return Err(AppError::Forbidden);
    }
    Ok(event)
}

async fn own_event_for_update(
    db: &impl sea_orm::ConnectionTrait,
    who: &Principal,
    slug: &str,
) -> AppResult<Event> {
    let event = store::events::by_slug_for_update(db, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    if event.organizer_id != who.organization_id || !who.role.manages_events() {
        return Err(AppError::Forbidden);
    }
    Ok(event)
}

/// Optional fields a change may empty (a `None` in [`EventInput`] means "unchanged").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionalField {
    Capacity,
    PerCompanyLimit,
    OnlineUrl,
    VenueMapUrl,
    VenueNameEn,
    VenueAddressEn,
    /// Both languages together: back to the default statement.
    PurposeOfUse,
}

impl OptionalField {
    fn clear(self, input: &mut EventInput) {
        match self {
            OptionalField::Capacity => input.capacity = None,
            OptionalField::PerCompanyLimit => input.per_company_limit = None,
            OptionalField::OnlineUrl => input.online_url = None,
            OptionalField::VenueMapUrl => input.venue_map_url = None,
            OptionalField::VenueNameEn => input.venue_name_en = None,
            OptionalField::VenueAddressEn => input.venue_address_en = None,
            OptionalField::PurposeOfUse => {
                input.purpose_of_use_ja = None;
                input.purpose_of_use_en = None;
            }
        }
    }
}

fn overlay(base: EventInput, change: EventInput) -> EventInput {
    EventInput {
        slug: change.slug.or(base.slug),
        title_ja: change.title_ja.or(base.title_ja),
        title_en: change.title_en.or(base.title_en),
        description_ja: change.description_ja.or(base.description_ja),
        description_en: change.description_en.or(base.description_en),
        programme_area: change.programme_area.or(base.programme_area),
        kind: change.kind.or(base.kind),
        format: change.format.or(base.format),
        venue_name_ja: change.venue_name_ja.or(base.venue_name_ja),
        venue_name_en: change.venue_name_en.or(base.venue_name_en),
        venue_address_ja: change.venue_address_ja.or(base.venue_address_ja),
        venue_address_en: change.venue_address_en.or(base.venue_address_en),
        venue_map_url: change.venue_map_url.or(base.venue_map_url),
        online_url: change.online_url.or(base.online_url),
        starts_at: change.starts_at.or(base.starts_at),
        ends_at: change.ends_at.or(base.ends_at),
        registration_opens_at: change.registration_opens_at.or(base.registration_opens_at),
        // A moved start moves the default close with it, unless a close was given.
        registration_closes_at: change.registration_closes_at.or(
            if change.starts_at.is_some() || change.ends_at.is_some() {
                None
            } else {
                base.registration_closes_at
            },
        ),
        capacity: change.capacity.or(base.capacity),
        per_company_limit: change.per_company_limit.or(base.per_company_limit),
        languages: change.languages.or(base.languages),
        audience: change.audience.or(base.audience),
        waitlist_enabled: change.waitlist_enabled.or(base.waitlist_enabled),
        purpose_of_use_ja: change.purpose_of_use_ja.or(base.purpose_of_use_ja),
        purpose_of_use_en: change.purpose_of_use_en.or(base.purpose_of_use_en),
        attendee_copies: change.attendee_copies.or(base.attendee_copies),
        reminder_days: change.reminder_days.or(base.reminder_days),
        visits_per_company: change.visits_per_company.or(base.visits_per_company),
        confirm_days_before: change.confirm_days_before.or(base.confirm_days_before),
    }
}

fn cancelled() -> AppError {
    AppError::conflict("event_cancelled", Vec::new())
}

fn slug_taken_or(err: sea_orm::DbErr, spec: &EventSpec) -> AppError {
    if store::is_unique_violation(&err) {
        ValidationErrors::single_with(
            "slug",
            "slug_taken",
            crate::error_args![("slug", format!("{}", spec.slug))],
        )
        .into()
    } else {
        err.into()
    }
}

/// The delivery log of one of the caller's events: what was sent to whom, and what failed.
pub async fn messages(
    db: &Db,
    who: &Principal,
    slug: &str,
    status: Option<&str>,
) -> AppResult<Vec<store::outbox::Entry>> {
    let event = own_event(db, who, slug).await?;
    Ok(store::outbox::for_event(db, event.id, status, 1000).await?)
}
