//! `/admin/events/{slug}/bookings`: the day of an event with sessions, slot by slot, for the
//! consultant at the desk or the staff at a session's door: who is booked, how to reach them,
//! and what they want to ask (their answers to the event's questions).
use super::*;

#[derive(Serialize)]
struct Booked {
    registration_id: i64,
    company: String,
    contact: String,
    phone: String,
    email: String,
    attendees: Vec<String>,
    answers: Vec<(String, String)>,
}

#[derive(Serialize)]
struct SlotView {
    when: String,
    title: String,
    room: String,
    speaker: String,
    booked: Vec<Booked>,
}

#[derive(Serialize)]
struct BookingsView {
    me: Header,
    csrf_token: String,
    event: EventSummary,
    slots: Vec<SlotView>,
}

#[handler]
pub async fn bookings_page(
    state: Data<&AppState>,
    lang: PageLang,
    me: SignedIn,
    Path(slug): Path<String>,
    csrf: &CsrfToken,
) -> Result<Response, AppError> {
    let e = staff_event(&state, &me, &slug).await?;
    let l = lang.lang;
    let questions = crate::services::questions::of_event(&state.db, e.listing.event.id).await?;
    let day = backoffice::bookings(&state.db, &me.staff.principal, &e, Utc::now()).await?;
    let slots = day
        .into_iter()
        .map(|(s, regs)| SlotView {
            when: crate::i18n::dates::range(l, s.spec.starts_at, s.spec.ends_at),
            title: s.spec.title.get(l.content()).to_owned(),
            room: s
                .spec
                .room
                .as_ref()
                .map(|r| r.get(l.content()).to_owned())
                .unwrap_or_default(),
            speaker: s.spec.speaker.clone().unwrap_or_default(),
            booked: regs
                .into_iter()
                .map(|r| Booked {
                    registration_id: r.id,
                    company: r
                        .company
                        .as_ref()
                        .map(|c| c.name.clone())
                        .or(r.affiliation.clone())
                        .unwrap_or_default(),
                    contact: r.contact.name.clone(),
                    phone: r.contact.phone.clone().unwrap_or_default(),
                    email: r.contact.email.clone(),
                    attendees: r.active_attendees().map(|a| a.name.clone()).collect(),
                    answers: questions
                        .iter()
                        .filter_map(|q| {
                            r.answers.get(&q.id).map(|a| {
                                (
                                    q.spec.label.get(l.content()).to_owned(),
                                    crate::i18n::words::answer_text(l, q, a),
                                )
                            })
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let view = BookingsView {
        me: header(&me.staff, &lang),
        csrf_token: csrf.0.clone(),
        event: summary(&state, &e, &lang).await?,
        slots,
    };
    Ok(private(state.pages.render(
        "admin/bookings.html",
        &lang,
        view,
    )?))
}
