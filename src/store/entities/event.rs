use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub slug: String,
    pub organizer_id: i64,
    pub title_ja: String,
    pub title_en: String,
    pub description_ja: String,
    pub description_en: String,
    pub programme_area: String,
    pub kind: String,
    pub format: String,
    pub venue_name_ja: Option<String>,
    pub venue_name_en: Option<String>,
    pub venue_address_ja: Option<String>,
    pub venue_address_en: Option<String>,
    pub venue_map_url: Option<String>,
    pub online_url: Option<String>,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub registration_opens_at: DateTimeUtc,
    pub registration_closes_at: DateTimeUtc,
    pub capacity: Option<i32>,
    pub seats_taken: i32,
    pub per_company_limit: Option<i32>,
    pub languages: String,
    pub status: String,
    pub fiscal_year: i32,
    pub audience: String,
    pub waitlist_enabled: bool,
    pub purpose_of_use_ja: Option<String>,
    pub purpose_of_use_en: Option<String>,
    pub purpose_of_use_version: i32,
    /// Whether attendees whose address differs from the contact's get a copy of each email.
    pub attendee_copies: bool,
    /// Days before the start a reminder goes out, e.g. `3,1`; empty for none.
    pub reminder_days: String,
    /// When the personal data of its registrations was anonymised (retention).
    pub purged_at: Option<DateTimeUtc>,
    /// An expert dispatch programme's visits per company and fiscal year.
    pub visits_per_company: Option<i32>,
    pub confirm_days_before: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
