//! `comp/type`: a component element other than `FILE_GROUP` or `DATABASE`.

use crate::diagnostic::Severity;
use crate::model::{Stray, StrayKind, WriterMetadata};
use crate::rules::{Check, Cx, Rule};

pub static RULE: Rule = Rule {
    meta: rule!("comp/type" {
        code: "VSL401",
        severity: Severity::Error,
        summary: "A component is written as an element other than FILE_GROUP or DATABASE",
        what: "In a writer metadata document the element name of a component is its type: \
    `FILE_GROUP` for `VSS_CT_FILEGROUP`, `DATABASE` for `VSS_CT_DATABASE`. This rule reports an \
    unknown element directly inside `BACKUP_LOCATIONS` whose name shows that it was meant as a \
    component: `COMPONENT` (the spelling of the backup components document, \
    `<COMPONENT componentType=\"filegroup\">`), `FILEGROUP`, `FILE_GROUPS`, `Database`, \
    `VSS_CT_FILEGROUP` and other spellings of the two names that differ only in case, \
    underscores, hyphens, a plural or a `VSS_CT_` prefix. Other unknown elements are left to \
    `doc/unknown-node`, which does not report the elements this rule reports.",
        why: "`VSS_COMPONENT_TYPE` has only two real values; `VSS_CT_UNDEFINED` marks an \
    application error. A requester reading the document finds no component in an element of \
    another name, so the files it lists are not backed up and cannot be selected for restore.",
        sources: &[
            "VSS_COMPONENT_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_component_type",
            "Component Types: https://learn.microsoft.com/en-us/windows/win32/vss/component-types",
            "Real DiskShadow output writes components as FILE_GROUP; the in-box writers page shows DATABASE (NTDS, AD LDS); the backup components document uses COMPONENT instead",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    for s in w.strays.iter().filter(|s| claims(s)) {
        let help = match meant_type(s.name) {
            Some(el) => format!(
                "write the component as <{el} logicalPath=\"…\" componentName=\"…\" selectable=\"…\">; element names are case-sensitive"
            ),
            None => "write the component as <FILE_GROUP …> (files in FILE_LIST) or <DATABASE …> (files in DATABASE_FILES and DATABASE_LOGFILES); a writer metadata document has no COMPONENT element".to_string(),
        };
        cx.report(
            s.span,
            format!(
                "<{}> is not a component type; a component is a FILE_GROUP or a DATABASE",
                s.name
            ),
        )
        .label("not FILE_GROUP or DATABASE")
        .help(help);
    }
}

/// Whether this rule reports the stray; `doc/unknown-node` skips the ones it does.
pub fn claims(s: &Stray) -> bool {
    s.kind == StrayKind::UnknownElement
        && s.parent == "BACKUP_LOCATIONS"
        && looks_like_component(s.name)
}

/// The name folded to upper case without `_`, `-`, `.` and a `VSS_CT_` prefix.
fn fold(name: &str) -> String {
    let folded: String = name
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | '.'))
        .flat_map(char::to_uppercase)
        .collect();
    match folded.strip_prefix("VSSCT") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => folded,
    }
}

fn looks_like_component(name: &str) -> bool {
    let f = fold(name);
    meant_type(name).is_some() || f.contains("COMPONENT") || f == "UNDEFINED"
}

/// The element a near-miss spelling stands for.
fn meant_type(name: &str) -> Option<&'static str> {
    let f = fold(name);
    let f = f.strip_suffix("COMPONENT").unwrap_or(&f);
    match f {
        "FILEGROUP" | "FILEGROUPS" => Some("FILE_GROUP"),
        "DATABASE" | "DATABASES" | "DB" => Some("DATABASE"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_name_the_intended_type() {
        assert_eq!(meant_type("FILEGROUP"), Some("FILE_GROUP"));
        assert_eq!(meant_type("File_Groups"), Some("FILE_GROUP"));
        assert_eq!(meant_type("VSS_CT_DATABASE"), Some("DATABASE"));
        assert_eq!(meant_type("Database"), Some("DATABASE"));
        assert_eq!(meant_type("COMPONENT"), None);
        assert!(looks_like_component("COMPONENT"));
        assert!(looks_like_component("WriterComponents"));
    }

    #[test]
    fn file_set_and_exclude_typos_are_not_components() {
        for n in [
            "FILELIST",
            "DATABASEFILES",
            "DATABASE_LOG_FILES",
            "EXCLUDE",
            "VSS_CT_",
        ] {
            assert!(!looks_like_component(n), "{n}");
        }
    }
}
