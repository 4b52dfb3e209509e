//! Organizations, organizer users and API tokens.
use crate::domain::{
    Email, OrgCode, Organization, OrganizationKind, Principal, UserRole, ValidationErrors,
};
use crate::error::{AppError, AppResult};
use crate::store::{self, Db, organizations::NewOrganization, users::NewUser};
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
use rand::Rng;
use sha2::{Digest, Sha256};

pub async fn add_organization(
    db: &Db,
    code: &str,
    kind: OrganizationKind,
    name_ja: &str,
    name_en: &str,
) -> AppResult<Organization> {
    let code = OrgCode::parse(code)?;
    let mut errors = ValidationErrors::new();
    for (field, value) in [("name_ja", name_ja), ("name_en", name_en)] {
        if value.trim().is_empty() {
            errors.add(field, "required");
        }
    }
    if !errors.is_empty() {
        return Err(errors.into());
    }
    let new = NewOrganization {
        code: &code,
        kind,
        name_ja: name_ja.trim(),
        name_en: name_en.trim(),
    };
    store::organizations::insert(db, new).await.map_err(|e| {
        if store::is_unique_violation(&e) {
            AppError::conflict(
                "organization_exists",
                crate::error_args![("code", format!("{code}"))],
            )
        } else {
            e.into()
        }
    })
}

pub struct NewAccount {
    pub organization: Organization,
    pub email: Email,
    /// Set when the password was generated here: shown once, never stored in clear.
    pub generated_password: Option<String>,
    /// The API token: shown once, stored only as a hash.
    pub token: String,
}

/// Adds an organizer user to an organization and gives them an API token.
pub async fn add_user(
    db: &Db,
    org_code: &str,
    email: &str,
    display_name: &str,
    role: UserRole,
    password: Option<&str>,
) -> AppResult<NewAccount> {
    let code = OrgCode::parse(org_code)?;
    let email = Email::parse("email", email)?;
    if let Some(p) = password
        && p.chars().count() < 12
    {
        return Err(ValidationErrors::single_with(
            "password",
            "too_short",
            crate::error_args![("min", 12)],
        )
        .into());
    }
    let organization = store::organizations::by_code(db, &code)
        .await?
        .ok_or_else(|| {
            ValidationErrors::single_with(
                "organization",
                "unknown_organization",
                crate::error_args![("code", format!("{code}"))],
            )
        })?;
    let generated_password = password.is_none().then(|| random_secret(18));
    let password = password
        .or(generated_password.as_deref())
        .expect("one is set");
    let password_hash = hash_password(password)?;
    let token = format!("uk_{}", random_secret(32));

    let txn = store::begin_write(db).await?;
    let new = NewUser {
        organization_id: organization.id,
        email: &email,
        display_name: display_name.trim(),
        role,
        password_hash: &password_hash,
        platform_admin: false,
    };
    let user_id = store::users::insert(&txn, new).await.map_err(|e| {
        if store::is_unique_violation(&e) {
            AppError::conflict("user_exists", Vec::new())
        } else {
            e.into()
        }
    })?;
    store::users::insert_token(&txn, user_id, &token_hash(&token), "created with the user").await?;
    txn.commit().await?;
    Ok(NewAccount {
        organization,
        email,
        generated_password,
        token,
    })
}

/// The user an API token belongs to, or `Unauthenticated`.
pub async fn authenticate_token(db: &Db, token: &str) -> AppResult<Principal> {
    let token = token.trim();
    if !token.starts_with("uk_") || token.len() > 200 {
        return Err(AppError::Unauthenticated);
    }
    store::users::principal_by_token_hash(db, &token_hash(token))
        .await?
        .ok_or(AppError::Unauthenticated)
}

/// API tokens carry 256 random bits, so a fast hash is enough to keep a stolen table useless;
/// passwords, which people choose, get argon2.
pub(crate) fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub(crate) fn hash_password(password: &str) -> AppResult<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Internal(anyhow::anyhow!("password hashing failed: {e}")))
}

/// Whether `password` is the one an argon2 PHC string was made from.
pub(crate) fn password_matches(stored: &str, password: &str) -> bool {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    PasswordHash::new(stored).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// `bytes` random bytes as lower-case hex.
pub(crate) fn random_secret(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rng().fill(&mut buf[..]);
    hex::encode(buf)
}
