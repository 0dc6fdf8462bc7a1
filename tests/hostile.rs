//! Inputs written to hurt: entity bombs, deep nesting, huge values, floods of findings, broken
//! encodings and truncations. Each must end with diagnostics, never a panic, a hang or a read
//! from anywhere but the file. Large inputs are generated here, not committed.
//!
//! Nothing here is timed against the clock, which measures the machine as much as the code:
//! a blow-up shows instead in counts that depend on the input alone (findings, related spans,
//! bytes of output per finding). The clock only catches a hang, with a limit no working build
//! comes near (`HANG_LIMIT`).

mod common;

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod exercise;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;
use vsslint::report::full::{render, Style};
use vsslint::report::{concise, json};
use vsslint::span::LineIndex;
use vsslint::{lint_bytes, FileKind, LintedFile, Settings};

/// Longer than any step takes in a debug build on a slow, busy machine (the slowest take
/// seconds): reaching it means a hang, not a slow run.
const HANG_LIMIT: Duration = Duration::from_secs(120);

const HEAD: &str = r#"<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2"><IDENTIFICATION writerId="e8132975-6f93-4464-a53e-1050253ae220" instanceId="ce6786d5-95d0-4bea-a43d-2a288ca9450f" friendlyName="System Writer" usage="BOOTABLE_SYSTEM_STATE" dataSource="OTHER" majorVersion="0" minorVersion="0"/><RESTORE_METHOD method="REPLACE_AT_REBOOT_IF_CANNOT_REPLACE" writerRestore="never" rebootRequired="yes"/>"#;
const TAIL: &str = "</WRITER_METADATA>";

/// A writer metadata document with `body` between the restore method and the end tag.
fn writer_with(body: &str) -> String {
    format!("{HEAD}{body}{TAIL}")
}

/// Runs `f`; if it is still running after `HANG_LIMIT`, says so on stderr and aborts the test
/// process, since a call in progress cannot be stopped and a hung test would block forever.
fn no_hang<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let (done, finished) = mpsc::channel::<()>();
    let what = what.to_string();
    let watchdog = std::thread::spawn(move || {
        if let Err(RecvTimeoutError::Timeout) = finished.recv_timeout(HANG_LIMIT) {
            // Straight to stderr: the test harness's capture is lost when the process aborts.
            let _ = writeln!(
                std::io::stderr(),
                "hang: {what} did not finish within {HANG_LIMIT:?}"
            );
            std::process::abort();
        }
    });
    // `done` is dropped when `f` returns, or as it unwinds: either ends the watchdog's wait.
    let out = f();
    drop(done);
    watchdog.join().unwrap();
    out
}

fn lint(bytes: &[u8]) -> LintedFile {
    lint_bytes("hostile.xml", bytes, &Settings::default())
}

fn slugs(f: &LintedFile) -> Vec<&'static str> {
    f.diagnostics.iter().map(|d| d.rule.slug).collect()
}

/// Everything a report shows of one file, in every format.
fn all_output(f: &LintedFile) -> String {
    let index = LineIndex::new(&f.text);
    let mut out = String::new();
    for d in &f.diagnostics {
        out.push_str(&render(f, &index, d, Style::plain(100)));
    }
    let files = std::slice::from_ref(f);
    let mut buf = Vec::new();
    concise::write(&mut buf, files).unwrap();
    json::write(&mut buf, files).unwrap();
    out.push_str(&String::from_utf8(buf).unwrap());
    out
}

/// What one finding may take in `all_output` (full, concise and JSON together): a window of
/// the source and a few lines, however large the input (below 2 KB today). A report that
/// echoed a long line, or related each finding to all the others, would exceed it.
const BYTES_PER_FINDING: usize = 4096;

/// `all_output`, checked against `BYTES_PER_FINDING`.
fn bounded_output(what: &str, f: &LintedFile) -> String {
    let out = no_hang(what, || all_output(f));
    let findings = f.diagnostics.len();
    assert!(
        out.len() <= BYTES_PER_FINDING * findings.max(1),
        "{what}: {} bytes of output for {findings} findings",
        out.len()
    );
    out
}

/// Related spans in all the findings of `f`.
fn related(f: &LintedFile) -> usize {
    f.diagnostics.iter().map(|d| d.related.len()).sum()
}

/// Lints `bytes` with every profile and renders every format, checking every span.
fn survive(bytes: &[u8]) {
    exercise::exercise(bytes);
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vsslint-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
}

/// Runs the built binary, killing it at `HANG_LIMIT` so that a hang fails instead of blocking.
fn vsslint(args: &[&str], cwd: Option<&Path>) -> Run {
    run(Command::new(env!("CARGO_BIN_EXE_vsslint")), args, cwd)
}

/// Runs the binary with its address space capped, for inputs that would make it grow without
/// bound: it then fails to allocate instead of taking the machine's memory.
#[cfg(unix)]
fn vsslint_capped(args: &[&str], megabytes: u64) -> Run {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "ulimit -v {} && exec \"$0\" \"$@\"",
            megabytes * 1024
        ))
        .arg(env!("CARGO_BIN_EXE_vsslint"));
    run(cmd, args, None)
}

