//! §3.B: the writer's identification.

pub mod instance_id_format;
pub mod version_format;
pub mod writer_id_format;

use crate::rules::Rule;

/// The rules of this group.
pub static RULES: &[&Rule] = &[
    &writer_id_format::RULE,
    &instance_id_format::RULE,
    &version_format::RULE,
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
