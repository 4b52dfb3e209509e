use super::corrupt;
use super::entities::organization;
use crate::domain::{OrgCode, Organization};
use chrono::Utc;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

pub struct NewOrganization<'a> {
    pub code: &'a OrgCode,
    pub kind: crate::domain::OrganizationKind,
    pub name_ja: &'a str,
    pub name_en: &'a str,
}

/// Days personal data is kept after an event unless the organization sets otherwise.
pub const DEFAULT_RETENTION_DAYS: i32 = 365;

pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewOrganization<'_>,
) -> Result<Organization, DbErr> {
    let model = organization::ActiveModel {
        code: Set(new.code.as_str().to_owned()),
        kind: Set(new.kind.code().to_owned()),
        name_ja: Set(new.name_ja.to_owned()),
        name_en: Set(new.name_en.to_owned()),
        created_at: Set(Utc::now()),
        // Stated, not left to the column default: SQLite's RETURNING was seen to hand back
        // NULL for a column added later with a default.
        retention_days: Set(DEFAULT_RETENTION_DAYS),
        ..Default::default()
    };
    let model = organization::Entity::insert(model)
        .exec_with_returning(db)
        .await?;
    from_model(model)
}

pub async fn by_code(
    db: &impl ConnectionTrait,
    code: &OrgCode,
) -> Result<Option<Organization>, DbErr> {
    organization::Entity::find()
        .filter(organization::Column::Code.eq(code.as_str()))
        .one(db)
        .await?
        .map(from_model)
        .transpose()
}

pub async fn by_ids(db: &impl ConnectionTrait, ids: &[i64]) -> Result<Vec<Organization>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    organization::Entity::find()
        .filter(organization::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(from_model)
        .collect()
}

/// Every organization with its retention period and how many users and events it has, by
/// code, for the platform admins' page.
pub async fn all_with_counts(
    db: &impl ConnectionTrait,
) -> Result<Vec<(Organization, i32, u64, u64)>, DbErr> {
    use super::entities::{event, user};
    use sea_orm::{PaginatorTrait, QueryOrder};
    let mut out = Vec::new();
    for m in organization::Entity::find()
        .order_by_asc(organization::Column::Code)
        .all(db)
        .await?
    {
        let users = user::Entity::find()
            .filter(user::Column::OrganizationId.eq(m.id))
            .filter(user::Column::DisabledAt.is_null())
            .count(db)
            .await?;
        let events = event::Entity::find()
            .filter(event::Column::OrganizerId.eq(m.id))
            .count(db)
            .await?;
        let retention = m.retention_days;
        out.push((from_model(m)?, retention, users, events));
    }
    Ok(out)
}

/// Every organization, by code (for choosing a partner).
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<Organization>, DbErr> {
    use sea_orm::QueryOrder;
    organization::Entity::find()
        .order_by_asc(organization::Column::Code)
        .all(db)
        .await?
        .into_iter()
        .map(from_model)
        .collect()
}

pub async fn count(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    organization::Entity::find().count(db).await
}

pub(super) fn from_model(m: organization::Model) -> Result<Organization, DbErr> {
    Ok(Organization {
        id: m.id,
        code: OrgCode::parse(&m.code)
            .map_err(|_| corrupt(format!("organization code {:?}", m.code)))?,
        kind: m.kind.parse().map_err(corrupt)?,
        name_ja: m.name_ja,
        name_en: m.name_en,
    })
}
