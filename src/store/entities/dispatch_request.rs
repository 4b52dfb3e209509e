use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dispatch_requests")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub registration_id: i64,
    pub event_id: i64,
    pub theme: String,
    pub issue: String,
    pub employees: i32,
    /// `YYYY-MM-DD`, comma-separated, in order.
    pub preferred_dates: String,
    pub mode: String,
    pub state: String,
    pub expert_id: Option<i64>,
    pub assigned_by: Option<i64>,
    pub assigned_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
