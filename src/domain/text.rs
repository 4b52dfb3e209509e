use super::{Lang, ValidationErrors};
use serde::Serialize;

/// A text that must exist in Japanese and English (titles, descriptions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bilingual {
    pub ja: String,
    pub en: String,
}

impl Bilingual {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.ja, &self.en)
    }
}

/// Trims `value` and checks it is present and at most `max` characters long. Records a
/// field error (in both languages) and returns `None` otherwise.
pub fn required_text(
    errors: &mut ValidationErrors,
    field: &str,
    value: Option<&str>,
    max: usize,
) -> Option<String> {
    let value = value.map(str::trim).unwrap_or_default();
    if value.is_empty() {
        errors.add(
            field,
            "required",
            "入力してください。",
            "This field is required.",
        );
        None
    } else {
        check_length(errors, field, value, max)
    }
}

/// A required field parsed by `parse`; "required" on the field when it is empty.
pub fn parse_required<T>(
    errors: &mut ValidationErrors,
    field: &str,
    value: Option<&str>,
    parse: impl Fn(&str, &str) -> Result<T, ValidationErrors>,
) -> Option<T> {
    match value.map(str::trim) {
        Some(v) if !v.is_empty() => errors.take(parse(field, v)),
        _ => {
            errors.add(
                field,
                "required",
                "入力してください。",
                "This field is required.",
            );
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
    match value.map(str::trim) {
        None | Some("") => None,
        Some(v) => check_length(errors, field, v, max),
    }
}

fn check_length(
    errors: &mut ValidationErrors,
    field: &str,
    value: &str,
    max: usize,
) -> Option<String> {
    if value.chars().count() > max {
        errors.add(
            field,
            "too_long",
            format!("{max}文字以内で入力してください。"),
            format!("Use at most {max} characters."),
        );
        None
    } else {
        Some(value.to_owned())
    }
}
