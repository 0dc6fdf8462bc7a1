//! Fixes: the help and the fix say the same thing for every rule example, the rules that
//! declare a fix are the ones whose findings carry one (and the README lists them), and
//! `--fix`/`--diff` keep the file as it was apart from the edit.

mod common;

use common::{stderr, stdout, vsslint, vsslint_with_stdin};
use std::collections::BTreeSet;
use vsslint::fix::{apply, edits_of};
use vsslint::{all_rules, lint_bytes, Applicability, Settings};

/// The attribute around an edit in the fixed text, as a help text writes it: `name="value"`.
fn written(fixed: &str, start: usize, replacement: &str) -> String {
    if replacement.starts_with(char::is_whitespace) {
        return replacement.trim().to_string();
    }
    let end = start + replacement.len();
    let b = fixed.as_bytes();
    let mut s = start;
    while s > 0 && !b[s - 1].is_ascii_whitespace() && b[s - 1] != b'<' {
        s -= 1;
    }
    let mut e = end;
    while e < b.len() && !b[e].is_ascii_whitespace() && b[e] != b'>' {
        e += 1;
    }
    fixed[s..e].trim_end_matches('/').to_string()
}

/// Rules whose bad example is one their fix cannot repair (`NOT_SYSTEM_STATE` is no number):
/// their good example with a value the fix can repair.
const REPAIRABLE: &[(&str, &str, &str)] = &[
    (
        "comp/flags-format",
        "componentFlags=\"0\"",
        "componentFlags=\"0x0\"",
    ),
    (
        "id/data-source-invalid",
        "dataSource=\"OTHER\"",
        "dataSource=\"other\"",
    ),
    (
        "restore/writer-restore-invalid",
        "writerRestore=\"never\"",
        "writerRestore=\"NEVER\"",
    ),
];

