//! HTTP: the JSON API (`api`), the public web pages (`web`), and operations endpoints.
pub mod api;
pub mod error_words;
pub(crate) mod limits;
mod log;
mod ops;
pub mod rate_limit;
pub mod web;

use crate::config::Settings;
use crate::store::Db;
use poem::{EndpointExt, IntoEndpoint, Request, Route, endpoint::BoxEndpoint};
use std::sync::Arc;

/// What every handler may need, shared by reference.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub pages: Arc<web::Pages>,
    pub links: Arc<crate::services::links::ManageLinks>,
}

/// The whole HTTP application.
pub fn routes(state: AppState) -> BoxEndpoint<'static> {
    let api = api::service(&state.settings);
    let spec = api.spec_endpoint();
    let docs = api.swagger_ui();
    let rate_limits = rate_limit::Limits::new(&state.settings.limits);
    Route::new()
        .nest(
            "/api/v1",
            api.around(limits::limit_body)
                .around(api::error::render_errors),
        )
        .at("/openapi.json", spec)
        .nest("/docs", docs)
        .at("/healthz", ops::healthz)
        .at("/readyz", ops::readyz)
        .nest("/", web::routes(&state.settings))
        .data(state)
        .around(move |ep, req| rate_limit::limit_rate(ep, req, rate_limits.clone()))
        .around(log::log_request)
        .into_endpoint()
        .boxed()
}

/// The locale a client asked for in `Accept-Language`, Japanese when it asked for none of ours.
pub fn accept_language(req: &Request) -> crate::i18n::Lang {
    req.header("accept-language")
        .and_then(crate::i18n::Lang::from_accept_language)
        .unwrap_or_default()
}
