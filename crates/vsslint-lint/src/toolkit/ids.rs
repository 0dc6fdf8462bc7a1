//! Writer and instance IDs: the GUID checks shared by the `id/*` rules, and which in-box
//! writer a document names.

use crate::inbox::{self, InboxWriter};
use crate::rule_api::Cx;
use vsslint_model::model::{Attr, Guid, Identification};

/// Shared by the writer and instance ID rules: both are GUIDs in the same form. A braced
/// GUID is a GUID: [`check_braces`] reports it under a rule of its own.
pub(crate) fn check_guid(cx: &mut Cx, attr: Option<&Attr<Guid>>, name: &str, what: &str) {
    let Some(a) = attr.filter(|a| a.value == Guid::Invalid) else {
        return;
    };
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

/// A GUID written in braces, which VSS never writes in a writer metadata document.
pub(crate) fn check_braces(cx: &mut Cx, attr: Option<&Attr<Guid>>, name: &str) {
    let Some(a) = attr else {
        return;
    };
    if let Guid::Braced(u) = a.value {
        cx.report(a.span, format!("{name} \"{}\" is wrapped in braces", a.raw))
            .label("braces")
            .help(format!(
                "VSS writes GUIDs without braces: {name}=\"{}\"",
                u.hyphenated()
            ));
    }
}

/// The in-box writer an identification names, with its `writerId` attribute.
pub(crate) fn identify<'i, 'a>(
    id: &'i Identification<'a>,
) -> Option<(&'i Attr<'a, Guid>, &'static InboxWriter)> {
    let attr = id.writer_id.as_ref()?;
    let writer = inbox::find(attr.value.uuid()?)?;
    Some((attr, writer))
}
