//! The words people read. They live in Fluent message files, `locales/<tag>/*.ftl`, one folder
//! per locale; this module loads them and looks words up by message id. Rust code below the
//! edges (`http/`, `mail/`, `calendar/`) never holds a sentence: it returns codes, and the edge
//! turns a code into words here.
//!
//! Which locales exist is read from the folders, not listed in Rust: a folder with a
//! `locale.ftl` (its name, its `lang` attribute, which locale fills its gaps) is a locale.
pub mod dates;
mod lang;
mod templates;
pub mod words;

pub use lang::Lang;
pub use templates::{add_to, kwargs_to_args};

use crate::domain::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use std::collections::BTreeMap;
use std::sync::LazyLock;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

pub use embedded::EMAIL_FILES;

/// One locale: its bundle of messages and what the program needs to know about it.
pub struct Locale {
    pub tag: &'static str,
    /// In its own words (as `locale-name` in its `locale.ftl` gives it).
    pub name: String,
    /// The `lang` attribute of its pages (`ja` for easy Japanese).
    pub html_lang: String,
    /// Which stored version of an event's own texts (title, description) its readers see.
    pub content: Language,
    /// The locale that fills its gaps, and the files it may leave to it.
    pub fallback: Option<usize>,
    fallback_tag: Option<String>,
    pub fallback_files: Vec<String>,
    /// Where it stands in the language switch.
    pub order: i64,
    bundle: FluentBundle<FluentResource>,
    /// Message id → the file it is defined in (for the completeness test).
    pub ids: BTreeMap<String, String>,
    /// Its files by name, read on every back-office request (`Lang::for_backoffice`).
    files: std::collections::BTreeSet<String>,
}

impl Locale {
    pub fn has_file(&self, file: &str) -> bool {
        self.files.contains(file)
    }
}

static LOCALES: LazyLock<Vec<Locale>> = LazyLock::new(|| load(embedded::LOCALE_FILES));

/// Every locale, in the order of the language switch.
pub fn locales() -> &'static [Locale] {
    &LOCALES
}

fn load(files: &[(&'static str, &'static str)]) -> Vec<Locale> {
    let mut by_tag: BTreeMap<&'static str, Vec<(&'static str, &'static str)>> = BTreeMap::new();
    for (path, source) in files {
        let (tag, file) = path.split_once('/').expect("locales/<tag>/<file>.ftl");
        by_tag.entry(tag).or_default().push((file, source));
    }
    let mut locales: Vec<Locale> = by_tag
        .into_iter()
        .filter(|(_, files)| files.iter().any(|(f, _)| *f == "locale.ftl"))
        .map(|(tag, files)| {
            let mut resources = Vec::new();
            let mut ids = BTreeMap::new();
            let mut meta = BTreeMap::new();
            for (file, source) in files {
                let resource = FluentResource::try_new(source.to_string())
                    .unwrap_or_else(|(_, e)| panic!("locales/{tag}/{file}: {e:?}"));
                for entry in resource.entries() {
                    if let ast::Entry::Message(m) = entry {
                        if let Some(previous) = ids.insert(m.id.name.to_owned(), file.to_owned()) {
                            panic!("locales/{tag}: {} is in {previous} and {file}", m.id.name);
                        }
                        if file == "locale.ftl"
                            && let Some(ast::Pattern { elements }) = &m.value
                            && let [ast::PatternElement::TextElement { value }] =
                                elements.as_slice()
                        {
                            meta.insert(m.id.name.to_owned(), value.trim().to_owned());
                        }
                    }
                }
                resources.push((file, resource));
            }
            let html_lang = meta
                .get("locale-html-lang")
                .cloned()
                .unwrap_or_else(|| tag.to_owned());
            // Plural rules follow the language of the page.
            let langid: unic_langid::LanguageIdentifier = html_lang
                .parse()
                .unwrap_or_else(|_| panic!("locales/{tag}: locale-html-lang {html_lang:?}"));
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Bidi isolation marks would end up in HTML, mail and CSV; our texts are not RTL.
            bundle.set_use_isolating(false);
            for (file, resource) in resources {
                bundle
                    .add_resource(resource)
                    .unwrap_or_else(|e| panic!("locales/{tag}/{file}: {e:?}"));
            }
            Locale {
                tag,
                name: meta
                    .get("locale-name")
                    .cloned()
                    .unwrap_or_else(|| tag.to_owned()),
                content: meta
                    .get("locale-content")
                    .and_then(|c| Language::parse(c))
                    .unwrap_or(Language::En),
                fallback: None,
                fallback_tag: meta.get("locale-fallback").cloned(),
                fallback_files: meta
                    .get("locale-fallback-files")
                    .map(|f| f.split_whitespace().map(str::to_owned).collect())
                    .unwrap_or_default(),
                order: meta
                    .get("locale-order")
                    .and_then(|o| o.parse().ok())
                    .unwrap_or(i64::MAX),
                html_lang,
                files: ids.values().cloned().collect(),
                ids,
                bundle,
            }
        })
        .collect();
    locales.sort_by_key(|l| (l.order, l.tag));
    let tags: Vec<&str> = locales.iter().map(|l| l.tag).collect();
    for locale in &mut locales {
        locale.fallback = locale.fallback_tag.as_deref().map(|w| {
            tags.iter()
                .position(|t| *t == w)
                .unwrap_or_else(|| panic!("locales/{}: no locale {w} to fall back to", locale.tag))
        });
    }
    assert!(
        tags.contains(&Lang::DEFAULT_TAG),
        "locales/{} is missing",
        Lang::DEFAULT_TAG
    );
    locales
}

