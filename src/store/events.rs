use super::corrupt;
use super::entities::event;
use crate::domain::{
    Bilingual, Event, EventFormat, EventKind, EventSpec, EventStatus, Languages, ProgrammeArea,
    ReminderDays, Slug, Venue,
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};

/// Which published events the catalogue shows.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    pub programme_area: Option<ProgrammeArea>,
    pub kind: Option<EventKind>,
    pub format: Option<EventFormat>,
    /// Events starting at or after this instant.
    pub starts_from: Option<DateTime<Utc>>,
    /// Events starting before this instant.
    pub starts_before: Option<DateTime<Utc>>,
    /// Words that must appear in the title or description (Japanese or English).
    pub text: Option<String>,
}

pub async fn insert(
    db: &impl ConnectionTrait,
    organizer_id: i64,
    spec: &EventSpec,
    now: DateTime<Utc>,
) -> Result<Event, DbErr> {
    let mut model = event::ActiveModel {
        organizer_id: Set(organizer_id),
        seats_taken: Set(0),
        purpose_of_use_version: Set(1),
        status: Set(EventStatus::Draft.code().to_owned()),
        created_at: Set(now),
        purged_at: Set(None),
        ..Default::default()
    };
    write_spec(&mut model, spec, now);
    let model = event::Entity::insert(model).exec_with_returning(db).await?;
    from_model(model)
}

/// Replaces the definition of an event; status and seats are left as they are.
pub async fn update_spec(
    db: &impl ConnectionTrait,
    event: &Event,
    spec: &EventSpec,
    now: DateTime<Utc>,
) -> Result<Event, DbErr> {
    let mut model = event::ActiveModel {
        id: Set(event.id),
        ..Default::default()
    };
    if spec.purpose_of_use != event.spec.purpose_of_use {
        model.purpose_of_use_version = Set(event.purpose_of_use_version + 1);
    }
    write_spec(&mut model, spec, now);
    from_model(event::Entity::update(model).exec(db).await?)
}

pub async fn set_status(
    db: &impl ConnectionTrait,
    event_id: i64,
    status: EventStatus,
    now: DateTime<Utc>,
) -> Result<Event, DbErr> {
    let model = event::ActiveModel {
        id: Set(event_id),
        status: Set(status.code().to_owned()),
        updated_at: Set(now),
        ..Default::default()
    };
    from_model(event::Entity::update(model).exec(db).await?)
}

pub async fn by_slug(db: &impl ConnectionTrait, slug: &str) -> Result<Option<Event>, DbErr> {
    event::Entity::find()
        .filter(event::Column::Slug.eq(slug))
        .one(db)
        .await?
        .map(from_model)
        .transpose()
}

/// Published events that have not ended, soonest first, with the total for paging.
pub async fn list_published(
    db: &impl ConnectionTrait,
    query: &EventQuery,
    now: DateTime<Utc>,
    limit: u64,
    offset: u64,
) -> Result<(Vec<Event>, u64), DbErr> {
    let mut condition = Condition::all()
        .add(event::Column::Status.eq(EventStatus::Published.code()))
        .add(event::Column::EndsAt.gt(now));
    if let Some(area) = query.programme_area {
        condition = condition.add(event::Column::ProgrammeArea.eq(area.code()));
    }
    if let Some(kind) = query.kind {
        condition = condition.add(event::Column::Kind.eq(kind.code()));
    }
    if let Some(format) = query.format {
        condition = condition.add(event::Column::Format.eq(format.code()));
    }
    if let Some(from) = query.starts_from {
        condition = condition.add(event::Column::StartsAt.gte(from));
    }
    if let Some(before) = query.starts_before {
        condition = condition.add(event::Column::StartsAt.lt(before));
    }
    let words = crate::domain::text::search_words(query.text.as_deref(), 8);
    if words.is_none() {
        condition = condition.add(super::matches_nothing());
    }
    for word in words.iter().flatten() {
        let pattern = super::contains_pattern(word);
        let mut any_column = Condition::any();
        for column in [
            event::Column::TitleJa,
            event::Column::TitleEn,
            event::Column::DescriptionJa,
            event::Column::DescriptionEn,
            event::Column::VenueNameJa,
        ] {
            any_column = any_column.add(
                Expr::expr(Func::lower(Expr::col(column)))
                    .like(LikeExpr::new(pattern.clone()).escape('\\')),
            );
        }
        condition = condition.add(any_column);
    }
    let select = event::Entity::find().filter(condition);
    let total = select.clone().count(db).await?;
    let models = select
        .order_by_asc(event::Column::StartsAt)
        .order_by_asc(event::Column::Id)
        .limit(limit)
        .offset(offset)
        .all(db)
        .await?;
    let events = models
        .into_iter()
        .map(from_model)
        .collect::<Result<_, _>>()?;
    Ok((events, total))
}

