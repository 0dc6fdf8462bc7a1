//! Shared by the integration tests: running the binary, and finding what lies outside the
//! repository (the real corpus, external tools).
//!
//! A test that needs such a resource asks for it with [`require_corpus`] or
//! [`require_tool`]. When the resource is absent:
//!
//! - under CI ([`ci`]: `CI` is set, not empty, and neither `false` nor `0`) the test fails,
//!   naming what is missing and how to get it, so that CI cannot pass without having run it;
//! - elsewhere it prints `skipped: <test>: <why>` to stderr and the test returns early
//!   (`cargo test -- --nocapture` shows the line), so the suite still runs without the corpus;
//! - under Wine ([`under_wine`]: a Windows build of the tests run by wine on Linux), tests that
//!   need an external tool are skipped even under CI, with `skipped under Wine: <test>: <why>`:
//!   the tools are Linux programs that cannot be handed Windows paths. The corpus is still
//!   required there.
#![allow(dead_code)]

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

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

/// Whether the tests run under CI: `CI` is set, not empty, and neither `false` nor `0`. Then
/// a missing corpus or tool fails the tests that need it instead of skipping them.
pub fn ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| ci_value(&v))
}

fn ci_value(v: &OsString) -> bool {
    let v = v.to_string_lossy();
    let v = v.trim();
    !(v.is_empty() || v == "0" || v.eq_ignore_ascii_case("false"))
}

/// Where the corpus of real documents should be: `VSSLINT_CORPUS` when it is set and not
/// empty, otherwise `../shared/corpus` beside the repository.
pub fn corpus_path() -> PathBuf {
    match std::env::var_os("VSSLINT_CORPUS") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
    }
}

/// The shared corpus of real documents, for `test` (the name shown when it is skipped).
///
/// `None`, after a `skipped:` line, when the corpus is absent outside CI; the caller returns
/// (or leaves out the part that needs it). Under CI an absent corpus panics.
pub fn require_corpus(test: &str) -> Option<PathBuf> {
    let dir = corpus_path();
    if dir.is_dir() {
        return Some(dir);
    }
    let what = match std::env::var_os("VSSLINT_CORPUS") {
        Some(v) if !v.is_empty() => {
            format!(
                "the corpus VSSLINT_CORPUS names, {}, is absent",
                dir.display()
            )
        }
        _ => format!("../shared/corpus is absent (looked at {})", dir.display()),
    };
    absent(
        test,
        &what,
        "the shared corpus of real documents",
        "it is not part of this repository: put the shared folder, with its corpus/, \
         beside the repository as ../shared, or set VSSLINT_CORPUS to the corpus folder",
    )
}

/// An external tool, for `test`: `find` looks for it (`None`: not found). `tool` names it,
/// `looked` says where it was looked for and `get` how to install it, for the messages.
///
/// Under Wine the tool is not looked for: `None`, after a `skipped under Wine:` line, even
/// under CI. Otherwise as [`require_corpus`]: a `skipped:` line outside CI, a panic under CI.
pub fn require_tool<T>(
    test: &str,
    tool: &str,
    looked: &str,
    get: &str,
    find: impl FnOnce() -> Option<T>,
) -> Option<T> {
    if under_wine() {
        eprintln!(
            "skipped under Wine: {test}: {tool} is a Linux program, not run from the Windows \
             build of the tests"
        );
        return None;
    }
    if let Some(found) = find() {
        return Some(found);
    }
    absent(test, &format!("{tool} is absent ({looked})"), tool, get)
}

/// A required resource is absent: under CI, fail naming it (`what`, `needed`) and how to get
/// it (`get`); elsewhere say that `test` is skipped and why.
fn absent<T>(test: &str, what: &str, needed: &str, get: &str) -> Option<T> {
    if ci() {
        panic!("{what}: CI needs {needed}; {get}");
    }
    eprintln!("skipped: {test}: {what}; {get}");
    None
}

/// Whether this is a Windows build of the tests running under Wine.
///
/// Wine's ntdll.dll exports `wine_get_version`, which Windows' does not: the usual way to tell
/// Wine apart, with no dependency beyond kernel32. Wine's programs in the system folder
/// (`winecfg.exe`, `winemenubuilder.exe`) are a second sign. Never true outside Windows builds.
pub fn under_wine() -> bool {
    static WINE: OnceLock<bool> = OnceLock::new();
    *WINE.get_or_init(|| cfg!(windows) && (wine_export() || wine_programs()))
}

#[cfg(windows)]
fn wine_export() -> bool {
    use std::ffi::{c_char, c_void};
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetModuleHandleA(name: *const c_char) -> *mut c_void;
        fn GetProcAddress(module: *mut c_void, name: *const c_char) -> *mut c_void;
    }
    // SAFETY: both names are NUL-terminated; ntdll.dll is loaded in every Windows process and
    // never unloaded; the address found is only compared with null, never called.
    unsafe {
        let ntdll = GetModuleHandleA(c"ntdll.dll".as_ptr());
        !ntdll.is_null() && !GetProcAddress(ntdll, c"wine_get_version".as_ptr()).is_null()
    }
}

#[cfg(not(windows))]
fn wine_export() -> bool {
    false
}

fn wine_programs() -> bool {
    let root =
        std::env::var_os("SystemRoot").map_or_else(|| PathBuf::from(r"C:\windows"), PathBuf::from);
    ["winecfg.exe", "winemenubuilder.exe"]
        .iter()
        .any(|program| root.join("system32").join(program).is_file())
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

/// gcab, which packs cabinets as DiskShadow's `set metadata` does; `None` (with a note, or a
/// failure under CI) when it is not installed.
pub fn gcab(test: &str) -> Option<PathBuf> {
    require_tool(
        test,
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
