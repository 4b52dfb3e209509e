//! Registrations and their attendees.
use super::corrupt;
use super::entities::{attendee, registration};
use crate::domain::{
    Answers, Attendee, AttendeeStatus, Audience, BoothState, CompanyRecord, ContactRecord,
    EntryState, PartSpec, Participation, RegistrantKind, Registration, RegistrationSpec, SeatState,
    Shape, WalkIn,
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::HashSet;

pub struct NewRegistration<'a> {
    pub event_id: i64,
    pub status: SeatState,
    pub spec: &'a RegistrationSpec,
    pub seats: u32,
    pub token_hash: &'a str,
    pub token_sealed: &'a str,
    pub consent_version: i32,
    pub idempotency_key: Option<&'a str>,
    pub request_hash: Option<&'a str>,
    pub walk_in: bool,
}

/// Inserts the registration and its attendees and returns them as stored (via RETURNING, no
/// second read); `duplicates` are the attendee emails already registered for the event:
/// stored, but holding no place.
pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewRegistration<'_>,
    duplicates: &HashSet<String>,
    now: DateTime<Utc>,
) -> Result<Registration, DbErr> {
    let spec = new.spec;
    let company = spec.company.as_ref();
    let model = registration::ActiveModel {
        event_id: Set(new.event_id),
        status: Set(new.status.code().to_owned()),
        audience: Set(spec.audience.code().to_owned()),
        manage_token_hash: Set(new.token_hash.to_owned()),
        manage_token_sealed: Set(new.token_sealed.to_owned()),
        lang: Set(spec.lang.tag().to_owned()),
        company_name: Set(company.map(|c| c.name.clone())),
        company_name_kana: Set(company
            .and_then(|c| c.name_kana.as_ref())
            .map(|k| k.as_str().to_owned())),
        corporate_number: Set(spec.corporate_number().map(|n| n.as_str().to_owned())),
        registrant_kind: Set(spec.registrant_kind().code().to_owned()),
        school_type: Set(company
            .and_then(|c| c.school_type)
            .map(|t| t.code().to_owned())),
        country: Set(company.map(|c| c.address.country().code().to_owned())),
        postal_code: Set(company.and_then(|c| c.address.postal_code().map(str::to_owned))),
        prefecture: Set(company
            .and_then(|c| c.address.prefecture())
            .map(|p| p.stored_name().to_owned())),
        region: Set(company.and_then(|c| c.address.region().map(str::to_owned))),
        city: Set(company.map(|c| c.address.city().to_owned())),
        street: Set(company.map(|c| c.address.street().to_owned())),
        industry: Set(company
            .and_then(|c| c.business)
            .map(|b| b.industry.code().to_owned())),
        employee_band: Set(company
            .and_then(|c| c.business)
            .map(|b| b.employee_band.code().to_owned())),
        tcci_member: Set(company.map(|c| c.tcci_member)),
        time_zone: Set(spec.time_zone.map(|tz| tz.name().to_owned())),
        contact_name: Set(spec.contact.name.clone()),
        contact_kana: Set(spec.contact.kana_text().to_owned()),
        contact_department: Set(spec.contact.department.clone()),
        contact_title: Set(spec.contact.title.clone()),
        contact_email: Set(spec.contact.email.as_str().to_owned()),
        contact_phone: Set(spec.contact_phone.as_ref().map(|p| p.as_str().to_owned())),
        affiliation: Set(spec.affiliation.clone()),
        seats: Set(new.seats as i32),
        answers: Set(serde_json::to_string(&spec.answers).map_err(corrupt)?),
        heard_via: Set(spec.heard_via.map(|h| h.code().to_owned())),
        via_code: Set(spec.via.clone()),
        consent_version: Set(new.consent_version),
        consented_at: Set(now),
        idempotency_key: Set(new.idempotency_key.map(str::to_owned)),
        request_hash: Set(new.request_hash.map(str::to_owned)),
        created_at: Set(now),
        updated_at: Set(now),
        cancelled_at: Set(None),
        notices_opt_out: Set(false),
        walk_in: Set(new.walk_in),
        shape: Set(spec.shape().code().to_owned()),
        ..Default::default()
    };
    let stored = registration::Entity::insert(model)
        .exec_with_returning(db)
        .await?;
    // What the shape adds lives beside the registration, written here with it.
    let id = stored.id;
    match &spec.part {
        PartSpec::Seats => {}
        PartSpec::CampaignEntry(entry) => {
            super::campaigns::insert(db, id, new.event_id, entry).await?
        }
        PartSpec::Declaration(d) => super::declarations::insert(db, id, new.event_id, d).await?,
        PartSpec::CertificationApplication(a) => {
            super::certification::insert(db, id, new.event_id, a, now).await?
        }
        PartSpec::Booth(x) => super::job_fairs::insert_exhibitor(db, id, new.event_id, x).await?,
        PartSpec::DispatchRequest(r) => {
            super::dispatch::insert_request(db, id, new.event_id, r).await?
        }
        // A student's profile is kept only while the visit stands.
        PartSpec::StudentVisit(p) if new.status.is_live() => {
            super::job_fairs::insert_student(db, id, p).await?
        }
        PartSpec::StudentVisit(_) => {}
        PartSpec::InternshipOffer(o) => {
            super::internships::insert_offer(db, id, new.event_id, o).await?
        }
        PartSpec::InternshipApplication(a) => {
            super::internships::insert_application(db, id, new.event_id, a).await?
        }
    }
    let people: Vec<_> = spec
        .attendees
        .iter()
        .map(|p| crate::domain::Attendee {
            id: 0,
            position: 0,
            name: p.name.clone(),
            kana: p.kana_text().to_owned(),
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
    let attendees = insert_attendees(db, stored.id, new.event_id, 0, &people, now).await?;
    let mut list = assemble(db, vec![stored], [(id, attendees)].into()).await?;
    Ok(list.remove(0))
}

/// A walk-in as staff typed it at the door: one person, who is both contact and attendee.
pub struct NewWalkIn<'a> {
    pub event_id: i64,
    /// Seats, or a student's visit at a job fair.
    pub shape: Shape,
    pub walk_in: &'a WalkIn,
    pub individuals: bool,
    pub lang: crate::i18n::Lang,
    pub token_hash: &'a str,
    pub token_sealed: &'a str,
    pub consent_version: i32,
}

/// Inserts a confirmed one-seat registration for a walk-in and returns it as stored.
pub async fn insert_walk_in(
    db: &impl ConnectionTrait,
    new: NewWalkIn<'_>,
    now: DateTime<Utc>,
) -> Result<Registration, DbErr> {
    let w = new.walk_in;
    // An individual's school or employer goes where the form puts it.
    let (company_name, affiliation) = if new.individuals {
        (None, Some(w.company.clone()))
    } else {
        (Some(w.company.clone()), None)
    };
    let audience = if new.individuals {
        Audience::Individuals
    } else {
        Audience::Companies
    };
    let model = registration::ActiveModel {
        event_id: Set(new.event_id),
        status: Set(SeatState::Confirmed.code().to_owned()),
        audience: Set(audience.code().to_owned()),
        manage_token_hash: Set(new.token_hash.to_owned()),
        manage_token_sealed: Set(new.token_sealed.to_owned()),
        lang: Set(new.lang.tag().to_owned()),
        company_name: Set(company_name),
        company_name_kana: Set(None),
        corporate_number: Set(None),
        // Staff at the door ask for a company name, not what kind of organization it is.
        registrant_kind: Set(if new.individuals {
            RegistrantKind::Individual
        } else {
            RegistrantKind::Company
        }
        .code()
        .to_owned()),
        school_type: Set(None),
        country: Set(None),
        region: Set(None),
        time_zone: Set(None),
        postal_code: Set(None),
        prefecture: Set(None),
        city: Set(None),
        street: Set(None),
        industry: Set(None),
        employee_band: Set(w.employee_band.map(|b| b.code().to_owned())),
        tcci_member: Set(None),
        contact_name: Set(w.name.clone()),
        contact_kana: Set(w.kana.as_str().to_owned()),
        contact_department: Set(None),
        contact_title: Set(None),
        contact_email: Set(w.email.as_str().to_owned()),
        contact_phone: Set(None),
        affiliation: Set(affiliation),
        seats: Set(1),
        answers: Set("{}".to_owned()),
        heard_via: Set(None),
        via_code: Set(None),
        consent_version: Set(new.consent_version),
        consented_at: Set(now),
        idempotency_key: Set(None),
        request_hash: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        cancelled_at: Set(None),
        notices_opt_out: Set(false),
        walk_in: Set(true),
        shape: Set(new.shape.code().to_owned()),
        ..Default::default()
    };
    let stored = registration::Entity::insert(model)
        .exec_with_returning(db)
        .await?;
    let person = Attendee {
        id: 0,
        position: 0,
        name: w.name.clone(),
        kana: w.kana.as_str().to_owned(),
        department: None,
        title: None,
        email: w.email.as_str().to_owned(),
        status: AttendeeStatus::Active,
    };
    let attendees = insert_attendees(db, stored.id, new.event_id, 0, &[person], now).await?;
    let id = stored.id;
    let mut list = assemble(db, vec![stored], [(id, attendees)].into()).await?;
    Ok(list.remove(0))
}

/// Where a registration is moved to, and how it stands there.
pub struct MovedTo<'a> {
    pub event_id: i64,
    pub status: SeatState,
    pub seats: u32,
    pub token_hash: &'a str,
    pub token_sealed: &'a str,
}

