//! Errors in words. Below the edge an error is a code and the values its message needs
//! (`FieldError { field, code, args }`, `AppError::Conflict { code, args }`); here the code
//! becomes the sentence `error-<code>` of `locales/<tag>/errors.ftl`, in the reader's locale.
//! One code has one wording; the web pages and the JSON API both ask here.
use crate::domain::validation::{ErrorArg, ErrorArgs, FieldError};
use crate::error::AppError;
use crate::i18n::{self, Lang};
use fluent_bundle::FluentArgs;

/// The message id of an error code: `invalid_choice` → `error-invalid-choice`.
pub fn message_id(code: &str) -> String {
    format!("error-{}", code.replace('_', "-"))
}

/// The words of `code` with its `args`, in `lang`.
pub fn words(code: &str, args: &ErrorArgs, lang: Lang) -> String {
    i18n::t_args(lang, &message_id(code), &fluent_args(args, lang))
}

/// What one field error says.
pub fn field_message(error: &FieldError, lang: Lang) -> String {
    words(error.code, &error.args, lang)
}

/// The message id of a whole-request error. A request refused as a whole (`BadRequest`) has
/// its own ids, `error-request-…`: its code may also be a field's (`control_character`), whose
/// message points at "this field".
pub fn app_message_id(err: &AppError) -> String {
    match err {
        AppError::Validation(_) => "error-validation-failed".into(),
        AppError::NotFound => "error-not-found".into(),
        AppError::Unauthenticated => "error-unauthenticated".into(),
        AppError::Forbidden => "error-forbidden".into(),
        AppError::Conflict { code, .. } | AppError::Gone { code, .. } => message_id(code),
        AppError::BadRequest { code, .. } => format!("error-request-{}", code.replace('_', "-")),
        AppError::TooLarge => "error-payload-too-large".into(),
        AppError::Internal(_) => "error-internal".into(),
    }
}

/// What an error says as a whole, in `lang`. Our own failures say only that they happened.
pub fn app_message(err: &AppError, lang: Lang) -> String {
    let no_args = Vec::new();
    let args = match err {
        AppError::Conflict { args, .. }
        | AppError::Gone { args, .. }
        | AppError::BadRequest { args, .. } => args,
        _ => &no_args,
    };
    i18n::t_args(lang, &app_message_id(err), &fluent_args(args, lang))
}

