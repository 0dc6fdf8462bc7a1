//! Shared by the integration tests: running the binary, and finding what lies outside the
//! repository (the real corpus, external tools).
//!
//! Whether the corpus and each tool are there is decided when the tests are built, by
//! `build.rs`: a test that needs one carries `#[cfg_attr(no_corpus, ignore = "…")]` (or the
//! tool's cfg), so that without it `cargo test` counts the test as ignored, with its reason.
//! Under CI the cfgs are never set and such a test fails instead. The helpers here find the
//! resource for a test that runs, and fail, saying what is missing and how to get it, when it
//! has gone since the build.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn vsslint(args: &[&str]) -> Output {
    vsslint_with_stdin(args, None)
}

pub fn vsslint_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vsslint"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("FORCE_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("GITHUB_ACTIONS")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("vsslint runs");
    if let Some(bytes) = stdin {
        use std::io::Write;
        // The binary may exit without reading its input (a usage error), closing the pipe.
        if let Err(e) = child.stdin.take().unwrap().write_all(bytes) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
    }
    child.wait_with_output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Where the corpus of real documents is: the folder `build.rs` looked at, `VSSLINT_CORPUS`
/// when it was set and not empty, otherwise `../shared/corpus` beside the repository.
pub fn corpus_path() -> PathBuf {
    PathBuf::from(env!("VSSLINT_CORPUS_DIR"))
}

/// The shared corpus of real documents, for a test that carries
/// `#[cfg_attr(no_corpus, ignore = "…")]`.
pub fn corpus() -> PathBuf {
    let dir = corpus_path();
    if !dir.is_dir() {
        absent(
            &format!("the corpus is absent (looked at {})", dir.display()),
            "it is not part of this repository: put the shared folder, with its corpus/, \
             beside the repository as ../shared, or set VSSLINT_CORPUS to the corpus folder, \
             then build the tests again",
        );
    }
    dir
}

/// An external tool, for a test that carries its `#[cfg_attr(no_…, ignore = "…")]`: `find`
/// looks for it. `tool` names it, `looked` says where it was looked for and `get` how to
/// install it, for the failure.
pub fn require_tool<T>(tool: &str, looked: &str, get: &str, find: impl FnOnce() -> Option<T>) -> T {
    find().unwrap_or_else(|| absent(&format!("{tool} is absent ({looked})"), get))
}

/// A resource the build found, or CI requires, is absent: fail, naming it (`what`) and how to
/// get it (`get`).
fn absent(what: &str, get: &str) -> ! {
    panic!("{what}; {get}")
}

/// Every `.xml` file below `dir`, sorted.
pub fn xml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "xml") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

/// gcab, which packs cabinets as DiskShadow's `set metadata` does, for a test that carries
/// `#[cfg_attr(no_gcab, ignore = "…")]`.
pub fn gcab() -> PathBuf {
    require_tool(
        "gcab",
        "looked for it on PATH",
        ".ci/run installs it (Debian package gcab)",
        || {
            std::env::split_paths(&std::env::var_os("PATH")?)
                .map(|d| d.join("gcab"))
                .find(|p| p.is_file())
        },
    )
}

/// A folder of a test's own under the system's temporary folder, removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    /// `vsslint-NAME-PID`, emptied first.
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("vsslint-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    /// Writes `bytes` as `name` in the folder; its path.
    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A JSON report's findings as `NAME LINE COLUMN RULE MESSAGE`, sorted, each file named by
/// what follows the last `marker` in it (`/` for a folder's files, `.cab!/` for a cabinet's
/// entries): reports of the same documents in a folder and in a cabinet compare equal.
pub fn findings_by_name(report: &serde_json::Value, marker: &str) -> Vec<String> {
    let mut out: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = d["file"].as_str().unwrap();
            let (_, name) = file
                .rsplit_once(marker)
                .unwrap_or_else(|| panic!("{file} has no {marker}"));
            format!(
                "{name} {} {} {} {}",
                d["line"], d["column"], d["rule"], d["message"]
            )
        })
        .collect();
    out.sort();
    out
}

/// For cabinets the tests build by hand: the cabinet checksum (MS-CAB CSUMCompute) of `data`, then of the block's two sizes.
pub fn cab_checksum(data: &[u8], compressed: u16, uncompressed: u16) -> u32 {
    let mut sum = 0u32;
    let mut words = data.chunks_exact(4);
    for w in &mut words {
        sum ^= u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
    }
    let mut tail = 0u32;
    for &b in words.remainder() {
        tail = (tail << 8) | u32::from(b);
    }
    sum ^ tail ^ (u32::from(compressed) | (u32::from(uncompressed) << 16))
}