fn run(mut cmd: Command, args: &[&str], cwd: Option<&Path>) -> Run {
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(dir) = cwd {
        cmd.current_dir(dir);
    }
    let mut child = cmd.spawn().expect("the binary runs");
    // Drain the pipes on threads so that a large report cannot block the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut v).ok();
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut v).ok();
        v
    });
    // A counted number of naps, not a reading of the clock: on a busy machine the child only
    // gets more of them, and only a hang uses them all.
    const NAP: Duration = Duration::from_millis(20);
    let naps = HANG_LIMIT.as_millis() / NAP.as_millis();
    let mut code = None;
    for _ in 0..naps {
        if let Some(status) = child.try_wait().unwrap() {
            code = Some(status.code());
            break;
        }
        std::thread::sleep(NAP);
    }
    let Some(code) = code else {
        child.kill().ok();
        child.wait().ok();
        panic!("hang: vsslint {args:?} did not finish within {HANG_LIMIT:?} of naps");
    };
    Run {
        code,
        stdout: out.join().unwrap(),
        stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
    }
}

/// A deterministic stream of pseudo-random numbers (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }
}

fn utf16le(s: &str, bom: bool) -> Vec<u8> {
    let mut v = if bom { vec![0xFF, 0xFE] } else { vec![] };
    for u in s.encode_utf16() {
        v.extend_from_slice(&u.to_le_bytes());
    }
    v
}

fn utf16be(s: &str, bom: bool) -> Vec<u8> {
    let mut v = if bom { vec![0xFE, 0xFF] } else { vec![] };
    for u in s.encode_utf16() {
        v.extend_from_slice(&u.to_be_bytes());
    }
    v
}

/// The rule examples' good documents: what truncation starts from.
fn example_documents() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules");
    for group in std::fs::read_dir(&fixtures).unwrap() {
        for rule in std::fs::read_dir(group.unwrap().path()).unwrap() {
            let path = rule.unwrap().path().join("good.xml");
            if let Ok(bytes) = std::fs::read(&path) {
                out.push((path.display().to_string(), bytes));
            }
        }
    }
    out.sort();
    out
}

/// The real documents under 64 KB: what truncation starts from too.
fn real_documents() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for set in std::fs::read_dir(common::corpus()).unwrap() {
        let set = set.unwrap().path();
        if !set.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(set).unwrap() {
            let path = file.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            // The 2 MB System writer document is the benchmarks' business.
            if bytes.len() < 64 * 1024 {
                out.push((path.display().to_string(), bytes));
            }
        }
    }
    assert!(!out.is_empty(), "no real document under 64 KB");
    out.sort();
    out
}

// ---------------------------------------------------------------------------------------------
// Entities and DTDs

#[test]
fn billion_laughs_is_refused() {
    let mut doc = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE WRITER_METADATA [\n");
    doc.push_str("  <!ENTITY lol \"lol\">\n");
    for i in 1..=9 {
        let prev = if i == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", i - 1)
        };
        let refs = format!("&{prev};").repeat(10);
        doc.push_str(&format!("  <!ENTITY lol{i} \"{refs}\">\n"));
    }
    doc.push_str("]>\n<WRITER_METADATA version=\"&lol9;\">&lol9;</WRITER_METADATA>\n");
    let f = no_hang("billion laughs", || lint(doc.as_bytes()));
    assert_eq!(slugs(&f), ["doc/not-well-formed"]);
    assert!(f.diagnostics[0].message.contains("DOCTYPE"));
    let out = all_output(&f);
    assert!(
        out.len() < 20_000,
        "the report stays small: {} bytes",
        out.len()
    );
    assert!(!out.contains("lollollol"), "no entity was expanded");
    survive(doc.as_bytes());
}

#[test]
fn quadratic_blowup_entity_is_refused() {
    let big = "x".repeat(100_000);
    let doc = format!(
        "<!DOCTYPE WRITER_METADATA [<!ENTITY a \"{big}\">]><WRITER_METADATA>{}</WRITER_METADATA>",
        "&a;".repeat(10_000)
    );
    let f = no_hang("quadratic blowup", || lint(doc.as_bytes()));
    assert_eq!(slugs(&f), ["doc/not-well-formed"]);
    assert!(all_output(&f).len() < 20_000);
}

/// A secret next to the document that a parser resolving external entities would read.
fn secret_file(dir: &Path) -> (PathBuf, &'static str) {
    let marker = "SECRET-7f3a9c1e-NEVER-READ";
    let path = dir.join("secret.txt");
    std::fs::write(&path, marker).unwrap();
    (path, marker)
}