/// Every event of one organizer, drafts included, newest start first.
pub async fn list_by_organizer(
    db: &impl ConnectionTrait,
    organizer_id: i64,
) -> Result<Vec<Event>, DbErr> {
    event::Entity::find()
        .filter(event::Column::OrganizerId.eq(organizer_id))
        .order_by_desc(event::Column::StartsAt)
        .all(db)
        .await?
        .into_iter()
        .map(from_model)
        .collect()
}

/// The event, locked against concurrent registrations until the transaction ends
/// (`FOR UPDATE` on PostgreSQL; on SQLite the IMMEDIATE transaction holds the write lock).
pub async fn by_slug_for_update(
    db: &impl ConnectionTrait,
    slug: &str,
) -> Result<Option<Event>, DbErr> {
    event::Entity::find()
        .filter(event::Column::Slug.eq(slug))
        .lock_exclusive()
        .one(db)
        .await?
        .map(from_model)
        .transpose()
}

pub async fn by_id(db: &impl ConnectionTrait, id: i64) -> Result<Option<Event>, DbErr> {
    event::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(from_model)
        .transpose()
}

pub async fn by_id_for_update(db: &impl ConnectionTrait, id: i64) -> Result<Option<Event>, DbErr> {
    event::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?
        .map(from_model)
        .transpose()
}

/// Takes `n` seats if they are free: one conditional UPDATE, the same on both engines, so
/// that no interleaving of transactions can oversell. Events without capacity always have room.
pub async fn take_seats(db: &impl ConnectionTrait, event_id: i64, n: u32) -> Result<bool, DbErr> {
    take_seats_with_room(db, event_id, n, n).await
}

/// Takes `take` seats if there is room for `room` (≥ `take`): a registration is judged on all
/// the attendees it names, even those whose address holds a seat already, so that its answer
/// never tells the submitter about anyone else's registration.
pub async fn take_seats_with_room(
    db: &impl ConnectionTrait,
    event_id: i64,
    take: u32,
    room: u32,
) -> Result<bool, DbErr> {
    let (take, room) = (take as i32, Ord::max(room, take) as i32);
    let result = event::Entity::update_many()
        .col_expr(
            event::Column::SeatsTaken,
            Expr::col(event::Column::SeatsTaken).add(take),
        )
        .filter(event::Column::Id.eq(event_id))
        .filter(
            Condition::any().add(event::Column::Capacity.is_null()).add(
                Expr::col(event::Column::SeatsTaken)
                    .add(room)
                    .lte(Expr::col(event::Column::Capacity)),
            ),
        )
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Gives `n` seats back.
pub async fn release_seats(db: &impl ConnectionTrait, event_id: i64, n: u32) -> Result<(), DbErr> {
    let n = n as i32;
    let result = event::Entity::update_many()
        .col_expr(
            event::Column::SeatsTaken,
            Expr::col(event::Column::SeatsTaken).sub(n),
        )
        .filter(event::Column::Id.eq(event_id))
        .filter(Expr::col(event::Column::SeatsTaken).gte(n))
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(corrupt(format!(
            "event {event_id} holds fewer than {n} seats"
        )));
    }
    Ok(())
}

/// Sets how many seats are taken. Test and maintenance use only until the registration
/// service keeps the counter.
pub async fn set_seats_taken(
    db: &impl ConnectionTrait,
    event_id: i64,
    seats: u32,
) -> Result<(), DbErr> {
    let model = event::ActiveModel {
        id: Set(event_id),
        seats_taken: Set(seats as i32),
        ..Default::default()
    };
    event::Entity::update(model).exec(db).await?;
    Ok(())
}

