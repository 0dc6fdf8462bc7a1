//! Help texts shared by rules: how to write a mask, a boolean or an enumeration value that
//! was written some other way.

use crate::diagnostic::{Applicability, Diagnostic, Fix};
use std::borrow::Cow;
use vsslint_model::span::Span;

/// The value a mask written in hexadecimal stands for.
fn hex_value(raw: &str) -> Option<u32> {
    raw.trim()
        .strip_prefix("0x")
        .or_else(|| raw.trim().strip_prefix("0X"))
        .and_then(|h| u32::from_str_radix(h, 16).ok())
}

/// [`decimal_hint`], and for a hexadecimal mask the fix that writes its decimal value: the
/// same number, so safe.
pub(crate) fn decimal_fix(d: &mut Diagnostic, name: &str, span: Span, raw: &str, example: &str) {
    let help = decimal_hint(name, raw, example);
    match hex_value(raw) {
        Some(n) => d.fix(help, Fix::replace(span, n.to_string(), Applicability::Safe)),
        None => d.help(help),
    };
}

/// Help for a mask written some other way: hexadecimal gets its decimal value.
pub(crate) fn decimal_hint(name: &str, raw: &str, example: &str) -> String {
    match hex_value(raw) {
        Some(n) => format!("write it in decimal: {name}=\"{n}\""),
        None => format!("write the mask as one decimal number, e.g. {example}"),
    }
}

/// The fixes for the vocabulary's boolean attributes, as fixed text: a document can misspell
/// thousands of them (one `recursive` per file set), and each finding would otherwise carry
/// its own copy of the same help.
macro_rules! bool_fixes {
    ($($name:literal),* $(,)?) => {
        &[$((
            $name,
            concat!("write ", $name, "=\"yes\" (booleans are lower-case yes or no)"),
            concat!("write ", $name, "=\"no\" (booleans are lower-case yes or no)"),
        )),*]
    };
}

const BOOL_FIXES: &[(&str, &str, &str)] = bool_fixes!(
    "recursive",
    "rebootRequired",
    "restoreMetadata",
    "notifyOnBackupComplete",
    "selectable",
    "selectableForRestore",
);

/// The boolean a spelling other than `yes`/`no` plainly means.
fn meant_bool(raw: &str) -> Option<bool> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" | "1" | "y" | "on" => Some(true),
        "no" | "false" | "0" | "n" | "off" => Some(false),
        _ => None,
    }
}

/// [`bool_help`], and the fix that writes the boolean meant when the spelling says which.
/// Safe: no consumer agrees on what `1` or `True` mean, and the fix writes what they spell.
pub(crate) fn bool_fix(d: &mut Diagnostic, name: &str, span: Span, raw: &str) {
    let help = bool_help(name, raw);
    match meant_bool(raw) {
        Some(v) => {
            let value = if v { "yes" } else { "no" };
            d.fix(help, Fix::replace(span, value, Applicability::Safe))
        }
        None => d.help(help),
    };
}

/// The fix for a boolean spelt another way: `true` → `yes`.
pub(crate) fn bool_help(name: &str, raw: &str) -> Cow<'static, str> {
    let meant = meant_bool(raw);
    let fixed = BOOL_FIXES.iter().find(|f| f.0 == name);
    match (meant, fixed) {
        (Some(true), Some(f)) => Cow::Borrowed(f.1),
        (Some(false), Some(f)) => Cow::Borrowed(f.2),
        (Some(v), None) => {
            let v = if v { "yes" } else { "no" };
            Cow::Owned(format!(
                "write {name}=\"{v}\" (booleans are lower-case yes or no)"
            ))
        }
        (None, _) => Cow::Owned(format!("write {name}=\"yes\" or {name}=\"no\"")),
    }
}

/// [`enum_help`], and the fix that writes the spelling most likely meant. Safe for the same
/// reason as [`bool_fix`]: the value written is none a consumer knows, and the fix writes the
/// constant it names.
pub(crate) fn enum_fix<T: Copy + PartialEq>(
    d: &mut Diagnostic,
    table: &'static [vsslint_model::vocab::Spelling<T>],
    attr: &str,
    span: Span,
    raw: &str,
    accept_key: &str,
) {
    let help = enum_help(table, attr, raw, accept_key);
    match vsslint_model::vocab::closest_spelling(table, raw) {
        Some(s) if !raw.is_empty() => d.fix(help, Fix::replace(span, s.xml, Applicability::Safe)),
        _ => d.help(help),
    };
}

/// Help for an enumeration value outside the table: the spelling most likely meant, or else the
/// accepted spellings and how to accept the writer's own spelling in the configuration.
pub(crate) fn enum_help<T: Copy + PartialEq>(
    table: &'static [vsslint_model::vocab::Spelling<T>],
    attr: &str,
    raw: &str,
    accept_key: &str,
) -> String {
    use vsslint_model::vocab::{closest_spelling, list_defined_spellings};
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

#[cfg(test)]
mod tests {
    use super::bool_help;

    #[test]
    fn boolean_fixes_read_the_same_fixed_or_formatted() {
        assert_eq!(
            bool_help("recursive", "True"),
            "write recursive=\"yes\" (booleans are lower-case yes or no)"
        );
        assert_eq!(
            bool_help("other", "0"),
            "write other=\"no\" (booleans are lower-case yes or no)"
        );
        assert_eq!(
            bool_help("selectable", "maybe"),
            "write selectable=\"yes\" or selectable=\"no\""
        );
    }
}
