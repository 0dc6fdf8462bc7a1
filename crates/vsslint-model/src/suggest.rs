//! "Did you mean …?": the known name closest to a mistyped one, for rule names, Windows
//! version names and severities.

/// The candidate closest to `input`, when it is close enough to be what was meant: the one
/// name it is the start of (`warn` for `warning`), or the name a few edits away relative to
/// its length (a typo, a transposition, another case).
pub fn nearest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = input.to_ascii_lowercase();
    let candidates: Vec<&str> = candidates.into_iter().collect();
    if wanted.len() >= 3 {
        let mut starting = candidates
            .iter()
            .filter(|c| c.to_ascii_lowercase().starts_with(&wanted));
        if let (Some(only), None) = (starting.next(), starting.next()) {
            return Some(only);
        }
    }
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::normalized_damerau_levenshtein(&wanted, &c.to_ascii_lowercase());
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    // Below this, two names share letters by chance rather than by a typo.
    best.filter(|(s, _)| *s >= 0.7).map(|(_, c)| c)
}

/// ` (did you mean `x`?)`, or nothing.
pub fn did_you_mean<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    nearest(input, candidates)
        .map(|c| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_names_and_far_ones() {
        let rules = [
            "fs/recursive-bool",
            "fs/path-missing",
            "comp/selectable-missing",
        ];
        assert_eq!(
            nearest("fs/recursive-bol", rules),
            Some("fs/recursive-bool")
        );
        assert_eq!(
            nearest("FS/RECURSIVE-BOOL", rules),
            Some("fs/recursive-bool")
        );
        assert_eq!(nearest("pom", rules), None);
        assert_eq!(
            nearest("warn", ["off", "info", "warning", "error"]),
            Some("warning")
        );
    }
}
