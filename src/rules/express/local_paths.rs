//! `express/local-paths`: express exclude lists name local files.

use crate::model::{Exclude, ExcludeKind, WriterMetadata};
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use crate::toolkit::file_paths::is_unc;

pub static RULE: Rule = Rule {
    meta: rule!("express/local-paths" {
        code: "VSL711",
        severity: Severity::Warning,
        profile: Profile::Express,
        summary: "an express writer's exclude list names a network share",
        what: "With `--express`, reports an `EXCLUDE_FILES` path that is a UNC path \
    (`\\\\server\\share\\…` or `\\\\?\\UNC\\…`). A mapped network drive cannot be told from a \
    local one in the document and is not reported. `EXCLUDE_FILES_FROM_SNAPSHOT` entries are \
    already errors under `express/exclude-from-snapshot`.",
        why: "The express `AddExcludeFiles` supports only local resources: a path that, once its \
    environment variables are expanded, starts with a local volume and is not a mapped network \
    drive. A network path there is outside what the express API accepts, so a requester cannot \
    rely on the exclusion being honoured.",
        sources: &[
            "IVssCreateExpressWriterMetadata::AddExcludeFiles (remarks): https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreateexpresswritermetadata-addexcludefiles",
        ],
    }),
    check: Check::Exclude(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, e: &Exclude) {
    if e.kind != ExcludeKind::ExcludeFiles {
        return;
    }
    let Some(a) = &e.path else {
        return;
    };
    if !is_unc(a.raw) {
        return;
    }
    cx.report(
        a.span,
        format!(
            "path \"{}\" of <{}> is a network share; express writers support only local resources",
            a.raw, e.node.name
        ),
    )
    .label("network path")
    .help("name the directory on a local volume: a drive path, an environment variable such as %ProgramData%, or \\\\?\\Volume{GUID}\\…");
}
