//! `doc/unknown-node`: elements and attributes outside the vocabulary.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::{StrayKind, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("doc/unknown-node" {
        code: "VSL010",
        severity: Severity::Warning,
        summary: "An element, attribute or text outside the writer metadata vocabulary",
        what: "Warns about an element or attribute that is not part of a writer metadata \
    document, a known element in a place it cannot be (a `FILE_LIST` directly under \
    `BACKUP_LOCATIONS`), and text between elements. The vocabulary includes the names whose XML \
    spelling is inferred rather than confirmed: `ALTERNATE_LOCATION_MAPPING` (`path`, `filespec`, \
    `recursive`, `alternatePath`), `DEPENDENCY` / `COMPONENT_DEPENDENCY` (`onWriterId`, \
    `onLogicalPath`, `onComponentName`, or the same without `on`), `service` and `userProcedure` \
    on `RESTORE_METHOD`, `alternatePath` on file sets and `icon` on components. A file set under \
    the wrong kind of component is reported by `comp/fileset-wrong-parent`, include lists by \
    `doc/include-list`, and an unknown element under `BACKUP_LOCATIONS` named like a component \
    (`COMPONENT`, `FILEGROUP`, `DATABASES`…) by `comp/type`.",
        why: "What VSS does with a name it does not know is not documented: it may ignore it, or \
    `CreateVssExamineWriterMetadata` may report `VSS_E_INVALID_XML_DOCUMENT` for a document \
    that does not match the (unpublished) schema. Either way a misspelt name (`FILELIST`, `recurse`) means that what the writer meant to \
    say is lost at restore time.",
        sources: &[
            "Writer Metadata Document Contents: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-contents",
            "CreateVssExamineWriterMetadata (documents that do not match the schema fail): https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-createvssexaminewritermetadata",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    // Component-like names under BACKUP_LOCATIONS are comp/type's.
    for s in w
        .strays
        .iter()
        .filter(|s| !crate::toolkit::components::claims(s))
    {
        match s.kind {
            StrayKind::UnknownElement => {
                cx.report(s.span, format!("unknown element <{}> in <{}>", s.name, s.parent))
                    .label("not a writer metadata element")
                    .help(format!("remove it, or fix its name; see `vsslint explain doc/unknown-node` for the elements allowed in {}", s.parent));
            }
            StrayKind::MisplacedElement => {
                let home = home_of(s.name);
                cx.report(
                    s.span,
                    format!("<{}> cannot appear inside <{}>", s.name, s.parent),
                )
                .label("misplaced element")
                .help(format!("move it into {home}"));
            }
            StrayKind::UnknownAttribute => {
                cx.report(
                    s.span,
                    format!("unknown attribute `{}` on <{}>", s.name, s.parent),
                )
                .label("not an attribute of this element")
                .help("remove it, or fix its spelling (names are case-sensitive)");
            }
            StrayKind::Text => {
                cx.report(s.span, format!("text inside <{}>", s.parent))
                    .label("character data")
                    .help("writer metadata elements hold only elements and attributes; remove the text");
            }
            StrayKind::IncludeList => {}
        }
    }
}

fn home_of(name: &str) -> &'static str {
    match name {
        "IDENTIFICATION" | "RESTORE_METHOD" | "BACKUP_LOCATIONS" => "WRITER_METADATA",
        "FILE_GROUP" | "DATABASE" | "EXCLUDE_FILES" | "EXCLUDE_FILES_FROM_SNAPSHOT" => {
            "BACKUP_LOCATIONS"
        }
        "FILE_LIST" => "a FILE_GROUP component",
        "DATABASE_FILES" | "DATABASE_LOGFILES" => "a DATABASE component",
        "DEPENDENCY" | "COMPONENT_DEPENDENCY" => {
            "the FILE_GROUP or DATABASE that depends on the other component"
        }
        "ALTERNATE_LOCATION_MAPPING" => "RESTORE_METHOD",
        _ => "WRITER_METADATA",
    }
}
