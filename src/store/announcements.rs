//! Organizer announcements, kept as a record of what was sent to whom.
use super::entities::announcement;
use crate::domain::announcement::{Announcement, AnnouncementSpec};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};

pub async fn insert(
    db: &impl ConnectionTrait,
    event_id: i64,
    spec: &AnnouncementSpec,
    created_by: i64,
    now: DateTime<Utc>,
) -> Result<i64, DbErr> {
    let model = announcement::ActiveModel {
        event_id: Set(event_id),
        subject_ja: Set(spec.subject_ja.clone()),
        body_ja: Set(spec.body_ja.clone()),
        subject_en: Set(spec.english.as_ref().map(|e| e.0.clone())),
        body_en: Set(spec.english.as_ref().map(|e| e.1.clone())),
        include_waitlisted: Set(spec.include_waitlisted),
        recipients: Set(0),
        created_by: Set(Some(created_by)),
        created_at: Set(now),
        ..Default::default()
    };
    Ok(announcement::Entity::insert(model)
        .exec(db)
        .await?
        .last_insert_id)
}

pub async fn set_recipients(
    db: &impl ConnectionTrait,
    id: i64,
    recipients: u32,
) -> Result<(), DbErr> {
    announcement::Entity::update(announcement::ActiveModel {
        id: Set(id),
        recipients: Set(recipients as i32),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

pub async fn by_id(db: &impl ConnectionTrait, id: i64) -> Result<Option<Announcement>, DbErr> {
    Ok(announcement::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(from_model))
}

/// An event's announcements, newest first.
pub async fn of_event(
    db: &impl ConnectionTrait,
    event_id: i64,
) -> Result<Vec<Announcement>, DbErr> {
    Ok(announcement::Entity::find()
        .filter(announcement::Column::EventId.eq(event_id))
        .order_by_desc(announcement::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(from_model)
        .collect())
}

fn from_model(m: announcement::Model) -> Announcement {
    Announcement {
        id: m.id,
        event_id: m.event_id,
        spec: AnnouncementSpec {
            subject_ja: m.subject_ja,
            body_ja: m.body_ja,
            english: m.subject_en.zip(m.body_en),
            include_waitlisted: m.include_waitlisted,
        },
        recipients: m.recipients.max(0) as u32,
        created_at: m.created_at,
    }
}
