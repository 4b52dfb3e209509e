//! Certification on the public side: the list of certified companies (`/certified`) and a
//! company's own documents behind its manage link (`/r/{token}/documents/{id}`).
use super::PageLang;
use super::upload::document_response;
use crate::error::AppError;
use crate::http::AppState;
use chrono::Utc;
use poem::web::{Data, Path};
use poem::{Response, handler};
use serde::Serialize;

#[derive(Serialize)]
struct CategoryRow {
    name: String,
    companies: Vec<String>,
}

#[derive(Serialize)]
struct CallRow {
    title: String,
    slug: String,
    validity: String,
    categories: Vec<CategoryRow>,
}

#[derive(Serialize)]
struct YearRow {
    year: String,
    calls: Vec<CallRow>,
}

#[derive(Serialize)]
struct CertifiedView {
    years: Vec<YearRow>,
}

/// `/certified`: companies certified in published calls, by fiscal year (newest first) and
/// category, with how long each call's certificates hold.
#[handler]
pub async fn certified_page(state: Data<&AppState>, lang: PageLang) -> Result<Response, AppError> {
    let l = lang.lang;
    let list = crate::services::certification::certified_list(&state.db).await?;
    let years = list
        .into_iter()
        .rev()
        .map(|(fy, calls)| YearRow {
            year: crate::i18n::dates::fiscal_year(l, fy),
            calls: calls
                .into_iter()
                .map(|c| CallRow {
                    title: c.event.event.spec.title.get(l.content()).to_owned(),
                    slug: c.event.event.spec.slug.to_string(),
                    validity: l.t_args(
                        "cert-validity",
                        &crate::fluent_args![
                            ("from", crate::i18n::dates::day(l, c.call.valid_from)),
                            ("until", crate::i18n::dates::day(l, c.call.valid_until))
                        ],
                    ),
                    categories: c
                        .by_category
                        .into_iter()
                        .map(|(cat, companies)| CategoryRow {
                            name: cat.name.get(l.content()).to_owned(),
                            companies,
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    state
        .pages
        .render("certified.html", &lang, CertifiedView { years })
}

/// `GET /r/{token}/documents/{id}`: one of the company's own documents. Logged.
#[handler]
pub async fn company_document(
    state: Data<&AppState>,
    Path((token, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    let doc =
        crate::services::certification::document_for_company(&state.db, &token, id, Utc::now())
            .await?;
    Ok(document_response(doc))
}
