use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "event_sessions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub event_id: i64,
    pub title_ja: String,
    pub title_en: String,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub room_ja: Option<String>,
    pub room_en: Option<String>,
    pub speaker: Option<String>,
    pub language: Option<String>,
    pub capacity: Option<i32>,
    pub seats_taken: i32,
    pub exclusive: bool,
    /// The meeting link of a consultation slot held online; the event's when absent.
    pub online_url: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
