//! `/u/{token}`: stop (or resume) reminders and announcements. The link is in those emails
//! and in their `List-Unsubscribe` header. Mail clients POST to it with
//! `List-Unsubscribe=One-Click` and no cookies (RFC 8058), so it carries no CSRF token: the
//! signed token is the authority, and the worst a forged post can do is stop reminders.
//! A GET only shows a button, because link scanners fetch every URL in a message.
use super::*;
use crate::services::notices::{self, Subscription};

#[derive(Serialize)]
struct UnsubscribeView {
    event: EventCard,
    token: String,
    opted_out: bool,
    /// Set right after a post: `stopped` or `resumed`.
    done: Option<&'static str>,
}

fn view(
    s: &Subscription,
    token: String,
    lang: Lang,
    done: Option<&'static str>,
) -> UnsubscribeView {
    UnsubscribeView {
        event: card(&s.event, lang, Utc::now()),
        token,
        opted_out: s.opted_out,
        done,
    }
}

#[handler]
pub async fn unsubscribe_page(
    state: Data<&AppState>,
    Path(token): Path<String>,
    lang: PageLang,
) -> Result<Response, AppError> {
    let s = notices::subscription(&state.db, &state.links, &token).await?;
    let page = view(&s, token, lang.lang, None);
    Ok(private(state.pages.render(
        "unsubscribe.html",
        &lang,
        page,
    )?))
}

#[handler]
pub async fn unsubscribe_post(
    state: Data<&AppState>,
    Path(token): Path<String>,
    lang: PageLang,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_form(body).await?;
    let resume = form.get("action") == Some("resume");
    let s = notices::set_opted_out(&state.db, &state.links, &token, !resume).await?;
    let done = if resume { "resumed" } else { "stopped" };
    let page = view(&s, token, lang.lang, Some(done));
    Ok(private(state.pages.render(
        "unsubscribe.html",
        &lang,
        page,
    )?))
}
