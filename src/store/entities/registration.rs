use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "registrations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub event_id: i64,
    pub status: String,
    pub audience: String,
    /// SHA-256 of the manage link's token, for lookup.
    #[sea_orm(unique)]
    pub manage_token_hash: String,
    /// The token sealed with the link key, so later emails can carry the same link.
    pub manage_token_sealed: String,
    pub lang: String,
    pub company_name: Option<String>,
    pub company_name_kana: Option<String>,
    pub corporate_number: Option<String>,
    /// `domain::RegistrantKind`'s code.
    pub registrant_kind: String,
    pub school_type: Option<String>,
    /// ISO 3166-1 alpha-2, for an organization.
    pub country: Option<String>,
    /// State, province or county, outside Japan.
    pub region: Option<String>,
    /// An IANA time zone the registrant gave.
    pub time_zone: Option<String>,
    pub postal_code: Option<String>,
    pub prefecture: Option<String>,
    pub city: Option<String>,
    pub street: Option<String>,
    pub industry: Option<String>,
    pub employee_band: Option<String>,
    pub tcci_member: Option<bool>,
    pub contact_name: String,
    pub contact_kana: String,
    pub contact_department: Option<String>,
    pub contact_title: Option<String>,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub affiliation: Option<String>,
    /// Seats held (confirmed) or wanted (waitlisted): the active attendees.
    pub seats: i32,
    /// JSON object: question id → answer.
    pub answers: String,
    pub heard_via: Option<String>,
    pub via_code: Option<String>,
    pub consent_version: i32,
    pub consented_at: DateTimeUtc,
    pub idempotency_key: Option<String>,
    pub request_hash: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub cancelled_at: Option<DateTimeUtc>,
    /// The contact asked for no reminders or announcements (List-Unsubscribe).
    pub notices_opt_out: bool,
    /// Added at the door on the day, not through the form.
    pub walk_in: bool,
    /// `domain::Shape`'s code.
    pub shape: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
