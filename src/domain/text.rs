use super::{Language, ValidationErrors};
use serde::Serialize;
use unicode_normalization::{UnicodeNormalization, is_nfc};

/// A text that must exist in Japanese and English (titles, descriptions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bilingual {
    pub ja: String,
    pub en: String,
}

impl Bilingual {
    pub fn get(&self, lang: Language) -> &str {
        lang.pick(&self.ja, &self.en)
    }
}

/// Whether a field may hold line breaks: names, titles and subjects are one line (they end up
/// in mail headers, calendar properties and spreadsheet cells); descriptions, statements and
/// bodies may be many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// Why a text cannot be kept as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFault {
    /// NUL, another C0 or C1 control character, DEL, or a Unicode noncharacter: nothing a
    /// person types, and things PostgreSQL, XML (XLSX) or a mail header cannot carry.
    Control,
    /// A line break in a one-line field.
    LineBreak,
}

impl TextFault {
    pub fn code(self) -> &'static str {
        match self {
            TextFault::Control => "control_character",
            TextFault::LineBreak => "line_break",
        }
    }

    pub fn record(self, errors: &mut ValidationErrors, field: &str) {
        errors.add(field, self.code());
    }
}

/// Line breaks as text carries them; VT, FF and NEL are control characters to us.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Unicode noncharacters: U+FDD0..U+FDEF and the last two code points of every plane. XML 1.0
/// (so XLSX) refuses U+FFFE and U+FFFF.
fn is_noncharacter(c: char) -> bool {
    let n = c as u32;
    (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}

/// The text as uketsuke keeps it, or why it cannot be kept: Unicode NFC; in a many-line field
/// every line break becomes `\n` (browsers send CR LF from a textarea) and tabs may stay. NUL,
/// other control characters and noncharacters are refused, never dropped: the person sees
/// what is wrong and decides.
pub fn clean(value: &str, lines: Lines) -> Result<String, TextFault> {
    let mut line_break = false;
    for c in value.chars() {
        if is_line_break(c) {
            line_break = true;
        } else if (c.is_control() && !(c == '\t' && lines == Lines::Many)) || is_noncharacter(c) {
            return Err(TextFault::Control);
        }
    }
    if line_break && lines == Lines::One {
        return Err(TextFault::LineBreak);
    }
    let text = if line_break {
        value.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        value.to_owned()
    };
    Ok(if is_nfc(&text) {
        text
    } else {
        text.nfc().collect()
    })
}

/// The words of a search (the catalogue, the roster, the door), at most `max` of them, in
/// NFC. `None` when a word holds anything [`clean`] refuses: nothing stored can contain such
/// a character, so that search rightly finds nothing.
pub fn search_words(text: Option<&str>, max: usize) -> Option<Vec<String>> {
    text.unwrap_or_default()
        .split_whitespace()
        .take(max)
        .map(|w| clean(w, Lines::One).ok())
        .collect()
}

/// Makes text read back from the database safe for an output that cannot carry control
/// characters (a mail header, a calendar property, an XLSX cell): rows stored before the
/// checks above may hold them. Line breaks become spaces when `lines` is one, other control
/// characters and noncharacters become U+FFFD so that the reader sees something was there.
pub fn for_output(value: &str, lines: Lines) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && !(lines == Lines::Many && matches!(c, '\n' | '\t')))
            || is_noncharacter(c)
            || (lines == Lines::One && is_line_break(c))
    };
    if !value.chars().any(bad) {
        return value.into();
    }
    let value = if lines == Lines::Many {
        value.replace("\r\n", "\n")
    } else {
        value.replace("\r\n", " ")
    };
    value
        .chars()
        .map(|c| match c {
            _ if !bad(c) => c,
            '\r' if lines == Lines::Many => '\n',
            c if is_line_break(c) && lines == Lines::One => ' ',
            _ => '\u{FFFD}',
        })
        .collect::<String>()
        .into()
}

