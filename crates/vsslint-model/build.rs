//! Tells the unit tests that read the corpus of real documents where it is:
//! `VSSLINT_CORPUS_DIR`, from `VSSLINT_CORPUS` or `../shared/corpus` beside the repository;
//! and sets `no_corpus` when it is not there (never under CI). After adding the corpus,
//! `touch build.rs`.

use std::env;
use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=VSSLINT_CORPUS");
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
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
