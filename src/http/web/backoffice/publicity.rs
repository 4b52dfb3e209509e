//! `/admin/events/{slug}/publicity`: the publicity kit for a published event, for everyone who
//! sees the event (its organizers and its partners, publicity partners above all): texts to
//! paste into TCCI's mail magazine, Tosho Shimbun and advisors' mail, each with its tracked link, and
//! a printable A4 flyer with a QR code to the event page. Nothing personal is on either.
use super::*;
use crate::domain::EventStatus;
use crate::services::publicity;

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
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let e = published(&state, &me, &slug).await?;
    // The media are Japanese: the texts are, whatever the page's language.
    let words = crate::i18n::words::publicity_words(crate::i18n::Lang::default(), &e.listing);
    let texts = publicity::kit(&e.listing, &state.settings.server.public_url, &words)
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
    venue: String,
    capacity: Option<u32>,
    link: String,
}

/// A4, one page: what, when, where, who runs it, and the QR code to register.
#[handler]
pub async fn flyer(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let e = published(&state, &me, &slug).await?;
    let spec = &e.listing.event.spec;
    let l = lang.lang;
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
        venue: crate::i18n::words::venue_line(l, spec),
        capacity: spec.capacity.map(|c| c.get()),
        link: publicity::tracked_link(
            &state.settings.server.public_url,
            &slug,
            publicity::FLYER_VIA,
        ),
        event: summary(&state, &e, &lang).await?,
    };
    Ok(private(state.pages.render(
        "admin/flyer.html",
        &lang,
        view,
    )?))
}

/// The flyer's QR code: the event page with `?via=flyer`.
#[handler]
pub async fn flyer_qr(
    state: Data<&AppState>,
    me: SignedIn,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    published(&state, &me, &slug).await?;
    let link = publicity::tracked_link(
        &state.settings.server.public_url,
        &slug,
        publicity::FLYER_VIA,
    );
    let png = crate::mail::qr::png(&link).map_err(AppError::Internal)?;
    Ok(png.with_content_type("image/png").into_response())
}
