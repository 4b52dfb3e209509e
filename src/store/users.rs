use super::corrupt;
use super::entities::{api_token, user};
use crate::domain::{Email, Principal, UserRole};
use chrono::Utc;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

pub struct NewUser<'a> {
    pub organization_id: i64,
    pub email: &'a Email,
    pub display_name: &'a str,
    pub role: UserRole,
    pub password_hash: &'a str,
    pub platform_admin: bool,
}

pub async fn insert(db: &impl ConnectionTrait, new: NewUser<'_>) -> Result<i64, DbErr> {
    let model = user::ActiveModel {
        organization_id: Set(new.organization_id),
        email: Set(new.email.as_str().to_owned()),
        display_name: Set(new.display_name.to_owned()),
        role: Set(new.role.code().to_owned()),
        password_hash: Set(new.password_hash.to_owned()),
        created_at: Set(Utc::now()),
        platform_admin: Set(new.platform_admin),
        disabled_at: Set(None),
        ..Default::default()
    };
    Ok(user::Entity::insert(model).exec(db).await?.last_insert_id)
}

pub async fn insert_token(
    db: &impl ConnectionTrait,
    user_id: i64,
    token_hash: &str,
    label: &str,
) -> Result<(), DbErr> {
    let model = api_token::ActiveModel {
        user_id: Set(user_id),
        token_hash: Set(token_hash.to_owned()),
        label: Set(label.to_owned()),
        created_at: Set(Utc::now()),
        revoked_at: Set(None),
        ..Default::default()
    };
    api_token::Entity::insert(model).exec(db).await?;
    Ok(())
}

/// The user behind an unrevoked token hash.
pub async fn principal_by_token_hash(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Option<Principal>, DbErr> {
    let Some(token) = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(token_hash))
        .filter(api_token::Column::RevokedAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(user) = user::Entity::find_by_id(token.user_id)
        .filter(user::Column::DisabledAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(Principal {
        user_id: user.id,
        organization_id: user.organization_id,
        role: user.role.parse::<UserRole>().map_err(corrupt)?,
    }))
}

/// The users of an organization, switched-off ones last.
pub async fn of_organization(
    db: &impl ConnectionTrait,
    organization_id: i64,
) -> Result<Vec<user::Model>, DbErr> {
    use sea_orm::QueryOrder;
    let mut users = user::Entity::find()
        .filter(user::Column::OrganizationId.eq(organization_id))
        .order_by_asc(user::Column::Email)
        .all(db)
        .await?;
    users.sort_by_key(|u| u.disabled_at.is_some());
    Ok(users)
}

pub async fn by_id(db: &impl ConnectionTrait, id: i64) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find_by_id(id).one(db).await
}

pub async fn by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await
}

pub async fn set_role(db: &impl ConnectionTrait, id: i64, role: UserRole) -> Result<(), DbErr> {
    user::Entity::update_many()
        .col_expr(user::Column::Role, role.code().into())
        .filter(user::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn set_platform_admin(db: &impl ConnectionTrait, id: i64, on: bool) -> Result<(), DbErr> {
    user::Entity::update_many()
        .col_expr(user::Column::PlatformAdmin, on.into())
        .filter(user::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Switches a user off (their sessions end and their API tokens stop working) or back on.
pub async fn set_disabled(
    db: &impl ConnectionTrait,
    id: i64,
    at: Option<chrono::DateTime<Utc>>,
) -> Result<(), DbErr> {
    use super::entities::session;
    user::Entity::update_many()
        .col_expr(user::Column::DisabledAt, at.into())
        .filter(user::Column::Id.eq(id))
        .exec(db)
        .await?;
    if let Some(now) = at {
        session::Entity::delete_many()
            .filter(session::Column::UserId.eq(id))
            .exec(db)
            .await?;
        api_token::Entity::update_many()
            .col_expr(api_token::Column::RevokedAt, Some(now).into())
            .filter(api_token::Column::UserId.eq(id))
            .filter(api_token::Column::RevokedAt.is_null())
            .exec(db)
            .await?;
    }
    Ok(())
}
