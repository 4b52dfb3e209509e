//! `/admin/partners`: the roles other organizers asked this organization to take (co-host,
//! backing, cooperation, publicity), and its answer. Only approved roles show on public
//! pages; the answer records who gave it and when.
use super::*;
use crate::services::partners;

#[derive(Serialize)]
struct RequestView {
    slug: String,
    title: String,
    when: String,
    role: String,
    state: String,
    pending: bool,
    requested_at: String,
    decided: Option<String>,
    /// The organization that asks, and who of its staff.
    asked_by: String,
    note: Option<String>,
}

#[derive(Serialize)]
struct PartnersView {
    me: Header,
    csrf_token: String,
    can_answer: bool,
    /// Requests waiting for an answer.
    pending: usize,
    requests: Vec<RequestView>,
}

#[handler]
pub async fn partners_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let l = lang.lang;
    let requests: Vec<RequestView> = partners::requests_to_us(&state.db, &me.staff.principal)
        .await?
        .into_iter()
        .map(|r| RequestView {
            pending: r.pending(),
            asked_by: {
                let org = r
                    .organizer
                    .as_ref()
                    .map(|o| o.name(l.content()).to_owned())
                    .unwrap_or_default();
                match &r.request.requested_by {
                    Some(who) if !who.is_empty() => l.t_args(
                        "a-with-detail",
                        &crate::fluent_args![("text", org), ("detail", who.as_str())],
                    ),
                    _ => org,
                }
            },
            note: r.request.note.clone(),
            slug: r.event.spec.slug.to_string(),
            title: r.event.spec.title.get(l.content()).to_owned(),
            when: crate::i18n::dates::range(l, r.event.spec.starts_at, r.event.spec.ends_at),
            role: l.label(r.request.role),
            state: l.label(r.request.state),
            requested_at: crate::i18n::dates::date_time(l, r.request.requested_at),
            decided: r.request.decided_at.map(|t| {
                l.t_args(
                    "a-with-detail",
                    &crate::fluent_args![
                        ("text", crate::i18n::dates::date_time(l, t)),
                        ("detail", r.request.decided_by.unwrap_or_default())
                    ],
                )
            }),
        })
        .collect();
    let view = PartnersView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        can_answer: me.staff.principal.role.manages_events(),
        pending: requests.iter().filter(|r| r.pending).count(),
        requests,
    };
    Ok(private(state.pages.render(
        "admin/partners.html",
        &lang,
        view,
    )?))
}

#[handler]
pub async fn partner_answer(
    state: Data<&AppState>,
    me: SignedIn,
    Path((slug, answer)): Path<(String, String)>,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    read_checked_form(body, verifier).await?;
    let approve = match answer.as_str() {
        "approve" => true,
        "decline" => false,
        _ => return Err(AppError::NotFound),
    };
    partners::decide_for_us(&state.db, &me.staff.principal, &slug, approve, Utc::now()).await?;
    Ok(private(
        Redirect::see_other("/admin/partners").into_response(),
    ))
}
