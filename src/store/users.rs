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
