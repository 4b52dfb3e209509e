//! The roster as the back-office reads it: one row per attendee with their registration's
//! company and contact, searchable and filterable, read in pages.
use super::entities::{attendee, registration};
use super::{contains_pattern, corrupt};
use crate::domain::{AttendeeStatus, SeatState};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub struct RosterQuery {
    /// Words matched against name, kana, email, company and contact.
    pub text: Option<String>,
    pub status: Option<SeatState>,
    pub checked_in: Option<bool>,
    /// The channel: a `heard_via` code, or `walk_in`.
    pub heard_via: Option<String>,
    /// Only registrations holding a confirmed place in this session.
    pub session_id: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct RosterRow {
    pub attendee_id: i64,
    pub name: String,
    pub kana: String,
    pub department: Option<String>,
    pub title: Option<String>,
    pub email: String,
    pub attendee_status: AttendeeStatus,
    pub checked_in_at: Option<DateTime<Utc>>,
    /// Online attendance: the first join through the personal join link.
    pub joined_online_at: Option<DateTime<Utc>>,
    pub registration_id: i64,
    pub status: SeatState,
    pub company: Option<String>,
    pub company_kana: Option<String>,
    pub corporate_number: Option<String>,
    pub employee_band: Option<String>,
    /// `domain::Industry`'s code.
    pub industry: Option<String>,
    /// Whether the company is a TCCI member; `None` where nobody was asked (a student).
    pub tcci_member: Option<bool>,
    pub postal_code: Option<String>,
    pub prefecture: Option<String>,
    pub city: Option<String>,
    pub street: Option<String>,
    /// Who registered: `domain::RegistrantKind`'s code.
    pub registrant_kind: String,
    /// `domain::SchoolType`'s code, for a school.
    pub school_type: Option<String>,
    /// ISO 3166-1 alpha-2; the state or province abroad.
    pub country: Option<String>,
    pub region: Option<String>,
    /// The answers to the event's own questions. A row whose stored answers do not read
    /// gives none rather than stopping an export.
    pub answers: crate::domain::Answers,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub heard_via: Option<String>,
    pub walk_in: bool,
    pub via: Option<String>,
    /// Sessions the registration holds a confirmed place in.
    pub session_ids: Vec<i64>,
    pub registered_at: DateTime<Utc>,
}

/// What a registration says of who registered, for the exports of shapes without attendees
/// (booths, campaign entries, declarations): the contact, the company's membership, industry
/// and address, how they heard of the event and by which link, and their answers.
#[derive(Debug, Clone)]
pub struct Registrant {
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub industry: Option<String>,
    pub tcci_member: Option<bool>,
    pub postal_code: Option<String>,
    pub prefecture: Option<String>,
    pub city: Option<String>,
    pub street: Option<String>,
    pub registrant_kind: String,
    pub school_type: Option<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub heard_via: Option<String>,
    pub walk_in: bool,
    pub via: Option<String>,
    pub answers: crate::domain::Answers,
}

/// The registrants of the event's registrations `ids`, by registration id.
pub async fn registrants(
    db: &impl ConnectionTrait,
    event_id: i64,
    ids: &[i64],
) -> Result<HashMap<i64, Registrant>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| {
            let registrant = Registrant {
                answers: serde_json::from_str(&r.answers).unwrap_or_default(),
                contact_name: r.contact_name,
                contact_email: r.contact_email,
                contact_phone: r.contact_phone,
                industry: r.industry,
                tcci_member: r.tcci_member,
                postal_code: r.postal_code,
                prefecture: r.prefecture,
                city: r.city,
                street: r.street,
                registrant_kind: r.registrant_kind,
                school_type: r.school_type,
                country: r.country,
                region: r.region,
                heard_via: r.heard_via,
                walk_in: r.walk_in,
                via: r.via_code,
            };
            (r.id, registrant)
        })
        .collect())
}

fn like(column: impl sea_orm::ColumnTrait, pattern: &str) -> Expr {
    Expr::expr(Func::lower(Expr::col(column))).like(LikeExpr::new(pattern.to_owned()).escape('\\'))
}

