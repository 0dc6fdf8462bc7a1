//! `comp/type`: a component element other than `FILE_GROUP` or `DATABASE`.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::components::{claims, meant_type};
use vsslint_model::model::WriterMetadata;

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

#[cfg(test)]
mod tests {
    use crate::toolkit::components::{looks_like_component, meant_type};

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
