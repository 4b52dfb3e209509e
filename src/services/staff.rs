//! Staff sign-in to the back-office: email and password (argon2), a session cookie whose
//! token the database keeps only as a hash, and a throttle on failed logins that answers the
//! same whether or not an address has an account.
//!
//! The throttle counts failures per account and client address together (OWASP ASVS 2.2):
//! someone who knows a staff address can lock that account only for their own network,
//! never for its owner signing in from hers. Guessing from many addresses is slowed by the
//! per-address rate limit on the login door and by argon2, not by locking the owner out.
use super::accounts::{hash_password, password_matches, random_secret, token_hash};
use crate::domain::{Email, ValidationErrors};
use crate::error::{AppError, AppResult};
use crate::store::entities::login_throttle;
use crate::store::{self, Db, sessions::Staff};
use chrono::{DateTime, Duration, Utc};
use std::net::IpAddr;

/// How long a sign-in lasts.
pub const SESSION_HOURS: i64 = 12;
/// Failures within the window that lock an account, from one client, for the window's length.
const MAX_FAILURES: i32 = 5;
const WINDOW_MINUTES: i64 = 15;

/// A fresh session: the cookie value (shown once) and who it is for.
pub struct SignedIn {
    pub token: String,
    pub staff: Staff,
}

fn refused() -> AppError {
    ValidationErrors::single("email", "login_failed").into()
}

/// Signs in `email` from `client` (None when the socket has no IP address).
pub async fn login(
    db: &Db,
    email: &str,
    password: &str,
    client: Option<IpAddr>,
    now: DateTime<Utc>,
) -> AppResult<SignedIn> {
    // Anything that is not an address is simply not an account: it is never looked up (a
    // NUL or 10,000 characters would trouble PostgreSQL) but is throttled all the same.
    let account = Email::parse("email", email).ok();
    let account_key = account
        .as_ref()
        .map(|e| e.as_str().to_owned())
        .unwrap_or_else(|| email.trim().to_lowercase());
    let key = throttle_key(&account_key, client);
    let throttle = store::sessions::throttle(db, &key).await?;
    if throttle
        .as_ref()
        .and_then(|t| t.locked_until)
        .is_some_and(|until| until > now)
    {
        return Err(refused());
    }
    let found = match &account {
        Some(e) => store::sessions::user_by_email(db, e.as_str()).await?,
        None => None,
    };
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

/// The throttle row's key for an account tried from a client. Hashed so that it has one
/// length whatever was typed (the column holds 254 characters) and keeps no address in the
/// clear.
fn throttle_key(account: &str, client: Option<IpAddr>) -> String {
    token_hash(&format!("{account}\n{}", client_network(client)))
}

/// The client as the throttle counts it. An IPv6 subscriber is usually given a whole /64, so
/// counting each of its addresses apart would hand an attacker endless fresh tries; IPv4
/// clients (and IPv4 written as IPv6) count by their address.
fn client_network(client: Option<IpAddr>) -> String {
    match client.map(|ip| ip.to_canonical()) {
        Some(IpAddr::V4(v4)) => v4.to_string(),
        Some(IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        None => "unknown".to_owned(),
    }
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

/// Forgets failures whose window is over and whose lock has ended: a row per account and
/// client would otherwise pile up with every address a guesser comes from.
pub async fn forget_stale_failures(db: &Db, now: DateTime<Utc>) -> AppResult<u64> {
    Ok(store::sessions::prune_throttle(db, now - Duration::minutes(WINDOW_MINUTES), now).await?)
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
        errors.add("current_password", "wrong_password");
    }
    if new.chars().count() < 12 {
        errors.add_with("new_password", "too_short", crate::error_args![("min", 12)]);
    } else if new != confirm {
        errors.add("confirm_password", "passwords_differ");
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
    fn the_throttle_counts_an_account_per_client_and_ipv6_per_64() {
        use super::{client_network, throttle_key};
        let a = Some("192.0.2.1".parse().unwrap());
        let b = Some("198.51.100.7".parse().unwrap());
        assert_ne!(
            throttle_key("x@example.jp", a),
            throttle_key("x@example.jp", b)
        );
        assert_ne!(
            throttle_key("x@example.jp", a),
            throttle_key("y@example.jp", a)
        );
        assert_eq!(
            client_network(Some("::ffff:192.0.2.1".parse().unwrap())),
            "192.0.2.1"
        );
        assert_eq!(
            client_network(Some("2001:db8:1:2:aaaa::1".parse().unwrap())),
            client_network(Some("2001:db8:1:2:bbbb::9".parse().unwrap()))
        );
        assert_ne!(
            client_network(Some("2001:db8:1:2::1".parse().unwrap())),
            client_network(Some("2001:db8:1:3::1".parse().unwrap()))
        );
        let long = "x".repeat(10_000) + "\0";
        assert_eq!(throttle_key(&long, None).len(), 64, "fits the column");
    }

    #[test]
    fn the_dummy_hash_parses_so_unknown_addresses_cost_a_verification() {
        let h = PasswordHash::new(super::DUMMY_HASH).unwrap();
        assert!(argon2::Argon2::default().verify_password(b"x", &h).is_err());
    }
}
