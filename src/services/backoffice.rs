//! What staff do in the back-office, and what each of them may see. Every read of personal
//! data goes through here and is written to the audit log with its count.
use super::catalogue::{EventListing, with_partners};
use crate::domain::{
    Audience, Event, EventStatus, PartnerRole, PartnerState, Principal, Question, Registration,
    UserRole, ValidationErrors, WalkIn, WalkInInput,
};
use crate::error::{AppError, AppResult};
use crate::store::roster::{RosterQuery, RosterRow};
use crate::store::{self, Db, audit};
use chrono::{DateTime, Utc};

/// What a staff member may do with one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Access {
    /// Counts only (every approved partner, every role of the organizer).
    pub counts: bool,
    /// The roster with personal data.
    pub roster: bool,
    pub export: bool,
    pub check_in: bool,
    /// Edit, publish, cancel, announce.
    pub manage: bool,
}

impl Access {
    const NONE: Access = Access {
        counts: false,
        roster: false,
        export: false,
        check_in: false,
        manage: false,
    };

    /// The organizer's own staff get what their role gives. An approved co-host runs
    /// the event with the organizer: roster, export and the door. Backing, cooperation
    /// and publicity partners see counts, never personal data.
    pub fn of(who: &Principal, listing: &EventListing) -> Access {
        let role = who.role;
        let own = listing.event.organizer_id == who.organization_id;
        let partner = listing
            .partners
            .iter()
            .filter(|p| {
                p.organization.id == who.organization_id && p.state == PartnerState::Approved
            })
            .map(|p| p.role)
            .min();
        let co_host = partner == Some(PartnerRole::CoHost);
        if own || co_host {
            return Access {
                counts: true,
                roster: role != UserRole::CheckinStaff,
                export: matches!(role, UserRole::Admin | UserRole::Organizer),
                check_in: role != UserRole::Viewer,
                manage: own && role.manages_events(),
            };
        }
        if partner.is_some() {
            return Access {
                counts: true,
                ..Access::NONE
            };
        }
        Access::NONE
    }
}

/// An event with what the staff member may do with it.
pub struct StaffEvent {
    pub listing: EventListing,
    pub access: Access,
}

/// The events a staff member's organization runs or takes part in, newest first.
pub async fn events(db: &Db, who: &Principal) -> AppResult<Vec<StaffEvent>> {
    let mut events = store::events::list_by_organizer(db, who.organization_id).await?;
    for id in store::partners::event_ids_of_partner(db, who.organization_id).await? {
        if !events.iter().any(|e| e.id == id)
            && let Some(e) = store::events::by_id(db, id).await?
        {
            events.push(e);
        }
    }
    events.sort_by_key(|e| std::cmp::Reverse(e.spec.starts_at));
    Ok(with_partners(db, events)
        .await?
        .into_iter()
        .map(|listing| StaffEvent {
            access: Access::of(who, &listing),
            listing,
        })
        .filter(|e| e.access.counts)
        .collect())
}

