//! Text as Japanese forms receive it: full-width digits, half-width katakana, hiragana where
//! katakana was asked for, stray spaces. Each function gives back one canonical form.
use unicode_normalization::UnicodeNormalization;

/// NFKC folds full-width ASCII to ASCII and half-width katakana to full-width
/// (half-width katakana to full-width, full-width digits `\u{FF10}\u{FF13}` to `03`); whitespace
/// runs become one space.
pub fn fold_width(s: &str) -> String {
    let folded: String = s.nfkc().collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Hiragana to katakana (yamada in hiragana to yamada in katakana); everything else unchanged.
pub fn hiragana_to_katakana(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            // U+3041..U+3096 and the iteration marks U+309D, U+309E sit 0x60 below their katakana.
            '\u{3041}'..='\u{3096}' | '\u{309D}'..='\u{309E}' => {
                char::from_u32(c as u32 + 0x60).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// Only the digits of `s` after width folding (full-width `03-1234(5678)` gives `0312345678`).
pub fn digits(s: &str) -> String {
    fold_width(s).chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_and_scripts_fold() {
        assert_eq!(
            fold_width("ｶﾌﾞｼｷｶﾞｲｼｬ　 ﾄｳｷｮｳ"),
            "カブシキガイシャ トウキョウ"
        );
        assert_eq!(fold_width("ＡＢＣ１２３"), "ABC123");
        assert_eq!(hiragana_to_katakana("やまだ たろう"), "ヤマダ タロウ");
        assert_eq!(digits("〒１００－０００５"), "1000005");
    }
}
