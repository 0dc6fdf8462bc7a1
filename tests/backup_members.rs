//! A backup is what is on disk: a folder that holds a backup components document or a manifest
//! is one backup whichever of its files are named; the others are read for context and never
//! reported on. And a folder gives the findings its files give packed as a cabinet.

mod common;

use common::{json, vsslint, Scratch};
use std::path::Path;

const SETS: &[&str] = &["diskshadow-ws2012-sql2017", "diskshadow-ws2012-sql2017-b"];

/// Copies a file, writable: the corpus's files are read-only, and Windows neither replaces
/// nor removes a read-only file.
fn copy(from: impl AsRef<Path>, to: impl AsRef<Path>) {
    std::fs::copy(&from, &to).unwrap();
    let mut permissions = std::fs::metadata(&to).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&to, permissions).unwrap();
}

fn names(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

/// The findings of `set/*` rules above info, and every finding's file.
fn set_findings_above_info(report: &serde_json::Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"].as_str().unwrap().starts_with("set/") && d["severity"] != "info")
        .map(|d| format!("{} {} {}", d["file"], d["rule"], d["message"]))
        .collect()
}

fn files_reported(report: &serde_json::Value) -> Vec<String> {
    let mut files: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap().to_string())
        .collect();
    files.dedup();
    files
}

/// pre-commit names the staged files in batches, one run each: a clean backup named in two
/// halves gives no `set/*` error or warning, and each run reports only on its own files.
#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn a_clean_backup_named_in_halves_is_clean() {
    let corpus = common::corpus();
    for set in SETS {
        let dir = corpus.join(set);
        let all: Vec<String> = names(&dir)
            .iter()
            .map(|n| dir.join(n).to_string_lossy().into_owned())
            .collect();
        let (first, second) = all.split_at(all.len() / 2);
        for half in [first, second] {
            let mut args = vec!["--format", "json"];
            args.extend(half.iter().map(String::as_str));
            let o = vsslint(&args);
            let report = json(&o);
            assert_eq!(
                set_findings_above_info(&report),
                Vec::<String>::new(),
                "{set}"
            );
            assert_eq!(o.status.code(), Some(0), "{set}: {report:#}");
            // Reports name files relative to the working directory: the file name tells.
            for file in files_reported(&report) {
                let name = file.rsplit('/').next().unwrap();
                assert!(
                    half.iter()
                        .any(|h| Path::new(h).file_name().unwrap() == name),
                    "{file} was not named"
                );
            }
            assert_eq!(
                report["summary"]["files"].as_u64(),
                Some(half.len() as u64),
                "only the files named are counted"
            );
        }
    }
}

/// `vsslint set/Manifest.xml set/WM0.xml` and `--exclude WM3.xml set` see the whole backup.
#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn a_backup_named_in_part_or_with_exclusions_is_clean() {
    let corpus = common::corpus();
    for set in SETS {
        let dir = corpus.join(set);
        for args in [
            vec![
                dir.join("Manifest.xml").to_string_lossy().into_owned(),
                dir.join("WM0.xml").to_string_lossy().into_owned(),
            ],
            vec![
                dir.join("BCDocument.xml").to_string_lossy().into_owned(),
                dir.join("WM0.xml").to_string_lossy().into_owned(),
            ],
            vec![
                "--exclude".to_string(),
                "WM3.xml".to_string(),
                dir.to_string_lossy().into_owned(),
            ],
        ] {
            let mut all = vec!["--format", "json"];
            all.extend(args.iter().map(String::as_str));
            let o = vsslint(&all);
            let report = json(&o);
            assert_eq!(
                set_findings_above_info(&report),
                Vec::<String>::new(),
                "{set} {args:?}"
            );
            assert_eq!(o.status.code(), Some(0), "{set} {args:?}");
            assert!(
                !files_reported(&report)
                    .iter()
                    .any(|f| f.ends_with("WM3.xml") && args.contains(&"WM3.xml".to_string())),
                "an excluded file is a member, never reported"
            );
        }
    }
}

/// Each subset of a real backup, as a folder and packed as a cabinet, gives the same findings
/// at the same places: lost writer documents are missed in neither.
#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
#[cfg_attr(no_gcab, ignore = "needs gcab (see README, Running the tests)")]
fn a_folder_gives_the_findings_of_the_same_files_in_a_cabinet() {
    let corpus = common::corpus();
    let gcab = common::gcab();
    let scratch = Scratch::new("folder-vs-cab");
    let shown = common::findings_by_name;
    let subsets: &[&[&str]] = &[
        &["BCDocument.xml", "Manifest.xml"],
        &["BCDocument.xml"],
        &["Manifest.xml"],
        &["Manifest.xml", "WM0.xml", "WM5.xml"],
        &["BCDocument.xml", "WM1.xml", "WM2.xml", "WM3.xml"],
    ];
    let mut errors_seen = 0;
    for set in SETS {
        let dir = corpus.join(set);
        for (k, subset) in subsets.iter().enumerate() {
            let folder = scratch.0.join(format!("{set}-{k}"));
            std::fs::create_dir_all(&folder).unwrap();
            for name in *subset {
                copy(dir.join(name), folder.join(name));
            }
            let cab = scratch.0.join(format!("{set}-{k}.cab"));
            let status = std::process::Command::new(&gcab)
                .arg("-c")
                .arg(&cab)
                .args(*subset)
                .current_dir(&folder)
                .status()
                .unwrap();
            assert!(status.success());
            let from_folder = json(&vsslint(&["--format", "json", folder.to_str().unwrap()]));
            let from_cab = json(&vsslint(&["--format", "json", cab.to_str().unwrap()]));
            // A cabinet without a manifest says so, which a folder need not.
            let cab_only = |line: &String| line.contains("holds no Manifest.xml");
            let cab_findings: Vec<String> = shown(&from_cab, ".cab!/")
                .into_iter()
                .filter(|l| !cab_only(l))
                .collect();
            assert_eq!(shown(&from_folder, "/"), cab_findings, "{set} {subset:?}");
            errors_seen += from_folder["summary"]["errors"].as_u64().unwrap();
        }
    }
    assert!(errors_seen > 0, "the lost writer documents are found");
}

