//! `uketsuke doctor`: finds stored text that today's checks would refuse (a line break in a
//! name, a NUL, a control character), written before those checks existed or by hand. The
//! outputs cope with such rows (they clean text on the way out); this says where they are, so
//! that an operator can correct them at the source.
use crate::domain::text::{Lines, TextFault, clean};
use crate::store::Db;
use crate::store::text_audit::{self, Shape};

/// One stored value that breaks the text rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub table: &'static str,
    pub key_column: &'static str,
    pub key: i64,
    pub column: &'static str,
    pub fault: TextFault,
}

/// Every finding, table by table.
pub async fn check_text(db: &Db) -> anyhow::Result<Vec<Finding>> {
    let mut findings = Vec::new();
    for &(table, key, column, shape) in text_audit::TEXT_COLUMNS {
        for (id, value) in text_audit::values(db, table, key, column).await? {
            if let Some(fault) = fault_of(&value, shape) {
                findings.push(Finding {
                    table,
                    key_column: key,
                    key: id,
                    column,
                    fault,
                });
            }
        }
    }
    Ok(findings)
}

fn fault_of(value: &str, shape: Shape) -> Option<TextFault> {
    match shape {
        Shape::OneLine => clean(value, Lines::One).err(),
        Shape::ManyLines => clean(value, Lines::Many).err(),
        // Control characters hide in JSON as escapes: judge the strings it holds.
        Shape::Json => match serde_json::from_str::<serde_json::Value>(value) {
            Ok(json) => strings(&json).find_map(|s| clean(s, Lines::Many).err()),
            Err(_) => Some(TextFault::Control),
        },
    }
}

fn strings(v: &serde_json::Value) -> Box<dyn Iterator<Item = &str> + '_> {
    match v {
        serde_json::Value::String(s) => Box::new(std::iter::once(s.as_str())),
        serde_json::Value::Array(a) => Box::new(a.iter().flat_map(strings)),
        serde_json::Value::Object(m) => Box::new(m.values().flat_map(strings)),
        _ => Box::new(std::iter::empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_shape_is_judged_by_its_own_rule() {
        assert_eq!(fault_of("A\nB", Shape::OneLine), Some(TextFault::LineBreak));
        assert_eq!(fault_of("A\nB", Shape::ManyLines), None);
        assert_eq!(
            fault_of(r#"{"3":{"text":"a\u0000"}}"#, Shape::Json),
            Some(TextFault::Control)
        );
        assert_eq!(fault_of(r#"{"3":{"text":"a\nb"}}"#, Shape::Json), None);
    }
}