fn fluent_args(args: &ErrorArgs, lang: Lang) -> FluentArgs<'static> {
    let mut out = FluentArgs::new();
    for (name, value) in args {
        match value {
            // Counts and limits stay far below 2^53.
            ErrorArg::Number(n) => out.set(*name, i18n::number(*n as f64)),
            ErrorArg::Text(s) => out.set(*name, s.clone()),
            ErrorArg::Content(b) => out.set(*name, b.get(lang.content()).to_owned()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// Codes given by name rather than written at a call site.
    const INDIRECT_CODES: &[&str] = &["control_character", "line_break"];

    /// Whole-request messages that are not `error-<code>` of a call site.
    const FIXED_IDS: &[&str] = &[
        "error-validation-failed",
        "error-not-found",
        "error-unauthenticated",
        "error-forbidden",
        "error-payload-too-large",
        "error-internal",
        "error-request-control-character",
        "error-request-invalid-encoding",
        "error-method-not-allowed",
        "error-unsupported-media-type",
        "error-malformed-request",
        "error-too-many-requests",
    ];

    fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// The string literal that starts `s` (after blanks), if one does.
    fn literal(s: &str) -> Option<&str> {
        let s = s.trim_start().strip_prefix('"')?;
        let end = s.find('"')?;
        let code = &s[..end];
        code.chars()
            .all(|c| c.is_ascii_lowercase() || c == '_')
            .then_some(code)
    }

    /// The argument after the first top-level comma of the call whose arguments start `s`.
    fn second_argument(s: &str) -> Option<&str> {
        let mut depth = 0;
        for (i, c) in s.char_indices() {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => return None,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => return Some(&s[i + 1..]),
                _ => {}
            }
        }
        None
    }

    /// Every error code written in the Rust source: the code argument of each
    /// `single`/`add` (second) and `conflict`/`gone`/`bad_target` (first), and `code: "…"`.
    fn codes_in_source() -> BTreeMap<String, String> {
        let mut files = Vec::new();
        rust_files(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let mut codes = BTreeMap::new();
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap();
            let name = file.display().to_string();
            for call in [
                "single(",
                "single_with(",
                ".add(",
                ".add_with(",
                "errors.add(",
            ] {
                for (at, _) in source.match_indices(call) {
                    let rest = &source[at + call.len()..];
                    if let Some(code) = second_argument(rest).and_then(literal) {
                        codes.insert(code.to_owned(), name.clone());
                    }
                }
            }
            for call in ["conflict(", "gone(", "bad_target(", "code: "] {
                // The codes of a request refused as a whole have ids of their own (FIXED_IDS).
                if call == "code: " && file.ends_with("src/error.rs") {
                    continue;
                }
                for (at, _) in source.match_indices(call) {
                    if let Some(code) = literal(&source[at + call.len()..]) {
                        codes.insert(code.to_owned(), name.clone());
                    }
                }
            }
        }
        for code in INDIRECT_CODES {
            codes.insert((*code).to_owned(), "src/domain/text.rs".into());
        }
        codes
    }

    #[test]
    fn every_error_code_has_words_in_every_locale() {
        let codes = codes_in_source();
        // The scan finds the codes it should (a broken scan would pass vacuously).
        for code in [
            "required",
            "choose_one",
            "slug_taken",
            "event_full",
            "invalid_kana",
        ] {
            assert!(codes.contains_key(code), "{code} not found in the source");
        }
        let mut missing = Vec::new();
        for locale in i18n::locales() {
            for (code, file) in &codes {
                let id = message_id(code);
                if locale.ids.get(&id).map(String::as_str) != Some("errors.ftl") {
                    missing.push(format!("{} {id} (used in {file})", locale.tag));
                }
            }
            for id in FIXED_IDS {
                if locale.ids.get(*id).map(String::as_str) != Some("errors.ftl") {
                    missing.push(format!("{} {id}", locale.tag));
                }
            }
        }
        assert!(missing.is_empty(), "no words for:\n{}", missing.join("\n"));
    }

    #[test]
    fn errors_ftl_holds_only_used_messages() {
        let codes: BTreeSet<String> = codes_in_source().keys().map(|c| message_id(c)).collect();
        let ja = i18n::locales()
            .iter()
            .find(|l| l.tag == Lang::DEFAULT_TAG)
            .unwrap();
        let unused: Vec<&String> = ja
            .ids
            .iter()
            .filter(|(id, file)| {
                *file == "errors.ftl" && !codes.contains(*id) && !FIXED_IDS.contains(&id.as_str())
            })
            .map(|(id, _)| id)
            .collect();
        assert!(
            unused.is_empty(),
            "errors.ftl has unused messages: {unused:?}"
        );
    }

    #[test]
    fn arguments_are_filled_and_content_follows_the_reader() {
        let ja = Lang::parse("ja").unwrap();
        let en = Lang::parse("en").unwrap();
        let error = FieldError {
            field: "title".into(),
            code: "too_long",
            args: crate::error_args![("max", 200)],
        };
        assert!(field_message(&error, ja).contains("200"));
        assert!(field_message(&error, en).contains("200"));
        let clash = crate::error_args![(
            "session",
            crate::domain::Bilingual {
                ja: "Kichou kouen".into(),
                en: "Keynote".into()
            }
        )];
        assert!(words("session_full", &clash, en).contains("Keynote"));
        assert!(words("session_full", &clash, ja).contains("Kichou kouen"));
        assert_eq!(
            app_message_id(&AppError::control_character()),
            "error-request-control-character"
        );
    }
}