async fn condition(
    db: &impl ConnectionTrait,
    event_id: i64,
    q: &RosterQuery,
) -> Result<Condition, DbErr> {
    let mut cond = Condition::all()
        .add(attendee::Column::EventId.eq(event_id))
        .add(attendee::Column::Status.ne(AttendeeStatus::Duplicate.code()));
    let mut reg_cond = Condition::all().add(registration::Column::EventId.eq(event_id));
    let mut by_registration = false;
    if let Some(status) = q.status {
        reg_cond = reg_cond.add(registration::Column::Status.eq(status.code()));
        by_registration = true;
    }
    if let Some(via) = &q.heard_via {
        reg_cond = reg_cond.add(if via == crate::domain::registration::WALK_IN_CHANNEL {
            registration::Column::WalkIn.eq(true)
        } else {
            registration::Column::HeardVia.eq(via.as_str())
        });
        by_registration = true;
    }
    if let Some(session) = q.session_id {
        let ids = super::event_sessions::confirmed_attendees(db, session).await?;
        cond = cond.add(attendee::Column::Id.is_in(ids));
    }
    if by_registration {
        let ids: Vec<i64> = registration::Entity::find()
            .select_only()
            .column(registration::Column::Id)
            .filter(reg_cond)
            .into_tuple()
            .all(db)
            .await?;
        cond = cond.add(attendee::Column::RegistrationId.is_in(ids));
    }
    match q.checked_in {
        Some(true) => cond = cond.add(attendee::Column::CheckedInAt.is_not_null()),
        Some(false) => cond = cond.add(attendee::Column::CheckedInAt.is_null()),
        None => {}
    }
    let words = crate::domain::text::search_words(q.text.as_deref(), 6);
    if words.is_none() {
        cond = cond.add(super::matches_nothing());
    }
    for word in words.iter().flatten() {
        let folded = crate::domain::normalize::fold_width(word);
        let pattern = contains_pattern(&folded);
        // Kana is stored in katakana; staff type either.
        let kana = contains_pattern(&crate::domain::normalize::hiragana_to_katakana(&folded));
        let companies: Vec<i64> = registration::Entity::find()
            .select_only()
            .column(registration::Column::Id)
            .filter(registration::Column::EventId.eq(event_id))
            .filter(
                Condition::any()
                    .add(like(registration::Column::CompanyName, &pattern))
                    .add(like(registration::Column::CompanyNameKana, &kana))
                    .add(like(registration::Column::ContactName, &pattern))
                    .add(like(registration::Column::ContactEmail, &pattern)),
            )
            .into_tuple()
            .all(db)
            .await?;
        cond = cond.add(
            Condition::any()
                .add(like(attendee::Column::Name, &pattern))
                .add(like(attendee::Column::Kana, &kana))
                .add(like(attendee::Column::Email, &pattern))
                .add(attendee::Column::RegistrationId.is_in(companies)),
        );
    }
    Ok(cond)
}

/// One page of the roster in registration order, and the number of rows matching.
pub async fn page(
    db: &impl ConnectionTrait,
    event_id: i64,
    q: &RosterQuery,
    limit: u64,
    offset: u64,
) -> Result<(Vec<RosterRow>, u64), DbErr> {
    let cond = condition(db, event_id, q).await?;
    let total = attendee::Entity::find()
        .filter(cond.clone())
        .count(db)
        .await?;
    let attendees = attendee::Entity::find()
        .filter(cond)
        .order_by_asc(attendee::Column::RegistrationId)
        .order_by_asc(attendee::Column::Position)
        .order_by_asc(attendee::Column::Id)
        .limit(limit)
        .offset(offset)
        .all(db)
        .await?;
    Ok((rows(db, attendees).await?, total))
}

