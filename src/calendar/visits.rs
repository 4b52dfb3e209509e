//! An expert's visit: one calendar object per visit, with a UID of its own, so a moved visit
//! replaces the entry (a higher SEQUENCE) and a cancelled one removes it (METHOD:CANCEL).
use super::invitations::CalendarObject;
use super::{CalendarEvent, Method, Person};
use crate::domain::{VisitChange, VisitMode, VisitNotice};
use crate::i18n::Lang;
use chrono::Utc;

/// What the entry of a visit says besides the visit itself.
pub struct VisitEntry<'a> {
    pub programme: &'a str,
    /// The theme's words.
    pub theme: &'a str,
    /// The company's issue, in its own words.
    pub issue: &'a str,
    pub company: &'a str,
    pub recipient: Person,
    pub organizer: Person,
    pub manage_url: Option<&'a str>,
}

pub fn visit_object(
    host: &str,
    visit: &VisitNotice,
    entry: VisitEntry,
    lang: Lang,
) -> CalendarObject {
    let method = if visit.change == VisitChange::Cancelled {
        Method::Cancel
    } else {
        Method::Request
    };
    let plan = &visit.plan;
    let expert =
        crate::i18n::words::expert_line(lang, &visit.expert, visit.expert_affiliation.as_deref());
    let mut description = format!(
        "{}\n{}: {}\n{}: {}\n{}: {expert}\n{}:\n{}",
        entry.programme,
        lang.t("dispatch-company"),
        entry.company,
        lang.t("dispatch-theme"),
        entry.theme,
        lang.t("dispatch-expert"),
        lang.t("dispatch-issue"),
        entry.issue,
    );
    if let Some(url) = entry.manage_url {
        description.push_str(&format!("\n\n{}: {url}", lang.t("calendar-manage")));
    }
    let (location, url) = match plan.mode {
        VisitMode::OnSite => (Some(plan.place.clone()), None),
        VisitMode::Online => (
            Some(lang.t("label-visit-mode-online")),
            Some(plan.place.clone()),
        ),
    };
    let event = CalendarEvent {
        uid: format!("dispatch-visit-{}@{host}", visit.visit_id),
        sequence: visit.sequence,
        summary: lang.t_args(
            "dispatch-calendar-summary",
            &crate::fluent_args![("theme", entry.theme), ("company", entry.company)],
        ),
        description,
        location,
        url,
        starts_at: plan.starts_at,
        ends_at: plan.ends_at,
        organizer: Some(entry.organizer),
        attendees: vec![entry.recipient],
        cancelled: method == Method::Cancel,
        stamp: Utc::now(),
    };
    CalendarObject {
        method,
        uid: event.uid.clone(),
        text: super::render(method, &[event]),
    }
}