#[test]
fn external_entities_are_refused_and_nothing_is_read() {
    let dir = scratch("xxe");
    let (secret, marker) = secret_file(&dir);
    let url = format!("file://{}", secret.display());
    let docs = [
        format!(
            "<!DOCTYPE WRITER_METADATA [<!ENTITY xxe SYSTEM \"{url}\">]><WRITER_METADATA version=\"&xxe;\">&xxe;</WRITER_METADATA>"
        ),
        format!("<!DOCTYPE WRITER_METADATA SYSTEM \"{url}\"><WRITER_METADATA/>"),
        format!(
            "<!DOCTYPE WRITER_METADATA [<!ENTITY % p SYSTEM \"{url}\"> %p;]><WRITER_METADATA/>"
        ),
        "<!DOCTYPE WRITER_METADATA SYSTEM \"secret.txt\"><WRITER_METADATA/>".to_string(),
        // Without a DTD, an entity reference is simply unknown.
        writer_with("<BACKUP_LOCATIONS>&xxe;</BACKUP_LOCATIONS>"),
        // An XInclude is an unknown element, never followed.
        writer_with(&format!(
            "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"{url}\" parse=\"text\"/>"
        )),
    ];
    for (i, doc) in docs.iter().enumerate() {
        let f = no_hang("external entity", || lint(doc.as_bytes()));
        assert!(!f.diagnostics.is_empty(), "document {i} is flagged");
        let out = all_output(&f);
        assert!(
            !out.contains(marker),
            "document {i} read the secret:\n{out}"
        );
        survive(doc.as_bytes());

        let path = dir.join(format!("doc{i}.xml"));
        std::fs::write(&path, doc).unwrap();
        for format in ["full", "concise", "json"] {
            let run = vsslint(&["--format", format, path.to_str().unwrap()], Some(&dir));
            assert_eq!(run.code, Some(1), "document {i}: {}", run.stderr);
            let shown = String::from_utf8_lossy(&run.stdout);
            assert!(!shown.contains(marker) && !run.stderr.contains(marker));
        }
    }
    let f = lint(docs[4].as_bytes());
    assert!(f.diagnostics[0].message.contains("unknown entity"));
    std::fs::remove_dir_all(&dir).ok();
}

// ---------------------------------------------------------------------------------------------
// Size and shape

/// Runs `f` on a thread with a small stack: a recursive walk over a deep tree overflows it.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .expect("no stack overflow or panic")
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    const DEPTH: usize = 200_000;
    let mut closed = String::with_capacity(DEPTH * 8 + 1024);
    closed.push_str(HEAD);
    closed.push_str("<BACKUP_LOCATIONS><FILE_GROUP componentName=\"c\" logicalPath=\"p\">");
    closed.push_str(&"<FILE_LIST path=\"C:\\\" filespec=\"*\">".repeat(DEPTH));
    closed.push_str(&"</FILE_LIST>".repeat(DEPTH));
    closed.push_str("</FILE_GROUP></BACKUP_LOCATIONS>");
    closed.push_str(TAIL);
    let unclosed = format!("{HEAD}{}", "<x>".repeat(DEPTH));
    let mismatched = format!("{HEAD}{}</y>{TAIL}", "<x>".repeat(DEPTH));
    for (what, doc) in [
        ("closed", closed),
        ("unclosed", unclosed),
        ("mismatched", mismatched),
    ] {
        on_small_stack(move || {
            let f = no_hang(what, || lint(doc.as_bytes()));
            assert!(!f.diagnostics.is_empty(), "{what}");
            // Whatever the depth, a handful of findings and no report per level.
            assert!(f.diagnostics.len() <= 16, "{what}: {}", f.diagnostics.len());
            bounded_output(what, &f);
            // Dropping the tree and the file must not recurse either.
            drop(f);
        });
    }
}

