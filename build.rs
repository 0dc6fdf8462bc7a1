//! Tells the tests what they can reach outside the repository, so that `cargo test` counts a
//! test it cannot run as ignored, with its reason, instead of letting it pass having done
//! nothing.
//!
//! Each cfg below is set when its resource is missing, and each test that needs one carries
//! `#[cfg_attr(no_…, ignore = "…")]`. Under CI (`CI` set, not empty, neither `false` nor `0`)
//! none is set: a missing resource fails the tests that need it, so CI cannot pass without
//! having run them. The build of the library and the binary does not read these cfgs.
//!
//! - `no_corpus`: the corpus of real documents, `VSSLINT_CORPUS` or `../shared/corpus`, is not
//!   a folder. The path looked at is passed on as `VSSLINT_CORPUS_DIR` for the tests to read.
//! - `no_gcab`, `no_xmllint`, `no_git`: the program is not on `PATH`.
//! - `no_sarif_multitool`: neither `SARIF_MULTITOOL` nor `.ci/tools` (where `.ci/run` installs
//!   it) holds the SARIF Multitool.
//! - `no_script`: `/usr/bin/script` (util-linux), which gives a test a real terminal, is absent.
//!
//! A Windows build of the tests made on another system runs under Wine, where these Linux
//! programs cannot be handed Windows paths: the tool cfgs are set for it even under CI. The
//! corpus is read there through Wine's drive mapping and stays required. `no_git` is set for
//! every Windows build: its tests drive git and the action's bash script as a Linux or macOS
//! runner has them.
//!
//! Cargo runs this script again when `CI`, `VSSLINT_CORPUS`, `SARIF_MULTITOOL` or `PATH` change,
//! or when the corpus or a tool it found changes or goes away. Something that appears where it
//! was missing is not watched (watching a path that does not exist would rebuild the crate on
//! every run): after adding the corpus or installing a tool, `touch build.rs`.

use std::env;
use std::path::{Path, PathBuf};

fn main() {
    for var in ["CI", "VSSLINT_CORPUS", "SARIF_MULTITOOL", "PATH"] {
        println!("cargo::rerun-if-env-changed={var}");
    }
    for cfg in [
        "no_corpus",
        "no_gcab",
        "no_xmllint",
        "no_git",
        "no_sarif_multitool",
        "no_script",
    ] {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
    }
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let ci = env::var("CI").is_ok_and(|v| {
        let v = v.trim();
        !(v.is_empty() || v == "0" || v.eq_ignore_ascii_case("false"))
    });
    let under_wine = env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "windows")
        && !env::var("HOST").is_ok_and(|host| host.contains("windows"));

    let named = env::var_os("VSSLINT_CORPUS").filter(|dir| !dir.is_empty());
    let corpus = match &named {
        Some(dir) => PathBuf::from(dir),
        None => manifest.join("../shared/corpus"),
    };
    println!("cargo::rustc-env=VSSLINT_CORPUS_DIR={}", corpus.display());
    let corpus_here = watch(&corpus);
    if !corpus_here && named.is_none() {
        // The corpus may be put into an existing ../shared later. Only that folder: cargo
        // scans a watched folder whole, and the parent of a folder VSSLINT_CORPUS names may be
        // anything, `/` included.
        watch(&manifest.join("../shared"));
    }
    missing_unless_ci("no_corpus", corpus_here, ci);

    let on_path = |name: &str| -> Option<PathBuf> {
        let exe = format!("{name}{}", env::consts::EXE_SUFFIX);
        env::split_paths(&env::var_os("PATH")?)
            .map(|dir| dir.join(&exe))
            .find(|p| p.is_file())
    };
    let sarif_multitool = || {
        env::var_os("SARIF_MULTITOOL")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .into_iter()
            .chain([manifest.join(".ci/tools/node_modules/.bin/sarif-multitool")])
            .find(|p| p.exists())
    };
    let script = || Some(PathBuf::from("/usr/bin/script")).filter(|p| p.exists());
    let tools: [(&str, &dyn Fn() -> Option<PathBuf>); 5] = [
        ("no_gcab", &|| on_path("gcab")),
        ("no_xmllint", &|| on_path("xmllint")),
        ("no_git", &|| on_path("git")),
        ("no_sarif_multitool", &sarif_multitool),
        ("no_script", &script),
    ];
    let windows = env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "windows");
    for (cfg, find) in tools {
        if under_wine || (windows && cfg == "no_git") {
            println!("cargo::rustc-cfg={cfg}");
            continue;
        }
        let found = find().is_some_and(|path| watch(&path));
        missing_unless_ci(cfg, found, ci);
    }
}

/// Asks cargo to run this script again when `path` changes or goes away; whether it exists.
/// A path that does not exist is never watched: cargo would count it as changed on every build.
fn watch(path: &Path) -> bool {
    if !path.exists() {
        return false;
    }
    println!("cargo::rerun-if-changed={}", path.display());
    true
}

fn missing_unless_ci(cfg: &str, present: bool, ci: bool) {
    if !present && !ci {
        println!("cargo::rustc-cfg={cfg}");
    }
}
