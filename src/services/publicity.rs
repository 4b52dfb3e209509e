//! The publicity kit TCCI asks for: ready-to-paste Japanese text for its mail magazine, for
//! 東商新聞 and for its management advisors, each within the space the medium gives and each
//! with its own tracked link (`?via=`), so that the reports count what each brought in.
use super::catalogue::EventListing;
use crate::domain::{Audience, Language, jst};

/// One medium: where the text goes, how many characters it may take, and its link code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Medium {
    /// The `?via=` code its link carries.
    pub via: &'static str,
    pub label_ja: &'static str,
    pub label_en: &'static str,
    /// Characters, as the editor counts them (every character one, full- or half-width).
    pub budget: usize,
}

pub const MEDIA: [Medium; 3] = [
    Medium {
        via: "mailmag",
        label_ja: "東京商工会議所 メールマガジン",
        label_en: "TCCI mail magazine",
        budget: 400,
    },
    Medium {
        via: "shimbun",
        label_ja: "東商新聞（告知欄）",
        label_en: "Tosho Shimbun (notice column)",
        budget: 200,
    },
    Medium {
        via: "advisor",
        label_ja: "経営指導員からのご案内",
        label_en: "For TCCI management advisors",
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

/// The kit: one text per medium, in Japanese, each within its budget. The title, time, place
/// and link always stay; the description fills what room is left and is cut with "…"; the
/// partner line and the audience go first when even that does not fit.
pub fn kit(listing: &EventListing, public_url: &str) -> Vec<PublicityText> {
    MEDIA
        .iter()
        .map(|m| text_for(listing, public_url, *m))
        .collect()
}

fn text_for(listing: &EventListing, public_url: &str, medium: Medium) -> PublicityText {
    let l = Language::Ja;
    let spec = &listing.event.spec;
    let link = tracked_link(public_url, spec.slug.as_str(), medium.via);
    let mut facts = vec![
        format!("日時：{}", jst::range(spec.starts_at, spec.ends_at, l)),
        format!("会場：{}", spec.venue_line(l)),
    ];
    if let Some(c) = spec.capacity {
        facts.push(format!("定員：{}名（先着順・参加無料）", c.get()));
    }
    let audience = format!(
        "対象：{}",
        match spec.audience {
            Audience::Companies => "企業・団体の経営者、人事・総務ご担当者",
            Audience::Individuals => "どなたでも",
        }
    );
    let partners = listing.partner_line(l);
    let description: String = spec
        .description
        .get(l)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let title = format!("【{}】", spec.title.get(l));
    let compose = |description: &str, with_audience: bool, with_partners: bool| {
        let mut lines = vec![title.clone()];
        if !description.is_empty() {
            lines.push(description.to_owned());
        }
        lines.extend(facts.iter().cloned());
        if with_audience {
            lines.push(audience.clone());
        }
        lines.push(format!("▼詳細・お申込み\n{link}"));
        if with_partners {
            lines.push(partners.clone());
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
        assert_eq!(cut("あいうえお", 5), "あいうえお");
        assert_eq!(cut("あいうえおか", 5), "あいうえ…");
        assert_eq!(count(&cut(&"長".repeat(1000), 120)), 120);
    }

    #[test]
    fn links_carry_their_medium() {
        assert_eq!(
            tracked_link("https://u.example.jp/", "lwb-expo", "mailmag"),
            "https://u.example.jp/events/lwb-expo?via=mailmag"
        );
    }
}
