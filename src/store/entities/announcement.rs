use sea_orm::entity::prelude::*;

/// An organizer's message to an event's registrants.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "announcements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub event_id: i64,
    pub subject_ja: String,
    pub subject_en: Option<String>,
    pub body_ja: String,
    pub body_en: Option<String>,
    pub include_waitlisted: bool,
    pub recipients: i32,
    pub created_by: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
