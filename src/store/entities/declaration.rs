use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "declarations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub registration_id: i64,
    pub event_id: i64,
    pub commitments: String,
    pub other_commitment: Option<String>,
    pub statement: String,
    pub listed: bool,
    pub state: String,
    pub reviewed_by: Option<i64>,
    pub reviewed_at: Option<DateTimeUtc>,
    pub note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
