//! Help texts shared by rules: how to write a mask, a boolean or an enumeration value that
//! was written some other way.

/// Help for a mask written some other way: hexadecimal gets its decimal value.
pub(crate) fn decimal_hint(name: &str, raw: &str, example: &str) -> String {
    let hex = raw
        .trim()
        .strip_prefix("0x")
        .or_else(|| raw.trim().strip_prefix("0X"))
        .and_then(|h| u32::from_str_radix(h, 16).ok());
    match hex {
        Some(n) => format!("write it in decimal: {name}=\"{n}\""),
        None => format!("write the mask as one decimal number, e.g. {example}"),
    }
}

/// The fix for a boolean spelt another way: `true` → `yes`.
pub(crate) fn bool_help(name: &str, raw: &str) -> String {
    let meant = match raw.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" | "1" | "y" | "on" => Some("yes"),
        "no" | "false" | "0" | "n" | "off" => Some("no"),
        _ => None,
    };
    match meant {
        Some(v) => format!("write {name}=\"{v}\" (booleans are lower-case yes or no)"),
        None => format!("write {name}=\"yes\" or {name}=\"no\""),
    }
}

/// Help for an enumeration value outside the table: the spelling most likely meant, or else the
/// accepted spellings and how to accept the writer's own spelling in the configuration.
pub(crate) fn enum_help<T: Copy + PartialEq>(
    table: &'static [crate::vocab::Spelling<T>],
    attr: &str,
    raw: &str,
    accept_key: &str,
) -> String {
    use crate::vocab::{closest_spelling, list_defined_spellings};
    if let Some(s) = closest_spelling(table, raw) {
        return format!(
            "write {attr}=\"{}\" (the spelling of {})",
            s.xml, s.constant
        );
    }
    let list = list_defined_spellings(table);
    if raw.trim().is_empty() {
        format!("write one of {list}")
    } else {
        format!(
            "write one of {list}; if the writer really writes \"{raw}\", map it to its API constant under [accept.{accept_key}] in vsslint.toml"
        )
    }
}
