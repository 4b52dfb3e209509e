use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dispatch_visits")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub registration_id: i64,
    pub event_id: i64,
    pub expert_id: i64,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    /// The fiscal year of `starts_at`, for counting a company's visits of a year.
    pub fiscal_year: i32,
    pub mode: String,
    pub place: String,
    pub state: String,
    pub outcome: Option<String>,
    pub sequence: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