/// Trims `value` and checks it is present, one line, free of control characters and at most
/// `max` characters long. Records a field error (a code) and returns `None`
/// otherwise.
pub fn required_text(
    errors: &mut ValidationErrors,
    field: &str,
    value: Option<&str>,
    max: usize,
) -> Option<String> {
    required(errors, field, value, max, Lines::One)
}

/// Like [`required_text`], for a field that may hold several lines.
pub fn required_lines(
    errors: &mut ValidationErrors,
    field: &str,
    value: Option<&str>,
    max: usize,
) -> Option<String> {
    required(errors, field, value, max, Lines::Many)
}

fn required(
    errors: &mut ValidationErrors,
    field: &str,
    value: Option<&str>,
    max: usize,
    lines: Lines,
) -> Option<String> {
    let value = value.map(str::trim).unwrap_or_default();
    if value.is_empty() {
        errors.add(field, "required");
        None
    } else {
        check(errors, field, value, max, lines)
    }
}

/// A required field parsed by `parse`; "required" on the field when it is empty. The value
/// reaches `parse` only once it is known to be one clean line.
pub fn parse_required<T>(
    errors: &mut ValidationErrors,
    field: &str,
    value: Option<&str>,
    parse: impl Fn(&str, &str) -> Result<T, ValidationErrors>,
) -> Option<T> {
    parse_present(errors, field, value, "required", parse)
}

/// Like [`parse_required`], for a choice (a select, radio buttons): an empty one is
/// "choose_one", which asks to choose rather than to type.
pub fn parse_chosen<T>(
    errors: &mut ValidationErrors,
    field: &str,
    value: Option<&str>,
    parse: impl Fn(&str, &str) -> Result<T, ValidationErrors>,
) -> Option<T> {
    parse_present(errors, field, value, "choose_one", parse)
}

fn parse_present<T>(
    errors: &mut ValidationErrors,
    field: &str,
    value: Option<&str>,
    missing: &'static str,
    parse: impl Fn(&str, &str) -> Result<T, ValidationErrors>,
) -> Option<T> {
    match value.map(str::trim) {
        Some(v) if !v.is_empty() => match clean(v, Lines::One) {
            Ok(v) => errors.take(parse(field, &v)),
            Err(fault) => {
                fault.record(errors, field);
                None
            }
        },
        _ => {
            errors.add(field, missing);
            None
        }
    }
}

/// Like [`required_text`], but an empty value is simply absent.
pub fn optional_text(
    errors: &mut ValidationErrors,
    field: &str,
    value: Option<&str>,
    max: usize,
) -> Option<String> {
    optional(errors, field, value, max, Lines::One)
}

/// Like [`optional_text`], for a field that may hold several lines.
pub fn optional_lines(
    errors: &mut ValidationErrors,
    field: &str,
    value: Option<&str>,
    max: usize,
) -> Option<String> {
    optional(errors, field, value, max, Lines::Many)
}

fn optional(
    errors: &mut ValidationErrors,
    field: &str,
    value: Option<&str>,
    max: usize,
    lines: Lines,
) -> Option<String> {
    match value.map(str::trim) {
        None | Some("") => None,
        Some(v) => check(errors, field, v, max, lines),
    }
}

