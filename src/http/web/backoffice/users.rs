//! `/admin/users`: an organization's admins add users with a role, change roles, and switch
//! users off and on. A new user's password is generated and shown once, for the admin to hand
//! over; the user changes it at `/admin/password`.
use super::*;
use crate::domain::UserRole;
use crate::http::web::catalogue::{Choice, choices};
use crate::services::administration;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct UserView {
    id: i64,
    email: String,
    name: String,
    role: String,
    roles: Vec<Choice>,
    disabled: bool,
    me: bool,
}

#[derive(Serialize)]
pub(super) struct Created {
    pub email: String,
    pub password: String,
}

#[derive(Serialize)]
struct UsersView {
    me: Header,
    csrf_token: String,
    users: Vec<UserView>,
    roles: Vec<Choice>,
    values: BTreeMap<String, String>,
    errors: FieldMessages,
    created: Option<Created>,
    done: Option<String>,
}

#[derive(Deserialize)]
pub struct UsersParams {
    done: Option<String>,
}

fn role_choices(chosen: Option<UserRole>, lang: crate::i18n::Lang) -> Vec<Choice> {
    choices(
        UserRole::ALL,
        chosen,
        |r| r.code().to_owned(),
        |r| lang.label(r),
    )
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    lang: &PageLang,
    me: &SignedIn,
    csrf: &CsrfToken,
    values: BTreeMap<String, String>,
    errors: FieldMessages,
    created: Option<Created>,
    done: Option<String>,
) -> Result<Response, AppError> {
    let l = lang.lang;
    let users = administration::users(&state.db, &me.staff.principal)
        .await?
        .into_iter()
        .map(|u| {
            let role = u.role.parse::<UserRole>().ok();
            UserView {
                id: u.id,
                email: u.email,
                name: u.display_name,
                role: role.map_or(String::new(), |r| l.label(r)),
                roles: role_choices(role, l),
                disabled: u.disabled_at.is_some(),
                me: u.id == me.staff.principal.user_id,
            }
        })
        .collect();
    let failed = !errors.list.is_empty();
    let view = UsersView {
        me: header(&me.staff, lang),
        csrf_token: csrf.0.clone(),
        users,
        roles: role_choices(values.get("role").and_then(|r| r.parse().ok()), l),
        values,
        errors,
        created,
        done,
    };
    let resp = state.pages.render("admin/users.html", lang, view)?;
    Ok(form_page(resp, failed))
}

fn blank() -> BTreeMap<String, String> {
    ["email", "name", "role"]
        .into_iter()
        .map(|f| (f.to_owned(), String::new()))
        .collect()
}

#[handler]
pub async fn users_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Query(params): Query<UsersParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let done = params
        .done
        .filter(|d| ["role", "disable", "enable"].contains(&d.as_str()));
    render(
        &state,
        &lang,
        &me,
        csrf,
        blank(),
        FieldMessages::default(),
        None,
        done,
    )
    .await
}

#[handler]
pub async fn add_user(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    csrf: &CsrfToken,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let mut values = blank();
    for f in ["email", "name", "role"] {
        values.insert(f.to_owned(), form.get(f).unwrap_or_default().to_owned());
    }
    let result = match form.get("role").and_then(|r| r.parse::<UserRole>().ok()) {
        Some(role) => {
            administration::add_user(
                &state.db,
                &me.staff.principal,
                form.get("email").unwrap_or_default(),
                form.get("name").unwrap_or_default(),
                role,
            )
            .await
        }
        None => Err(crate::domain::ValidationErrors::single("role", "choose_one").into()),
    };
    match result {
        // Shown on this response only: never stored in clear, never in a URL.
        Ok(account) => {
            let created = Created {
                email: account.email.as_str().to_owned(),
                password: account.generated_password.unwrap_or_default(),
            };
            render(
                &state,
                &lang,
                &me,
                csrf,
                blank(),
                FieldMessages::default(),
                Some(created),
                None,
            )
            .await
        }
        Err(AppError::Validation(errors)) => {
            let errors = messages(&errors, lang.lang);
            render(&state, &lang, &me, csrf, values, errors, None, None).await
        }
        Err(e) => Err(e),
    }
}

/// `POST /admin/users/{id}/{role|disable|enable}`.
#[handler]
pub async fn user_action(
    state: Data<&AppState>,
    me: SignedIn,
    Path((id, action)): Path<(i64, String)>,
    verifier: &CsrfVerifier,
    body: Body,
) -> Result<Response, AppError> {
    let form = read_checked_form(body, verifier).await?;
    let who = &me.staff.principal;
    match action.as_str() {
        "role" => {
            let role = form
                .get("role")
                .and_then(|r| r.parse::<UserRole>().ok())
                .ok_or_else(|| crate::domain::ValidationErrors::single("role", "choose_one"))?;
            administration::set_role(&state.db, who, id, role).await?;
        }
        "disable" | "enable" => {
            administration::set_disabled(&state.db, who, id, action == "disable", Utc::now())
                .await?;
        }
        _ => return Err(AppError::NotFound),
    }
    Ok(private(
        Redirect::see_other(format!("/admin/users?done={action}")).into_response(),
    ))
}
