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