fn write_spec(model: &mut event::ActiveModel, spec: &EventSpec, now: DateTime<Utc>) {
    let venue = spec.venue.as_ref();
    model.slug = Set(spec.slug.to_string());
    model.title_ja = Set(spec.title.ja.clone());
    model.title_en = Set(spec.title.en.clone());
    model.description_ja = Set(spec.description.ja.clone());
    model.description_en = Set(spec.description.en.clone());
    model.programme_area = Set(spec.programme_area.code().to_owned());
    model.kind = Set(spec.kind.code().to_owned());
    model.format = Set(spec.format.code().to_owned());
    model.venue_name_ja = Set(venue.map(|v| v.name_ja.clone()));
    model.venue_name_en = Set(venue.and_then(|v| v.name_en.clone()));
    model.venue_address_ja = Set(venue.map(|v| v.address_ja.clone()));
    model.venue_address_en = Set(venue.and_then(|v| v.address_en.clone()));
    model.venue_map_url = Set(venue.and_then(|v| v.map_url.clone()));
    model.online_url = Set(spec.online_url.clone());
    model.starts_at = Set(spec.starts_at);
    model.ends_at = Set(spec.ends_at);
    model.registration_opens_at = Set(spec.registration_opens_at);
    model.registration_closes_at = Set(spec.registration_closes_at);
    model.capacity = Set(spec.capacity.map(|c| c.get() as i32));
    model.per_company_limit = Set(spec.per_company_limit.map(|n| n as i32));
    model.languages = Set(spec.languages.to_stored());
    model.fiscal_year = Set(spec.fiscal_year().year());
    model.audience = Set(spec.audience.code().to_owned());
    model.waitlist_enabled = Set(spec.waitlist_enabled);
    model.purpose_of_use_ja = Set(spec.purpose_of_use.as_ref().map(|p| p.ja.clone()));
    model.purpose_of_use_en = Set(spec.purpose_of_use.as_ref().map(|p| p.en.clone()));
    model.attendee_copies = Set(spec.attendee_copies);
    model.reminder_days = Set(spec.reminder_days.to_code());
    model.visits_per_company = Set(spec.visits_per_company.map(|n| n as i32));
    model.confirm_days_before = Set(spec.confirm_days_before.map(i32::from));
    model.updated_at = Set(now);
}

/// Rebuilds the domain event. The stored row went through [`EventSpec::parse`] when it was
/// written, so it is re-parsed here to hold the same guarantees; a row that no longer parses
/// is reported, not papered over.
fn from_model(m: event::Model) -> Result<Event, DbErr> {
    let slug = Slug::parse(&m.slug).map_err(|_| corrupt(format!("event slug {:?}", m.slug)))?;
    let languages = Languages::from_stored(&m.languages)
        .ok_or_else(|| corrupt(format!("event languages {:?}", m.languages)))?;
    let venue = match (m.venue_name_ja, m.venue_address_ja) {
        (Some(name_ja), Some(address_ja)) => Some(Venue {
            name_ja,
            name_en: m.venue_name_en,
            address_ja,
            address_en: m.venue_address_en,
            map_url: m.venue_map_url,
        }),
        _ => None,
    };
    let spec = EventSpec {
        slug,
        title: Bilingual {
            ja: m.title_ja,
            en: m.title_en,
        },
        description: Bilingual {
            ja: m.description_ja,
            en: m.description_en,
        },
        programme_area: m.programme_area.parse().map_err(corrupt)?,
        kind: m.kind.parse().map_err(corrupt)?,
        format: m.format.parse().map_err(corrupt)?,
        venue,
        online_url: m.online_url,
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        registration_opens_at: m.registration_opens_at,
        registration_closes_at: m.registration_closes_at,
        capacity: m
            .capacity
            .map(|c| {
                crate::domain::event::capacity_from_stored(c).ok_or_else(|| corrupt("capacity"))
            })
            .transpose()?,
        per_company_limit: m.per_company_limit.and_then(|n| u32::try_from(n).ok()),
        languages,
        audience: m.audience.parse().map_err(corrupt)?,
        waitlist_enabled: m.waitlist_enabled,
        purpose_of_use: match (m.purpose_of_use_ja, m.purpose_of_use_en) {
            (Some(ja), Some(en)) => Some(Bilingual { ja, en }),
            _ => None,
        },
        attendee_copies: m.attendee_copies,
        reminder_days: ReminderDays::from_code(&m.reminder_days)
            .ok_or_else(|| corrupt(format!("reminder_days {:?}", m.reminder_days)))?,
        visits_per_company: m.visits_per_company.and_then(|n| u32::try_from(n).ok()),
        confirm_days_before: m.confirm_days_before.and_then(|n| u8::try_from(n).ok()),
    };
    Ok(Event {
        id: m.id,
        organizer_id: m.organizer_id,
        spec,
        status: m.status.parse().map_err(corrupt)?,
        seats_taken: u32::try_from(m.seats_taken).map_err(|_| corrupt("negative seats_taken"))?,
        purpose_of_use_version: m.purpose_of_use_version,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}