/// Copies registration `source_id` (company, contact, channel, consent) to another event
/// with the given attendees, as a new registration; the answers stay with the original, whose
/// questions they answer.
pub async fn copy_to_event(
    db: &impl ConnectionTrait,
    source_id: i64,
    to: MovedTo<'_>,
    people: &[Attendee],
    now: DateTime<Utc>,
) -> Result<Registration, DbErr> {
    let source = registration::Entity::find_by_id(source_id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("registration {source_id}")))?;
    let mut model = registration::ActiveModel::from(source).reset_all();
    model.id = sea_orm::ActiveValue::NotSet;
    model.event_id = Set(to.event_id);
    model.status = Set(to.status.code().to_owned());
    model.manage_token_hash = Set(to.token_hash.to_owned());
    model.manage_token_sealed = Set(to.token_sealed.to_owned());
    model.seats = Set(to.seats as i32);
    model.answers = Set("{}".to_owned());
    model.idempotency_key = Set(None);
    model.request_hash = Set(None);
    model.created_at = Set(now);
    model.updated_at = Set(now);
    model.cancelled_at = Set(None);
    model.walk_in = Set(false);
    let stored = registration::Entity::insert(model)
        .exec_with_returning(db)
        .await?;
    let attendees = insert_attendees(db, stored.id, to.event_id, 0, people, now).await?;
    let id = stored.id;
    let mut list = assemble(db, vec![stored], [(id, attendees)].into()).await?;
    Ok(list.remove(0))
}

