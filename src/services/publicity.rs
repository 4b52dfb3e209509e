//! The publicity kit TCCI asks for: ready-to-paste text for its mail magazine, for its
//! newspaper (Tosho Shimbun) and for its management advisors, each within the space the medium
//! gives and each with its own tracked link (`?via=`), so that the reports count what each
//! brought in. The words come from the edge (`KitWords`); this module fits them to each
//! medium.

/// One medium: where the text goes, how many characters it may take, and its link code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Medium {
    /// The `?via=` code its link carries; the edge names the medium by it.
    pub via: &'static str,
    /// Characters, as the editor counts them (every character one, full- or half-width).
    pub budget: usize,
}

pub const MEDIA: [Medium; 3] = [
    Medium {
        via: "mailmag",
        budget: 400,
    },
    Medium {
        via: "shimbun",
        budget: 200,
    },
    Medium {
        via: "advisor",
        budget: 300,
    },
];

/// The lines of a kit, already worded in the kit's language.
#[derive(Debug, Clone)]
pub struct KitWords {
    /// The event's title as the heading line.
    pub title: String,
    /// The event's description; it is flattened to one line and cut to what room is left.
    pub description: String,
    /// When, where, how many seats: always kept.
    pub facts: Vec<String>,
    /// Who it is for: left out first when space is short.
    pub audience: String,
    /// The line above the link.
    pub more: String,
    /// Who runs it: left out when even the audience going is not enough.
    pub partners: String,
}

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

/// The kit: one text per medium, each within its budget. The title, facts and link always
/// stay; the description fills what room is left and is cut with "…"; the audience and then
/// the partner line go first when even that does not fit.
pub fn kit(words: &KitWords, public_url: &str, slug: &str) -> Vec<PublicityText> {
    MEDIA
        .iter()
        .map(|m| text_for(words, public_url, slug, *m))
        .collect()
}

fn text_for(words: &KitWords, public_url: &str, slug: &str, medium: Medium) -> PublicityText {
    let link = tracked_link(public_url, slug, medium.via);
    let description: String = words
        .description
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let compose = |description: &str, with_audience: bool, with_partners: bool| {
        let mut lines = vec![words.title.clone()];
        if !description.is_empty() {
            lines.push(description.to_owned());
        }
        lines.extend(words.facts.iter().cloned());
        if with_audience && !words.audience.is_empty() {
            lines.push(words.audience.clone());
        }
        lines.push(format!("{}\n{link}", words.more));
        if with_partners && !words.partners.is_empty() {
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
        // Counted in characters, however wide: five kana are five.
        let kana = "\u{3042}\u{3044}\u{3046}\u{3048}\u{304a}";
        assert_eq!(cut(kana, 5), kana);
        assert_eq!(
            cut(&format!("{kana}\u{304b}"), 5),
            "\u{3042}\u{3044}\u{3046}\u{3048}…"
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
}
