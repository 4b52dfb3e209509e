//! Back-office sign-in: sessions, and the throttle on failed logins.
use super::corrupt;
use super::entities::{login_throttle, session, user};
use crate::domain::{Principal, UserRole};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ExprTrait, QueryFilter,
};

/// A signed-in staff member.
#[derive(Debug, Clone)]
pub struct Staff {
    pub principal: Principal,
    pub email: String,
    pub display_name: String,
    /// Manages organizations for the whole platform.
    pub platform_admin: bool,
}

fn staff(user: user::Model) -> Result<Staff, DbErr> {
    Ok(Staff {
        principal: Principal {
            user_id: user.id,
            organization_id: user.organization_id,
            role: user.role.parse::<UserRole>().map_err(corrupt)?,
        },
        email: user.email,
        display_name: user.display_name,
        platform_admin: user.platform_admin,
    })
}

/// The user with this (normalized) address and their password hash.
pub async fn user_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<(Staff, String)>, DbErr> {
    match user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .filter(user::Column::DisabledAt.is_null())
        .one(db)
        .await?
    {
        Some(u) => {
            let hash = u.password_hash.clone();
            Ok(Some((staff(u)?, hash)))
        }
        None => Ok(None),
    }
}

pub async fn password_hash(
    db: &impl ConnectionTrait,
    user_id: i64,
) -> Result<Option<String>, DbErr> {
    Ok(user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .map(|u| u.password_hash))
}

pub async fn set_password_hash(
    db: &impl ConnectionTrait,
    user_id: i64,
    hash: &str,
) -> Result<(), DbErr> {
    user::Entity::update(user::ActiveModel {
        id: Set(user_id),
        password_hash: Set(hash.to_owned()),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

pub async fn insert(
    db: &impl ConnectionTrait,
    token_hash: &str,
    user_id: i64,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), DbErr> {
    session::Entity::insert(session::ActiveModel {
        token_hash: Set(token_hash.to_owned()),
        user_id: Set(user_id),
        created_at: Set(now),
        expires_at: Set(expires_at),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

/// The staff member of an unexpired session.
pub async fn staff_by_session(
    db: &impl ConnectionTrait,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<Staff>, DbErr> {
    let Some(s) = session::Entity::find()
        .filter(session::Column::TokenHash.eq(token_hash))
        .filter(session::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    user::Entity::find_by_id(s.user_id)
        .filter(user::Column::DisabledAt.is_null())
        .one(db)
        .await?
        .map(staff)
        .transpose()
}

pub async fn delete(db: &impl ConnectionTrait, token_hash: &str) -> Result<(), DbErr> {
    session::Entity::delete_many()
        .filter(session::Column::TokenHash.eq(token_hash))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of a user but the one given (after a password change).
pub async fn delete_others(
    db: &impl ConnectionTrait,
    user_id: i64,
    keep_hash: &str,
) -> Result<(), DbErr> {
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::TokenHash.ne(keep_hash))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn throttle(
    db: &impl ConnectionTrait,
    key: &str,
) -> Result<Option<login_throttle::Model>, DbErr> {
    login_throttle::Entity::find_by_id(key.to_owned())
        .one(db)
        .await
}

pub async fn save_throttle(
    db: &impl ConnectionTrait,
    row: login_throttle::Model,
    exists: bool,
) -> Result<(), DbErr> {
    let model = login_throttle::ActiveModel {
        key: Set(row.key),
        failures: Set(row.failures),
        window_started_at: Set(row.window_started_at),
        locked_until: Set(row.locked_until),
    };
    if exists {
        login_throttle::Entity::update(model).exec(db).await?;
    } else {
        login_throttle::Entity::insert(model).exec(db).await?;
    }
    Ok(())
}

pub async fn clear_throttle(db: &impl ConnectionTrait, key: &str) -> Result<(), DbErr> {
    login_throttle::Entity::delete_by_id(key.to_owned())
        .exec(db)
        .await?;
    Ok(())
}

/// Deletes the throttle rows that hold nobody back any more: their window began before
/// `window_started_before` and no lock is in force at `now`.
pub async fn prune_throttle(
    db: &impl ConnectionTrait,
    window_started_before: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    Ok(login_throttle::Entity::delete_many()
        .filter(login_throttle::Column::WindowStartedAt.lt(window_started_before))
        .filter(
            login_throttle::Column::LockedUntil
                .is_null()
                .or(login_throttle::Column::LockedUntil.lt(now)),
        )
        .exec(db)
        .await?
        .rows_affected)
}