/// Adds attendees numbered from `first_position`.
pub async fn insert_attendees(
    db: &impl ConnectionTrait,
    registration_id: i64,
    event_id: i64,
    first_position: i32,
    people: &[Attendee],
    now: DateTime<Utc>,
) -> Result<Vec<Attendee>, DbErr> {
    if people.is_empty() {
        return Ok(Vec::new());
    }
    let rows = people
        .iter()
        .enumerate()
        .map(|(i, p)| attendee::ActiveModel {
            registration_id: Set(registration_id),
            event_id: Set(event_id),
            position: Set(first_position + i as i32),
            name: Set(p.name.clone()),
            kana: Set(p.kana.clone()),
            department: Set(p.department.clone()),
            title: Set(p.title.clone()),
            email: Set(p.email.clone()),
            status: Set(p.status.code().to_owned()),
            active_email: Set((p.status == AttendeeStatus::Active).then(|| p.email.clone())),
            created_at: Set(now),
            cancelled_at: Set(None),
            notices_opt_out: Set(false),
            checked_in_at: Set(None),
            checked_in_by: Set(None),
            ..Default::default()
        });
    attendee::Entity::insert_many(rows)
        .exec_with_returning(db)
        .await?
        .into_iter()
        .map(attendee_from_model)
        .collect()
}

