//! `/admin/events/{slug}/partners`: the organizer asks organizations to co-host, back,
//! cooperate or publicise, sees each answer with who gave it and when,
//! sets the order names are shown in, and withdraws a request or role.
use super::*;
use crate::domain::PartnerRole;
use crate::http::web::catalogue::{Choice, choices};
use crate::services::partners;

#[derive(Serialize)]
struct PartnerView {
    code: String,
    name: String,
    role: String,
    state: String,
    state_code: &'static str,
    requested_at: String,
    decided: Option<String>,
    note: Option<String>,
    first: bool,
    last: bool,
}

#[derive(Serialize)]
struct PartnersView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    partners: Vec<PartnerView>,
    organizations: Vec<Choice>,
    roles: Vec<Choice>,
    /// The note as typed, when the form comes back with errors.
    note: String,
    errors: FieldMessages,
    done: Option<String>,
}

#[derive(Deserialize)]
pub struct PartnersParams {
    done: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    lang: &PageLang,
    me: &SignedIn,
    slug: &str,
    csrf: &CsrfToken,
    chosen: (&str, &str, &str),
    errors: FieldMessages,
    done: Option<String>,
) -> Result<Response, AppError> {
    let l = lang.lang;
    let e = staff_event(state, me, slug).await?;
    let (rows, invitable) = partners::of_own_event(&state.db, &me.staff.principal, slug).await?;
    let n = rows.len();
    let partners = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| PartnerView {
            code: r.partner.organization.code.to_string(),
            name: r.partner.organization.name(l.content()).to_owned(),
            role: l.label(r.partner.role),
            state: l.label(r.partner.state),
            state_code: r.partner.state.code(),
            requested_at: r
                .decision
                .as_ref()
                .map(|d| crate::i18n::dates::date_time(l, d.requested_at))
                .unwrap_or_default(),
            decided: r.decision.as_ref().and_then(|d| {
                d.decided_at.map(|t| {
                    l.t_args(
                        "a-with-detail",
                        &crate::fluent_args![
                            ("text", crate::i18n::dates::date_time(l, t)),
                            ("detail", d.decided_by.clone().unwrap_or_default())
                        ],
                    )
                })
            }),
            note: r.decision.as_ref().and_then(|d| d.note.clone()),
            first: i == 0,
            last: i + 1 == n,
        })
        .collect();
    let organizations = invitable
        .iter()
        .map(|o| Choice {
            value: o.code.to_string(),
            label: l.t_args(
                "a-with-detail",
                &crate::fluent_args![
                    ("text", o.name(l.content())),
                    ("detail", o.code.to_string())
                ],
            ),
            selected: o.code.as_str() == chosen.0,
        })
        .collect();
    let roles = choices(
        &PartnerRole::ALL[1..],
        chosen.1.parse().ok(),
        |r| r.code().to_owned(),
        |r| l.label(r),
    );
    let failed = !errors.list.is_empty();
    let view = PartnersView {
        me: header(&me.staff, lang),
        csrf_token: csrf.0.clone(),
        event: summary(state, &e, lang).await?,
        partners,
        organizations,
        roles,
        note: chosen.2.to_owned(),
        errors,
        done,
    };
    let resp = state
        .pages
        .render("admin/event_partners.html", lang, view)?;
    Ok(form_page(resp, failed))
}

#[handler]
pub async fn event_partners_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    Query(params): Query<PartnersParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let done = params
        .done
        .filter(|d| ["invited", "moved", "withdrawn"].contains(&d.as_str()));
    render(
        &state,
        &lang,
        &me,
        &slug,
        csrf,
        ("", "", ""),
        FieldMessages::default(),
        done,
    )
    .await
}

#[handler]
pub async fn invite_partner(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let org = form.get("organization").unwrap_or_default();
    let role = form.get("role").unwrap_or_default();
    let note = form.get("note").unwrap_or_default();
    let result = match role.parse::<PartnerRole>() {
        Ok(r) => partners::invite(
            &state.db,
            &me.staff.principal,
            &slug,
            org,
            r,
            Some(note),
            Utc::now(),
        )
        .await
        .map(|_| ()),
        Err(_) => Err(crate::domain::ValidationErrors::single("role", "choose_one").into()),
    };
    match result {
        Ok(()) => Ok(private(
            Redirect::see_other(format!("/admin/events/{slug}/partners?done=invited"))
                .into_response(),
        )),
        Err(AppError::Validation(errors)) => {
            let errors = messages(&errors, lang.lang);
            render(
                &state,
                &lang,
                &me,
                &slug,
                csrf,
                (org, role, note),
                errors,
                None,
            )
            .await
        }
        Err(AppError::Conflict { code, args }) => {
            let errors = crate::domain::ValidationErrors::single_with("organization", code, args);
            let errors = messages(&errors, lang.lang);
            render(
                &state,
                &lang,
                &me,
                &slug,
                csrf,
                (org, role, note),
                errors,
                None,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

/// `POST /admin/events/{slug}/partners/{code}/{up|down|withdraw}`.
#[handler]
pub async fn event_partner_action(
    state: Data<&AppState>,
    me: SignedIn,
    Path((slug, code, action)): Path<(String, String, String)>,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let who = &me.staff.principal;
    let done = match action.as_str() {
        "up" | "down" => {
            partners::move_partner(&state.db, who, &slug, &code, action == "up").await?;
            "moved"
        }
        "withdraw" => {
            if !form.flag("confirm") {
                return Err(
                    crate::domain::ValidationErrors::single("confirm", "confirm_required").into(),
                );
            }
            partners::withdraw(&state.db, who, &slug, &code).await?;
            "withdrawn"
        }
        _ => return Err(AppError::NotFound),
    };
    Ok(private(
        Redirect::see_other(format!("/admin/events/{slug}/partners?done={done}")).into_response(),
    ))
}