/// Formats message `id` in `lang`, with `args`; a gap is filled by the locale's fallback.
/// `None` when no locale on the way defines it.
pub fn lookup(lang: Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let mut at = Some(lang.index());
    while let Some(i) = at {
        let locale = &locales()[i];
        if let Some(pattern) = locale.bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = vec![];
            let text = locale.bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::error!(
                    locale = locale.tag,
                    id,
                    ?errors,
                    "message formatted with errors"
                );
            }
            return Some(text.into_owned());
        }
        at = locale.fallback;
    }
    None
}

/// The words of message `id`. An unknown id is a bug; it shows as the id itself (and is
/// logged), never as a blank, and the message-file tests catch it first.
pub fn t(lang: Lang, id: &str) -> String {
    t_args(lang, id, &FluentArgs::new())
}

pub fn t_args(lang: Lang, id: &str, args: &FluentArgs) -> String {
    lookup(lang, id, Some(args)).unwrap_or_else(|| {
        tracing::error!(lang = lang.tag(), id, "no such message");
        id.to_owned()
    })
}

/// Builds Fluent arguments: `args![("n", 3), ("name", "Emma")]`.
#[macro_export]
macro_rules! fluent_args {
    ($(($name:expr, $value:expr)),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut args = fluent_bundle::FluentArgs::new();
        $( args.set($name, $value); )*
        args
    }};
}

/// A number argument (Fluent selects plurals on numbers, not on text).
pub fn number(n: impl Into<f64>) -> FluentValue<'static> {
    FluentValue::from(n.into())
}

/// The `$arguments` message `id` uses in `locale` (for the completeness test).
#[cfg(test)]
fn arguments(locale: &Locale, id: &str) -> std::collections::BTreeSet<String> {
    fn walk_pattern(p: &ast::Pattern<&str>, out: &mut std::collections::BTreeSet<String>) {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                walk_expression(expression, out);
            }
        }
    }
    fn walk_expression(e: &ast::Expression<&str>, out: &mut std::collections::BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                walk_inline(selector, out);
                for v in variants {
                    walk_pattern(&v.value, out);
                }
            }
            ast::Expression::Inline(i) => walk_inline(i, out),
        }
    }
    fn walk_inline(i: &ast::InlineExpression<&str>, out: &mut std::collections::BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => walk_expression(expression, out),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    walk_inline(a, out);
                }
            }
            _ => {}
        }
    }
    let mut out = std::collections::BTreeSet::new();
    if let Some(message) = locale.bundle.get_message(id) {
        if let Some(value) = message.value() {
            walk_pattern(value, &mut out);
        }
        for attribute in message.attributes() {
            walk_pattern(attribute.value(), &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every locale says everything the default says, with the same arguments; a locale with
    /// a fallback may leave out only the files its `locale-fallback-files` names.
    #[test]
    fn every_locale_defines_the_same_messages_with_the_same_arguments() {
        let reference = &locales()[Lang::default().index()];
        let mut problems = Vec::new();
        for locale in locales() {
            for (id, file) in &reference.ids {
                if id.starts_with("locale-") {
                    continue;
                }
                match locale.ids.get(id) {
                    None if locale.fallback.is_some() && locale.fallback_files.contains(file) => {}
                    None => problems.push(format!("{}: {file} lacks {id}", locale.tag)),
                    Some(f) if f != file => {
                        problems.push(format!("{}: {id} is in {f}, not {file}", locale.tag))
                    }
                    Some(_) => {
                        let (want, got) = (arguments(reference, id), arguments(locale, id));
                        if want != got {
                            problems.push(format!(
                                "{}: {id} takes {got:?}; {} takes {want:?}",
                                locale.tag, reference.tag
                            ));
                        }
                    }
                }
            }
            for (id, file) in &locale.ids {
                if !id.starts_with("locale-") && !reference.ids.contains_key(id) {
                    problems.push(format!(
                        "{}: {file} has {id}, unknown in {}",
                        locale.tag, reference.tag
                    ));
                }
            }
            for file in &locale.fallback_files {
                if locale.has_file(file) {
                    problems.push(format!(
                        "{}: {file} is listed as left to the fallback but exists",
                        locale.tag
                    ));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn easy_japanese_falls_back_to_japanese_only_for_the_back_office_and_exports() {
        let easy = Lang::parse("ja-x-easy").unwrap();
        let locale = &locales()[easy.index()];
        assert_eq!(easy.fallback(), Some(Lang::default()));
        assert_eq!(
            locale.fallback_files,
            ["backoffice.ftl", "exports.ftl", "countries.ftl"]
        );
    }

    #[test]
    fn arguments_and_plurals_are_filled_in() {
        let en = Lang::parse("en").unwrap();
        assert_eq!(
            en.t_args(
                "seats-left",
                &crate::fluent_args![("left", 3), ("capacity", 40)]
            ),
            "3 of 40 seats left"
        );
        // An unknown id shows as itself, never blank.
        assert_eq!(en.t("no-such-message"), "no-such-message");
    }
}
