use sea_orm::entity::prelude::*;

/// An attendee's joins through their personal join link.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "online_joins")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub attendee_id: i64,
    pub event_id: i64,
    pub first_joined_at: DateTimeUtc,
    pub last_joined_at: DateTimeUtc,
    pub joins: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
