//! Running the platform from the browser: an organization's admins manage its users; platform
//! admins manage organizations (their names, retention period, and first admin).
use super::accounts::{self, NewAccount};
use crate::domain::{OrganizationKind, Principal, UserRole, ValidationErrors};
use crate::error::{AppError, AppResult};
use crate::store::entities::user;
use crate::store::sessions::Staff;
use crate::store::{self, Db};
use chrono::{DateTime, Utc};

fn admin_only(who: &Principal) -> AppResult<()> {
    if who.role == UserRole::Admin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

fn platform_only(staff: &Staff) -> AppResult<()> {
    if staff.platform_admin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The users of the admin's organization.
pub async fn users(db: &Db, who: &Principal) -> AppResult<Vec<user::Model>> {
    admin_only(who)?;
    Ok(store::users::of_organization(db, who.organization_id).await?)
}

/// Adds a user to the admin's organization with a generated password, shown once for the admin
/// to hand over; the user changes it at `/admin/password`.
pub async fn add_user(
    db: &Db,
    who: &Principal,
    email: &str,
    name: &str,
    role: UserRole,
) -> AppResult<NewAccount> {
    admin_only(who)?;
    let org = store::organizations::by_ids(db, &[who.organization_id])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    add_named_user(db, org.code.as_str(), email, name, role).await
}

async fn add_named_user(
    db: &Db,
    org_code: &str,
    email: &str,
    name: &str,
    role: UserRole,
) -> AppResult<NewAccount> {
    if name.trim().is_empty() {
        return Err(ValidationErrors::single("name", "required").into());
    }
    let mut errors = ValidationErrors::new();
    let name = crate::domain::text::required_text(&mut errors, "name", Some(name), 100);
    let Some(name) = name.filter(|_| errors.is_empty()) else {
        return Err(errors.into());
    };
    accounts::add_user(db, org_code, email, &name, role, None)
        .await
        .map_err(|e| match e {
            AppError::Conflict {
                code: "user_exists",
                ..
            } => ValidationErrors::single("email", "user_exists").into(),
            other => other,
        })
}

/// A user of the admin's own organization, but not the admin: nobody locks themselves out.
async fn other_user_of_ours(db: &Db, who: &Principal, user_id: i64) -> AppResult<user::Model> {
    admin_only(who)?;
    let user = store::users::by_id(db, user_id)
        .await?
        .filter(|u| u.organization_id == who.organization_id)
        .ok_or(AppError::NotFound)?;
    if user.id == who.user_id {
        return Err(AppError::conflict("own_account", Vec::new()));
    }
    Ok(user)
}

pub async fn set_role(db: &Db, who: &Principal, user_id: i64, role: UserRole) -> AppResult<()> {
    let user = other_user_of_ours(db, who, user_id).await?;
    store::users::set_role(db, user.id, role).await?;
    tracing::info!(
        user_id,
        role = role.code(),
        by = who.user_id,
        "role changed"
    );
    Ok(())
}

/// Switches a user off (sessions end, API tokens are revoked) or back on. The user stays, so
/// the audit log still names them.
pub async fn set_disabled(
    db: &Db,
    who: &Principal,
    user_id: i64,
    disabled: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let user = other_user_of_ours(db, who, user_id).await?;
    let txn = store::begin_write(db).await?;
    store::users::set_disabled(&txn, user.id, disabled.then_some(now)).await?;
    txn.commit().await?;
    tracing::info!(user_id, disabled, by = who.user_id, "user switched");
    Ok(())
}

/// An organization as platform admins see it.
pub struct OrganizationRow {
    pub organization: crate::domain::Organization,
    pub retention_days: i32,
    pub users: u64,
    pub events: u64,
}

pub async fn organizations(db: &Db, staff: &Staff) -> AppResult<Vec<OrganizationRow>> {
    platform_only(staff)?;
    Ok(store::organizations::all_with_counts(db)
        .await?
        .into_iter()
        .map(
            |(organization, retention_days, users, events)| OrganizationRow {
                organization,
                retention_days,
                users,
                events,
            },
        )
        .collect())
}

pub async fn add_organization(
    db: &Db,
    staff: &Staff,
    code: &str,
    kind: Option<OrganizationKind>,
    name_ja: &str,
    name_en: &str,
) -> AppResult<crate::domain::Organization> {
    platform_only(staff)?;
    let mut errors = ValidationErrors::new();
    if crate::domain::OrgCode::parse(code).is_err() {
        errors.add("code", "invalid_org_code");
    }
    let name_ja = crate::domain::text::required_text(&mut errors, "name_ja", Some(name_ja), 200);
    let name_en = crate::domain::text::required_text(&mut errors, "name_en", Some(name_en), 200);
    if kind.is_none() {
        errors.add("kind", "choose_one");
    }
    let Some(kind) = kind.filter(|_| errors.is_empty()) else {
        return Err(errors.into());
    };
    let (Some(name_ja), Some(name_en)) = (name_ja, name_en) else {
        return Err(errors.into());
    };
    accounts::add_organization(db, code, kind, &name_ja, &name_en)
        .await
        .map_err(|e| match e {
            AppError::Conflict {
                code: "organization_exists",
                args,
            } => ValidationErrors::single_with("code", "organization_exists", args).into(),
            other => other,
        })
}

/// How long an organization keeps registrants' personal data after each event (APPI).
pub async fn set_retention(db: &Db, staff: &Staff, code: &str, days: &str) -> AppResult<()> {
    platform_only(staff)?;
    let days: i32 = match days.trim().parse() {
        Ok(d) if (30..=3650).contains(&d) => d,
        _ => {
            return Err(ValidationErrors::single_with(
                "retention_days",
                "out_of_range",
                crate::error_args![("min", 30), ("max", 3650)],
            )
            .into());
        }
    };
    if !store::retention::set_retention(db, code, days).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(
        organization = code,
        days,
        by = staff.principal.user_id,
        "retention set"
    );
    Ok(())
}

/// Adds a user (usually the first admin) to any organization, with a generated password.
pub async fn add_user_to(
    db: &Db,
    staff: &Staff,
    org_code: &str,
    email: &str,
    name: &str,
    role: UserRole,
) -> AppResult<NewAccount> {
    platform_only(staff)?;
    add_named_user(db, org_code, email, name, role).await
}

/// Makes a user a platform admin, or no longer one (the CLI's `user platform-admin`).
pub async fn set_platform_admin(db: &Db, email: &str, on: bool) -> AppResult<()> {
    let email = crate::domain::Email::parse("email", email)?;
    let user = store::users::by_email(db, email.as_str())
        .await?
        .ok_or(AppError::NotFound)?;
    store::users::set_platform_admin(db, user.id, on).await?;
    Ok(())
}
