//! Rate limits per client address on registration, sign-in and manage links: a burst is
//! answered 429 with `Retry-After`, in Japanese and English, before any work is done. Also
//! who the client is, for the login throttle.
use super::AppState;
use crate::config::LimitSettings;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use poem::http::{Method, StatusCode};
use poem::{Endpoint, FromRequest, IntoResponse, Request, RequestBody, Response, Result};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Door {
    Registration,
    Login,
    Manage,
}

/// Which limited door a request knocks on, if any.
pub fn door(method: &Method, path: &str) -> Option<Door> {
    let post = method == Method::POST;
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    match parts.as_slice() {
        ["", "events", _, "register" | "exhibit"] if post => Some(Door::Registration),
        ["", "api", "v1", "events", _, "registrations"] if post => Some(Door::Registration),
        ["", "admin", "login"] if post => Some(Door::Login),
        ["", "r", ..] | ["", "u", ..] | ["", "api", "v1", "registrations", ..] => {
            Some(Door::Manage)
        }
        _ => None,
    }
}

pub struct Limits {
    settings: LimitSettings,
    registration: DefaultKeyedRateLimiter<IpAddr>,
    login: DefaultKeyedRateLimiter<IpAddr>,
    manage: DefaultKeyedRateLimiter<IpAddr>,
}

impl Limits {
    pub fn new(settings: &LimitSettings) -> Arc<Limits> {
        let per_minute = |n: u32| {
            RateLimiter::keyed(Quota::per_minute(
                NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN),
            ))
        };
        Arc::new(Limits {
            settings: settings.clone(),
            registration: per_minute(settings.registration_per_minute),
            login: per_minute(settings.login_per_minute),
            manage: per_minute(settings.manage_per_minute),
        })
    }

    /// Seconds to wait, when the client has knocked too often.
    fn check(&self, door: Door, ip: IpAddr) -> Option<u64> {
        let limiter = match door {
            Door::Registration => &self.registration,
            Door::Login => &self.login,
            Door::Manage => &self.manage,
        };
        limiter.check_key(&ip).err().map(|not_until| {
            not_until
                .wait_time_from(DefaultClock::default().now())
                .as_secs()
                .max(1)
        })
    }
}

/// The client's address: the socket's, or behind a trusted proxy the last address of
/// `X-Forwarded-For` (the only one the proxy vouches for; the ones before it are whatever the
/// client wrote).
pub fn client_addr(req: &Request, trust_forwarded_for: bool) -> Option<IpAddr> {
    if trust_forwarded_for
        && let Some(ip) = req
            .header("x-forwarded-for")
            .and_then(|v| v.rsplit(',').next())
            .and_then(|ip| ip.trim().parse().ok())
    {
        return Some(ip);
    }
    req.remote_addr().as_socket_addr().map(|a| a.ip())
}

/// The client's address as a handler argument, worked out as the rate limits do, so the
/// login throttle and the rate limits count the same client.
pub struct ClientAddr(pub Option<IpAddr>);

impl<'a> FromRequest<'a> for ClientAddr {
    async fn from_request(req: &'a Request, _body: &mut RequestBody) -> Result<Self> {
        let trust = req
            .data::<AppState>()
            .is_some_and(|s| s.settings.limits.trust_forwarded_for);
        Ok(ClientAddr(client_addr(req, trust)))
    }
}

/// The middleware: counts only the limited doors, and only when limits are on.
pub async fn limit_rate<E: Endpoint>(
    next: E,
    req: Request,
    limits: Arc<Limits>,
) -> Result<Response> {
    if limits.settings.enabled
        && let Some(door) = door(req.method(), req.uri().path())
        && let Some(ip) = client_addr(&req, limits.settings.trust_forwarded_for)
        && let Some(wait) = limits.check(door, ip)
    {
        tracing::warn!(%ip, ?door, wait, "rate limited");
        let api = req.uri().path().starts_with("/api/");
        let words = |lang: crate::i18n::Lang| {
            let args = crate::error_args![("seconds", wait)];
            super::error_words::words("too_many_requests", &args, lang)
        };
        let lang = super::accept_language(&req);
        let english = crate::i18n::Lang::parse("en").unwrap_or_default();
        let (message, en) = (words(lang), words(english));
        let resp = if api {
            serde_json::json!({"code": "too_many_requests", "message": message, "message_en": en})
                .to_string()
                .with_content_type("application/json")
                .into_response()
        } else {
            // The reader's language, and English for whoever else reads it.
            if lang == english {
                format!("{en}\n")
            } else {
                format!("{message}\n{en}\n")
            }
            .with_content_type("text/plain; charset=utf-8")
            .into_response()
        };
        return Ok(resp
            .with_status(StatusCode::TOO_MANY_REQUESTS)
            .with_header("retry-after", wait.to_string())
            .into_response());
    }
    Ok(next.call(req).await?.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_doors_people_knock_on_are_counted() {
        assert_eq!(
            door(&Method::POST, "/events/x/register"),
            Some(Door::Registration)
        );
        assert_eq!(door(&Method::GET, "/events/x/register"), None);
        assert_eq!(
            door(&Method::POST, "/api/v1/events/x/registrations"),
            Some(Door::Registration)
        );
        assert_eq!(door(&Method::POST, "/admin/login"), Some(Door::Login));
        assert_eq!(door(&Method::GET, "/r/abc"), Some(Door::Manage));
        assert_eq!(
            door(&Method::DELETE, "/api/v1/registrations/abc"),
            Some(Door::Manage)
        );
        assert_eq!(door(&Method::GET, "/events"), None);
        assert_eq!(door(&Method::GET, "/admin/events/x/roster"), None);
    }
}