fn check(
    errors: &mut ValidationErrors,
    field: &str,
    value: &str,
    max: usize,
    lines: Lines,
) -> Option<String> {
    let value = match clean(value, lines) {
        Ok(v) => v,
        Err(fault) => {
            fault.record(errors, field);
            return None;
        }
    };
    if value.chars().count() > max {
        errors.add_with(field, "too_long", crate::error_args![("max", max)]);
        None
    } else {
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_refuses_breaks_and_controls() {
        assert_eq!(clean("山田 太郎", Lines::One), Ok("山田 太郎".into()));
        assert_eq!(clean("A\nB", Lines::One), Err(TextFault::LineBreak));
        assert_eq!(clean("A\r\nB", Lines::One), Err(TextFault::LineBreak));
        assert_eq!(clean("A\u{2028}B", Lines::One), Err(TextFault::LineBreak));
        assert_eq!(clean("a\0b", Lines::One), Err(TextFault::Control));
        assert_eq!(clean("a\tb", Lines::One), Err(TextFault::Control));
        assert_eq!(clean("\u{1b}[31m", Lines::One), Err(TextFault::Control));
        assert_eq!(clean("a\u{9b}b", Lines::One), Err(TextFault::Control));
        assert_eq!(clean("a\u{7f}", Lines::One), Err(TextFault::Control));
        assert_eq!(clean("a\u{FFFF}", Lines::One), Err(TextFault::Control));
        assert_eq!(clean("a\u{10FFFE}", Lines::One), Err(TextFault::Control));
    }

    #[test]
    fn many_lines_keep_breaks_and_tabs_as_lf() {
        assert_eq!(clean("a\r\nb\rc\td", Lines::Many), Ok("a\nb\nc\td".into()));
        assert_eq!(clean("a\0b", Lines::Many), Err(TextFault::Control));
        assert_eq!(clean("a\u{0C}b", Lines::Many), Err(TextFault::Control));
    }

    #[test]
    fn text_is_kept_in_nfc_and_other_marks_pass() {
        // が as か + combining dakuten becomes one code point; nothing is lost.
        assert_eq!(clean("\u{304B}\u{3099}", Lines::One), Ok("\u{304C}".into()));
        for s in ["مرحبا\u{200F}", "👩‍👩‍👧‍👦", "=cmd", "e\u{301}\u{301}"] {
            assert!(clean(s, Lines::One).is_ok(), "{s:?}");
        }
    }

    #[test]
    fn a_search_for_a_control_character_finds_nothing() {
        assert_eq!(
            search_words(Some(" a  b "), 8),
            Some(vec!["a".into(), "b".into()])
        );
        assert_eq!(search_words(None, 8), Some(vec![]));
        assert_eq!(search_words(Some("a a\0b"), 8), None);
        assert_eq!(search_words(Some("a b c"), 2).map(|w| w.len()), Some(2));
    }

    #[test]
    fn output_replaces_what_readers_cannot_carry() {
        assert_eq!(for_output("A\r\nB", Lines::One), "A B");
        assert_eq!(for_output("A\nB\0", Lines::One), "A B\u{FFFD}");
        assert_eq!(for_output("A\r\nB\u{1b}", Lines::Many), "A\nB\u{FFFD}");
        assert_eq!(for_output("A\rB\nC", Lines::Many), "A\nB\nC");
        assert_eq!(
            for_output("c1\u{9b}2J del\u{7f} \u{b}\u{c}", Lines::Many),
            "c1\u{FFFD}2J del\u{FFFD} \u{FFFD}\u{FFFD}"
        );
        assert_eq!(
            for_output("x\u{FFFE}\u{FFFF}", Lines::Many),
            "x\u{FFFD}\u{FFFD}"
        );
        for fine in [
            "山田 太郎",
            "tab\there",
            "two\nlines",
            "=cmd",
            "_x001B_",
            "😀",
            "",
        ] {
            assert!(
                matches!(for_output(fine, Lines::Many), std::borrow::Cow::Borrowed(_)),
                "{fine:?}"
            );
        }
    }

    #[test]
    fn field_errors_name_the_field() {
        let mut errors = ValidationErrors::new();
        assert_eq!(
            required_text(&mut errors, "contact.name", Some("A\nB"), 100),
            None
        );
        assert_eq!(optional_text(&mut errors, "title", Some("a\0"), 100), None);
        assert_eq!(
            required_lines(&mut errors, "statement", Some(" a\r\nb "), 100),
            Some("a\nb".into())
        );
        let codes: Vec<_> = errors
            .fields()
            .iter()
            .map(|e| (e.field.as_str(), e.code))
            .collect();
        assert_eq!(
            codes,
            [
                ("contact.name", "line_break"),
                ("title", "control_character")
            ]
        );
    }
}
