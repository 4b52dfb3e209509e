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
use crate::domain::registration::parse_attendee;
use crate::domain::{
    Attendee, AttendeeStatus, Event, EventStatus, Lang, MessageKind, Person, Principal, Question,
    Registration, RegistrationInput, RegistrationRules, RegistrationSpec, RegistrationStatus,
    ValidationErrors, question::parse_answers, registration::PersonInput,
};
use crate::error::{AppError, AppResult};
use crate::store::{self, Db, outbox::NewMessage, registrations::NewRegistration};
use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashSet};

/// A registration as its registrant sees it through the manage link.
#[derive(Debug, Clone)]
pub struct Managed {
    pub registration: Registration,
    pub event: EventListing,
    pub questions: Vec<Question>,
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
}

/// Registers for the published event `slug`. With an idempotency key, a repeated request
/// returns the first answer and creates nothing; the same key with other content is refused.
pub async fn register(
    db: &Db,
    links: &ManageLinks,
    slug: &str,
    input: RegistrationInput,
    idempotency_key: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<Registered> {
    // Addresses already registered are looked up before the event is locked. Should another
    // registration take one of ours in between, the unique index refuses our insert, and a
    // second attempt sees the address as taken.
    match attempt(db, links, slug, input.clone(), idempotency_key, now).await {
        Err(Attempt::AddressTaken) => {
            match attempt(db, links, slug, input, idempotency_key, now).await {
                Err(Attempt::AddressTaken) => Err(AppError::Internal(anyhow::anyhow!(
                    "an attendee address was taken twice while registering"
                ))),
                Err(Attempt::Failed(e)) => Err(e),
                Ok(r) => Ok(r),
            }
        }
        Err(Attempt::Failed(e)) => Err(e),
        Ok(r) => Ok(r),
    }
}

enum Attempt {
    AddressTaken,
    Failed(AppError),
}

impl<E: Into<AppError>> From<E> for Attempt {
    fn from(e: E) -> Self {
        Attempt::Failed(e.into())
    }
}

async fn attempt(
    db: &Db,
    links: &ManageLinks,
    slug: &str,
    input: RegistrationInput,
    idempotency_key: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Registered, Attempt> {
    // Everything that needs no lock happens first: every registration of an event queues on
    // the event row, so the time spent holding it is the event's throughput.
    let fingerprint = fingerprint(&input);
    let seen = store::events::by_slug(db, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    check_open_for_registration(&seen, now)?;
    let questions = store::questions::of_event(db, seen.id).await?;
    let rules_of = |event: &Event| RegistrationRules {
        audience: event.spec.audience,
        per_company_limit: event.spec.per_company_limit,
        questions: &questions,
    };
    let parsed = RegistrationSpec::parse(input.clone(), &rules_of(&seen));
    let taken_before = match &parsed {
        Ok(spec) => Some(taken_addresses(db, seen.id, spec).await?),
        Err(_) => None,
    };

    let txn = store::begin_write(db).await?;
    let event = store::events::by_slug_for_update(&txn, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    if let Some(key) = idempotency_key
        && let Some(earlier) = store::registrations::by_idempotency_key(&txn, event.id, key).await?
    {
        if earlier.request_hash.as_deref() != Some(fingerprint.as_str()) {
            return Err(ValidationErrors::single(
                "idempotency_key",
                "idempotency_key_reused",
                "この送信キーは別の内容の申込に使われています。",
                "This idempotency key was used for a different request.",
            )
            .into());
        }
        let token = links
            .unseal(&earlier.token_sealed)
            .map_err(AppError::Internal)?;
        txn.commit().await?;
        return Ok(registered(db, earlier.registration, event, token, true).await?);
    }
    check_open_for_registration(&event, now)?;
    // The organizer may have changed the rules in between; then check again under the lock.
    let unchanged = (event.spec.audience, event.spec.per_company_limit)
        == (seen.spec.audience, seen.spec.per_company_limit);
    let (spec, duplicates) = match (unchanged, parsed, taken_before) {
        (true, Ok(spec), Some(taken)) => (spec, taken),
        (true, Err(errors), _) => return Err(AppError::from(errors).into()),
        _ => {
            let spec = RegistrationSpec::parse(input, &rules_of(&event))?;
            let taken = taken_addresses(&txn, event.id, &spec).await?;
            (spec, taken)
        }
    };
    let seats = (spec.attendees.len() - duplicates.len()) as u32;
    check_company_limit(&txn, &event, &spec, seats, None).await?;

    let status = if store::events::take_seats(&txn, event.id, seats).await? {
        RegistrationStatus::Confirmed
    } else if event.spec.waitlist_enabled {
        RegistrationStatus::Waitlisted
    } else {
        return Err(Attempt::Failed(AppError::conflict(
            "event_full",
            "満席のため、お申し込みいただけません。",
            "This event is full.",
        )));
    };

    let token = links.issue();
    let registration = store::registrations::insert(
        &txn,
        NewRegistration {
            event_id: event.id,
            status,
            spec: &spec,
            seats,
            token_hash: &token.hash,
            token_sealed: &token.sealed,
            consent_version: event.purpose_of_use_version,
            idempotency_key,
            request_hash: Some(&fingerprint),
        },
        &duplicates,
        now,
    )
    .await
    .map_err(|e| {
        if store::is_unique_violation(&e) {
            Attempt::AddressTaken
        } else {
            Attempt::Failed(e.into())
        }
    })?;

    let id = registration.id;
    let kind = match status {
        RegistrationStatus::Waitlisted => MessageKind::Waitlisted,
        _ => MessageKind::Confirmed,
    };
    notify(
        &txn,
        event.id,
        id,
        spec.contact.email.as_str(),
        &spec.contact.name,
        spec.lang,
        kind,
        json!({}),
        now,
    )
    .await?;
    for person in spec
        .attendees
        .iter()
        .filter(|p| duplicates.contains(p.email.as_str()))
    {
        notify(
            &txn,
            event.id,
            id,
            person.email.as_str(),
            &person.name,
            spec.lang,
            MessageKind::AlreadyRegistered,
            json!({}),
            now,
        )
        .await?;
    }
    txn.commit().await?;
    tracing::info!(
        event_id = event.id,
        registration_id = id,
        status = status.code(),
        seats,
        "registered"
    );

    Ok(registered(db, registration, event, token.token, false).await?)
}

/// Of the registration's attendee addresses, those another registration of the event holds.
async fn taken_addresses(
    db: &impl ConnectionTrait,
    event_id: i64,
    spec: &RegistrationSpec,
) -> AppResult<HashSet<String>> {
    let emails: Vec<&str> = spec.attendees.iter().map(|p| p.email.as_str()).collect();
    Ok(store::registrations::active_emails(db, event_id, &emails).await?)
}

fn check_open_for_registration(event: &Event, now: DateTime<Utc>) -> AppResult<()> {
    match event.status {
        EventStatus::Draft => return Err(AppError::NotFound),
        EventStatus::Cancelled => {
            return Err(AppError::gone(
                "event_cancelled",
                "このイベントは中止になりました。",
                "This event has been cancelled.",
            ));
        }
        EventStatus::Published => {}
    }
    if now < event.spec.registration_opens_at {
        return Err(AppError::gone(
            "registration_not_open",
            "申込受付はまだ始まっていません。",
            "Registration has not opened yet.",
        ));
    }
    if now >= event.spec.registration_closes_at {
        return Err(AppError::gone(
            "registration_closed",
            "申込受付は終了しました。",
            "Registration has closed.",
        ));
    }
    Ok(())
}

async fn registered(
    db: &Db,
    registration: Registration,
    event: Event,
    manage_token: String,
    replayed: bool,
) -> AppResult<Registered> {
    let waitlist_position = match registration.status {
        RegistrationStatus::Waitlisted => {
            Some(store::registrations::waitlist_position(db, event.id, registration.id).await?)
        }
        _ => None,
    };
    Ok(Registered {
        registration,
        event,
        waitlist_position,
        manage_token,
        replayed,
    })
}

/// The registration behind a manage link.
pub async fn by_token(db: &Db, token: &str) -> AppResult<Managed> {
    let stored = lookup(db, token).await?;
    managed(db, stored.registration, token.to_owned()).await
}

/// Cancels the given attendees, or all of them (`None`). Freed seats go to the waiting list
/// in the same transaction. Cancelling what is cancelled already is harmless.
pub async fn cancel(
    db: &Db,
    token: &str,
    attendee_ids: Option<&[i64]>,
    now: DateTime<Utc>,
) -> AppResult<Managed> {
    let txn = store::begin_write(db).await?;
    let reg = lookup(&txn, token).await?.registration;
    let event = store::events::by_id_for_update(&txn, reg.event_id)
        .await?
        .ok_or(AppError::NotFound)?;
    // Duplicates are attendees to the registrant (who is never told), so they can be
    // cancelled like any other; only active ones give seats back.
    let open: Vec<&Attendee> = reg
        .attendees
        .iter()
        .filter(|a| a.status != AttendeeStatus::Cancelled)
        .collect();
    let chosen: Vec<&Attendee> = match attendee_ids {
        None => open.clone(),
        Some(ids) => {
            if let Some(unknown) = ids
                .iter()
                .find(|id| !reg.attendees.iter().any(|a| a.id == **id))
            {
                return Err(ValidationErrors::single(
                    "attendee",
                    "unknown_attendee",
                    format!("この申込に参加者 {unknown} はいません。"),
                    format!("This registration has no attendee {unknown}."),
                )
                .into());
            }
            open.iter()
                .copied()
                .filter(|a| ids.contains(&a.id))
                .collect()
        }
    };
    if chosen.is_empty() {
        txn.commit().await?;
        return by_token(db, token).await;
    }
    let ids: Vec<i64> = chosen.iter().map(|a| a.id).collect();
    store::registrations::cancel_attendees(&txn, &ids, now).await?;
    let freed = chosen
        .iter()
        .filter(|a| a.status == AttendeeStatus::Active)
        .count() as u32;
    if reg.status == RegistrationStatus::Confirmed && freed > 0 {
        store::events::release_seats(&txn, event.id, freed).await?;
    }
    let left_open = open.len() - chosen.len();
    let status = if left_open == 0 {
        RegistrationStatus::Cancelled
    } else {
        reg.status
    };
    store::registrations::set_status_and_seats(&txn, reg.id, status, reg.seats - freed, now)
        .await?;
    let left = left_open as u32;
    let names: Vec<&str> = chosen.iter().map(|a| a.name.as_str()).collect();
    notify(
        &txn,
        event.id,
        reg.id,
        &reg.contact.email,
        &reg.contact.name,
        reg.lang,
        MessageKind::Cancelled,
        json!({ "attendees": names, "all": left == 0 }),
        now,
    )
    .await?;
    promote_waitlist(&txn, &event, now).await?;
    txn.commit().await?;
    by_token(db, token).await
}

/// Changes attendees and answers through the manage link, within the company limit and the
/// seats there are.
pub async fn change(
    db: &Db,
    token: &str,
    change: RegistrationChange,
    now: DateTime<Utc>,
) -> AppResult<Managed> {
    let txn = store::begin_write(db).await?;
    let reg = lookup(&txn, token).await?.registration;
    let event = store::events::by_id_for_update(&txn, reg.event_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if reg.status == RegistrationStatus::Cancelled {
        return Err(AppError::conflict(
            "registration_cancelled",
            "この申込はキャンセル済みです。",
            "This registration has been cancelled.",
        ));
    }
    if now >= event.spec.starts_at || event.status == EventStatus::Cancelled {
        return Err(AppError::gone(
            "changes_closed",
            "開催後または中止のイベントの申込は変更できません。",
            "Registrations cannot be changed once the event has started or been cancelled.",
        ));
    }

    if let Some(raw) = &change.answers {
        let questions = store::questions::of_event(&txn, event.id).await?;
        let answers = parse_answers(&questions, raw)?;
        store::registrations::set_answers(&txn, reg.id, &answers, now).await?;
    }

    if let Some(list) = change.attendees {
        if reg.audience == crate::domain::Audience::Individuals {
            return Err(ValidationErrors::single(
                "attendees",
                "individual_registration",
                "個人での申込では参加者を変更できません。",
                "An individual registration has no attendees to change.",
            )
            .into());
        }
        let plan = plan_attendees(&reg, list)?;
        let new_emails: Vec<&str> = plan.added.iter().map(|p| p.email.as_str()).collect();
        let duplicates = store::registrations::active_emails(&txn, event.id, &new_emails).await?;
        let added_active = plan
            .added
            .iter()
            .filter(|p| !duplicates.contains(p.email.as_str()))
            .count() as u32;
        let kept_active = plan
            .kept
            .iter()
            .filter(|a| a.status == AttendeeStatus::Active)
            .count() as u32;
        let seats = kept_active + added_active;
        if plan.kept.len() + plan.added.len() == 0 {
            return Err(ValidationErrors::single(
                "attendees",
                "required",
                "参加者を1名以上残してください（すべて取り消す場合は申込をキャンセルしてください）。",
                "Keep at least one attendee (to withdraw everyone, cancel the registration).",
            )
            .into());
        }
        if let Some(limit) = event.spec.per_company_limit
            && seats > limit
        {
            return Err(too_many(limit, 0).into());
        }
        if let Some(cn) = reg
            .company
            .as_ref()
            .and_then(|c| c.corporate_number.as_deref())
        {
            let others =
                store::registrations::active_attendees_of_company(&txn, event.id, cn, Some(reg.id))
                    .await? as u32;
            if let Some(limit) = event.spec.per_company_limit
                && others + seats > limit
            {
                return Err(too_many(limit, others).into());
            }
        }
        let old = reg.seats;
        if reg.status == RegistrationStatus::Confirmed && seats > old {
            if !store::events::take_seats(&txn, event.id, seats - old).await? {
                return Err(AppError::conflict(
                    "not_enough_seats",
                    format!(
                        "残席が足りないため、参加者を{}名増やすことはできません。",
                        seats - old
                    ),
                    format!(
                        "There are not enough seats left to add {} attendees.",
                        seats - old
                    ),
                ));
            }
        } else if reg.status == RegistrationStatus::Confirmed && seats < old {
            store::events::release_seats(&txn, event.id, old - seats).await?;
        }
        store::registrations::cancel_attendees(&txn, &plan.removed, now).await?;
        for kept in &plan.kept {
            store::registrations::update_attendee(&txn, kept).await?;
        }
        let next_position = reg.attendees.iter().map(|a| a.position).max().unwrap_or(0) + 1;
        let added: Vec<Attendee> = plan
            .added
            .iter()
            .map(|p| Attendee {
                id: 0,
                position: 0,
                name: p.name.clone(),
                kana: p.kana.as_str().to_owned(),
                department: p.department.clone(),
                title: p.title.clone(),
                email: p.email.as_str().to_owned(),
                status: if duplicates.contains(p.email.as_str()) {
                    AttendeeStatus::Duplicate
                } else {
                    AttendeeStatus::Active
                },
            })
            .collect();
        store::registrations::insert_attendees(&txn, reg.id, event.id, next_position, &added, now)
            .await?;
        store::registrations::set_status_and_seats(&txn, reg.id, reg.status, seats, now).await?;
        for p in plan
            .added
            .iter()
            .filter(|p| duplicates.contains(p.email.as_str()))
        {
            notify(
                &txn,
                event.id,
                reg.id,
                p.email.as_str(),
                &p.name,
                reg.lang,
                MessageKind::AlreadyRegistered,
                json!({}),
                now,
            )
            .await?;
        }
    }
    notify(
        &txn,
        event.id,
        reg.id,
        &reg.contact.email,
        &reg.contact.name,
        reg.lang,
        MessageKind::Changed,
        json!({}),
        now,
    )
    .await?;
    promote_waitlist(&txn, &event, now).await?;
    txn.commit().await?;
    by_token(db, token).await
}

/// Gives free seats to waiting registrations, first come first, skipping those that do not fit
/// (a party of three waits while a single seat goes to the next person who needs one).
pub(crate) async fn promote_waitlist(
    txn: &impl ConnectionTrait,
    event: &Event,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let current = store::events::by_id_for_update(txn, event.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let Some(capacity) = current.spec.capacity else {
        return Ok(());
    };
    let mut free = capacity.get().saturating_sub(current.seats_taken);
    if free == 0 {
        return Ok(());
    }
    for (id, seats) in store::registrations::waitlisted(txn, event.id).await? {
        if seats > free {
            continue;
        }
        if !store::events::take_seats(txn, event.id, seats).await? {
            break;
        }
        free -= seats;
        store::registrations::set_status_and_seats(
            txn,
            id,
            RegistrationStatus::Confirmed,
            seats,
            now,
        )
        .await?;
        let reg = store::registrations::by_id(txn, id)
            .await?
            .ok_or(AppError::NotFound)?
            .registration;
        notify(
            txn,
            event.id,
            id,
            &reg.contact.email,
            &reg.contact.name,
            reg.lang,
            MessageKind::Promoted,
            json!({}),
            now,
        )
        .await?;
        tracing::info!(
            event_id = event.id,
            registration_id = id,
            seats,
            "promoted from the waiting list"
        );
        if free == 0 {
            break;
        }
    }
    Ok(())
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

struct AttendeePlan {
    kept: Vec<Attendee>,
    added: Vec<Person>,
    removed: Vec<i64>,
}

fn plan_attendees(
    reg: &Registration,
    list: Vec<AttendeeChange>,
) -> Result<AttendeePlan, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let mut kept = Vec::new();
    let mut added = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for (i, change) in list.into_iter().enumerate() {
        let Some(person) = errors.take(parse_attendee(i, change.person)) else {
            continue;
        };
        if !seen.insert(person.email.as_str().to_owned()) {
            errors.add(
                &format!("attendees.{i}.email"),
                "duplicate_attendee",
                "同じメールアドレスの参加者が既に入力されています。",
                "Another attendee in this form has the same email address.",
            );
            continue;
        }
        match change.id {
            Some(id) => match reg.attendees.iter().find(|a| a.id == id && a.status != AttendeeStatus::Cancelled) {
                Some(existing) if existing.email == person.email.as_str() => kept.push(Attendee {
                    name: person.name,
                    kana: person.kana.as_str().to_owned(),
                    department: person.department,
                    title: person.title,
                    ..existing.clone()
                }),
                Some(_) => errors.add(
                    &format!("attendees.{i}.email"),
                    "email_fixed",
                    "登録済みの参加者のメールアドレスは変更できません。別の方に替わる場合は、この参加者を削除して新しく追加してください。",
                    "A registered attendee's email cannot change; remove the attendee and add the new person instead.",
                ),
                None => errors.add(
                    &format!("attendees.{i}.id"),
                    "unknown_attendee",
                    "この申込にその参加者はいません。",
                    "This registration has no such attendee.",
                ),
            },
            None => added.push(person),
        }
    }
    let removed = reg
        .attendees
        .iter()
        .filter(|a| a.status != AttendeeStatus::Cancelled && !kept.iter().any(|k| k.id == a.id))
        .map(|a| a.id)
        .collect();
    errors.into_result(|| AttendeePlan {
        kept,
        added,
        removed,
    })
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

fn too_many(limit: u32, others: u32) -> ValidationErrors {
    let left = limit.saturating_sub(others);
    ValidationErrors::single(
        "attendees",
        "per_company_limit",
        format!(
            "このイベントは1社{limit}名までです（この法人番号では既に{others}名が申込済みのため、あと{left}名まで）。"
        ),
        format!(
            "This event takes at most {limit} attendees per company ({others} already registered under this corporate number, so {left} more)."
        ),
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

async fn managed(db: &Db, registration: Registration, token: String) -> AppResult<Managed> {
    let event = store::events::by_id(db, registration.event_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let waitlist_position = match registration.status {
        RegistrationStatus::Waitlisted => {
            Some(store::registrations::waitlist_position(db, event.id, registration.id).await?)
        }
        _ => None,
    };
    let questions = store::questions::of_event(db, event.id).await?;
    let event = with_partners(db, vec![event]).await?.remove(0);
    Ok(Managed {
        registration,
        event,
        questions,
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
    lang: Lang,
    kind: MessageKind,
    payload: serde_json::Value,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let message = NewMessage {
        event_id,
        registration_id: Some(registration_id),
        kind,
        recipient_email: email,
        recipient_name: name,
        lang,
        payload,
    };
    Ok(store::outbox::enqueue(txn, message, now).await?)
}

/// What makes two requests "the same" for idempotency: their content, not their bytes.
fn fingerprint(input: &RegistrationInput) -> String {
    let canonical = serde_json::to_vec(input).expect("inputs serialize");
    hex::encode(Sha256::digest(&canonical))
}
