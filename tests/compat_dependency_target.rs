//! `compat/dependency-target-removed` where the examples do not reach: a dependency that
//! only the depending writer's old release declares, and two single documents.

use vsslint::{LintedFile, Settings};

const LEDGER: &str = "5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10";
const ARCHIVE: &str = "7d3e1c52-8f4a-4b6e-9c0d-2a5b8e6f1c47";

fn writer(id: &str, name: &str, components: &str) -> String {
    format!(
        r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2">
  <IDENTIFICATION writerId="{id}" friendlyName="{name}" usage="USER_DATA" dataSource="OTHER" majorVersion="1" minorVersion="0"/>
  <RESTORE_METHOD method="REPLACE_AT_REBOOT_IF_CANNOT_REPLACE" writerRestore="never" rebootRequired="no"/>
  <BACKUP_LOCATIONS>
{components}
  </BACKUP_LOCATIONS>
</WRITER_METADATA>"#
    )
}

fn ledger(dependency: bool) -> String {
    let dep = if dependency {
        format!(
            r#"<DEPENDENCY onWriterId="{{{}}}" onLogicalPath="Archive" onComponentName="Ledgers"/>"#,
            ARCHIVE.to_uppercase()
        )
    } else {
        String::new()
    };
    writer(
        LEDGER,
        "Contoso Ledger Writer",
        &format!(
            r#"    <FILE_GROUP componentName="Ledgers" selectable="yes"><FILE_LIST path="C:\Ledgers" filespec="*.idx"/>{dep}</FILE_GROUP>"#
        ),
    )
}

fn archive(with_ledgers: bool) -> String {
    let mut c = String::from(
        r#"    <FILE_GROUP logicalPath="Archive" componentName="Reports" selectable="yes"><FILE_LIST path="D:\Reports" filespec="*.pdf"/></FILE_GROUP>"#,
    );
    if with_ledgers {
        c.push_str(r#"<FILE_GROUP logicalPath="Archive" componentName="Ledgers" selectable="yes"><FILE_LIST path="D:\Ledgers" filespec="*.idx"/></FILE_GROUP>"#);
    }
    writer(ARCHIVE, "Contoso Archive Writer", &c)
}

fn compare(old: &[(&str, String)], new: &[(&str, String)], collection: bool) -> Vec<LintedFile> {
    let bytes = |side: &'static str, docs: &[(&str, String)]| -> Vec<(String, Vec<u8>)> {
        docs.iter()
            .map(|(n, t)| (format!("{side}/{n}"), t.clone().into_bytes()))
            .collect()
    };
    let (old, new) = (bytes("old", old), bytes("new", new));
    let o: Vec<(&str, &[u8])> = old
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let n: Vec<(&str, &[u8])> = new
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    vsslint::compare(&o, &n, collection, &Settings::default())
}

const RULE: &str = "compat/dependency-target-removed";

#[test]
fn a_dependency_only_the_old_release_declares_is_reported_at_its_component_in_the_new_one() {
    let files = compare(
        &[("WM0.xml", ledger(true)), ("WM1.xml", archive(true))],
        &[("WM0.xml", ledger(false)), ("WM1.xml", archive(false))],
        true,
    );
    let found: Vec<(&LintedFile, &vsslint::Diagnostic)> = files
        .iter()
        .flat_map(|f| f.diagnostics.iter().map(move |d| (f, d)))
        .filter(|(_, d)| d.rule.slug == RULE)
        .collect();
    assert_eq!(found.len(), 1);
    let (file, d) = found[0];
    assert_eq!(file.path, "new/WM0.xml");
    let at = &file.text[d.span.start..d.span.end];
    assert_eq!(at, "FILE_GROUP", "at the dependent component");
    let related: Vec<(&str, &str)> = d
        .related
        .iter()
        .map(|r| {
            let path = r.elsewhere.as_ref().map_or("", |e| e.path.as_str());
            (path, r.message.as_str())
        })
        .collect();
    assert_eq!(related.len(), 2, "{related:?}");
    assert_eq!(
        related[0].0, "old/WM0.xml",
        "the dependency in the old release"
    );
    assert_eq!(
        related[1].0, "old/WM1.xml",
        "the component in its writer's old release"
    );
}

#[test]
fn a_dependency_both_releases_declare_is_reported_once_at_the_new_one() {
    let files = compare(
        &[("WM0.xml", ledger(true)), ("WM1.xml", archive(true))],
        &[("WM0.xml", ledger(true)), ("WM1.xml", archive(false))],
        true,
    );
    let found: Vec<(&str, &str)> = files
        .iter()
        .flat_map(|f| f.diagnostics.iter().map(move |d| (f, d)))
        .filter(|(_, d)| d.rule.slug == RULE)
        .map(|(f, d)| (f.path.as_str(), &f.text[d.span.start..d.span.end]))
        .collect();
    assert_eq!(found, [("new/WM0.xml", "DEPENDENCY")]);
}

#[test]
fn a_kept_component_raises_nothing_and_a_moved_one_does() {
    let raised = |archive_new: String| {
        compare(
            &[("WM0.xml", ledger(true)), ("WM1.xml", archive(true))],
            &[("WM0.xml", ledger(true)), ("WM1.xml", archive_new)],
            true,
        )
        .iter()
        .flat_map(|f| &f.diagnostics)
        .filter(|d| d.rule.slug == RULE)
        .count()
    };
    assert_eq!(raised(archive(true)), 0);
    assert_eq!(
        raised(archive(true).replace(
            r#"logicalPath="Archive" componentName="Ledgers""#,
            r#"logicalPath="Old" componentName="Ledgers""#
        )),
        1
    );
}
