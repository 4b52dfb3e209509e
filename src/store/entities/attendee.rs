use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attendees")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub registration_id: i64,
    pub event_id: i64,
    pub position: i32,
    pub name: String,
    pub kana: String,
    pub department: Option<String>,
    pub title: Option<String>,
    pub email: String,
    pub status: String,
    /// `email` while the attendee is active, NULL otherwise (unique per event).
    pub active_email: Option<String>,
    pub created_at: DateTimeUtc,
    pub cancelled_at: Option<DateTimeUtc>,
    /// This attendee asked for no copies of reminders or announcements.
    pub notices_opt_out: bool,
    /// Arrived on the day (checked in), and the staff member who checked them in.
    pub checked_in_at: Option<DateTimeUtc>,
    pub checked_in_by: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