#[test]
fn every_example_fix_does_what_its_help_says_and_clears_its_finding() {
    let mut failures = Vec::new();
    let mut with_fixes = BTreeSet::new();
    for rule in all_rules() {
        let meta = &rule.meta;
        if !meta.companions.is_empty() || meta.across_documents {
            continue;
        }
        let settings = Settings::for_bad_example(meta);
        let mut examples = vec![meta.bad.to_string()];
        for (slug, from, to) in REPAIRABLE {
            if *slug == meta.slug {
                assert!(meta.good.contains(from), "{slug}");
                examples.push(meta.good.replace(from, to));
            }
        }
        for example in examples {
            let bad = lint_bytes("bad.xml", example.as_bytes(), &settings);
            let of_rule = |f: &vsslint::LintedFile| {
                f.diagnostics
                    .iter()
                    .filter(|d| d.rule.slug == meta.slug)
                    .count()
            };
            for d in &bad.diagnostics {
                let Some(fix) = &d.fix else { continue };
                with_fixes.insert(d.rule.slug);
                let help = d.help.as_deref().unwrap_or_default();
                let fixed = apply(&bad.text, &edits_of(&[fix]));
                // Where each edit lands in the fixed text: shifted by the edits before it.
                let mut shift: isize = 0;
                for e in &fix.edits {
                    let at = (e.span.start as isize + shift) as usize;
                    let said = written(&fixed, at, &e.replacement);
                    if !help.contains(&said) {
                        failures.push(format!(
                            "{}: the fix writes `{said}`, the help says `{help}`",
                            meta.slug
                        ));
                    }
                    shift += e.replacement.len() as isize - e.span.len() as isize;
                }
                if meta.fix.is_none_or(|declared| fix.applicability > declared) {
                    failures.push(format!(
                        "{}: a {:?} fix from a rule that declares {:?}",
                        meta.slug, fix.applicability, meta.fix
                    ));
                }
                let after = lint_bytes("bad.xml", fixed.as_bytes(), &settings);
                if of_rule(&after) >= of_rule(&bad) {
                    failures.push(format!("{}: the fix leaves the finding", meta.slug));
                }
            }
        }
    }
    let declared: BTreeSet<&str> = all_rules()
        .iter()
        .filter(|r| r.meta.fix.is_some())
        .map(|r| r.meta.slug)
        .collect();
    for slug in declared.difference(&with_fixes) {
        failures.push(format!(
            "{slug}: declares a fix, but its bad example's findings carry none"
        ));
    }
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    for slug in &declared {
        if !readme.contains(&format!("`{slug}`")) {
            failures.push(format!("{slug}: has a fix the README does not list"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn safe_comes_before_unsafe() {
    assert!(Applicability::Safe < Applicability::Unsafe);
}

/// A copy of `name` from the corpus in a fresh folder, with its first `recursive` value
/// replaced by `1`; with the copy's path and bytes.
fn planted(dir: &std::path::Path, name: &str) -> (std::path::PathBuf, Vec<u8>, String) {
    let bytes = std::fs::read(common::corpus().join("express-writers-win10").join(name)).unwrap();
    assert_eq!(&bytes[..2], b"\xFF\xFE", "{name} is UTF-16LE with a BOM");
    let units: Vec<u16> = bytes[2..]
        .chunks(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    let text = String::from_utf16(&units).unwrap();
    assert!(text.contains("\r\n"));
    let at = text.find("recursive=\"").unwrap() + "recursive=\"".len();
    let len = text[at..].find('"').unwrap();
    let planted = format!("{}1{}", &text[..at], &text[at + len..]);
    let mut out = b"\xFF\xFE".to_vec();
    out.extend(planted.encode_utf16().flat_map(u16::to_le_bytes));
    let path = dir.join(name);
    std::fs::write(&path, &out).unwrap();
    (path, out, planted)
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("vsslint-fixes-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn fixes_on_express_manifests_change_only_the_planted_bytes() {
    let dir = temp_dir("express");
    for name in [
        "0bada1de-01a9-4625-8278-69e735f39dd2.xml",
        "75DFB225-E2E4-4d39-9AC9-FFAFF65DDF06.xml",
    ] {
        let (path, before, text) = planted(&dir, name);
        let p = path.to_str().unwrap();

        let diff = vsslint(&["--express", "--diff", p]);
        assert_eq!(diff.status.code(), Some(1), "{}", stderr(&diff));
        let shown = stdout(&diff);
        let changed: Vec<&str> = shown
            .lines()
            .filter(|l| {
                (l.starts_with('-') || l.starts_with('+'))
                    && !l.starts_with("---")
                    && !l.starts_with("+++")
            })
            .collect();
        assert_eq!(changed.len(), 2, "{shown}");
        assert!(
            changed[0].trim_end().ends_with("recursive=\"1\""),
            "{shown}"
        );
        assert!(
            changed[1].trim_end().ends_with("recursive=\"yes\""),
            "{shown}"
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "--diff wrote the file"
        );

        let fix = vsslint(&["--express", "--fix", p]);
        assert!(
            stderr(&fix).contains("fixed 1 finding in 1 file"),
            "{}",
            stderr(&fix)
        );
        let after = std::fs::read(&path).unwrap();
        // The planted `1` became `yes`: one UTF-16 unit became three, the rest is the same.
        let at = 2 + 2 * text[..text.find("recursive=\"1\"").unwrap() + 11]
            .encode_utf16()
            .count();
        assert_eq!(&after[..at], &before[..at]);
        assert_eq!(&after[at..at + 6], b"y\0e\0s\0");
        assert_eq!(&after[at + 6..], &before[at + 2..]);

        let relint = vsslint(&["--express", "--format", "concise", p]);
        assert!(
            !stdout(&relint).contains("fs/recursive-bool"),
            "{}",
            stdout(&relint)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

const BAD: &str = "<WRITER_METADATA version=\"1.2\" xmlns=\"x-schema:#VssWriterMetadataInfo\">\
<IDENTIFICATION writerId=\"11111111-2222-3333-4444-555555555555\" instanceId=\"11111111-2222-3333-4444-555555555556\" friendlyName=\"Contoso\" usage=\"USER_DATA\" dataSource=\"OTHER\"/>\
<RESTORE_METHOD method=\"RESTORE_IF_CAN_BE_REPLACED\" writerRestore=\"never\" rebootRequired=\"no\"/>\
<BACKUP_LOCATIONS><FILE_GROUP logicalPath=\"Contoso\" componentName=\"Ledger\" caption=\"Ledger\" restoreMetadata=\"no\" notifyOnBackupComplete=\"no\" selectable=\"yes\" selectableForRestore=\"no\" componentFlags=\"0\">\
<FILE_LIST path=\"C:\\Ledger\" filespec=\"*.dat\" recursive=\"true\" filespecBackupType=\"0xF0F\"/>\
</FILE_GROUP></BACKUP_LOCATIONS></WRITER_METADATA>\r\n";

#[test]
fn fix_writes_through_a_symlink_and_keeps_permissions() {
    let dir = temp_dir("link");
    let target = dir.join("real.xml");
    std::fs::write(&target, BAD).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.join("link.xml");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let out = vsslint(&["--fix", link.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        let fixed = std::fs::read_to_string(&target).unwrap();
        assert_eq!(fixed, bad_fixed());
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        // Nothing is left beside it.
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_read_only_file_is_refused_and_left_alone() {
    let dir = temp_dir("readonly");
    let path = dir.join("ro.xml");
    std::fs::write(&path, BAD).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let out = vsslint(&["--fix", path.to_str().unwrap()]);
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    assert_eq!(out.status.code(), Some(1), "the findings are still there");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), BAD);
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&path, perms).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

/// The fixed text of [`BAD`].
#[cfg(unix)]
fn bad_fixed() -> String {
    BAD.replace("\"true\"", "\"yes\"").replace("0xF0F", "3855")
}

#[cfg(unix)]
#[test]
fn a_hard_linked_file_is_left_alone_with_a_message() {
    use std::os::unix::fs::MetadataExt;
    let dir = temp_dir("hardlink");
    let path = dir.join("a.xml");
    let other = dir.join("b.xml");
    std::fs::write(&path, BAD).unwrap();
    std::fs::hard_link(&path, &other).unwrap();
    let inode = std::fs::metadata(&path).unwrap().ino();
    let out = vsslint(&["--fix", path.to_str().unwrap()]);
    assert!(
        stderr(&out).contains(&format!(
            "vsslint: `{}` left unchanged: it has 2 hard links, which writing the fixed file in \
             its place would split",
            path.display()
        )),
        "{}",
        stderr(&out)
    );
    assert_eq!(out.status.code(), Some(1), "the findings are still there");
    for p in [&path, &other] {
        assert_eq!(std::fs::read_to_string(p).unwrap(), BAD);
        assert_eq!(std::fs::metadata(p).unwrap().ino(), inode);
    }
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
    // --diff writes nothing, so it has nothing to refuse.
    let diff = vsslint(&["--diff", path.to_str().unwrap()]);
    assert_eq!(diff.status.code(), Some(1));
    assert!(
        !stderr(&diff).contains("left unchanged"),
        "{}",
        stderr(&diff)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Whether this process may give files away, judged by the owner of a file it creates: root's
/// files are user 0. The tests of another user's file need that, to make one.
#[cfg(unix)]
fn may_chown(test: &str, dir: &std::path::Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = dir.join("probe");
    std::fs::write(&probe, b"").unwrap();
    let root = std::fs::metadata(&probe).unwrap().uid() == 0;
    std::fs::remove_file(&probe).unwrap();
    if !root {
        eprintln!("skipped: {test}: needs root, to make a file that belongs to another user");
    }
    root
}

/// A user and group that own nothing else here.
#[cfg(unix)]
const OTHER: u32 = 48_213;

#[cfg(unix)]
#[test]
fn fix_keeps_the_owner_and_group_of_another_users_file() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = temp_dir("owner");
    if !may_chown("fix_keeps_the_owner_and_group_of_another_users_file", &dir) {
        return;
    }
    let path = dir.join("theirs.xml");
    std::fs::write(&path, BAD).unwrap();
    std::os::unix::fs::chown(&path, Some(OTHER), Some(OTHER + 1)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = vsslint(&["--fix", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), bad_fixed());
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (OTHER, OTHER + 1));
    assert_eq!(meta.permissions().mode() & 0o7777, 0o640);
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn another_users_file_is_left_alone_when_its_owner_cannot_be_kept() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    use std::os::unix::process::CommandExt;
    let dir = temp_dir("not-mine");
    if !may_chown(
        "another_users_file_is_left_alone_when_its_owner_cannot_be_kept",
        &dir,
    ) {
        return;
    }
    // A file anyone may write, in a folder anyone may write: only its owner stops the fix.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    let path = dir.join("theirs.xml");
    std::fs::write(&path, BAD).unwrap();
    std::os::unix::fs::chown(&path, Some(OTHER), Some(OTHER)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vsslint"))
        .args(["--fix", path.to_str().unwrap()])
        .current_dir(&dir)
        .env("HOME", &dir)
        .env("NO_COLOR", "1")
        .uid(OTHER + 7)
        .gid(OTHER + 7)
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains(&format!(
            "vsslint: `{}` left unchanged: it belongs to user {OTHER} and group {OTHER}, and the \
             fixed file could not be given them",
            path.display()
        )) && stderr(&out).contains("run vsslint as that user, or as root"),
        "{}",
        stderr(&out)
    );
    assert_eq!(out.status.code(), Some(1), "the findings are still there");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), BAD);
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (OTHER, OTHER));
    // The new file written beside it is gone.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_document_that_is_not_well_formed_is_never_modified() {
    let dir = temp_dir("malformed");
    let path = dir.join("bad.xml");
    let broken = BAD.replace("</FILE_GROUP>", "");
    std::fs::write(&path, &broken).unwrap();
    let out = vsslint(&["--fix", path.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    assert_eq!(out.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fix_of_standard_input_writes_the_fixed_document_to_standard_output() {
    let out = vsslint_with_stdin(&["--fix", "-"], Some(BAD.as_bytes()));
    assert_eq!(
        stdout(&out),
        BAD.replace("\"true\"", "\"yes\"").replace("0xF0F", "3855")
    );
    assert!(
        stderr(&out).contains("fixed 2 findings"),
        "{}",
        stderr(&out)
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn unsafe_fixes_only_when_asked() {
    let doc = BAD.replace("restoreMetadata=\"no\"", "restoreMetadata=\"yes\"");
    let out = vsslint_with_stdin(&["--fix", "-"], Some(doc.as_bytes()));
    assert!(stdout(&out).contains("restoreMetadata=\"yes\""));
    let out = vsslint_with_stdin(&["--fix", "--unsafe-fixes", "-"], Some(doc.as_bytes()));
    assert!(
        stdout(&out).contains("restoreMetadata=\"no\""),
        "{}",
        stdout(&out)
    );
}

#[test]
fn diff_exits_zero_when_there_is_nothing_to_fix() {
    let clean = BAD.replace("\"true\"", "\"yes\"").replace("0xF0F", "3855");
    let out = vsslint_with_stdin(&["--diff", "-"], Some(clean.as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}

#[test]
fn machine_formats_carry_the_fix() {
    let out = vsslint_with_stdin(&["--format", "json-lines", "-"], Some(BAD.as_bytes()));
    let fixes: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter_map(|d| d.get("fix").cloned())
        .collect();
    assert_eq!(fixes.len(), 2);
    assert_eq!(fixes[0]["applicability"], "safe");
    let out = vsslint_with_stdin(&["--format", "sarif", "-"], Some(BAD.as_bytes()));
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let change = &results.iter().find(|r| r.get("fixes").is_some()).unwrap()["fixes"][0]
        ["artifactChanges"][0]["replacements"][0];
    assert!(change["deletedRegion"]["startLine"].is_u64());
    assert!(change["deletedRegion"].get("byteOffset").is_none());
}