/// A folder holding only a backup components document and a manifest has lost every writer's
/// document: errors, not "Found 1 info".
#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn a_backup_without_writer_documents_is_an_error() {
    let corpus = common::corpus();
    let scratch = Scratch::new("no-writers");
    let dir = corpus.join(SETS[0]);
    for name in ["BCDocument.xml", "Manifest.xml"] {
        copy(dir.join(name), scratch.0.join(name));
    }
    let o = vsslint(&["--format", "json", scratch.0.to_str().unwrap()]);
    let report = json(&o);
    assert_eq!(o.status.code(), Some(1));
    let rules: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"set/unknown-writer"), "{rules:?}");
    assert!(rules.contains(&"set/manifest-writers"), "{rules:?}");
}

/// A backup components document saved under another name (BETest, vshadow) and named alone
/// makes its folder a backup: the writers' documents beside it are read for context.
#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn a_backup_components_document_under_another_name_reads_its_folder() {
    let corpus = common::corpus();
    let scratch = Scratch::new("bcd-renamed");
    let dir = corpus.join(SETS[1]);
    for name in names(&dir) {
        if name == "Manifest.xml" {
            continue;
        }
        let to = if name == "BCDocument.xml" {
            "backup-2026.xml".to_string()
        } else {
            name.clone()
        };
        copy(dir.join(&name), scratch.0.join(to));
    }
    let named = scratch.0.join("backup-2026.xml");
    let o = vsslint(&["--format", "json", named.to_str().unwrap()]);
    let report = json(&o);
    assert_eq!(set_findings_above_info(&report), Vec::<String>::new());
    assert_eq!(o.status.code(), Some(0), "{report:#}");
    // Without the writers' documents the same file is wrong.
    for name in names(&scratch.0) {
        if name.starts_with("WM") {
            std::fs::remove_file(scratch.0.join(name)).unwrap();
        }
    }
    let report = json(&vsslint(&["--format", "json", named.to_str().unwrap()]));
    assert!(
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["rule"] == "set/unknown-writer"),
        "{report:#}"
    );
}

/// A writer's document that cannot be parsed is reported once, as what it is: neither the
/// manifest nor the backup components document calls it missing as well; in a folder and in a
/// cabinet alike.
#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
#[cfg_attr(no_gcab, ignore = "needs gcab (see README, Running the tests)")]
fn an_unreadable_member_is_reported_once() {
    let corpus = common::corpus();
    let scratch = Scratch::new("unreadable-member");
    let dir = corpus.join(SETS[0]);
    let folder = scratch.0.join("set");
    std::fs::create_dir_all(&folder).unwrap();
    for name in names(&dir) {
        copy(dir.join(&name), folder.join(&name));
    }
    let wm3 = std::fs::read(folder.join("WM3.xml")).unwrap();
    std::fs::write(folder.join("WM3.xml"), &wm3[..wm3.len() / 2]).unwrap();
    let cab = scratch.0.join("set.cab");
    let status = std::process::Command::new(common::gcab())
        .arg("-c")
        .arg(&cab)
        .args(names(&folder))
        .current_dir(&folder)
        .status()
        .unwrap();
    assert!(status.success());
    for target in [&folder, &cab] {
        let report = json(&vsslint(&["--format", "json", target.to_str().unwrap()]));
        let errors: Vec<String> = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] == "error")
            .map(|d| format!("{} {}", d["file"], d["rule"]))
            .collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("WM3.xml") && errors[0].contains("doc/not-well-formed"),
            "{errors:?}"
        );
    }
}

/// `--fix` and `--diff` never rewrite a cabinet's documents, and say so on standard error with
/// how many fixes were left, instead of printing nothing.
#[test]
#[cfg_attr(no_gcab, ignore = "needs gcab (see README, Running the tests)")]
fn fixes_inside_a_cabinet_are_reported_not_applied() {
    let gcab = common::gcab();
    let scratch = Scratch::new("fix-cab");
    std::fs::copy(
        "fixtures/rules/fs/recursive-bool/bad.xml",
        scratch.0.join("WM0.xml"),
    )
    .unwrap();
    let cab = scratch.0.join("backup.cab");
    let status = std::process::Command::new(&gcab)
        .args(["-c", "backup.cab", "WM0.xml"])
        .current_dir(&scratch.0)
        .status()
        .unwrap();
    assert!(status.success());
    let before = std::fs::read(&cab).unwrap();
    for mode in ["--fix", "--diff"] {
        let o = vsslint(&[mode, "--format", "concise", cab.to_str().unwrap()]);
        let err = common::stderr(&o);
        assert!(
            err.contains(
                "backup.cab` left unchanged: 1 fixable finding inside it is reported, not applied"
            ),
            "{mode}: {err}"
        );
        assert_eq!(std::fs::read(&cab).unwrap(), before, "{mode}");
    }
}