fn attendee_from_model(a: attendee::Model) -> Result<Attendee, DbErr> {
    Ok(Attendee {
        id: a.id,
        position: a.position,
        name: a.name,
        kana: a.kana,
        department: a.department,
        title: a.title,
        email: a.email,
        status: a.status.parse().map_err(corrupt)?,
    })
}

/// Of `emails`, those held by an active attendee of the event.
pub async fn active_emails(
    db: &impl ConnectionTrait,
    event_id: i64,
    emails: &[&str],
) -> Result<HashSet<String>, DbErr> {
    if emails.is_empty() {
        return Ok(HashSet::new());
    }
    Ok(attendee::Entity::find()
        .filter(attendee::Column::EventId.eq(event_id))
        .filter(attendee::Column::ActiveEmail.is_in(emails.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.email)
        .collect())
}

/// Active attendees of the event registered under one corporate number (confirmed or waiting), in one
/// query.
pub async fn active_attendees_of_company(
    db: &impl ConnectionTrait,
    event_id: i64,
    corporate_number: &str,
    except_registration: Option<i64>,
) -> Result<u64, DbErr> {
    let mut registrations = Query::select()
        .column(registration::Column::Id)
        .from(registration::Entity)
        .and_where(registration::Column::EventId.eq(event_id))
        .and_where(registration::Column::CorporateNumber.eq(corporate_number))
        .and_where(registration::Column::Status.is_in(live_codes()))
        .to_owned();
    if let Some(id) = except_registration {
        registrations.and_where(registration::Column::Id.ne(id));
    }
    attendee::Entity::find()
        .filter(attendee::Column::Status.eq(AttendeeStatus::Active.code()))
        .filter(attendee::Column::RegistrationId.in_subquery(registrations))
        .count(db)
        .await
}

/// Marks attendees cancelled and frees their address for the event.
pub async fn cancel_attendees(
    db: &impl ConnectionTrait,
    ids: &[i64],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if ids.is_empty() {
        return Ok(());
    }
    attendee::Entity::update_many()
        .col_expr(
            attendee::Column::Status,
            AttendeeStatus::Cancelled.code().into(),
        )
        .col_expr(
            attendee::Column::ActiveEmail,
            Expr::value(Option::<String>::None),
        )
        .col_expr(attendee::Column::CancelledAt, now.into())
        .filter(attendee::Column::Id.is_in(ids.iter().copied()))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn update_attendee(db: &impl ConnectionTrait, a: &Attendee) -> Result<(), DbErr> {
    let model = attendee::ActiveModel {
        id: Set(a.id),
        name: Set(a.name.clone()),
        kana: Set(a.kana.clone()),
        department: Set(a.department.clone()),
        title: Set(a.title.clone()),
        ..Default::default()
    };
    attendee::Entity::update(model).exec(db).await?;
    Ok(())
}

/// What the `status` column holds for a participation: the seat state, or for shapes without
/// seats only whether it stands (`confirmed`) or was withdrawn (`cancelled`); their own
/// states live in the tables beside it.
pub fn status_column(p: &Participation) -> SeatState {
    match p.seat_state() {
        Some(s) => s,
        None if p.is_live() => SeatState::Confirmed,
        None => SeatState::Cancelled,
    }
}

pub async fn set_status_and_seats(
    db: &impl ConnectionTrait,
    id: i64,
    status: SeatState,
    seats: u32,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let model = registration::ActiveModel {
        id: Set(id),
        status: Set(status.code().to_owned()),
        seats: Set(seats as i32),
        updated_at: Set(now),
        cancelled_at: Set((status == SeatState::Cancelled).then_some(now)),
        ..Default::default()
    };
    registration::Entity::update(model).exec(db).await?;
    Ok(())
}

pub async fn set_answers(
    db: &impl ConnectionTrait,
    id: i64,
    answers: &Answers,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let model = registration::ActiveModel {
        id: Set(id),
        answers: Set(serde_json::to_string(answers).map_err(corrupt)?),
        updated_at: Set(now),
        ..Default::default()
    };
    registration::Entity::update(model).exec(db).await?;
    Ok(())
}

/// A registration with its attendees, and its sealed manage token.
pub struct Stored {
    pub registration: Registration,
    pub token_sealed: String,
    pub request_hash: Option<String>,
}

pub async fn by_token_hash(db: &impl ConnectionTrait, hash: &str) -> Result<Option<Stored>, DbErr> {
    let m = registration::Entity::find()
        .filter(registration::Column::ManageTokenHash.eq(hash))
        .one(db)
        .await?;
    with_attendees(db, m).await
}

pub async fn by_id(db: &impl ConnectionTrait, id: i64) -> Result<Option<Stored>, DbErr> {
    let m = registration::Entity::find_by_id(id).one(db).await?;
    with_attendees(db, m).await
}

pub async fn by_idempotency_key(
    db: &impl ConnectionTrait,
    event_id: i64,
    key: &str,
) -> Result<Option<Stored>, DbErr> {
    let m = registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::IdempotencyKey.eq(key))
        .one(db)
        .await?;
    with_attendees(db, m).await
}

/// An event's registrations in the given states, with their attendees, oldest first: who
/// must hear of a change to the event, a reminder or an announcement.
pub async fn of_event_in(
    db: &impl ConnectionTrait,
    event_id: i64,
    statuses: &[SeatState],
) -> Result<Vec<Registration>, DbErr> {
    let models = registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::Status.is_in(statuses.iter().map(|s| s.code())))
        .order_by_asc(registration::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i64> = models.iter().map(|m| m.id).collect();
    let attendees = attendees_of(db, &ids).await?;
    assemble(db, models, attendees).await
}

/// Waiting registrations of an event, first come first.
pub async fn waitlisted(
    db: &impl ConnectionTrait,
    event_id: i64,
) -> Result<Vec<(i64, u32)>, DbErr> {
    let rows: Vec<(i64, i32)> = registration::Entity::find()
        .select_only()
        .column(registration::Column::Id)
        .column(registration::Column::Seats)
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::Status.eq(SeatState::Waitlisted.code()))
        .order_by_asc(registration::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, seats)| (id, seats.max(0) as u32))
        .collect())
}

