//! Tells the unit tests that read the corpus of real documents where it is:
//! `VSSLINT_CORPUS_DIR`, from `VSSLINT_CORPUS` or `../shared/corpus` beside the repository.

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
}
