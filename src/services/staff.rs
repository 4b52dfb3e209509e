//! Staff sign-in to the back-office: email and password (argon2), a session cookie whose
//! token the database keeps only as a hash, and a throttle on failed logins that answers the
//! same whether or not an address has an account.
use super::accounts::{hash_password, password_matches, random_secret, token_hash};
use crate::domain::{Email, ValidationErrors};
use crate::error::{AppError, AppResult};
use crate::store::entities::login_throttle;
use crate::store::{self, Db, sessions::Staff};
use chrono::{DateTime, Duration, Utc};

/// How long a sign-in lasts.
pub const SESSION_HOURS: i64 = 12;
/// Failures within the window that lock an address for the window's length.
const MAX_FAILURES: i32 = 5;
const WINDOW_MINUTES: i64 = 15;

/// A fresh session: the cookie value (shown once) and who it is for.
pub struct SignedIn {
    pub token: String,
    pub staff: Staff,
}

fn refused() -> AppError {
    ValidationErrors::single(
        "email",
        "login_failed",
        "メールアドレスまたはパスワードが正しくありません。何度も失敗した場合は、15分ほどおいてからお試しください。",
        "The email address or password is not right. After repeated failures, wait about 15 minutes before trying again.",
    )
    .into()
}

pub async fn login(
    db: &Db,
    email: &str,
    password: &str,
    now: DateTime<Utc>,
) -> AppResult<SignedIn> {
    // Anything that is not an address is simply not an account.
    let key = Email::parse("email", email)
        .map(|e| e.as_str().to_owned())
        .unwrap_or_else(|_| email.trim().to_lowercase());
    let throttle = store::sessions::throttle(db, &key).await?;
    if throttle
        .as_ref()
        .and_then(|t| t.locked_until)
        .is_some_and(|until| until > now)
    {
        return Err(refused());
    }
    let found = store::sessions::user_by_email(db, &key).await?;
    // The same work whether or not the account exists, so timing tells nothing either.
    let stored = found
        .as_ref()
        .map(|(_, h)| h.as_str())
        .unwrap_or(DUMMY_HASH);
    let ok = password_matches(stored, password);
    let (Some((staff, _)), true) = (found, ok) else {
        record_failure(db, &key, throttle, now).await?;
        tracing::info!("back-office login refused");
        return Err(refused());
    };
    if throttle.is_some() {
        store::sessions::clear_throttle(db, &key).await?;
    }
    let token = random_secret(32);
    let expires = now + Duration::hours(SESSION_HOURS);
    store::sessions::insert(
        db,
        &token_hash(&token),
        staff.principal.user_id,
        now,
        expires,
    )
    .await?;
    tracing::info!(user_id = staff.principal.user_id, "back-office login");
    Ok(SignedIn { token, staff })
}

async fn record_failure(
    db: &Db,
    key: &str,
    throttle: Option<login_throttle::Model>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let window = Duration::minutes(WINDOW_MINUTES);
    let exists = throttle.is_some();
    let mut row = match throttle {
        Some(t) if now - t.window_started_at < window => t,
        _ => login_throttle::Model {
            key: key.to_owned(),
            failures: 0,
            window_started_at: now,
            locked_until: None,
        },
    };
    row.failures += 1;
    if row.failures >= MAX_FAILURES {
        row.locked_until = Some(now + window);
    }
    store::sessions::save_throttle(db, row, exists).await?;
    Ok(())
}

/// The staff member behind a session cookie, if it is valid.
pub async fn by_session(db: &Db, token: &str, now: DateTime<Utc>) -> AppResult<Option<Staff>> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    Ok(store::sessions::staff_by_session(db, &token_hash(token), now).await?)
}

pub async fn logout(db: &Db, token: &str) -> AppResult<()> {
    Ok(store::sessions::delete(db, &token_hash(token)).await?)
}

/// Changes the password after checking the current one; other sessions of the user end.
pub async fn change_password(
    db: &Db,
    staff: &Staff,
    session_token: &str,
    current: &str,
    new: &str,
    confirm: &str,
) -> AppResult<()> {
    let mut errors = ValidationErrors::new();
    let stored = store::sessions::password_hash(db, staff.principal.user_id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if !password_matches(&stored, current) {
        errors.add(
            "current_password",
            "wrong_password",
            "現在のパスワードが正しくありません。",
            "The current password is not right.",
        );
    }
    if new.chars().count() < 12 {
        errors.add(
            "new_password",
            "too_short",
            "パスワードは12文字以上にしてください。",
            "Use a password of at least 12 characters.",
        );
    } else if new != confirm {
        errors.add(
            "confirm_password",
            "mismatch",
            "確認用のパスワードが一致しません。",
            "The two new passwords differ.",
        );
    }
    if !errors.is_empty() {
        return Err(errors.into());
    }
    let hash = hash_password(new)?;
    store::sessions::set_password_hash(db, staff.principal.user_id, &hash).await?;
    store::sessions::delete_others(db, staff.principal.user_id, &token_hash(session_token)).await?;
    tracing::info!(user_id = staff.principal.user_id, "password changed");
    Ok(())
}

/// An argon2 hash of a random password, verified against when an address has no account.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$5cIbM1bq1VPZJmW9RaSSyoyMDrAqBVRzg6XZbn2ghVQ";

#[cfg(test)]
mod tests {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};

    #[test]
    fn the_dummy_hash_parses_so_unknown_addresses_cost_a_verification() {
        let h = PasswordHash::new(super::DUMMY_HASH).unwrap();
        assert!(argon2::Argon2::default().verify_password(b"x", &h).is_err());
    }
}