/// 1 for the first in line.
pub async fn waitlist_position(
    db: &impl ConnectionTrait,
    event_id: i64,
    id: i64,
) -> Result<u32, DbErr> {
    let ahead = registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::Status.eq(SeatState::Waitlisted.code()))
        .filter(registration::Column::Id.lt(id))
        .count(db)
        .await?;
    Ok(ahead as u32 + 1)
}

/// One page of an event's registrations, oldest first, with the total.
pub async fn page_for_event(
    db: &impl ConnectionTrait,
    event_id: i64,
    limit: u64,
    offset: u64,
) -> Result<(Vec<Registration>, u64), DbErr> {
    let select = registration::Entity::find().filter(registration::Column::EventId.eq(event_id));
    let total = select.clone().count(db).await?;
    let models = select
        .order_by_asc(registration::Column::Id)
        .limit(limit)
        .offset(offset)
        .all(db)
        .await?;
    let ids: Vec<i64> = models.iter().map(|m| m.id).collect();
    let attendees = attendees_of(db, &ids).await?;
    Ok((assemble(db, models, attendees).await?, total))
}

/// Counts used by tests, benchmarks and reports: (confirmed seats, waitlisted, cancelled).
pub async fn seat_totals(
    db: &impl ConnectionTrait,
    event_id: i64,
) -> Result<(u64, u64, u64), DbErr> {
    let rows: Vec<(String, i32)> = registration::Entity::find()
        .select_only()
        .column(registration::Column::Status)
        .column(registration::Column::Seats)
        .filter(registration::Column::EventId.eq(event_id))
        .into_tuple()
        .all(db)
        .await?;
    let mut totals = (0, 0, 0);
    for (status, seats) in rows {
        match status.parse::<SeatState>().map_err(corrupt)? {
            SeatState::Confirmed => totals.0 += seats.max(0) as u64,
            SeatState::Waitlisted => totals.1 += 1,
            SeatState::Cancelled => totals.2 += 1,
            // Holds nothing and never did: not a seat, not a place in line.
            SeatState::Duplicate => {}
        }
    }
    Ok(totals)
}

