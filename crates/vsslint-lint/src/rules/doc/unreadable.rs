//! `doc/unreadable`: an input that cannot be read as documents at all.

use crate::rule_api::{rule, Check, Rule};
use crate::rule_meta::Severity;

pub static RULE: Rule = Rule {
    meta: rule!("doc/unreadable" {
        code: "VSL014",
        severity: Severity::Error,
        summary: "The input cannot be read: not opened, not read, or a container without documents",
        what: "Reported on an input, at its start, when vsslint cannot get a document out of it: \
    the file cannot be opened or read (permissions, a folder or device where a file was named, \
    larger than `--max-file-size`), a cabinet is damaged or truncated, a cabinet entry cannot be \
    decompressed, or a cabinet holds no `*.xml` document at all (only a log, another cabinet, or \
    nothing). The message says which, and the run goes on with the other inputs.",
        why: "A backup that cannot be read cannot be restored either, and an input that \
    silently yields no document would read as a clean result. DiskShadow's `set metadata` \
    cabinet holds `Manifest.xml`, `BCDocument.xml` and one `WMn.xml` per writer; a cabinet \
    without them is not a backup's metadata. Reporting the input as one finding keeps the \
    findings of every other input, in every output format.",
        sources: &[
            "DiskShadow set metadata / load metadata: https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/diskshadow",
        ],
    }),
    check: Check::Pipeline,
};
