//! What may go into a cell of an export (CSV or XLSX), whatever a row in the database holds.
//! Input is checked at the edge now, but rows written before that may still carry NUL, escape
//! sequences or stray line ends, and one such row must not break a file of ten thousand: every
//! cell passes [`spreadsheet_text`] (the outputs' one rule, `domain::text::for_output`), and
//! XLSX cells are cut to what Excel holds.
use crate::domain::text::{Lines, for_output};
use std::borrow::Cow;

/// A cell's text: line ends become `\n` (what Excel and LibreOffice break a cell's lines on),
/// other control characters and noncharacters U+FFFD, so that `A\0B` does not quietly become
/// the different name `AB`. XML 1.0 cannot carry C0 controls or U+FFFE/U+FFFF at all
/// (rust_xlsxwriter writes them as `_x001B_` escapes, which other readers show as seven
/// characters), a NUL ends the string in some CSV readers, and an ESC sequence restyles the
/// terminal of whoever runs `cat` on the file. Tabs stay: they are ordinary text in a cell.
pub fn spreadsheet_text(text: &str) -> Cow<'_, str> {
    for_output(text, Lines::Many)
}

/// Excel's limit on the text of one cell, in UTF-16 code units. rust_xlsxwriter refuses a
/// longer string with an error, which would fail the whole export for one row.
pub const XLSX_MAX_CELL: usize = 32_767;

/// The longest start of `text` that fits one XLSX cell, ending in `…` when cut.
pub fn fit_xlsx_cell(text: &str) -> Cow<'_, str> {
    if text.len() <= XLSX_MAX_CELL || text.encode_utf16().count() <= XLSX_MAX_CELL {
        return Cow::Borrowed(text);
    }
    let mut units = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        // One unit is kept for the ellipsis.
        if units + c.len_utf16() > XLSX_MAX_CELL - 1 {
            break;
        }
        units += c.len_utf16();
        end = i + c.len_utf8();
    }
    Cow::Owned(format!("{}…", &text[..end]))
}

/// A stored phone number as people write it (`03-1234-5678`). Written bare, `0312345678` is
/// read as the number 312345678 by Excel and LibreOffice alike; with its hyphens it is text
/// in both. A value that no longer parses (an old row) is written as it is.
pub fn phone(stored: &str) -> String {
    crate::domain::formatted_phone(stored)
}

/// `phone`, remembered: libphonenumber's rules are regular expressions (0.14 ms a number in
/// a debug build), and the attendees of one registration share their contact's number. Kept
/// for one page of an export, so it stays small.
#[derive(Default)]
pub struct Phones(std::collections::HashMap<String, String>);

impl Phones {
    pub fn written(&mut self, stored: &str) -> String {
        if let Some(done) = self.0.get(stored) {
            return done.clone();
        }
        let done = phone(stored);
        self.0.insert(stored.to_owned(), done.clone());
        done
    }
}

/// A stored corporate number for a CSV file, in the NTA's 1-4-4-4 groups (`1-2345-6789-0123`): thirteen
/// bare digits become a number in both spreadsheets (Excel shows `1.23457E+12`), and the
/// text-formula form `="1234567890123"` is shown as just that by LibreOffice, whose CSV
/// import dialog does not evaluate formulas unless asked. XLSX cells are typed text and keep
/// the bare digits. A value that no longer parses (an old row) is written as it is.
pub fn corporate_number_for_csv(stored: &str) -> String {
    crate::domain::CorporateNumber::parse("corporate_number", stored)
        .map(|n| n.grouped())
        .unwrap_or_else(|_| stored.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_longer_than_an_xlsx_cell_is_cut_with_an_ellipsis() {
        // A kana character: one UTF-16 unit.
        let fits = "\u{3042}".repeat(XLSX_MAX_CELL);
        assert!(matches!(fit_xlsx_cell(&fits), Cow::Borrowed(_)));
        let long = "\u{3042}".repeat(XLSX_MAX_CELL + 1);
        let cut = fit_xlsx_cell(&long);
        assert_eq!(cut.chars().count(), XLSX_MAX_CELL);
        assert!(cut.ends_with("\u{3042}…"));
        // Counted in UTF-16 units, as Excel counts: an emoji is two, and is never split.
        let emoji = "😀".repeat(XLSX_MAX_CELL);
        let cut = fit_xlsx_cell(&emoji);
        assert_eq!(cut.encode_utf16().count(), XLSX_MAX_CELL);
        assert!(cut.ends_with("😀…"));
    }

    #[test]
    fn identifiers_are_written_so_spreadsheets_keep_them_as_text() {
        assert_eq!(phone("0312345678"), "03-1234-5678");
        assert_eq!(phone("09012345678"), "090-1234-5678");
        assert_eq!(phone("not a phone"), "not a phone");
        let mut phones = Phones::default();
        assert_eq!(phones.written("0312345678"), "03-1234-5678");
        assert_eq!(phones.written("0312345678"), "03-1234-5678");
        assert_eq!(
            corporate_number_for_csv("7000012050002"),
            "7-0000-1205-0002"
        );
        assert_eq!(corporate_number_for_csv("123"), "123");
    }
}