#[test]
fn deep_nesting_through_the_binary() {
    let dir = scratch("deep");
    let path = dir.join("deep.xml");
    std::fs::write(&path, writer_with(&"<x>".repeat(200_000))).unwrap();
    let run = vsslint(&["--format", "full", path.to_str().unwrap()], None);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn huge_attribute_value() {
    const SIZE: usize = 48 << 20;
    let value = "A".repeat(SIZE);
    // `version` is echoed by its rule's message; the unterminated value ends the file.
    for (what, doc) in [
        (
            "version",
            format!(
                "<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" version=\"{value}\"/>"
            ),
        ),
        (
            "unterminated",
            format!("{HEAD}<FILE_GROUP caption=\"{value}"),
        ),
    ] {
        let f = no_hang(what, || lint(doc.as_bytes()));
        let out = no_hang(what, || {
            let index = LineIndex::new(&f.text);
            f.diagnostics
                .iter()
                .map(|d| render(&f, &index, d, Style::plain(100)))
                .collect::<String>()
        });
        assert!(
            out.len() < 64 * 1024,
            "{what}: the full report shows a window, not the value ({} bytes)",
            out.len()
        );
    }
}

#[test]
fn huge_attribute_value_is_not_echoed_whole() {
    let doc = format!(
        "<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" version=\"{}\"/>",
        "A".repeat(48 << 20)
    );
    let f = lint(doc.as_bytes());
    let mut out = Vec::new();
    concise::write(&mut out, std::slice::from_ref(&f)).unwrap();
    assert!(
        out.len() < 64 * 1024,
        "{} bytes of concise output",
        out.len()
    );
}

/// `count` FILE_LISTs, each with a `recursive` value that is not yes or no: one error each.
fn flood(count: usize, path: &str) -> String {
    let mut body = String::from(
        "<BACKUP_LOCATIONS><FILE_GROUP componentName=\"System Files\" logicalPath=\"\">",
    );
    for i in 0..count {
        body.push_str(&format!(
            "<FILE_LIST path=\"{path}\\{i}\" filespec=\"*\" recursive=\"maybe\"/>"
        ));
    }
    body.push_str("</FILE_GROUP></BACKUP_LOCATIONS>");
    writer_with(&body)
}

#[test]
fn twenty_thousand_errors_on_one_line() {
    // The non-ASCII path makes columns count characters, not bytes.
    for path in [
        "C:\\Windows\\System32",
        "C:\\Programme\\Gemeinsame Dateien\\Überprüfung",
    ] {
        let doc = flood(20_000, path);
        let f = no_hang("lint", || lint(doc.as_bytes()));
        assert_eq!(
            count(&f, "fs/recursive-bool"),
            20_000,
            "{:?}",
            slugs(&f).first()
        );
        let written = no_hang("concise and json", || {
            let files = std::slice::from_ref(&f);
            let mut buf = Vec::new();
            concise::write(&mut buf, files).unwrap();
            json::write(&mut buf, files).unwrap();
            buf.len()
        });
        assert!(
            written <= BYTES_PER_FINDING * f.diagnostics.len(),
            "{written} bytes of concise and JSON output for {} findings",
            f.diagnostics.len()
        );
        // Every tenth and the last ones: enough to show that a report does not grow with the
        // position of the finding on the line (1.5 MB long).
        no_hang("full", || {
            let index = LineIndex::new(&f.text);
            let n = f.diagnostics.len();
            for (i, d) in f.diagnostics.iter().enumerate() {
                if i % 10 == 0 || i + 200 > n {
                    let out = render(&f, &index, d, Style::plain(100));
                    assert!(out.len() <= BYTES_PER_FINDING, "finding {i}: {out}");
                }
            }
        });
        let last = f.diagnostics.last().unwrap();
        let index = LineIndex::new(&f.text);
        let p = index.position(last.span.start);
        assert_eq!(p.line, 1);
        assert_eq!(p.column, f.text[..last.span.start].chars().count() + 1);
    }
}

#[test]
fn twenty_thousand_errors_through_the_binary() {
    let dir = scratch("flood");
    let path = dir.join("flood.xml");
    std::fs::write(&path, flood(20_000, "C:\\Données")).unwrap();
    for format in ["full", "concise", "json"] {
        let run = vsslint(&["--format", format, path.to_str().unwrap()], None);
        assert_eq!(run.code, Some(1), "{format}: {}", run.stderr);
        // Each finding's report is a bounded window of the 1.5 MB line, not the line.
        assert!(
            run.stdout.len() <= BYTES_PER_FINDING * 20_000,
            "{format}: {} bytes of output for 20,000 findings",
            run.stdout.len()
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn twenty_thousand_errors_are_capped_in_the_output() {
    let dir = scratch("flood-cap");
    let path = dir.join("flood.xml");
    std::fs::write(&path, flood(20_000, "C:\\Windows")).unwrap();
    let run = vsslint(&["--format", "full", path.to_str().unwrap()], None);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stdout.len() < 1 << 20,
        "{} bytes of output for one file",
        run.stdout.len()
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn many_duplicates_with_related_spans() {
    let mut body = String::new();
    for _ in 0..5_000 {
        body.push_str("<RESTORE_METHOD method=\"RESTORE_IF_NOT_THERE\" writerRestore=\"never\" rebootRequired=\"no\"/>");
    }
    for _ in 0..5_000 {
        body.push_str("<BACKUP_LOCATIONS/>");
    }
    let doc = writer_with(&body);
    let f = no_hang("lint", || lint(doc.as_bytes()));
    assert_eq!(count(&f, "doc/restore-method-duplicate"), 5_000);
    assert_eq!(count(&f, "doc/backup-locations-duplicate"), 4_999);
    // A few findings per element, each with a bounded number of related spans: relating each
    // duplicate to every other would make 25 million.
    assert!(f.diagnostics.len() <= 2 * 10_000, "{}", f.diagnostics.len());
    assert!(related(&f) <= 10_000, "{} related spans", related(&f));
    bounded_output("render", &f);
}

#[test]
fn long_single_line_report_is_windowed() {
    let doc = flood(20_000, "C:\\Windows");
    // Break the document near its end: the one line is 1.5 MB long.
    let cut = doc.len() - 100;
    let mut broken = doc.into_bytes();
    broken[cut] = b'<';
    let f = lint(&broken);
    assert_eq!(slugs(&f), ["doc/not-well-formed"]);
    let index = LineIndex::new(&f.text);
    let out = render(&f, &index, &f.diagnostics[0], Style::plain(100));
    assert!(out.len() < 4096, "{out}");
    assert!(out.contains('…'), "{out}");
}

#[test]
fn many_short_lines() {
    let mut body = String::new();
    for i in 0..50_000 {
        body.push_str(&format!(
            "\n<FILE_LIST path=\"C:\\é{i}\" filespec=\"*\" recursive=\"x\"/>"
        ));
    }
    let doc = writer_with(&format!(
        "<BACKUP_LOCATIONS><FILE_GROUP componentName=\"c\" logicalPath=\"p\">{body}\n\n\n</FILE_GROUP></BACKUP_LOCATIONS>"
    ))
    .replace('\n', "\r\n\n");
    let f = no_hang("lint", || lint(doc.as_bytes()));
    assert_eq!(count(&f, "fs/recursive-bool"), 50_000);
    let written = no_hang("locate", || {
        let files = std::slice::from_ref(&f);
        let mut buf = Vec::new();
        json::write(&mut buf, files).unwrap();
        buf.len()
    });
    assert!(
        written <= BYTES_PER_FINDING * f.diagnostics.len(),
        "{written} bytes of JSON for {} findings",
        f.diagnostics.len()
    );
    let last = f.diagnostics.last().unwrap();
    let p = LineIndex::new(&f.text).position(last.span.start);
    assert_eq!(p.line, 100_001);
}

#[test]
fn file_sets_whose_paths_differ_only_at_the_start() {
    // Keyed on their ends, these 40,000 paths would all share one key, and the checks that
    // compare file sets across a writer would compare each with all the others.
    let tail = r"\Windows\System32\DriverStore\FileRepository\same.inf_amd64_0123456789abcdef";
    let mut body = String::from("<BACKUP_LOCATIONS>");
    for c in 0..2 {
        body.push_str(&format!(
            r#"<FILE_GROUP componentName="C{c}" selectable="yes">"#
        ));
        for i in 0..20_000 {
            body.push_str(&format!(
                r#"<FILE_LIST path="D:\{c}{i:07}{tail}" filespec="*"/>"#
            ));
        }
        body.push_str("</FILE_GROUP>");
    }
    body.push_str("</BACKUP_LOCATIONS>");
    let doc = writer_with(&body);
    let f = no_hang("lint", || lint(doc.as_bytes()));
    let found = slugs(&f);
    assert!(
        !found.contains(&"fs/file-in-several-components"),
        "{found:?}"
    );
    assert!(!found.contains(&"fs/duplicate-or-overlap"), "{found:?}");
}

#[test]
fn many_attributes_on_one_element() {
    let mut attrs = String::with_capacity(1 << 21);
    for i in 0..100_000 {
        attrs.push_str(&format!(" a{i}=\"\""));
    }
    let doc = format!("<WRITER_METADATA{attrs}/>");
    let f = no_hang("lint", || lint(doc.as_bytes()));
    assert!(!f.diagnostics.is_empty());
    assert!(
        f.diagnostics.len() <= 100_000 + 16,
        "{}",
        f.diagnostics.len()
    );
    bounded_output("render", &f);
}

#[test]
fn namespace_declaration_bomb() {
    let mut doc = String::from("<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\"");
    for i in 0..1_000 {
        doc.push_str(&format!(" xmlns:p{i}=\"u\""));
    }
    doc.push('>');
    doc.push_str(&"<x xmlns:q=\"v\"/>".repeat(10_000));
    doc.push_str(TAIL);
    let dir = scratch("ns-bomb");
    let path = dir.join("bomb.xml");
    std::fs::write(&path, &doc).unwrap();
    // Through the binary, which is killed at the hang limit.
    let run = vsslint(&["--format", "concise", path.to_str().unwrap()], None);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn many_attributes_within_reason() {
    let mut attrs = String::new();
    for i in 0..2_000 {
        attrs.push_str(&format!(" a{i}=\"\""));
    }
    let doc = writer_with(&format!("<BACKUP_LOCATIONS{attrs}/>"));
    let f = no_hang("lint", || lint(doc.as_bytes()));
    assert_eq!(count(&f, "doc/unknown-node"), 2_000);
    bounded_output("render", &f);
}

// ---------------------------------------------------------------------------------------------
// Encodings

#[test]
fn invalid_utf8() {
    let cases: &[(&[u8], usize)] = &[
        (b"\xFF<a/>", 0),
        (b"<a>\n<b\x80/></a>", 6),
        (b"<a b=\"\xC3\"/>", 6),
        (b"<a b=\"\xE0\x80\x80\"/>", 6), // overlong
        (b"<a b=\"\xED\xA0\x80\"/>", 6), // a surrogate
        (b"<a>\xF4\x90\x80\x80</a>", 3), // past U+10FFFF
        (b"<a>\xF0\x9F\x98", 3),         // cut off at the end
        (
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>\xC0\xAF</a>",
            41,
        ),
    ];
    for (bytes, at) in cases {
        let f = no_hang("lint", || lint(bytes));
        assert_eq!(f.kind, FileKind::Invalid);
        assert_eq!(slugs(&f), ["doc/encoding"], "{bytes:?}");
        let d = &f.diagnostics[0];
        assert_eq!(d.span.start, *at, "{bytes:?}: {}", d.message);
        assert!(d.message.contains("invalid UTF-8"), "{}", d.message);
        survive(bytes);
    }
}

#[test]
fn wrong_declared_encoding() {
    let decl = |enc: &str| format!("<?xml version=\"1.0\" encoding=\"{enc}\"?>");
    let doc = |enc: &str| format!("{}{}", decl(enc), writer_with(""));

    // 8-bit bytes that say UTF-16.
    let f = lint(doc("UTF-16").as_bytes());
    assert_eq!(slugs(&f), ["doc/encoding"]);
    assert!(f.diagnostics[0].message.contains("8-bit"));
    // UTF-16 bytes that say UTF-8, with and without a byte-order mark.
    for bytes in [
        utf16le(&doc("UTF-8"), true),
        utf16le(&doc("UTF-8"), false),
        utf16be(&doc("utf-8"), true),
        utf16be(&doc("windows-1252"), false),
    ] {
        let f = lint(&bytes);
        assert_eq!(slugs(&f), ["doc/encoding"], "{}", f.text);
        assert!(f.diagnostics[0].message.contains("UTF-16"));
        survive(&bytes);
    }
    // A UTF-8 byte-order mark and a declaration of something else.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(doc("ISO-8859-1").as_bytes());
    assert_eq!(slugs(&lint(&bom)), ["doc/encoding"]);
    // A name no one knows, and names that encoding_rs decodes as a single U+FFFD.
    let f = lint(doc("klingon-8").as_bytes());
    assert!(f.diagnostics[0].message.contains("unknown encoding"));
    for enc in ["ISO-2022-KR", "HZ-GB-2312"] {
        let f = lint(doc(enc).as_bytes());
        assert_eq!(slugs(&f), ["doc/encoding"]);
        assert!(
            f.diagnostics[0].message.contains(enc),
            "{}",
            f.diagnostics[0].message
        );
    }
    // Latin-1 bytes declared as UTF-8.
    let mut latin = doc("UTF-8").into_bytes();
    let at = latin.len() - TAIL.len();
    latin.splice(at..at, b"<!-- caf\xE9 -->".iter().copied());
    let f = lint(&latin);
    assert_eq!(slugs(&f), ["doc/encoding"]);
    assert!(f.diagnostics[0]
        .help
        .as_deref()
        .unwrap()
        .contains("declaration"));
    // Invalid bytes for a declared multi-byte charset.
    for enc in ["Shift_JIS", "EUC-KR", "GB18030", "Big5", "ISO-2022-JP"] {
        let mut bytes = doc(enc).into_bytes();
        let at = bytes.len() - TAIL.len();
        bytes.splice(at..at, b"<!-- \x81\xFF\x80\x1B$ -->".iter().copied());
        survive(&bytes);
    }
    // Declarations that are themselves broken.
    for head in [
        "<?xml encoding=\"UTF-8",
        "<?xml encoding=UTF-8?>",
        "<?xml version=\"1.0\" encoding=\"\"?>",
        "<?xml version=\"1.0\" encoding='\u{e9}'?>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><?xml version=\"1.0\"?>",
        "<?xml?>",
        "<?xml",
    ] {
        let bytes = format!("{head}{}", writer_with(""));
        survive(bytes.as_bytes());
        survive(&utf16le(&bytes, true));
        survive(&utf16be(&bytes, false));
    }
}

#[test]
fn random_bytes() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..300 {
        let len = rng.below(2048);
        let mut bytes = rng.bytes(len);
        // Steer some inputs into the byte-order-mark and UTF-16 paths.
        match i % 6 {
            0 => bytes.splice(0..0, [0xFF, 0xFE]).for_each(drop),
            1 => bytes.splice(0..0, [0xFE, 0xFF]).for_each(drop),
            2 => bytes.splice(0..0, [0xEF, 0xBB, 0xBF, b'<']).for_each(drop),
            3 => bytes.splice(0..0, [b'<', 0]).for_each(drop),
            _ => {}
        }
        no_hang("random bytes", || survive(&bytes));
    }
}

#[test]
fn documents_cut_at_random_places() {
    cut_at_random_places(example_documents());
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn real_documents_cut_at_random_places() {
    cut_at_random_places(real_documents());
}

/// Each of `documents` cut at random places and near its ends: the findings' spans hold, and
/// they render.
fn cut_at_random_places(documents: Vec<(String, Vec<u8>)>) {
    let mut rng = Rng(0x0123_4567_89AB_CDEF);
    for (name, bytes) in documents {
        let mut cuts: Vec<usize> = (0..8).map(|_| rng.below(bytes.len() + 1)).collect();
        cuts.extend([0, 1, 2, 3, bytes.len().saturating_sub(1)]);
        for cut in cuts {
            let cut = cut.min(bytes.len());
            let part = &bytes[..cut];
            let f = lint(part);
            if let Err(e) = exercise::check_spans(&f) {
                panic!("{name} cut at {cut}: {e}");
            }
            exercise::render_all(&f, Style::plain(80));
        }
    }
}

#[test]
fn empty_and_nearly_empty_files() {
    for (what, bytes) in [
        ("empty", &b""[..]),
        ("UTF-8 BOM", b"\xEF\xBB\xBF"),
        ("UTF-16LE BOM", b"\xFF\xFE"),
        ("UTF-16BE BOM", b"\xFE\xFF"),
        ("UTF-32LE BOM", b"\xFF\xFE\x00\x00"),
        ("UTF-32BE BOM", b"\x00\x00\xFE\xFF"),
        ("white space", b" \r\n\t"),
        ("NUL", b"\x00"),
        ("two NULs", b"\x00\x00"),
        ("lt", b"<"),
        ("one UTF-16 unit", b"<\x00"),
    ] {
        let f = no_hang(what, || lint(bytes));
        assert_eq!(f.kind, FileKind::Invalid, "{what}");
        assert!(!f.diagnostics.is_empty(), "{what}");
        survive(bytes);
    }
    let f = lint(b"");
    assert!(
        f.diagnostics[0].message.contains("empty"),
        "{}",
        f.diagnostics[0].message
    );
    let f = lint(b"\xFF\xFE");
    assert!(
        f.diagnostics[0].message.contains("empty"),
        "{}",
        f.diagnostics[0].message
    );
}

#[test]
fn odd_length_utf16() {
    let doc = writer_with("");
    let cases = [
        ("LE with BOM", utf16le(&doc, true)),
        ("LE without BOM", utf16le(&doc, false)),
        ("BE with BOM", utf16be(&doc, true)),
        ("BE without BOM", utf16be(&doc, false)),
    ];
    for (what, mut bytes) in cases {
        bytes.push(b'>');
        let f = lint(&bytes);
        assert_eq!(slugs(&f), ["doc/encoding"], "{what}");
        assert!(
            f.diagnostics[0].message.contains("odd number of bytes"),
            "{what}: {}",
            f.diagnostics[0].message
        );
        // The text before the cut is kept, so the fault has a place.
        assert_eq!(f.text.as_str(), doc, "{what}");
        survive(&bytes);
        // A single stray byte after the mark.
        survive(&bytes[..3]);
    }
    // An unpaired surrogate in the middle, and one at the very end.
    let mut bytes = utf16le("<a>", true);
    bytes.extend_from_slice(&0xD800u16.to_le_bytes());
    bytes.extend_from_slice(&utf16le("</a>", false));
    let f = lint(&bytes);
    assert!(
        f.diagnostics[0].message.contains("surrogate"),
        "{}",
        f.diagnostics[0].message
    );
    assert_eq!(f.diagnostics[0].span.start, 3);
    survive(&bytes);
    let mut bytes = utf16le("<a/>", true);
    bytes.extend_from_slice(&0xDBFFu16.to_le_bytes());
    survive(&bytes);
    bytes.push(0);
    survive(&bytes);
}

#[test]
fn control_characters_do_not_reach_the_terminal() {
    // A file that fails to parse at an escape sequence: the report shows the line.
    let doc = format!("{HEAD}<x a=\"\x1B]0;owned\x07\"/>\r\x1B[2J{TAIL}");
    let f = lint(doc.as_bytes());
    assert!(!f.diagnostics.is_empty());
    let index = LineIndex::new(&f.text);
    for d in &f.diagnostics {
        for style in [
            Style::plain(100),
            Style {
                color: true,
                unicode: true,
                links: true,
                width: 100,
            },
        ] {
            let out = render(&f, &index, d, style);
            let bad = out
                .chars()
                .filter(|&c| c.is_control() && c != '\n' && c != '\x1B')
                .collect::<Vec<_>>();
            assert!(bad.is_empty(), "{bad:?} in\n{out}");
            if !style.color {
                assert!(!out.contains('\x1B'), "{out}");
            }
        }
    }
    // Character references put C1 controls and line breaks into values that rules quote.
    let doc = writer_with("<BACKUP_LOCATIONS><FILE_GROUP componentName=\"c\" logicalPath=\"p\" selectable=\"&#x9B;31m&#10;&#13;\"/></BACKUP_LOCATIONS>");
    let f = lint(doc.as_bytes());
    assert!(!f.diagnostics.is_empty());
    let index = LineIndex::new(&f.text);
    for d in &f.diagnostics {
        let out = render(&f, &index, d, Style::plain(100));
        assert!(!out.contains('\u{9B}') && !out.contains('\r'), "{out:?}");
    }
}

#[test]
fn concise_output_is_one_line_per_finding() {
    let doc = writer_with("<BACKUP_LOCATIONS><FILE_GROUP componentName=\"c\" logicalPath=\"p\" selectable=\"&#x9B;31m&#10;x\"/></BACKUP_LOCATIONS>");
    let f = lint(doc.as_bytes());
    let mut out = Vec::new();
    concise::write(&mut out, std::slice::from_ref(&f)).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.lines().count(), f.diagnostics.len() + 1, "{out}");
    assert!(!out.contains('\u{9B}'), "{out:?}");
}

#[test]
fn stray_text_span_uses_the_raw_text() {
    for body in ["\r\n\r\n  é x\r\n", "&amp;&amp;&amp; é"] {
        let doc = writer_with(&format!(
            "<BACKUP_LOCATIONS><FILE_GROUP componentName=\"c\" logicalPath=\"p\">{body}</FILE_GROUP></BACKUP_LOCATIONS>"
        ));
        let f = lint(doc.as_bytes());
        let d = f
            .diagnostics
            .iter()
            .find(|d| d.message.starts_with("text inside"))
            .expect("the stray text is flagged");
        let start = doc.find(body.trim()).unwrap();
        assert_eq!(
            d.span,
            vsslint::span::Span::new(start, start + body.trim().len())
        );
        exercise::check_spans(&f).unwrap();
    }
}

#[test]
fn attribute_spans_past_roxmltree_limits() {
    // An unknown attribute whose name is 80,000 bytes of `é`.
    let name = "é".repeat(40_000);
    let doc = writer_with(&format!("<BACKUP_LOCATIONS {name}=\"1\"/>"));
    let f = lint(doc.as_bytes());
    exercise::check_spans(&f).unwrap();
    // A rule's value after 300 spaces.
    let doc = format!(
        "<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" version{}=\"2.0\"/>",
        " ".repeat(300)
    );
    let f = lint(doc.as_bytes());
    let d = f
        .diagnostics
        .iter()
        .find(|d| d.rule.slug == "doc/version")
        .expect("the version is flagged");
    assert_eq!(&doc[d.span.start..d.span.end], "2.0");
}

// ---------------------------------------------------------------------------------------------
// The command line and the file system

#[test]
fn a_directory_named_like_a_document() {
    let dir = scratch("dir-xml");
    std::fs::create_dir_all(dir.join("x.xml")).unwrap();
    std::fs::write(dir.join("x.xml/inner.xml"), writer_with("")).unwrap();
    let run = vsslint(&["--format", "concise", dir.to_str().unwrap()], None);
    assert!(run.code.is_some_and(|c| c < 2), "{}", run.stderr);
    let run = vsslint(
        &["--format", "concise", dir.join("x.xml").to_str().unwrap()],
        None,
    );
    assert!(run.code.is_some_and(|c| c < 2), "{}", run.stderr);
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_ends() {
    let dir = scratch("loop");
    std::fs::write(dir.join("a.xml"), writer_with("")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
    std::os::unix::fs::symlink(dir.join("self.xml"), dir.join("self.xml")).unwrap();
    let run = vsslint(&["--format", "concise", dir.to_str().unwrap()], None);
    assert!(run.code.is_some(), "{}", run.stderr);
    let run = vsslint(
        &[
            "--format",
            "concise",
            dir.join("self.xml").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(
        run.code,
        Some(2),
        "a path that cannot be read: {}",
        run.stderr
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn endless_and_special_files_are_refused() {
    // Under the cap, reading it all fails on memory after a while; refused up front, it
    // is one finding at once, with a reason.
    let run = vsslint_capped(&["--format", "concise", "/dev/zero"], 2048);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(!run.stderr.contains("memory"), "{}", run.stderr);
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(
        out.contains("not a regular file") && out.contains("doc/unreadable"),
        "{out}"
    );
    let dir = scratch("fifo");
    let fifo = dir.join("pipe.xml");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let run = vsslint(&["--format", "concise", fifo.to_str().unwrap()], None);
        assert_eq!(run.code, Some(1), "{}", run.stderr);
        let out = String::from_utf8_lossy(&run.stdout);
        assert!(out.contains("doc/unreadable"), "{out}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

// ---------------------------------------------------------------------------------------------
// Crashes found by fuzzing

/// The `.xml` files of a folder of `fixtures/hostile`, sorted.
fn hostile_fixtures(sub: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/hostile")
        .join(sub);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "xml"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
}

#[test]
fn fuzz_regressions() {
    for path in hostile_fixtures("") {
        let bytes = std::fs::read(&path).unwrap();
        let result = std::panic::catch_unwind(|| exercise::exercise(&bytes));
        assert!(result.is_ok(), "{} fails again", path.display());
    }
}

/// How many findings of one rule a file has (other rules may add their own notes).
fn count(f: &LintedFile, slug: &str) -> usize {
    f.diagnostics.iter().filter(|d| d.rule.slug == slug).count()
}
