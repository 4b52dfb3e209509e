//! The publicity kit TCCI asks for: ready-to-paste Japanese text for its mail magazine, for
//! its newspaper (Tosho Shimbun) and for its management advisors, each within the space the
//! medium gives and each with its own tracked link (`?via=`), so that the reports count what
//! each brought in. The words of the text are written at the edge (`KitWords`); here they are
//! fitted into each medium's space.
use super::catalogue::EventListing;
use crate::domain::{EventKind, Language, Shape};

/// One medium: where the text goes, how many characters it may take, and its link code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Medium {
    /// The `?via=` code its link carries.
    pub via: &'static str,
    /// The id of the message that names it.
    pub label_id: &'static str,
    /// Characters, as the editor counts them (every character one, full- or half-width).
    pub budget: usize,
}

pub const MEDIA: [Medium; 3] = [
    Medium {
        via: "mailmag",
        label_id: "a-publicity-medium-mailmag",
        budget: 400,
    },
    Medium {
        via: "shimbun",
        label_id: "a-publicity-medium-shimbun",
        budget: 200,
    },
    Medium {
        via: "advisor",
        label_id: "a-publicity-medium-advisor",
        budget: 300,
    },
];

/// The `?via=` code of the printed flyer's QR code.
pub const FLYER_VIA: &str = "flyer";

/// A text for one medium.
#[derive(Debug, Clone)]
pub struct PublicityText {
    pub medium: Medium,
    pub link: String,
    pub text: String,
    pub chars: usize,
}

/// The event's public address with a `?via=` code.
pub fn tracked_link(public_url: &str, slug: &str, via: &str) -> String {
    format!(
        "{}/events/{slug}?via={via}",
        public_url.trim_end_matches('/')
    )
}

/// Whom a kit speaks to. Most events have one door; a job fair has two, each with its own
/// form: companies apply for a booth, students visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KitFor {
    Everyone,
    Exhibitors,
    Students,
}

impl KitFor {
    /// The readers a kit of an event of `kind` may be written for, the first by default: TCCI's
    /// media reach companies, so a job fair's kit is for exhibitors unless students are asked
    /// for.
    pub fn all_of(kind: EventKind) -> &'static [KitFor] {
        match kind {
            EventKind::JobFair | EventKind::Internship => &[KitFor::Exhibitors, KitFor::Students],
            _ => &[KitFor::Everyone],
        }
    }

    /// The kit asked for by its code (`?for=students`), or the event's default.
    pub fn chosen(kind: EventKind, code: Option<&str>) -> KitFor {
        let all = KitFor::all_of(kind);
        all.iter()
            .copied()
            .find(|k| Some(k.code()) == code)
            .unwrap_or(all[0])
    }

    pub fn code(self) -> &'static str {
        match self {
            KitFor::Everyone => "everyone",
            KitFor::Exhibitors => "exhibitors",
            KitFor::Students => "students",
        }
    }

    /// The shape its readers register in, which decides how they are chosen (by order of
    /// arrival for seats, by review for booths and declarations).
    pub fn shape(self, kind: EventKind) -> Shape {
        Shape::of(kind, self == KitFor::Exhibitors)
    }

    /// Where its readers register, with a `?via=` code: the exhibitors' form for a job fair's
    /// companies, the event page (and from it the form) for everyone else.
    pub fn link(self, public_url: &str, slug: &str, via: &str) -> String {
        match self {
            KitFor::Exhibitors => format!(
                "{}/events/{slug}/exhibit?via={via}",
                public_url.trim_end_matches('/')
            ),
            KitFor::Everyone | KitFor::Students => tracked_link(public_url, slug, via),
        }
    }
}

/// One fact of the kit: a term ("when") and what it says (the date and time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitFact {
    pub term: String,
    pub detail: String,
}

/// The words of a kit, written at the edge in the media's language.
#[derive(Debug, Clone)]
pub struct KitWords {
    /// The title as it heads the text.
    pub title: String,
    /// Facts that always stay: when (or for which days), where, how people are chosen, cost.
    pub facts: Vec<KitFact>,
    /// Each fact as one line of the text ("term: detail").
    pub fact_lines: Vec<String>,
    /// Who it is for.
    pub audience: String,
    /// The organizer and partners, in one line.
    pub partners: String,
    /// The line above the link.
    pub link_heading: String,
}

