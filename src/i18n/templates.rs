//! `t("id", name=value, …)` for minijinja templates, pages and emails alike. The locale is the
//! template's `lang` variable (a tag). An unknown id fails the render: a typo never shows blank.
use super::{Lang, lookup};
use fluent_bundle::{FluentArgs, FluentValue};
use minijinja::value::{Kwargs, Value, ValueKind};
use minijinja::{Environment, Error, ErrorKind, State};

/// Fluent arguments from template keyword arguments: numbers stay numbers (so plurals select),
/// anything else becomes its text.
pub fn kwargs_to_args(kwargs: &Kwargs) -> Result<FluentArgs<'static>, Error> {
    let mut args = FluentArgs::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        let value = match value.kind() {
            ValueKind::Number => match i64::try_from(value.clone()) {
                Ok(n) => FluentValue::from(n),
                Err(_) => FluentValue::from(f64::try_from(value).unwrap_or(0.0)),
            },
            ValueKind::None | ValueKind::Undefined => FluentValue::from(""),
            _ => FluentValue::from(value.to_string()),
        };
        args.set(name.to_owned(), value);
    }
    Ok(args)
}

fn lang_of(state: &State) -> Result<Lang, Error> {
    let tag = state
        .lookup("lang")
        .and_then(|v| v.as_str().map(str::to_owned))
        .ok_or_else(|| Error::new(ErrorKind::UndefinedError, "t(): no `lang` in the context"))?;
    Lang::parse(&tag).ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("t(): unknown locale {tag}"),
        )
    })
}

fn t(state: &State, id: &str, kwargs: Kwargs) -> Result<String, Error> {
    let lang = lang_of(state)?;
    let args = kwargs_to_args(&kwargs)?;
    lookup(lang, id, Some(&args))
        .ok_or_else(|| Error::new(ErrorKind::UndefinedError, format!("no message {id:?}")))
}

/// Adds `t` to a template environment.
pub fn add_to(env: &mut Environment<'_>) {
    env.add_function("t", t);
}