/// One event, if the staff member may see it at all: another organization's event is
/// Forbidden, with nothing of it shown.
pub async fn event(db: &Db, who: &Principal, slug: &str) -> AppResult<StaffEvent> {
    let event = store::events::by_slug(db, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let listing = with_partners(db, vec![event]).await?.remove(0);
    let access = Access::of(who, &listing);
    if !access.counts {
        return Err(AppError::Forbidden);
    }
    Ok(StaffEvent { listing, access })
}

/// The numbers at the top of an event's pages.
#[derive(Debug, Clone, Copy)]
pub struct Counts {
    pub capacity: Option<u32>,
    pub confirmed_seats: u64,
    pub waitlisted: u64,
    pub cancelled: u64,
    pub checked_in: u64,
}

pub async fn counts(db: &Db, event: &Event) -> AppResult<Counts> {
    let (confirmed_seats, waitlisted, cancelled) =
        store::registrations::seat_totals(db, event.id).await?;
    Ok(Counts {
        capacity: event.spec.capacity.map(|c| c.get()),
        confirmed_seats,
        waitlisted,
        cancelled,
        checked_in: store::roster::checked_in_count(db, event.id).await?,
    })
}

async fn audit(
    db: &impl sea_orm::ConnectionTrait,
    who: &Principal,
    action: &str,
    event: &Event,
    records: u64,
    detail: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    // The detail repeats what staff searched for, which may hold anything; the log keeps it
    // readable (and PostgreSQL cannot keep a NUL).
    let detail =
        detail.map(|d| crate::domain::text::for_output(d, crate::domain::text::Lines::One));
    let entry = audit::Entry {
        user_id: who.user_id,
        organization_id: who.organization_id,
        action,
        event_id: Some(event.id),
        records,
        detail: detail.as_deref(),
    };
    Ok(audit::record(db, entry, now).await?)
}

/// A page of the roster. Audited: `roster_view` with the rows shown.
pub async fn roster(
    db: &Db,
    who: &Principal,
    e: &StaffEvent,
    q: &RosterQuery,
    page: u64,
    per_page: u64,
    now: DateTime<Utc>,
) -> AppResult<(Vec<RosterRow>, u64)> {
    if !e.access.roster {
        return Err(AppError::Forbidden);
    }
    let event = &e.listing.event;
    let page = page.max(1);
    let (rows, total) =
        store::roster::page(db, event.id, q, per_page, (page - 1) * per_page).await?;
    audit(
        db,
        who,
        "roster_view",
        event,
        rows.len() as u64,
        q.text.as_deref(),
        now,
    )
    .await?;
    Ok((rows, total))
}

/// Every row matching `q`, for the printable sign-in sheet. Audited as `sign_in_sheet`.
pub async fn sheet(
    db: &Db,
    who: &Principal,
    e: &StaffEvent,
    q: &RosterQuery,
    now: DateTime<Utc>,
) -> AppResult<Vec<RosterRow>> {
    if !e.access.roster {
        return Err(AppError::Forbidden);
    }
    let event = &e.listing.event;
    let mut rows = Vec::new();
    let mut after = 0;
    loop {
        let page = store::roster::after(db, event.id, q, after, 1000).await?;
        let Some(last) = page.last() else { break };
        after = last.attendee_id;
        rows.extend(page);
    }
    audit(
        db,
        who,
        "sign_in_sheet",
        event,
        rows.len() as u64,
        None,
        now,
    )
    .await?;
    Ok(rows)
}

/// One registration in full, for the organizer's detail page: company, contact, attendees
/// with their check-in, the answers to the event's questions, the messages sent, and the
/// organizer's other events it could be moved to. Audited as `registration_view`.
pub struct RegistrationDetail {
    pub registration: Registration,
    pub questions: Vec<Question>,
    /// Attendee id → when they were checked in.
    pub checked_in: Vec<(i64, DateTime<Utc>)>,
    pub messages: Vec<crate::store::entities::outbox::Model>,
    /// Published events of the same organizer yet to come, for a move.
    pub move_targets: Vec<Event>,
}

pub async fn registration(
    db: &Db,
    who: &Principal,
    e: &StaffEvent,
    registration_id: i64,
    now: DateTime<Utc>,
) -> AppResult<RegistrationDetail> {
    if !e.access.roster {
        return Err(AppError::Forbidden);
    }
    let event = &e.listing.event;
    let registration = store::registrations::by_id(db, registration_id)
        .await?
        .filter(|s| s.registration.event_id == event.id)
        .ok_or(AppError::NotFound)?
        .registration;
    let mut checked_in = Vec::new();
    for a in &registration.attendees {
        if let Some((_, row)) = store::roster::by_attendee(db, a.id).await?
            && let Some(at) = row.checked_in_at
        {
            checked_in.push((a.id, at));
        }
    }
    let move_targets = if e.access.manage {
        store::events::list_by_organizer(db, event.organizer_id)
            .await?
            .into_iter()
            .filter(|t| {
                t.id != event.id && t.status == EventStatus::Published && t.spec.ends_at > now
            })
            .collect()
    } else {
        Vec::new()
    };
    audit(
        db,
        who,
        "registration_view",
        event,
        1,
        Some(&registration_id.to_string()),
        now,
    )
    .await?;
    Ok(RegistrationDetail {
        questions: store::questions::of_event(db, event.id).await?,
        messages: store::outbox::history(db, registration_id).await?,
        registration,
        checked_in,
        move_targets,
    })
}

/// The day of an event with sessions, session by session: who holds a place in each (for a
/// consultation desk, the company booked in each slot, with its answers: the topic of its
/// question). For consultants and door staff as much as organizers. Audited as
/// `bookings_view`.
pub async fn bookings(
    db: &Db,
    who: &Principal,
    e: &StaffEvent,
    now: DateTime<Utc>,
) -> AppResult<Vec<(crate::domain::EventSession, Vec<Registration>)>> {
    if !e.access.roster {
        return Err(AppError::Forbidden);
    }
    let event = &e.listing.event;
    let mut day = Vec::new();
    let mut records = 0;
    for s in store::event_sessions::of_event(db, event.id).await? {
        let mut regs = Vec::new();
        for id in store::event_sessions::confirmed_registrations(db, s.id).await? {
            if let Some(stored) = store::registrations::by_id(db, id).await? {
                regs.push(stored.registration);
            }
        }
        records += regs.len() as u64;
        day.push((s, regs));
    }
    audit(db, who, "bookings_view", event, records, None, now).await?;
    Ok(day)
}

/// Starts an export: checks the right and writes the audit row with the number of records
/// the export will hold. The rows are then read with [`export_page`].
pub async fn start_export(
    db: &Db,
    who: &Principal,
    e: &StaffEvent,
    q: &RosterQuery,
    format: &str,
    now: DateTime<Utc>,
) -> AppResult<u64> {
    if !e.access.export {
        return Err(AppError::Forbidden);
    }
    let event = &e.listing.event;
    let total = store::roster::count(db, event.id, q).await?;
    audit(db, who, "roster_export", event, total, Some(format), now).await?;
    Ok(total)
}

/// How personal data outside the roster is read: on a page, or as a file.
#[derive(Debug, Clone, Copy)]
pub enum Read {
    /// A page that lists personal data (exhibitors, declarations, campaign entries).
    View,
    /// An export other than the roster's (`exhibitors.csv`, `campaign.csv`, …).
    Export,
}

/// Checks the right to such a read and writes its audit row, as the roster page and its
/// export do: `what` names the page or file, `records` how many rows it held.
pub async fn record_read(
    db: &Db,
    who: &Principal,
    e: &StaffEvent,
    read: Read,
    records: u64,
    what: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let (allowed, action) = match read {
        Read::View => (e.access.roster, "roster_view"),
        Read::Export => (e.access.export, "roster_export"),
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    audit(db, who, action, &e.listing.event, records, Some(what), now).await
}

pub async fn export_page(
    db: &Db,
    event_id: i64,
    q: &RosterQuery,
    after_id: i64,
    limit: u64,
) -> AppResult<Vec<RosterRow>> {
    Ok(store::roster::after(db, event_id, q, after_id, limit).await?)
}

/// Who registered, for the registrations `ids` of the event: what the exports of booths,
/// campaign entries and declarations add to their own columns.
pub async fn registrants(
    db: &Db,
    event_id: i64,
    ids: &[i64],
) -> AppResult<std::collections::HashMap<i64, store::roster::Registrant>> {
    Ok(store::roster::registrants(db, event_id, ids).await?)
}

/// The door: attendees of confirmed registrations matching `text` (at most 30), of one
/// session's confirmed places when at a session's door. Audited as `checkin_search`.
pub async fn door_search(
    db: &Db,
    who: &Principal,
    e: &StaffEvent,
    text: &str,
    session_id: Option<i64>,
    now: DateTime<Utc>,
) -> AppResult<Vec<RosterRow>> {
    if !e.access.check_in {
        return Err(AppError::Forbidden);
    }
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let q = RosterQuery {
        text: Some(text.to_owned()),
        status: Some(crate::domain::SeatState::Confirmed),
        session_id,
        ..Default::default()
    };
    let event = &e.listing.event;
    let (rows, _) = store::roster::page(db, event.id, &q, 30, 0).await?;
    let mut rows: Vec<RosterRow> = rows
        .into_iter()
        .filter(|r| r.attendee_status == crate::domain::AttendeeStatus::Active)
        .collect();
    // At a session's door, "arrived" means arrived at that session.
    if let Some(session) = session_id {
        let ids: Vec<i64> = rows.iter().map(|r| r.attendee_id).collect();
        let at = store::event_sessions::checkins(db, session, &ids).await?;
        for r in &mut rows {
            r.checked_in_at = at.get(&r.attendee_id).copied();
        }
    }
    audit(
        db,
        who,
        "checkin_search",
        event,
        rows.len() as u64,
        None,
        now,
    )
    .await?;
    Ok(rows)
}

/// Marks an attendee arrived: at the event, and at one of its sessions when `session_id` is
/// given (the attendee must hold a place there; arriving at a session is arriving at the
/// event too). Tapping twice keeps the first time. Only attendees holding a seat can be
/// checked in.
pub async fn check_in(
    db: &Db,
    who: &Principal,
    e: &StaffEvent,
    attendee_id: i64,
    session_id: Option<i64>,
    now: DateTime<Utc>,
) -> AppResult<RosterRow> {
    if !e.access.check_in {
        return Err(AppError::Forbidden);
    }
    let event = &e.listing.event;
    let txn = store::begin_write(db).await?;
    let found = match store::roster::by_attendee(&txn, attendee_id).await? {
        Some((event_id, row)) if event_id == event.id => row,
        _ => return Err(AppError::NotFound),
    };
    if found.status != crate::domain::SeatState::Confirmed
        || found.attendee_status != crate::domain::AttendeeStatus::Active
    {
        return Err(AppError::conflict(
            "not_confirmed",
            crate::error_args![("name", found.name.clone())],
        ));
    }
    if let Some(session) = session_id {
        let holders = store::event_sessions::confirmed_attendees(&txn, session).await?;
        if !holders.contains(&attendee_id) {
            return Err(AppError::conflict(
                "not_in_session",
                crate::error_args![("name", found.name.clone())],
            ));
        }
        store::event_sessions::check_in(&txn, session, attendee_id, who.user_id, now).await?;
    }
    let row = store::roster::check_in(&txn, event.id, attendee_id, who.user_id, now)
        .await?
        .ok_or(AppError::NotFound)?;
    txn.commit().await?;
    Ok(row)
}

/// Adds someone who came without registering, if a seat is free, and checks them in at once.
/// They get no email: they are in the room, and their address is kept for what the purpose
/// of use allows. An address registered already is refused, so the door finds that person
/// instead of selling a second seat.
pub async fn walk_in(
    db: &Db,
    who: &Principal,
    links: &super::links::ManageLinks,
    e: &StaffEvent,
    input: WalkInInput,
    lang: crate::i18n::Lang,
    now: DateTime<Utc>,
) -> AppResult<RosterRow> {
    if !e.access.check_in {
        return Err(AppError::Forbidden);
    }
    let person = WalkIn::parse(input)?;
    let txn = store::begin_write(db).await?;
    let event = store::events::by_id_for_update(&txn, e.listing.event.id)
        .await?
        .ok_or(AppError::NotFound)?;
    if event.status != EventStatus::Published {
        return Err(AppError::conflict("not_published", Vec::new()));
    }
    let email = person.email.as_str();
    if !store::registrations::active_emails(&txn, event.id, &[email])
        .await?
        .is_empty()
    {
        return Err(ValidationErrors::single("email", "already_registered").into());
    }
    // Only people come through a door: a campaign or a declaration scheme has no walk-ins.
    let shape = crate::domain::Shape::of(event.spec.kind, false);
    if !shape.takes_seats() {
        return Err(AppError::NotFound);
    }
    if !store::events::take_seats_with_room(&txn, event.id, 1, 1).await? {
        return Err(AppError::conflict("event_full", Vec::new()));
    }
    let token = links.issue();
    let registration = store::registrations::insert_walk_in(
        &txn,
        store::registrations::NewWalkIn {
            event_id: event.id,
            shape,
            walk_in: &person,
            individuals: event.spec.audience == Audience::Individuals,
            lang,
            token_hash: &token.hash,
            token_sealed: &token.sealed,
            consent_version: event.purpose_of_use_version,
        },
        now,
    )
    .await?;
    let attendee_id = registration.attendees[0].id;
    let row = store::roster::check_in(&txn, event.id, attendee_id, who.user_id, now)
        .await?
        .ok_or(AppError::NotFound)?;
    audit(&txn, who, "walk_in", &event, 1, None, now).await?;
    txn.commit().await?;
    tracing::info!(
        event_id = event.id,
        registration_id = registration.id,
        by = who.user_id,
        "walk-in added and checked in"
    );
    Ok(row)
}

/// The attendee behind a check-in QR code, with their event, for staff who may check in at
/// that event. Audited as `checkin_scan`.
pub async fn scan(
    db: &Db,
    who: &Principal,
    links: &super::links::ManageLinks,
    code: &str,
    now: DateTime<Utc>,
) -> AppResult<(StaffEvent, RosterRow)> {
    let attendee_id = links.verify_checkin(code).ok_or(AppError::NotFound)?;
    let (event_id, row) = store::roster::by_attendee(db, attendee_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let event = store::events::by_id(db, event_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let listing = with_partners(db, vec![event]).await?.remove(0);
    let access = Access::of(who, &listing);
    if !access.check_in {
        return Err(AppError::Forbidden);
    }
    let e = StaffEvent { listing, access };
    audit(db, who, "checkin_scan", &e.listing.event, 1, None, now).await?;
    Ok((e, row))
}

/// The organization's audit log, for its admins.
pub async fn audit_log(
    db: &Db,
    who: &Principal,
    limit: u64,
) -> AppResult<Vec<crate::store::entities::audit_log::Model>> {
    if who.role != UserRole::Admin {
        return Err(AppError::Forbidden);
    }
    Ok(audit::of_organization(db, who.organization_id, limit).await?)
}
