use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "registration_sessions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub registration_id: i64,
    pub session_id: i64,
    /// The attendee who goes (every row names one since migration 14).
    pub attendee_id: i64,
    /// `confirmed`, `waitlisted` or `cancelled`.
    pub status: String,
    /// Seats this row holds in the session's counter: 1 (one person).
    pub seats: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
