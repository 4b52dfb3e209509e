//! `Lang`: the locale a person reads in. The set of locales comes from `locales/`.
use super::{Locale, locales};
use crate::domain::Language;
use serde::{Deserialize, Serialize};

/// A reader's locale: `ja`, `ja-x-easy` (easy Japanese, yasashii nihongo: a private-use BCP 47 tag), `en`, or any
/// locale a translator adds under `locales/`. Stored as its tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lang(u8);

impl Default for Lang {
    fn default() -> Self {
        Lang::parse(Self::DEFAULT_TAG).expect("the default locale is loaded")
    }
}

impl Lang {
    /// Japanese is the default everywhere.
    pub const DEFAULT_TAG: &'static str = "ja";

    /// Every locale, in the order of the language switch.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..locales().len()).map(|i| Lang(i as u8))
    }

    pub(super) fn index(self) -> usize {
        self.0 as usize
    }

    fn locale(self) -> &'static Locale {
        &locales()[self.index()]
    }

    /// The BCP 47 tag: what `?lang=` takes and what is stored.
    pub fn tag(self) -> &'static str {
        self.locale().tag
    }

    /// The `lang` attribute of pages and mail in this locale.
    pub fn html_lang(self) -> &'static str {
        &self.locale().html_lang
    }

    /// The locale's name in its own words, for the language switch.
    pub fn name(self) -> &'static str {
        &self.locale().name
    }

    /// Which stored version of an event's own texts its readers see.
    pub fn content(self) -> Language {
        self.locale().content
    }

    /// The locale that fills this one's gaps, if any.
    pub fn fallback(self) -> Option<Lang> {
        self.locale().fallback.map(|i| Lang(i as u8))
    }

    /// The locale the back-office is shown in for someone who chose this one: the back-office
    /// exists only where `backoffice.ftl` does (ja and en); others use their fallback.
    pub fn for_backoffice(self) -> Lang {
        let mut lang = self;
        while !lang.locale().has_file("backoffice.ftl") {
            match lang.fallback() {
                Some(next) => lang = next,
                None => return Lang::default(),
            }
        }
        lang
    }

    /// An exact tag (any case), or a tag whose language we serve (`ja-JP` → `ja`, `en-US` →
    /// `en`). Anything else is not a locale we serve.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim();
        let exact = |want: &str| Lang::all().find(|l| l.tag().eq_ignore_ascii_case(want));
        exact(s).or_else(|| exact(s.split(['-', '_']).next()?))
    }

    /// The best of our locales for an `Accept-Language` header (RFC 9110 weights), or `None`
    /// when the client accepts none of them.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        header
            .split(',')
            .filter_map(|item| {
                let mut parts = item.split(';');
                let lang = Lang::parse(parts.next()?)?;
                let q = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                (q > 0.0).then_some((lang, q))
            })
            // Stable max: on equal weight the first listed wins.
            .fold(None, |best: Option<(Lang, f32)>, (lang, q)| match best {
                Some((_, bq)) if bq >= q => best,
                _ => Some((lang, q)),
            })
            .map(|(lang, _)| lang)
    }

    /// Whether a reader of this locale may give the reading of a name in Latin letters
    /// instead of kana: anyone not reading standard Japanese (English, easy Japanese, a
    /// translator's new locale) may not be able to type kana.
    pub fn accepts_latin_readings(self) -> bool {
        self != Lang::default()
    }

    /// The words of message `id` in this locale.
    pub fn t(self, id: &str) -> String {
        super::t(self, id)
    }

    pub fn t_args(self, id: &str, args: &fluent_bundle::FluentArgs) -> String {
        super::t_args(self, id, args)
    }

    /// What a value of a closed set (an industry, a status, a role) is called in this locale.
    pub fn label(self, x: impl crate::domain::Labelled) -> String {
        self.t(x.label_id())
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.tag())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(d)?;
        Lang::parse(&tag).ok_or_else(|| serde::de::Error::custom(format!("unknown locale {tag:?}")))
    }
}

/// In the API a locale is a string whose allowed values are the loaded locales' tags.
mod openapi {
    use super::Lang;
    use poem_openapi::registry::{MetaSchema, MetaSchemaRef};
    use poem_openapi::types::{ParseError, ParseFromJSON, ToJSON, Type};
    use std::borrow::Cow;

    impl Type for Lang {
        const IS_REQUIRED: bool = true;
        type RawValueType = Self;
        type RawElementValueType = Self;

        fn name() -> Cow<'static, str> {
            "Lang".into()
        }

        fn schema_ref() -> MetaSchemaRef {
            let mut schema = MetaSchema::new("string");
            schema.enum_items = Lang::all().map(|l| l.tag().into()).collect();
            schema.description = Some("A locale tag: the language pages and email are in.");
            MetaSchemaRef::Inline(Box::new(schema))
        }

        fn as_raw_value(&self) -> Option<&Self::RawValueType> {
            Some(self)
        }

        fn raw_element_iter<'a>(
            &'a self,
        ) -> Box<dyn Iterator<Item = &'a Self::RawElementValueType> + 'a> {
            Box::new(self.as_raw_value().into_iter())
        }
    }

    impl ParseFromJSON for Lang {
        fn parse_from_json(value: Option<serde_json::Value>) -> Result<Self, ParseError<Self>> {
            match value {
                Some(serde_json::Value::String(tag)) => Lang::all()
                    .find(|l| l.tag() == tag)
                    .ok_or_else(|| ParseError::custom(format!("unknown locale {tag:?}"))),
                other => Err(ParseError::expected_type(other.unwrap_or_default())),
            }
        }
    }

    impl ToJSON for Lang {
        fn to_json(&self) -> Option<serde_json::Value> {
            Some(serde_json::Value::String(self.tag().to_owned()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_the_highest_weight_we_serve() {
        let en = Lang::parse("en").unwrap();
        let ja = Lang::parse("ja").unwrap();
        assert_eq!(
            Lang::from_accept_language("en-US,en;q=0.9,ja;q=0.8"),
            Some(en)
        );
        assert_eq!(
            Lang::from_accept_language("fr, ja;q=0.5, en;q=0.4"),
            Some(ja)
        );
        assert_eq!(Lang::from_accept_language("en;q=0.2, ja-JP"), Some(ja));
        assert_eq!(Lang::from_accept_language("de, fr"), None);
        assert_eq!(Lang::from_accept_language("en;q=0"), None);
    }

    #[test]
    fn easy_japanese_is_its_own_tag_and_reads_as_japanese() {
        let easy = Lang::parse("ja-x-easy").unwrap();
        assert_eq!(easy.tag(), "ja-x-easy");
        assert_eq!(easy.html_lang(), "ja");
        assert_eq!(easy.content(), Language::Ja);
        assert_eq!(easy.for_backoffice(), Lang::parse("ja").unwrap());
        assert_eq!(Lang::parse("JA-X-EASY"), Some(easy));
        assert_eq!(Lang::parse("ja-JP"), Lang::parse("ja"));
    }
}
