//! The GitHub Action's `compat-against` script, `.github/action/compat.sh`, run with bash as
//! the action's step runs it (its inputs in the environment, vsslint on `PATH`) in a git
//! repository the test makes: a release tagged, then changed.

mod common;

use common::{stderr, stdout, Scratch};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const RULE: &str = "fixtures/rules/compat/component-removed";

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Runs git in `dir`, which must succeed.
fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .unwrap();
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
}

/// The script run in `dir` with the action's inputs, the vsslint under test first on `PATH`.
fn compat_sh(dir: &Path, against: &str, paths: &str) -> Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_vsslint")).parent().unwrap();
    let path = std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    Command::new("bash")
        .arg(fixture(".github/action/compat.sh"))
        .current_dir(dir)
        .env("PATH", path)
        .env("COMPAT_AGAINST", against)
        .env("PATHS", paths)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .unwrap()
}

/// A repository whose tag `v1` holds the rule's old release as `metadata/writer.xml`, beside
/// a backup components document and a UTF-16 writer document, which the script must tell apart
/// by content.
fn tagged_repository(dir: &Scratch) -> PathBuf {
    let repo = dir.0.join("repo");
    std::fs::create_dir_all(repo.join("metadata")).unwrap();
    git(&repo, &["init", "-q"]);
    std::fs::copy(
        fixture(&format!("{RULE}/old.xml")),
        repo.join("metadata/writer.xml"),
    )
    .unwrap();
    std::fs::copy(
        fixture("fixtures/valid/utf16le-no-bom.xml"),
        repo.join("metadata/utf16.xml"),
    )
    .unwrap();
    std::fs::copy(
        fixture("fixtures/sets/contoso/BCDocument.xml"),
        repo.join("metadata/BCDocument.xml"),
    )
    .unwrap();
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-qm", "1.0"]);
    git(&repo, &["tag", "v1"]);
    repo
}

#[test]
#[cfg_attr(
    no_git,
    ignore = "needs git and bash on PATH; not run in a Windows build of the tests"
)]
fn a_removed_component_fails_the_step_with_an_annotation() {
    let dir = Scratch::new("action-compat-removed");
    let repo = tagged_repository(&dir);
    std::fs::copy(
        fixture(&format!("{RULE}/new.xml")),
        repo.join("metadata/writer.xml"),
    )
    .unwrap();
    let o = compat_sh(&repo, "v1", "metadata");
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{}", stderr(&o));
    let annotation = out
        .lines()
        .find(|l| l.starts_with("::error file=metadata/writer.xml,"))
        .unwrap_or_else(|| panic!("no annotation on metadata/writer.xml: {out}"));
    assert!(
        annotation.contains("compat/component-removed"),
        "{annotation}"
    );
    // The other writer document was compared too, and found unchanged.
    assert!(
        out.contains("vsslint compat git:v1:metadata/utf16.xml metadata/utf16.xml"),
        "{out}"
    );
    assert!(!out.contains("BCDocument"), "{out}");
    assert!(out.contains("failed for 1 of 2"), "{out}");
}

#[test]
#[cfg_attr(
    no_git,
    ignore = "needs git and bash on PATH; not run in a Windows build of the tests"
)]
fn a_compatible_change_and_a_new_document_pass() {
    let dir = Scratch::new("action-compat-clean");
    let repo = tagged_repository(&dir);
    std::fs::copy(
        fixture(&format!("{RULE}/good.xml")),
        repo.join("metadata/writer.xml"),
    )
    .unwrap();
    std::fs::copy(
        fixture("fixtures/valid/database-writer.xml"),
        repo.join("metadata/added.xml"),
    )
    .unwrap();
    // From a folder below the root, with the default `paths` of the action, `.`.
    let o = compat_sh(&repo.join("metadata"), "v1", ".");
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}{}", stderr(&o));
    assert!(!out.contains("::error"), "{out}");
    assert!(
        out.contains("vsslint compat git:v1:metadata/writer.xml metadata/writer.xml"),
        "{out}"
    );
    assert!(
        out.contains("::notice file=metadata/added.xml::metadata/added.xml is not at v1"),
        "{out}"
    );
}

#[test]
#[cfg_attr(
    no_git,
    ignore = "needs git and bash on PATH; not run in a Windows build of the tests"
)]
fn a_ref_the_repository_lacks_fails_naming_it() {
    let dir = Scratch::new("action-compat-no-ref");
    let repo = tagged_repository(&dir);
    let o = compat_sh(&repo, "v0.9", "metadata/writer.xml");
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{}", stderr(&o));
    assert!(
        out.contains("::error::compat-against: no commit 'v0.9'"),
        "{out}"
    );
    assert!(out.contains("fetch-depth: 0"), "{out}");
}
