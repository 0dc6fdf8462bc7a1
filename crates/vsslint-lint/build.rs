//! Tells the crate where the repository's shared inputs are.
//!
//! - `VSSLINT_FIXTURES`: the rule examples, which every rule compiles in (its `bad` and `good`
//!   documents, shown by `explain` and the generated docs). In a packaged crate they are in
//!   `fixtures/` beside the manifest: in the repository that is a link to the top-level
//!   `fixtures/`, whose files `cargo package` copies. A checkout without links (Windows with
//!   `core.symlinks` off) has a small file there instead, and the top-level folder is used.
//! - `VSSLINT_CORPUS_DIR`: the corpus of real documents for the unit tests that read it,
//!   `VSSLINT_CORPUS` or `../shared/corpus` beside the repository; `no_corpus` is set when it
//!   is not there (never under CI). After adding the corpus, `touch build.rs`.

use std::env;
use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=VSSLINT_CORPUS");
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let beside = manifest.join("fixtures");
    let fixtures = if beside.is_dir() {
        beside
    } else {
        manifest.join("../../fixtures")
    };
    println!("cargo::rustc-env=VSSLINT_FIXTURES={}", fixtures.display());
    let corpus = env::var_os("VSSLINT_CORPUS")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../../../shared/corpus"));
    println!("cargo::rustc-env=VSSLINT_CORPUS_DIR={}", corpus.display());
    // As in the package's own build script: a unit test that needs the corpus is ignored,
    // with its reason, when it is absent, except under CI, where it fails.
    println!("cargo::rustc-check-cfg=cfg(no_corpus)");
    println!("cargo::rerun-if-env-changed=CI");
    let ci = env::var("CI").is_ok_and(|v| {
        let v = v.trim();
        !(v.is_empty() || v == "0" || v.eq_ignore_ascii_case("false"))
    });
    if !ci && !corpus.is_dir() {
        println!("cargo::rustc-cfg=no_corpus");
    }
}
