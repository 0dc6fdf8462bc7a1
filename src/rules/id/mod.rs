//! §3.B: the writer's identification.

pub mod data_source_invalid;
pub mod friendly_name_missing;
pub mod instance_id_format;
pub mod instance_name_required;
pub mod known_writer;
pub mod null_guid;
pub mod other_source_with_database;
pub mod stale_instance;
pub mod usage_invalid;
pub mod version_advice;
pub mod version_format;
pub mod writer_id_format;

use crate::rules::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &writer_id_format::RULE,
    &instance_id_format::RULE,
    &null_guid::RULE,
    &friendly_name_missing::RULE,
    &usage_invalid::RULE,
    &data_source_invalid::RULE,
    &other_source_with_database::RULE,
    &instance_name_required::RULE,
    &version_format::RULE,
    &version_advice::RULE,
    &stale_instance::RULE,
    &known_writer::RULE,
];

use crate::model::{Attr, Guid};
use crate::rules::Cx;
use crate::Severity;

/// Shared by the writer and instance ID rules: both are GUIDs in the same form.
pub(crate) fn check_guid(cx: &mut Cx, attr: Option<&Attr<Guid>>, name: &str, what: &str) {
    let Some(a) = attr else {
        return;
    };
    match a.value {
        Guid::Plain(_) => {}
        Guid::Braced(u) => {
            let sev = cx.default_or_configured(Severity::Warning);
            cx.report(a.span, format!("{name} \"{}\" is wrapped in braces", a.raw))
                .severity(sev)
                .label("braces")
                .help(format!(
                    "VSS writes GUIDs without braces: {name}=\"{}\"",
                    u.hyphenated()
                ));
        }
        Guid::Invalid => {
            let shown = if a.raw.is_empty() {
                "empty".to_string()
            } else {
                format!("\"{}\"", a.raw)
            };
            cx.report(a.span, format!("{name} {shown} is not a GUID"))
                .label("not a GUID")
                .help(format!(
                    "{what} is a GUID of 32 hex digits in groups of 8-4-4-4-12, such as {name}=\"a65faa63-5ea8-4ebc-9dbd-a0c4db26912a\""
                ));
        }
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