/// The stored codes of the states that hold a seat or a place in line: a duplicate is no more
/// "live" than a cancelled registration.
fn live_codes() -> impl Iterator<Item = &'static str> {
    SeatState::LIVE.iter().map(|s| s.code())
}

async fn attendees_of(
    db: &impl ConnectionTrait,
    registration_ids: &[i64],
) -> Result<std::collections::HashMap<i64, Vec<Attendee>>, DbErr> {
    let mut map: std::collections::HashMap<i64, Vec<Attendee>> = std::collections::HashMap::new();
    if registration_ids.is_empty() {
        return Ok(map);
    }
    for chunk in registration_ids.chunks(500) {
        let rows = attendee::Entity::find()
            .filter(attendee::Column::RegistrationId.is_in(chunk.iter().copied()))
            .order_by_asc(attendee::Column::Position)
            .order_by_asc(attendee::Column::Id)
            .all(db)
            .await?;
        for a in rows {
            map.entry(a.registration_id)
                .or_default()
                .push(attendee_from_model(a)?);
        }
    }
    Ok(map)
}

async fn with_attendees(
    db: &impl ConnectionTrait,
    m: Option<registration::Model>,
) -> Result<Option<Stored>, DbErr> {
    let Some(m) = m else { return Ok(None) };
    let attendees = attendees_of(db, &[m.id]).await?;
    let token_sealed = m.manage_token_sealed.clone();
    let request_hash = m.request_hash.clone();
    let registration = assemble(db, vec![m], attendees).await?.remove(0);
    Ok(Some(Stored {
        registration,
        token_sealed,
        request_hash,
    }))
}

/// The registrations among `ids` that hold a place (not cancelled, not duplicates), as
/// stored, by id.
pub async fn live_models(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, registration::Model>, DbErr> {
    let mut out = std::collections::HashMap::new();
    for chunk in ids.chunks(500) {
        for r in registration::Entity::find()
            .filter(registration::Column::Id.is_in(chunk.iter().copied()))
            .filter(registration::Column::Status.is_in(live_codes()))
            .all(db)
            .await?
        {
            out.insert(r.id, r);
        }
    }
    Ok(out)
}

/// Whether a live registration of this company (by corporate number) exists for the event.
pub async fn active_by_corporate_number(
    db: &impl ConnectionTrait,
    event_id: i64,
    corporate_number: &str,
) -> Result<bool, DbErr> {
    Ok(registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::CorporateNumber.eq(corporate_number))
        .filter(registration::Column::Status.is_in(live_codes()))
        .count(db)
        .await?
        > 0)
}

/// Registrations as stored, whole: each with its attendees, its shape's part (read from the
/// table beside it: one place per shape) and the sessions it picked.
async fn assemble(
    db: &impl ConnectionTrait,
    models: Vec<registration::Model>,
    mut attendees: std::collections::HashMap<i64, Vec<Attendee>>,
) -> Result<Vec<Registration>, DbErr> {
    let ids_of = |shape: Shape| -> Vec<i64> {
        models
            .iter()
            .filter(|m| m.shape == shape.code())
            .map(|m| m.id)
            .collect()
    };
    let mut parts = Parts {
        entries: super::campaigns::of_registrations(db, &ids_of(Shape::CampaignEntry)).await?,
        declarations: super::declarations::of_registrations(db, &ids_of(Shape::Declaration))
            .await?,
        booths: super::job_fairs::exhibitors_of(db, &ids_of(Shape::Booth)).await?,
        certifications: super::certification::of_registrations(
            db,
            &ids_of(Shape::CertificationApplication),
        )
        .await?,
        dispatches: super::dispatch::of_registrations(db, &ids_of(Shape::DispatchRequest)).await?,
        offers: super::internships::offers_of(db, &ids_of(Shape::InternshipOffer)).await?,
        accepted: super::internships::accepted_counts(db, &ids_of(Shape::InternshipOffer)).await?,
        applications: super::internships::applications_of(
            db,
            &ids_of(Shape::InternshipApplication),
        )
        .await?,
    };
    let mut list = models
        .into_iter()
        .map(|m| {
            let a = attendees.remove(&m.id).unwrap_or_default();
            from_model(m, a, &mut parts)
        })
        .collect::<Result<Vec<_>, _>>()?;
    attach_picks(db, &mut list).await?;
    Ok(list)
}