/// The kit: one text per medium, in Japanese, each within its budget. The title, time, place
/// and link always stay; the description fills what room is left and is cut with "…"; the
/// partner line and the audience go first when even that does not fit.
pub fn kit(
    listing: &EventListing,
    public_url: &str,
    words: &KitWords,
    kit_for: KitFor,
) -> Vec<PublicityText> {
    MEDIA
        .iter()
        .map(|m| text_for(listing, public_url, words, kit_for, *m))
        .collect()
}

fn text_for(
    listing: &EventListing,
    public_url: &str,
    words: &KitWords,
    kit_for: KitFor,
    medium: Medium,
) -> PublicityText {
    let spec = &listing.event.spec;
    let link = kit_for.link(public_url, spec.slug.as_str(), medium.via);
    // The media are Japanese: the event's own description in Japanese.
    let description: String = spec
        .description
        .get(Language::Ja)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let compose = |description: &str, with_audience: bool, with_partners: bool| {
        let mut lines = vec![words.title.clone()];
        if !description.is_empty() {
            lines.push(description.to_owned());
        }
        lines.extend(words.fact_lines.iter().cloned());
        if with_audience {
            lines.push(words.audience.clone());
        }
        lines.push(format!("{}\n{link}", words.link_heading));
        if with_partners {
            lines.push(words.partners.clone());
        }
        lines.join("\n")
    };
    // Without the description, what must stay; the description gets the rest.
    let mut text = String::new();
    for (audience_on, partners_on) in [(true, true), (false, true), (false, false)] {
        let bare = compose("", audience_on, partners_on);
        let room = medium.budget.saturating_sub(count(&bare) + 1);
        text = if room >= 20 {
            compose(&cut(&description, room), audience_on, partners_on)
        } else {
            bare
        };
        if count(&text) <= medium.budget {
            break;
        }
    }
    PublicityText {
        medium,
        chars: count(&text),
        link,
        text,
    }
}

fn count(s: &str) -> usize {
    s.chars().count()
}

/// At most `room` characters, ending with "…" when cut.
fn cut(s: &str, room: usize) -> String {
    if count(s) <= room {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(room.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_description_is_cut_and_nothing_else_is_lost() {
        // Full-width letters count one each, as the editors count them.
        assert_eq!(
            cut("\u{3042}\u{3044}\u{3046}", 3),
            "\u{3042}\u{3044}\u{3046}"
        );
        assert_eq!(
            cut("\u{3042}\u{3044}\u{3046}\u{3048}", 3),
            "\u{3042}\u{3044}…"
        );
        assert_eq!(count(&cut(&"\u{9577}".repeat(1000), 120)), 120);
    }

    #[test]
    fn links_carry_their_medium() {
        assert_eq!(
            tracked_link("https://u.example.jp/", "lwb-expo", "mailmag"),
            "https://u.example.jp/events/lwb-expo?via=mailmag"
        );
    }

    #[test]
    fn a_job_fair_kit_is_for_exhibitors_or_students_each_with_its_own_door() {
        let fair = EventKind::JobFair;
        assert_eq!(KitFor::chosen(fair, None), KitFor::Exhibitors);
        assert_eq!(KitFor::chosen(fair, Some("students")), KitFor::Students);
        assert_eq!(KitFor::chosen(fair, Some("nobody")), KitFor::Exhibitors);
        assert_eq!(
            KitFor::chosen(EventKind::Seminar, Some("students")),
            KitFor::Everyone
        );
        assert_eq!(KitFor::Exhibitors.shape(fair), Shape::Booth);
        assert_eq!(KitFor::Students.shape(fair), Shape::StudentVisit);
        assert_eq!(
            KitFor::Exhibitors.link("https://u.example.jp", "fair", "shimbun"),
            "https://u.example.jp/events/fair/exhibit?via=shimbun"
        );
        assert_eq!(
            KitFor::Students.link("https://u.example.jp", "fair", "shimbun"),
            "https://u.example.jp/events/fair?via=shimbun"
        );
    }
}
