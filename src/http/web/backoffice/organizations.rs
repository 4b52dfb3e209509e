//! `/admin/organizations`: platform admins add organizations (TMG, TCCI, municipalities,
//! associations), set how long each keeps personal data after its events (APPI), and give a
//! new organization its first admin, whose password is shown once.
use super::users::Created;
use super::*;
use crate::domain::{OrganizationKind, UserRole};
use crate::http::web::catalogue::{Choice, choices};
use crate::services::administration;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct OrgView {
    code: String,
    kind: String,
    name_ja: String,
    name_en: String,
    retention_days: i32,
    users: u64,
    events: u64,
}

#[derive(Serialize)]
struct OrgsView {
    me: Header,
    csrf_token: String,
    organizations: Vec<OrgView>,
    kinds: Vec<Choice>,
    values: BTreeMap<String, String>,
    errors: FieldMessages,
    /// Which form the errors belong to: `add`, or `{code}` of a row.
    failed_form: String,
    created: Option<Created>,
    done: Option<String>,
}

#[derive(Deserialize)]
pub struct OrgsParams {
    done: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    lang: &PageLang,
    me: &SignedIn,
    csrf: &CsrfToken,
    values: BTreeMap<String, String>,
    errors: FieldMessages,
    failed_form: &str,
    created: Option<Created>,
    done: Option<String>,
) -> Result<Response, AppError> {
    let l = lang.lang;
    let organizations = administration::organizations(&state.db, &me.staff)
        .await?
        .into_iter()
        .map(|o| OrgView {
            code: o.organization.code.to_string(),
            kind: l.label(o.organization.kind),
            name_ja: o.organization.name_ja,
            name_en: o.organization.name_en,
            retention_days: o.retention_days,
            users: o.users,
            events: o.events,
        })
        .collect();
    let failed = !errors.list.is_empty();
    let view = OrgsView {
        me: header(&me.staff, lang),
        csrf_token: csrf.0.clone(),
        organizations,
        kinds: choices(
            OrganizationKind::ALL,
            values.get("kind").and_then(|k| k.parse().ok()),
            |k| k.code().to_owned(),
            |k| l.label(k),
        ),
        values,
        errors,
        failed_form: failed_form.to_owned(),
        created,
        done,
    };
    let resp = state.pages.render("admin/organizations.html", lang, view)?;
    Ok(form_page(resp, failed))
}

const FIELDS: [&str; 7] = [
    "code",
    "kind",
    "name_ja",
    "name_en",
    "retention_days",
    "email",
    "name",
];

fn kept(form: Option<&crate::http::web::form::FormData>) -> BTreeMap<String, String> {
    FIELDS
        .iter()
        .map(|f| {
            let v = form.and_then(|x| x.get(f)).unwrap_or_default();
            (f.to_string(), v.to_owned())
        })
        .collect()
}

#[handler]
pub async fn organizations_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Query(params): Query<OrgsParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let done = params
        .done
        .filter(|d| ["added", "retention"].contains(&d.as_str()));
    render(
        &state,
        &lang,
        &me,
        csrf,
        kept(None),
        FieldMessages::default(),
        "",
        None,
        done,
    )
    .await
}

#[handler]
pub async fn add_organization(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let result = administration::add_organization(
        &state.db,
        &me.staff,
        form.get("code").unwrap_or_default(),
        form.get("kind").and_then(|k| k.parse().ok()),
        form.get("name_ja").unwrap_or_default(),
        form.get("name_en").unwrap_or_default(),
    )
    .await;
    match result {
        Ok(_) => Ok(private(
            Redirect::see_other("/admin/organizations?done=added").into_response(),
        )),
        Err(AppError::Validation(errors)) => {
            let errors = messages(&errors, lang.lang);
            render(
                &state,
                &lang,
                &me,
                csrf,
                kept(Some(&form)),
                errors,
                "add",
                None,
                None,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

/// `POST /admin/organizations/{code}/{retention|admin}`: the retention period, or a new user
/// of that organization (its first admin).
#[handler]
pub async fn organization_action(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path((code, action)): Path<(String, String)>,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let result = match action.as_str() {
        "retention" => administration::set_retention(
            &state.db,
            &me.staff,
            &code,
            form.get("retention_days").unwrap_or_default(),
        )
        .await
        .map(|()| None),
        "admin" => administration::add_user_to(
            &state.db,
            &me.staff,
            &code,
            form.get("email").unwrap_or_default(),
            form.get("name").unwrap_or_default(),
            UserRole::Admin,
        )
        .await
        .map(Some),
        _ => return Err(AppError::NotFound),
    };
    match result {
        Ok(None) => Ok(private(
            Redirect::see_other("/admin/organizations?done=retention").into_response(),
        )),
        Ok(Some(account)) => {
            let created = Created {
                email: account.email.as_str().to_owned(),
                password: account.generated_password.unwrap_or_default(),
            };
            render(
                &state,
                &lang,
                &me,
                csrf,
                kept(None),
                FieldMessages::default(),
                "",
                Some(created),
                None,
            )
            .await
        }
        Err(AppError::Validation(errors)) => {
            let errors = messages(&errors, lang.lang);
            render(
                &state,
                &lang,
                &me,
                csrf,
                kept(Some(&form)),
                errors,
                &code,
                None,
                None,
            )
            .await
        }
        Err(e) => Err(e),
    }
}