/// What the shapes add, by registration id.
struct Parts {
    entries: std::collections::HashMap<i64, crate::domain::CampaignEntry>,
    declarations: std::collections::HashMap<i64, crate::domain::DeclarationRecord>,
    booths: std::collections::HashMap<i64, super::job_fairs::Exhibitor>,
    certifications: std::collections::HashMap<
        i64,
        (
            crate::domain::CertificationState,
            crate::domain::ApplicationRecord,
        ),
    >,
    dispatches: std::collections::HashMap<i64, crate::domain::DispatchRecord>,
    offers: std::collections::HashMap<i64, crate::domain::InternshipOffer>,
    /// Places taken, by offer.
    accepted: std::collections::HashMap<i64, u32>,
    applications: std::collections::HashMap<i64, super::internships::StoredApplication>,
}

impl Parts {
    /// The participation of a registration stored with `shape` and lifecycle `status`.
    fn participation(
        &mut self,
        id: i64,
        shape: Shape,
        status: SeatState,
        seats: u32,
    ) -> Result<Participation, DbErr> {
        // For shapes without seats the status column says only whether it stands.
        let withdrawn = status == SeatState::Cancelled;
        let missing = |what: &str| corrupt(format!("registration {id}: no {what}"));
        Ok(match shape {
            Shape::Seats => Participation::Seats {
                state: status,
                seats,
            },
            Shape::StudentVisit => Participation::StudentVisit {
                state: status,
                seats,
            },
            Shape::Booth => {
                let x = self.booths.remove(&id).ok_or_else(|| missing("booth"))?;
                Participation::Booth {
                    state: if withdrawn {
                        BoothState::Withdrawn
                    } else {
                        x.state
                    },
                    profile: x.profile,
                }
            }
            Shape::CampaignEntry => Participation::CampaignEntry {
                state: if withdrawn {
                    EntryState::Withdrawn
                } else {
                    EntryState::Joined
                },
                entry: self.entries.remove(&id).ok_or_else(|| missing("entry"))?,
            },
            Shape::Declaration => {
                let mut d = self
                    .declarations
                    .remove(&id)
                    .ok_or_else(|| missing("declaration"))?;
                if withdrawn {
                    d.state = crate::domain::DeclarationState::Withdrawn;
                }
                Participation::Declaration(d)
            }
            Shape::CertificationApplication => {
                let (state, application) = self
                    .certifications
                    .remove(&id)
                    .ok_or_else(|| missing("application"))?;
                Participation::CertificationApplication {
                    state: if withdrawn {
                        crate::domain::CertificationState::Withdrawn
                    } else {
                        state
                    },
                    application,
                }
            }
            Shape::DispatchRequest => {
                let request = self
                    .dispatches
                    .remove(&id)
                    .ok_or_else(|| missing("dispatch request"))?;
                Participation::DispatchRequest {
                    state: if withdrawn {
                        crate::domain::DispatchState::Withdrawn
                    } else {
                        request.state
                    },
                    request,
                }
            }
            Shape::InternshipOffer => {
                let offer = self.offers.remove(&id).ok_or_else(|| missing("offer"))?;
                let accepted = self.accepted.get(&id).copied().unwrap_or(0);
                Participation::InternshipOffer {
                    state: if withdrawn {
                        crate::domain::OfferState::Withdrawn
                    } else {
                        crate::domain::OfferState::of(offer.places, accepted)
                    },
                    offer,
                    accepted,
                }
            }
            Shape::InternshipApplication => {
                let a = self
                    .applications
                    .remove(&id)
                    .ok_or_else(|| missing("application"))?;
                Participation::InternshipApplication {
                    state: if withdrawn {
                        crate::domain::ApplicationState::Withdrawn
                    } else {
                        a.state
                    },
                    application: a.application,
                }
            }
        })
    }
}

