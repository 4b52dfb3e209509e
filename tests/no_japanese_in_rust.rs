//! Words people read live in message files (`locales/`) and email templates (`emails/`), not
//! in Rust. This walks `src/` and fails, listing `file:line`, on any Japanese character
//! (Hiragana, Katakana, CJK ideographs, CJK punctuation, fullwidth forms) outside the demo data
//! (`src/services/demo/`, sample events written in Japanese on purpose) and the unit tests at
//! the end of a file (`#[cfg(test)] mod tests`, whose inputs are often Japanese text).
//! Data that is not prose, such as prefecture names that addresses are parsed by, lives in
//! data files beside the code (`src/domain/data/`), which this does not read.
use std::path::{Path, PathBuf};

fn japanese(c: char) -> bool {
    matches!(
        c,
        '\u{3000}'..='\u{303F}' // CJK symbols and punctuation
            | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
            | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
            | '\u{FF00}'..='\u{FFEF}' // halfwidth and fullwidth forms
    )
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// `file:line: text` for each line that holds Japanese, up to the file's unit-test module.
fn offending_lines(root: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut found = Vec::new();
    for path in files {
        let rel = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("src/services/demo/") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            // The unit tests sit at the end of a file, behind `#[cfg(test)]` and `mod tests`.
            if line.trim_end() == "#[cfg(test)]"
                && lines.get(i + 1).is_some_and(|next| {
                    next.trim_start()
                        .trim_start_matches("pub(crate) ")
                        .starts_with("mod tests")
                })
            {
                break;
            }
            if line.chars().any(japanese) {
                found.push((rel.clone(), format!("{rel}:{}: {}", i + 1, line.trim())));
            }
        }
    }
    found
}

#[test]
fn no_japanese_text_in_rust_outside_demo_data_and_unit_tests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = offending_lines(root);
    let offending: Vec<&String> = found.iter().map(|(_, line)| line).collect();
    assert!(
        offending.is_empty(),
        "Japanese text in Rust ({} lines); move the words to locales/*.ftl or emails/:\n{}",
        offending.len(),
        offending
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_check_sees_japanese_and_skips_unit_tests() {
    assert!("\u{3042}".chars().any(japanese), "hiragana");
    assert!("\u{30A2}".chars().any(japanese), "katakana");
    assert!("\u{6F22}".chars().any(japanese), "kanji");
    assert!("\u{3001}".chars().any(japanese), "ideographic comma");
    assert!("\u{FF08}".chars().any(japanese), "fullwidth bracket");
    assert!(!"Caf\u{E9} \u{2013} (ok) \u{2026}".chars().any(japanese));
}
