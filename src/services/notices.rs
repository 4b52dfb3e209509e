//! Who is told what. Every email about a registration goes to its contact person and, when
//! the event says so, as a copy to each attendee whose address differs; one outbox row per
//! recipient, written in the caller's transaction.
use super::catalogue::{EventListing, with_partners};
use super::links::{ManageLinks, Subscriber};
use crate::domain::{Attendee, Envelope, Event, MessageKind, Notice, Registration, SeatState};
use crate::error::{AppError, AppResult};
use crate::store::Db;
use crate::store::{self, outbox::NewMessage};
use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;

/// The attendees a message about a registration is copied to.
pub(crate) enum Copies<'a> {
    /// Those still attending.
    Active,
    /// These (e.g. the attendees just cancelled, who should hear so).
    Only(&'a [&'a Attendee]),
}

/// Whether the contact person gets the message too.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Contact {
    Told,
    Skipped,
}

/// Queues `notice` for the contact of `reg` and its copies. Returns the number of messages.
pub(crate) async fn tell(
    txn: &impl ConnectionTrait,
    event: &Event,
    reg: &Registration,
    notice: Notice,
    copies: Copies<'_>,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let none = Default::default();
    tell_filtered(txn, event, reg, notice, Contact::Told, copies, &none, now).await
}

/// Queues `notice` for the given attendees only, e.g. those taken off a registration.
pub(crate) async fn tell_attendees(
    txn: &impl ConnectionTrait,
    event: &Event,
    reg: &Registration,
    notice: Notice,
    attendees: &[&Attendee],
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let none = Default::default();
    let copies = Copies::Only(attendees);
    tell_filtered(
        txn,
        event,
        reg,
        notice,
        Contact::Skipped,
        copies,
        &none,
        now,
    )
    .await
}

/// Queues `notice` for every registration of the event in `statuses`, leaving out whoever
/// opted out when the message is one they may opt out of. Returns the number of messages.
pub(crate) async fn tell_all(
    txn: &impl ConnectionTrait,
    event: &Event,
    statuses: &[SeatState],
    notice: Notice,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let opt_outs = if notice.kind().can_opt_out() {
        store::opt_outs::of_event(txn, event.id).await?
    } else {
        Default::default()
    };
    let mut queued = 0;
    for reg in store::registrations::of_event_in(txn, event.id, statuses).await? {
        // "See you on the day" is for those who come: not a booth under review or declined.
        if notice.kind() == MessageKind::Reminder && !reg.participation.has_calendar_entry() {
            continue;
        }
        queued += tell_filtered(
            txn,
            event,
            &reg,
            notice.clone(),
            Contact::Told,
            Copies::Active,
            &opt_outs,
            now,
        )
        .await?;
    }
    Ok(queued)
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn tell_filtered(
    txn: &impl ConnectionTrait,
    event: &Event,
    reg: &Registration,
    notice: Notice,
    contact: Contact,
    copies: Copies<'_>,
    opt_outs: &store::opt_outs::OptOuts,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let mut queued = 0;
    let mut envelope = Envelope {
        notice,
        attendee_id: None,
    };
    if contact == Contact::Told && !opt_outs.registrations.contains(&reg.id) {
        enqueue(
            txn,
            event.id,
            reg.id,
            (&reg.contact.email, &reg.contact.name),
            reg.lang,
            &envelope,
            now,
        )
        .await?;
        queued += 1;
    }
    if !event.spec.attendee_copies {
        return Ok(queued);
    }
    let chosen: Vec<&Attendee> = match copies {
        Copies::Active => reg.active_attendees().collect(),
        Copies::Only(these) => these.to_vec(),
    };
    for a in chosen {
        if a.email.eq_ignore_ascii_case(&reg.contact.email) || opt_outs.attendees.contains(&a.id) {
            continue;
        }
        envelope.attendee_id = Some(a.id);
        enqueue(
            txn,
            event.id,
            reg.id,
            (&a.email, &a.name),
            reg.lang,
            &envelope,
            now,
        )
        .await?;
        queued += 1;
    }
    Ok(queued)
}

/// Queues `notice` for one address that is neither the registration's contact nor one of its
/// attendees: the owner of an address someone else entered (`Notice::AlreadyRegistered`).
#[allow(clippy::too_many_arguments)]
pub(crate) async fn tell_address(
    txn: &impl ConnectionTrait,
    event_id: i64,
    registration_id: i64,
    email: &str,
    name: &str,
    lang: crate::i18n::Lang,
    notice: Notice,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let envelope = Envelope {
        notice,
        attendee_id: None,
    };
    enqueue(
        txn,
        event_id,
        registration_id,
        (email, name),
        lang,
        &envelope,
        now,
    )
    .await
}

/// Queues a message to a staff member (a partner request or its answer): about the event, not
/// about any registration. Staff read the back-office in Japanese or English and have no
/// language on file: the message carries both (see `mail::Mailer::compose`).
pub(crate) async fn tell_staff(
    txn: &impl ConnectionTrait,
    event_id: i64,
    (email, name): (&str, &str),
    notice: Notice,
    now: DateTime<Utc>,
) -> AppResult<()> {
    debug_assert!(notice.kind().to_staff());
    let envelope = Envelope {
        notice,
        attendee_id: None,
    };
    let message = NewMessage {
        event_id,
        registration_id: None,
        recipient_email: email,
        recipient_name: name,
        lang: crate::i18n::Lang::default(),
        envelope: &envelope,
    };
    Ok(store::outbox::enqueue(txn, message, now).await?)
}

/// The one place an outbox row about a registration is written.
async fn enqueue(
    txn: &impl ConnectionTrait,
    event_id: i64,
    registration_id: i64,
    (email, name): (&str, &str),
    lang: crate::i18n::Lang,
    envelope: &Envelope,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let message = NewMessage {
        event_id,
        registration_id: Some(registration_id),
        recipient_email: email,
        recipient_name: name,
        lang,
        envelope,
    };
    Ok(store::outbox::enqueue(txn, message, now).await?)
}

/// What an unsubscribe link stands for, as its page shows it.
pub struct Subscription {
    pub event: EventListing,
    pub opted_out: bool,
}

/// The subscription behind an unsubscribe link (`/u/{token}`).
pub async fn subscription(db: &Db, links: &ManageLinks, token: &str) -> AppResult<Subscription> {
    let who = links.verify_unsubscribe(token).ok_or(AppError::NotFound)?;
    let (event_id, opted_out) = match who {
        Subscriber::Contact(id) => store::opt_outs::of_contact(db, id).await?,
        Subscriber::Attendee(id) => store::opt_outs::of_attendee(db, id).await?,
    }
    .ok_or(AppError::NotFound)?;
    let event = store::events::by_id(db, event_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Subscription {
        event: with_partners(db, vec![event]).await?.remove(0),
        opted_out,
    })
}

/// Stops (or resumes) reminders and announcements for the person behind an unsubscribe link.
/// Messages about their registration and changes to the event still go.
pub async fn set_opted_out(
    db: &Db,
    links: &ManageLinks,
    token: &str,
    opted_out: bool,
) -> AppResult<Subscription> {
    let who = links.verify_unsubscribe(token).ok_or(AppError::NotFound)?;
    let found = match who {
        Subscriber::Contact(id) => store::opt_outs::set_contact(db, id, opted_out).await?,
        Subscriber::Attendee(id) => store::opt_outs::set_attendee(db, id, opted_out).await?,
    };
    if !found {
        return Err(AppError::NotFound);
    }
    tracing::info!(?who, opted_out, "notices subscription changed");
    subscription(db, links, token).await
}