/// Fills in the sessions each registration picked.
async fn attach_picks(
    db: &impl ConnectionTrait,
    registrations: &mut [Registration],
) -> Result<(), DbErr> {
    let ids: Vec<i64> = registrations.iter().map(|r| r.id).collect();
    let mut picks = super::event_sessions::picks_of(db, &ids).await?;
    if picks.is_empty() {
        return Ok(());
    }
    let mut event_ids: Vec<i64> = registrations.iter().map(|r| r.event_id).collect();
    event_ids.sort_unstable();
    event_ids.dedup();
    let mut sessions = Vec::new();
    for id in event_ids {
        sessions.extend(super::event_sessions::of_event(db, id).await?);
    }
    for r in registrations.iter_mut() {
        let mut list: Vec<crate::domain::Pick> = picks
            .remove(&r.id)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|p| {
                sessions
                    .iter()
                    .find(|s| s.id == p.session_id)
                    .map(|s| crate::domain::Pick {
                        session: s.clone(),
                        status: p.status,
                        attendee_id: p.attendee_id,
                    })
            })
            .collect();
        // Within a session, in the order of the attendees.
        let position = |id: i64| r.attendees.iter().position(|a| a.id == id);
        list.sort_by_key(|p| {
            (
                p.session.spec.starts_at,
                p.session.id,
                position(p.attendee_id),
            )
        });
        r.picks = list;
    }
    Ok(())
}

fn from_model(
    m: registration::Model,
    attendees: Vec<Attendee>,
    parts: &mut Parts,
) -> Result<Registration, DbErr> {
    let registrant_kind: RegistrantKind = m.registrant_kind.parse().map_err(corrupt)?;
    // A walk-in gives a company name only; the rest is blank.
    let company = match m.company_name {
        Some(name) => Some(CompanyRecord {
            kind: registrant_kind,
            name,
            name_kana: m.company_name_kana.unwrap_or_default(),
            corporate_number: m.corporate_number,
            school_type: m
                .school_type
                .map(|t| t.parse())
                .transpose()
                .map_err(corrupt)?,
            country: m.country,
            postal_code: m.postal_code.unwrap_or_default(),
            prefecture: m.prefecture.unwrap_or_default(),
            region: m.region,
            city: m.city.unwrap_or_default(),
            street: m.street.unwrap_or_default(),
            industry: m.industry.map(|i| i.parse()).transpose().map_err(corrupt)?,
            employee_band: m
                .employee_band
                .map(|b| b.parse())
                .transpose()
                .map_err(corrupt)?,
            tcci_member: m.tcci_member.unwrap_or(false),
        }),
        None => None,
    };
    let shape: Shape = m.shape.parse().map_err(corrupt)?;
    let status: SeatState = m.status.parse().map_err(corrupt)?;
    let participation = parts.participation(m.id, shape, status, m.seats.max(0) as u32)?;
    Ok(Registration {
        id: m.id,
        event_id: m.event_id,
        registrant_kind,
        time_zone: m
            .time_zone
            .map(|tz| tz.parse::<chrono_tz::Tz>())
            .transpose()
            .map_err(corrupt)?,
        participation,
        audience: m.audience.parse().map_err(corrupt)?,
        lang: crate::i18n::Lang::parse(&m.lang).ok_or_else(|| corrupt("registration lang"))?,
        company,
        contact: ContactRecord {
            name: m.contact_name,
            kana: m.contact_kana,
            department: m.contact_department,
            title: m.contact_title,
            email: m.contact_email,
            phone: m.contact_phone,
        },
        affiliation: m.affiliation,
        attendees,
        answers: serde_json::from_str(&m.answers).map_err(corrupt)?,
        heard_via: m
            .heard_via
            .map(|h| h.parse())
            .transpose()
            .map_err(corrupt)?,
        via: m.via_code,
        consent_version: m.consent_version,
        consented_at: m.consented_at,
        created_at: m.created_at,
        updated_at: m.updated_at,
        cancelled_at: m.cancelled_at,
        walk_in: m.walk_in,
        picks: Vec::new(),
    })
}
