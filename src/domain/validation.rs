use super::Bilingual;
use serde::Serialize;

/// A value a message about an error needs: a number (Fluent picks plurals on it), a text
/// (a slug, a person's name), or an event's own text in both of its languages (a session's
/// title), of which the edge shows the reader's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ErrorArg {
    Number(i64),
    Text(String),
    Content(Bilingual),
}

impl From<i64> for ErrorArg {
    fn from(n: i64) -> Self {
        ErrorArg::Number(n)
    }
}

impl From<u32> for ErrorArg {
    fn from(n: u32) -> Self {
        ErrorArg::Number(n.into())
    }
}

impl From<i32> for ErrorArg {
    fn from(n: i32) -> Self {
        ErrorArg::Number(n.into())
    }
}

impl From<u64> for ErrorArg {
    fn from(n: u64) -> Self {
        ErrorArg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<usize> for ErrorArg {
    fn from(n: usize) -> Self {
        ErrorArg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<String> for ErrorArg {
    fn from(s: String) -> Self {
        ErrorArg::Text(s)
    }
}

impl From<&str> for ErrorArg {
    fn from(s: &str) -> Self {
        ErrorArg::Text(s.to_owned())
    }
}

impl From<Bilingual> for ErrorArg {
    fn from(b: Bilingual) -> Self {
        ErrorArg::Content(b)
    }
}

impl From<&Bilingual> for ErrorArg {
    fn from(b: &Bilingual) -> Self {
        ErrorArg::Content(b.clone())
    }
}

/// The named values of one error's message, e.g. `[("max", 200)]`.
pub type ErrorArgs = Vec<(&'static str, ErrorArg)>;

/// Builds [`ErrorArgs`]: `error_args![("max", max), ("slug", slug)]`.
#[macro_export]
macro_rules! error_args {
    ($(($name:expr, $value:expr)),* $(,)?) => {
        vec![$(($name, $crate::domain::validation::ErrorArg::from($value))),*]
    };
}

/// One problem with one input field: a stable code and the values its message needs. The
/// words are the edge's (`error-<code>` in `locales/<tag>/errors.ftl`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub code: &'static str,
    pub args: ErrorArgs,
}

/// Every problem found in one input, not just the first: the user fixes them all at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ValidationErrors(Vec<FieldError>);

impl ValidationErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn single(field: &str, code: &'static str) -> Self {
        Self::single_with(field, code, Vec::new())
    }

    pub fn single_with(field: &str, code: &'static str, args: ErrorArgs) -> Self {
        let mut errors = Self::new();
        errors.add_with(field, code, args);
        errors
    }

    pub fn add(&mut self, field: &str, code: &'static str) {
        self.add_with(field, code, Vec::new());
    }

    pub fn add_with(&mut self, field: &str, code: &'static str, args: ErrorArgs) {
        self.0.push(FieldError {
            field: field.to_owned(),
            code,
            args,
        });
    }

    /// The value, or `None` with its errors added to these.
    pub fn take<T>(&mut self, result: Result<T, ValidationErrors>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.extend(e.0);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn fields(&self) -> &[FieldError] {
        &self.0
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|e| e.field == field)
    }

    /// `Ok(value)` when nothing was recorded, the errors otherwise.
    pub fn into_result<T>(self, value: impl FnOnce() -> T) -> Result<T, ValidationErrors> {
        if self.is_empty() {
            Ok(value())
        } else {
            Err(self)
        }
    }
}

impl std::fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let fields: Vec<_> = self
            .0
            .iter()
            .map(|e| format!("{}: {}", e.field, e.code))
            .collect();
        write!(f, "invalid input ({})", fields.join(", "))
    }
}

impl std::error::Error for ValidationErrors {}