/// Rows after `after_id` (by attendee id), for exports that walk the whole roster a page
/// at a time without holding it.
pub async fn after(
    db: &impl ConnectionTrait,
    event_id: i64,
    q: &RosterQuery,
    after_id: i64,
    limit: u64,
) -> Result<Vec<RosterRow>, DbErr> {
    let cond = condition(db, event_id, q)
        .await?
        .add(attendee::Column::Id.gt(after_id));
    let attendees = attendee::Entity::find()
        .filter(cond)
        .order_by_asc(attendee::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    rows(db, attendees).await
}

pub async fn count(
    db: &impl ConnectionTrait,
    event_id: i64,
    q: &RosterQuery,
) -> Result<u64, DbErr> {
    let cond = condition(db, event_id, q).await?;
    attendee::Entity::find().filter(cond).count(db).await
}

async fn rows(
    db: &impl ConnectionTrait,
    attendees: Vec<attendee::Model>,
) -> Result<Vec<RosterRow>, DbErr> {
    let ids: Vec<i64> = attendees.iter().map(|a| a.registration_id).collect();
    let picks = super::event_sessions::picks_of(db, &ids).await?;
    let mut joined = HashMap::new();
    for event_id in attendees
        .iter()
        .map(|a| a.event_id)
        .collect::<std::collections::BTreeSet<_>>()
    {
        joined.extend(super::online_joins::for_event(db, event_id).await?);
    }
    let regs: HashMap<i64, registration::Model> = registration::Entity::find()
        .filter(registration::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    attendees
        .into_iter()
        .map(|a| {
            let r = regs
                .get(&a.registration_id)
                .ok_or_else(|| corrupt("attendee without registration"))?;
            Ok(RosterRow {
                attendee_id: a.id,
                name: a.name,
                kana: a.kana,
                department: a.department,
                title: a.title,
                email: a.email,
                attendee_status: a.status.parse().map_err(corrupt)?,
                checked_in_at: a.checked_in_at,
                joined_online_at: joined.get(&a.id).map(|j| j.first),
                registration_id: r.id,
                status: r.status.parse().map_err(corrupt)?,
                company: r.company_name.clone(),
                company_kana: r.company_name_kana.clone(),
                corporate_number: r.corporate_number.clone(),
                employee_band: r.employee_band.clone(),
                industry: r.industry.clone(),
                tcci_member: r.tcci_member,
                postal_code: r.postal_code.clone(),
                prefecture: r.prefecture.clone(),
                city: r.city.clone(),
                street: r.street.clone(),
                registrant_kind: r.registrant_kind.clone(),
                school_type: r.school_type.clone(),
                country: r.country.clone(),
                region: r.region.clone(),
                answers: serde_json::from_str(&r.answers).unwrap_or_default(),
                contact_name: r.contact_name.clone(),
                contact_email: r.contact_email.clone(),
                contact_phone: r.contact_phone.clone(),
                heard_via: r.heard_via.clone(),
                walk_in: r.walk_in,
                via: r.via_code.clone(),
                session_ids: picks
                    .get(&r.id)
                    .map(|p| {
                        p.iter()
                            .filter(|p| {
                                p.attendee_id == a.id
                                    && p.status == crate::domain::PickStatus::Confirmed
                            })
                            .map(|p| p.session_id)
                            .collect()
                    })
                    .unwrap_or_default(),
                registered_at: r.created_at,
            })
        })
        .collect()
}

/// One attendee's row, found by id alone: (event id, row).
pub async fn by_attendee(
    db: &impl ConnectionTrait,
    attendee_id: i64,
) -> Result<Option<(i64, RosterRow)>, DbErr> {
    let Some(a) = attendee::Entity::find_by_id(attendee_id).one(db).await? else {
        return Ok(None);
    };
    let event_id = a.event_id;
    Ok(rows(db, vec![a]).await?.pop().map(|r| (event_id, r)))
}

/// Marks an attendee of the event as arrived, once: a second tap keeps the first time.
/// Returns the attendee's row as it stands, or `None` when the event has no such attendee.
pub async fn check_in(
    db: &impl ConnectionTrait,
    event_id: i64,
    attendee_id: i64,
    staff_user_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<RosterRow>, DbErr> {
    attendee::Entity::update_many()
        .col_expr(attendee::Column::CheckedInAt, Expr::value(now))
        .col_expr(attendee::Column::CheckedInBy, Expr::value(staff_user_id))
        .filter(attendee::Column::Id.eq(attendee_id))
        .filter(attendee::Column::EventId.eq(event_id))
        .filter(attendee::Column::CheckedInAt.is_null())
        .exec(db)
        .await?;
    let Some(a) = attendee::Entity::find_by_id(attendee_id)
        .filter(attendee::Column::EventId.eq(event_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(rows(db, vec![a]).await?.pop())
}

/// Attendees of the event checked in at the door.
pub async fn checked_in_count(db: &impl ConnectionTrait, event_id: i64) -> Result<u64, DbErr> {
    attendee::Entity::find()
        .filter(attendee::Column::EventId.eq(event_id))
        .filter(attendee::Column::CheckedInAt.is_not_null())
        .count(db)
        .await
}
