//! `/admin/events/{slug}/publicity`: the publicity kit for a published event, for everyone who
//! sees the event (its organizers and its partners, publicity partners above all): texts to
//! paste into TCCI's mail magazine, Tosho Shimbun and advisors' mail, each with its tracked link, and
//! a printable A4 flyer with a QR code to the event page. Nothing personal is on either.
use super::*;
use crate::domain::EventStatus;
use crate::services::publicity::{self, KitFor};

/// `?for=students`: which of an event's readers the kit is for (a job fair has two).
#[derive(Deserialize)]
pub struct KitParams {
    #[serde(rename = "for")]
    kit_for: Option<String>,
}

/// A choice among the kits of an event, when it has more than one.
#[derive(Serialize)]
struct KitChoice {
    code: &'static str,
    label: String,
    current: bool,
}

fn kit_choices(
    kind: crate::domain::EventKind,
    chosen: KitFor,
    l: crate::i18n::Lang,
) -> Vec<KitChoice> {
    let all = KitFor::all_of(kind);
    if all.len() < 2 {
        return Vec::new();
    }
    all.iter()
        .map(|k| KitChoice {
            code: k.code(),
            label: l.t(match k {
                KitFor::Exhibitors if kind == crate::domain::EventKind::Internship => {
                    "a-kit-for-hosts"
                }
                KitFor::Exhibitors => "a-kit-for-exhibitors",
                KitFor::Students => "a-kit-for-students",
                KitFor::Everyone => "a-kit-for-everyone",
            }),
            current: *k == chosen,
        })
        .collect()
}

#[derive(Serialize)]
struct TextView {
    label: String,
    via: &'static str,
    budget: usize,
    chars: usize,
    link: String,
    text: String,
}

#[derive(Serialize)]
struct PublicityView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    texts: Vec<TextView>,
    /// The kits to choose from (a job fair's exhibitors and students), empty when one.
    kits: Vec<KitChoice>,
    /// The chosen kit's code, carried to the flyer.
    kit_for: &'static str,
}

/// The event, if it is published: a draft or cancelled event is not publicised.
async fn published(state: &AppState, me: &SignedIn, slug: &str) -> Result<StaffEvent, AppError> {
    let e = staff_event(state, me, slug).await?;
    if e.listing.event.status != EventStatus::Published {
        return Err(AppError::conflict("not_published", Vec::new()));
    }
    Ok(e)
}

#[handler]
pub async fn publicity_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    Query(params): Query<KitParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let e = published(&state, &me, &slug).await?;
    let kind = e.listing.event.spec.kind;
    let kit_for = KitFor::chosen(kind, params.kit_for.as_deref());
    // The media are Japanese: the texts are, whatever the page's language.
    let words =
        crate::i18n::words::publicity_words(crate::i18n::Lang::default(), &e.listing, kit_for);
    let texts = publicity::kit(
        &e.listing,
        &state.settings.server.public_url,
        &words,
        kit_for,
    )
    .into_iter()
    .map(|t| TextView {
        label: lang.lang.t(t.medium.label_id),
        via: t.medium.via,
        budget: t.medium.budget,
        chars: t.chars,
        link: t.link,
        text: t.text,
    })
    .collect();
    let view = PublicityView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        event: summary(&state, &e, &lang).await?,
        texts,
        kits: kit_choices(kind, kit_for, lang.lang),
        kit_for: kit_for.code(),
    };
    Ok(private(state.pages.render(
        "admin/publicity.html",
        &lang,
        view,
    )?))
}

#[derive(Serialize)]
struct FlyerView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    paragraphs: Vec<String>,
    /// What is true of the event, as the kit's texts say it, in the page's language.
    facts: Vec<FactView>,
    audience: String,
    link: String,
    kit_for: &'static str,
}

#[derive(Serialize)]
struct FactView {
    term: String,
    detail: String,
}

/// A4, one page: what, when, where, who runs it, and the QR code to register.
#[handler]
pub async fn flyer(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    Query(params): Query<KitParams>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let e = published(&state, &me, &slug).await?;
    let spec = &e.listing.event.spec;
    let l = lang.lang;
    let kit_for = KitFor::chosen(spec.kind, params.kit_for.as_deref());
    let words = crate::i18n::words::publicity_words(l, &e.listing, kit_for);
    let view = FlyerView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        paragraphs: spec
            .description
            .get(l.content())
            .split("\n\n")
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect(),
        facts: words
            .facts
            .into_iter()
            .map(|f| FactView {
                term: f.term,
                detail: f.detail,
            })
            .collect(),
        audience: words.audience,
        link: kit_for.link(
            &state.settings.server.public_url,
            &slug,
            publicity::FLYER_VIA,
        ),
        kit_for: kit_for.code(),
        event: summary(&state, &e, &lang).await?,
    };
    Ok(private(state.pages.render(
        "admin/flyer.html",
        &lang,
        view,
    )?))
}

/// The flyer's QR code: the event page (a job fair's exhibitors: their form) with `?via=flyer`.
#[handler]
pub async fn flyer_qr(
    state: Data<&AppState>,
    me: SignedIn,
    Path(slug): Path<String>,
    Query(params): Query<KitParams>,
) -> Result<Response, AppError> {
    let e = published(&state, &me, &slug).await?;
    let kit_for = KitFor::chosen(e.listing.event.spec.kind, params.kit_for.as_deref());
    let link = kit_for.link(
        &state.settings.server.public_url,
        &slug,
        publicity::FLYER_VIA,
    );
    let png = crate::mail::qr::png(&link).map_err(AppError::Internal)?;
    Ok(png.with_content_type("image/png").into_response())
}
