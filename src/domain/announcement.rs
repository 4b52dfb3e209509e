//! An organizer's message to the registrants of an event (an oshirase): a change of room, the
//! materials to bring, a survey after the day.
use super::text::{optional_lines, optional_text, required_lines, required_text};
use super::{Language, ValidationErrors};
use chrono::{DateTime, Utc};

pub const SUBJECT_MAX: usize = 150;
pub const BODY_MAX: usize = 10_000;

#[derive(Debug, Clone, Default)]
pub struct AnnouncementInput {
    pub subject_ja: Option<String>,
    pub body_ja: Option<String>,
    pub subject_en: Option<String>,
    pub body_en: Option<String>,
    pub include_waitlisted: Option<bool>,
}

/// A valid announcement. Japanese is required; English is optional, and registrants who
/// chose English get the Japanese text inside an English frame when it is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnouncementSpec {
    pub subject_ja: String,
    pub body_ja: String,
    pub english: Option<(String, String)>,
    pub include_waitlisted: bool,
}

impl AnnouncementSpec {
    pub fn parse(input: AnnouncementInput) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let subject_ja = required_text(
            &mut errors,
            "subject_ja",
            input.subject_ja.as_deref(),
            SUBJECT_MAX,
        );
        let body_ja = required_lines(&mut errors, "body_ja", input.body_ja.as_deref(), BODY_MAX);
        let subject_en = optional_text(
            &mut errors,
            "subject_en",
            input.subject_en.as_deref(),
            SUBJECT_MAX,
        );
        let body_en = optional_lines(&mut errors, "body_en", input.body_en.as_deref(), BODY_MAX);
        for (field, value) in [("subject_ja", &subject_ja), ("subject_en", &subject_en)] {
            if value.as_deref().is_some_and(|s| s.contains(['\r', '\n'])) {
                errors.add(field, "one_line");
            }
        }
        let english = match (subject_en, body_en) {
            (Some(s), Some(b)) => Some((s, b)),
            (None, None) => None,
            (None, Some(_)) => {
                errors.add("subject_en", "needs_english_subject");
                None
            }
            (Some(_), None) => {
                errors.add("body_en", "needs_english_body");
                None
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(AnnouncementSpec {
            subject_ja: subject_ja.expect("checked"),
            body_ja: body_ja.expect("checked"),
            english,
            include_waitlisted: input.include_waitlisted.unwrap_or(false),
        })
    }

    /// Subject and body for a registrant who chose `lang`.
    pub fn text(&self, lang: Language) -> (&str, &str) {
        match (&self.english, lang) {
            (Some((s, b)), Language::En) => (s, b),
            _ => (&self.subject_ja, &self.body_ja),
        }
    }
}

/// A stored announcement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announcement {
    pub id: i64,
    pub event_id: i64,
    pub spec: AnnouncementSpec,
    /// Messages queued: contacts and attendee copies, less those who opted out.
    pub recipients: u32,
    pub created_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(subject_en: Option<&str>, body_en: Option<&str>) -> AnnouncementInput {
        AnnouncementInput {
            subject_ja: Some("会場変更のお知らせ".into()),
            body_ja: Some("会場が3階に変わりました。".into()),
            subject_en: subject_en.map(Into::into),
            body_en: body_en.map(Into::into),
            include_waitlisted: None,
        }
    }

    #[test]
    fn japanese_is_required_and_english_comes_in_pairs() {
        let errors = AnnouncementSpec::parse(AnnouncementInput::default()).unwrap_err();
        assert!(errors.has("subject_ja") && errors.has("body_ja"));
        let errors = AnnouncementSpec::parse(input(None, Some("Room 3F"))).unwrap_err();
        assert!(errors.has("subject_en") && !errors.has("body_en"));
        let errors = AnnouncementSpec::parse(input(Some("Room"), Some(" "))).unwrap_err();
        assert!(errors.has("body_en"));
        let errors = AnnouncementSpec::parse(input(Some("a\nb"), Some("x"))).unwrap_err();
        assert!(errors.has("subject_en"));
    }

    #[test]
    fn english_readers_fall_back_to_japanese() {
        let ja_only = AnnouncementSpec::parse(input(None, None)).unwrap();
        assert_eq!(ja_only.text(Language::En).0, "会場変更のお知らせ");
        let both = AnnouncementSpec::parse(input(Some("New room"), Some("3F"))).unwrap();
        assert_eq!(both.text(Language::En), ("New room", "3F"));
        assert_eq!(both.text(Language::Ja).0, "会場変更のお知らせ");
    }
}
