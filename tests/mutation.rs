//! Mutants of valid inputs, from a fixed seed: rule fixtures and the contoso set's documents,
//! cabinets built here, and `vshadow -wm3` transcripts in UTF-8 and UTF-16LE. Each mutant is
//! a few byte flips, truncations, insertions of `<`, `"`, NUL or 0xFF, and duplicated spans.
//!
//! Whatever the bytes, a run ends in exit status 0, 1 or 2 with a report that parses, never a
//! panic or a signal; a cabinet is read within the budget it is given (the reader's own
//! counts: bytes decompressed, bytes returned, copies of shared data counted); a transcript's
//! writers share one decoded text; and nothing is written but the report: the input's folder
//! holds exactly what the test put there, byte for byte. Most mutants run in this process
//! through `vsslint::run`; a share of them through the binary. Nothing is timed.
//!
//! A failure names the kind, the seed, the mutant's number and its mutations; the mutants are
//! the same on every run, so that number finds it again.

mod common;

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod exercise;

use serde_json::Value;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use vsslint::{
    lint_transcript, open_input, read_cab_with_stats, CabLimits, Failure, Format, Opened, Options,
    Settings,
};

// ----------------------------------------------------------------------------------------
// Mutations, from a fixed seed.

const SEED: u64 = 0x6d75_7461_6e74_7321;

/// xorshift64 (Marsaglia): enough to scatter mutations, the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(stream: u64) -> Rng {
        // Never zero, the one state xorshift cannot leave.
        Rng((SEED ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number below `n`, which is not 0.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The bytes that break XML, strings, C strings and UTF-8 most readily.
const INSERTED: [u8; 4] = [b'<', b'"', 0, 0xFF];

/// The longest span duplicated: mutants stay small, far below the size limit.
const MAX_SPAN: usize = 256;

/// What a seed is, for where its mutations go.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Document,
    /// A cabinet whose tables (header, folders, entries) take its first `tables` bytes: half
    /// the mutations go there, where each byte changes what is read.
    Cabinet {
        tables: usize,
    },
    /// A transcript; `wide` for UTF-16, whose insertions are half the time whole code units.
    Transcript {
        wide: bool,
    },
}

struct Seed {
    name: String,
    kind: Kind,
    bytes: Vec<u8>,
}

struct Mutant {
    /// `kind seed #n: mutations`, to find it again.
    what: String,
    kind: Kind,
    bytes: Vec<u8>,
}

/// One to three mutations of `bytes`, and what they were.
fn mutate(rng: &mut Rng, kind: Kind, mut bytes: Vec<u8>) -> (Vec<u8>, Vec<String>) {
    let mut done = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let len = bytes.len();
        let reach = match kind {
            Kind::Cabinet { tables } if rng.below(2) == 0 => tables.min(len),
            _ => len,
        };
        let at = rng.below(reach + 1);
        // A cabinet's tables are offsets and sizes: a flip keeps them in place and changes
        // what is read, where a byte more or less shifts all that follows and is refused.
        let op = match kind {
            Kind::Cabinet { .. } => [0, 0, 0, 1, 2, 3][rng.below(6)],
            _ => rng.below(4),
        };
        match op {
            0 if at < len => {
                let mask = 1 + rng.below(255) as u8;
                bytes[at] ^= mask;
                done.push(format!("flip {at} ^{mask:#04x}"));
            }
            1 => {
                bytes.truncate(at);
                done.push(format!("cut {at}"));
            }
            2 => {
                let byte = INSERTED[rng.below(INSERTED.len())];
                if matches!(kind, Kind::Transcript { wide: true }) && rng.below(2) == 0 {
                    let at = at & !1;
                    bytes.splice(at..at, [byte, 0]);
                    done.push(format!("insert {byte:#04x} 0x00 at {at}"));
                } else {
                    bytes.insert(at, byte);
                    done.push(format!("insert {byte:#04x} at {at}"));
                }
            }
            _ => {
                let from = rng.below(len + 1);
                let span = rng.below(MAX_SPAN.min(len - from) + 1);
                let copy = bytes[from..from + span].to_vec();
                bytes.splice(at..at, copy);
                done.push(format!("copy {from}..{} to {at}", from + span));
            }
        }
    }
    (bytes, done)
}

/// `per_seed` mutants of each seed, the same on every run for the same `stream`.
fn mutants(stream: u64, seeds: &[Seed], per_seed: usize) -> Vec<Mutant> {
    let mut rng = Rng::new(stream);
    let mut out = Vec::new();
    for seed in seeds {
        for n in 0..per_seed {
            let (bytes, done) = mutate(&mut rng, seed.kind, seed.bytes.clone());
            out.push(Mutant {
                what: format!("{:?} {} #{n}: {}", seed.kind, seed.name, done.join(", ")),
                kind: seed.kind,
                bytes,
            });
        }
    }
    out
}

// ----------------------------------------------------------------------------------------
// Seeds.

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(path),
    )
    .unwrap_or_else(|e| panic!("fixtures/{path}: {e}"))
}

const CONTOSO: [&str; 4] = ["Manifest.xml", "BCDocument.xml", "WM0.xml", "WM1.xml"];

fn contoso(name: &str) -> Vec<u8> {
    fixture(&format!("sets/contoso/{name}"))
}

/// Rule examples of several groups (a UTF-16 declaration, a document that is not
/// well-formed, duplicates and references), and the contoso set's documents.
fn document_seeds() -> Vec<Seed> {
    let rules = [
        "rules/doc/encoding/bad.xml",
        "rules/doc/not-well-formed/bad.xml",
        "rules/comp/duplicate/bad.xml",
        "rules/fs/file-in-several-components/bad.xml",
        "rules/dep/duplicate/bad.xml",
        "rules/alm/destination/bad.xml",
    ];
    let mut seeds: Vec<Seed> = rules
        .iter()
        .map(|path| Seed {
            name: path.to_string(),
            kind: Kind::Document,
            bytes: fixture(path),
        })
        .collect();
    seeds.extend(CONTOSO.iter().map(|name| Seed {
        name: format!("contoso/{name}"),
        kind: Kind::Document,
        bytes: contoso(name),
    }));
    seeds
}

/// One entry of a cabinet built here: its name, its bytes, its folder, and, for an entry
/// covering data another entry stores, the size and offset to declare.
struct CabFile {
    name: String,
    data: Vec<u8>,
    folder: u16,
    shares: Option<(u32, u32)>,
}

fn file(name: &str, data: Vec<u8>, folder: u16) -> CabFile {
    CabFile {
        name: name.to_owned(),
        data,
        folder,
        shares: None,
    }
}

/// A cabinet of `folders` uncompressed folders holding `files`: the header, the folders, the
/// entries, then each folder's data blocks, with their checksums or with none (zero, which
/// readers do not check, so that damage to the data reaches the documents).
/// tests/containers.rs builds the same way, with more knobs.
fn cabinet(folders: usize, files: &[CabFile], checksums: bool) -> Vec<u8> {
    let table_at = 36 + 8 * folders;
    let table_len: usize = files.iter().map(|f| 17 + f.name.len()).sum();
    let mut data_at = table_at + table_len;
    let mut next = vec![0u32; folders];
    let mut table = Vec::new();
    for f in files {
        let folder = usize::from(f.folder);
        let (size, offset) = f.shares.unwrap_or((f.data.len() as u32, next[folder]));
        next[folder] += f.data.len() as u32;
        table.extend_from_slice(&size.to_le_bytes());
        table.extend_from_slice(&offset.to_le_bytes());
        table.extend_from_slice(&f.folder.to_le_bytes());
        table.extend_from_slice(&[0x21, 0x5a, 0x00, 0x60]); // 2025-01-01 12:00
        table.extend_from_slice(&0x20u16.to_le_bytes()); // archive
        table.extend_from_slice(f.name.as_bytes());
        table.push(0);
    }
    let mut records = Vec::new();
    let mut blocks = Vec::new();
    for folder in 0..folders {
        let stream: Vec<u8> = files
            .iter()
            .filter(|f| usize::from(f.folder) == folder)
            .flat_map(|f| f.data.iter().copied())
            .collect();
        let chunks: Vec<&[u8]> = stream.chunks(32 * 1024).collect();
        records.extend_from_slice(&(data_at as u32).to_le_bytes());
        records.extend_from_slice(&(chunks.len() as u16).to_le_bytes());
        records.extend_from_slice(&0u16.to_le_bytes()); // stored
        for chunk in chunks {
            let n = chunk.len() as u16;
            let sum = if checksums {
                common::cab_checksum(chunk, n, n)
            } else {
                0
            };
            blocks.extend_from_slice(&sum.to_le_bytes());
            blocks.extend_from_slice(&n.to_le_bytes());
            blocks.extend_from_slice(&n.to_le_bytes());
            blocks.extend_from_slice(chunk);
            data_at += 8 + chunk.len();
        }
    }
    let total = table_at + table.len() + blocks.len();
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(b"MSCF");
    for field in [0, total as u32, 0, table_at as u32, 0] {
        out.extend_from_slice(&field.to_le_bytes());
    }
    out.extend_from_slice(&[3, 1]); // version 1.3
    out.extend_from_slice(&(folders as u16).to_le_bytes());
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&[0, 0, 0x34, 0x12, 0, 0]); // no flags, set 0x1234, first cabinet
    out.extend_from_slice(&records);
    out.extend_from_slice(&table);
    out.extend_from_slice(&blocks);
    assert_eq!(out.len(), total);
    out
}

/// Stored cabinets: one entry; the contoso set in one folder, beside DiskShadow's log; the set
/// over two folders; and eight writers covering one folder's single document, more copies
/// than [`LIMITS`] allows. Each with checksums, and without.
fn cabinet_seeds() -> Vec<Seed> {
    let set = |folder_of: &dyn Fn(usize) -> u16| -> Vec<CabFile> {
        CONTOSO
            .iter()
            .enumerate()
            .map(|(i, name)| file(name, contoso(name), folder_of(i)))
            .collect()
    };
    let mut one_folder = set(&|_| 0);
    one_folder.push(file("Dis12AB.tmp", b"DiskShadow log\r\n".to_vec(), 0));
    let writer = contoso("WM0.xml");
    let mut shared = vec![file("WM0.xml", writer.clone(), 0)];
    for n in 1..8 {
        let mut copy = file(&format!("WM{n}.xml"), Vec::new(), 0);
        copy.shares = Some((writer.len() as u32, 0));
        shared.push(copy);
    }
    let single = [file("WM0.xml", writer.clone(), 0)];
    let two_folders = set(&|i| (i / 2) as u16);
    let cabinets: [(&str, usize, &[CabFile]); 4] = [
        ("one entry", 1, &single),
        ("the set in one folder", 1, &one_folder),
        ("the set in two folders", 2, &two_folders),
        ("eight entries over one document", 1, &shared),
    ];
    cabinets
        .into_iter()
        .flat_map(|(name, folders, files)| {
            [true, false].map(|sums| {
                let what = if sums { "checksums" } else { "no checksums" };
                (format!("{name}, {what}"), cabinet(folders, files, sums))
            })
        })
        .map(|(name, bytes)| Seed {
            name,
            // The first folder's data starts where the tables end.
            kind: Kind::Cabinet {
                tables: u32::from_le_bytes(bytes[36..40].try_into().unwrap()) as usize,
            },
            bytes,
        })
        .collect()
}

const BANNER: &str = "\nVSHADOW.EXE 3.0 - Volume Shadow Copy sample client.\nCopyright (C) 2005 Microsoft Corporation. All rights reserved.\n\n\n(Option: Generate writer metadata)\n(Gathering writer metadata...)\nInitialize writer metadata ...\n";

/// `docs` framed as vshadow prints them, with `eol` line ends; the end marker when `end`.
fn transcript(docs: &[(u32, Vec<u8>)], eol: &str, end: bool) -> String {
    let mut text = BANNER.replace('\n', eol);
    for (writer, doc) in docs {
        let doc = String::from_utf8(doc.clone()).unwrap();
        let doc = doc.trim_end().replace("\r\n", "\n").replace('\n', eol);
        text.push_str(&format!("{eol}--[Writer {writer}]--{eol}{doc}{eol}"));
    }
    if end {
        text.push_str(&format!("{eol}--[end of data]--{eol}"));
    }
    text
}

/// As Windows PowerShell 5.1's `>` saves a transcript: UTF-16LE after a byte-order mark.
fn utf16le(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

/// The contoso writers and a rule example framed, CRLF with the end marker and LF without,
/// each in UTF-8 and in UTF-16LE; and the rule example of a cut-off transcript.
fn transcript_seeds() -> Vec<Seed> {
    let docs = [
        (0, contoso("WM0.xml")),
        (1, contoso("WM1.xml")),
        (7, fixture("rules/comp/duplicate/bad.xml")),
    ];
    let mut seeds = Vec::new();
    for (eol, end) in [("\r\n", true), ("\n", false)] {
        let text = transcript(&docs, eol, end);
        let lines = if end { "CRLF, ended" } else { "LF, cut off" };
        seeds.push(Seed {
            name: format!("UTF-8 {lines}"),
            kind: Kind::Transcript { wide: false },
            bytes: text.clone().into_bytes(),
        });
        seeds.push(Seed {
            name: format!("UTF-16LE {lines}"),
            kind: Kind::Transcript { wide: true },
            bytes: utf16le(&text),
        });
    }
    seeds.push(Seed {
        name: "rules/doc/transcript-incomplete/bad.txt".to_owned(),
        kind: Kind::Transcript { wide: false },
        bytes: fixture("rules/doc/transcript-incomplete/bad.txt"),
    });
    seeds
}

/// Streams of the generator, one per kind of seed, so that each kind's mutants stay the same
/// when another kind's seeds change.
const DOCUMENTS: u64 = 1;
const CABINETS: u64 = 2;
const TRANSCRIPTS: u64 = 3;

fn all_mutants() -> [Vec<Mutant>; 3] {
    [
        mutants(DOCUMENTS, &document_seeds(), 12),
        mutants(CABINETS, &cabinet_seeds(), 15),
        mutants(TRANSCRIPTS, &transcript_seeds(), 20),
    ]
}

// ----------------------------------------------------------------------------------------
// What must hold for every mutant.

/// The limits every cabinet is read with, in this process and by the binary: small, so that
/// mutated sizes and the shared entries reach them.
const LIMITS: CabLimits = CabLimits {
    max_bytes: 64 * 1024,
    max_expansion: 8 * 1024,
    max_entries: 65_535,
};

/// A folder under the system's temporary folder, removed when dropped; the mutants are
/// written there one at a time, beside an empty configuration that keeps whatever lies
/// above the folder out of the runs.
struct Scratch {
    dir: PathBuf,
    config: PathBuf,
}

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("vsslint-mutation-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let config = dir.join("vsslint.toml");
        std::fs::write(&config, "").unwrap();
        Scratch { dir, config }
    }

    /// Every entry of the folder, sub-folders included, with its bytes (a folder's: none).
    fn contents(&self) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
        let mut out = BTreeMap::new();
        let mut stack = vec![self.dir.clone()];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).unwrap() {
                let path = e.unwrap().path();
                let rel = path.strip_prefix(&self.dir).unwrap().to_path_buf();
                if path.is_dir() {
                    stack.push(path);
                    out.insert(rel, None);
                } else {
                    out.insert(rel, Some(std::fs::read(&path).unwrap()));
                }
            }
        }
        out
    }

    /// Writes `bytes` as the input; then `run` lints it, and the folder must hold exactly
    /// the configuration and the input, unchanged. Everything but the configuration is
    /// removed after, so that each mutant is judged alone.
    fn with_input<T>(&self, bytes: &[u8], run: impl FnOnce(&Path) -> T) -> T {
        let input = self.dir.join("input");
        std::fs::write(&input, bytes).unwrap();
        let expected = BTreeMap::from([
            (PathBuf::from("input"), Some(bytes.to_vec())),
            (PathBuf::from("vsslint.toml"), Some(Vec::new())),
        ]);
        let out = run(&input);
        let after = self.contents();
        for path in after.keys().filter(|p| *p != Path::new("vsslint.toml")) {
            let path = self.dir.join(path);
            if path.is_dir() {
                let _ = std::fs::remove_dir_all(&path);
            } else {
                let _ = std::fs::remove_file(&path);
            }
        }
        assert!(
            after == expected,
            "the run wrote beside its input: the folder holds {:?}{}",
            after.keys().collect::<Vec<_>>(),
            if after.get(Path::new("input")) == expected.get(Path::new("input")) {
                ""
            } else {
                ", the input changed"
            }
        );
        out
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The report a run writes: JSON that lists its findings, every one in the input.
fn check_report(report: &[u8], input: &Path) -> Value {
    let v: Value = serde_json::from_slice(report).unwrap_or_else(|e| {
        panic!(
            "the report is not JSON ({e}): {}",
            String::from_utf8_lossy(report)
        )
    });
    let findings = v["diagnostics"].as_array().expect("a list of findings");
    for d in findings {
        let file = d["file"].as_str().expect("a finding names its file");
        // The input as named, or relative to the working folder; a cabinet's entries as
        // `input!/WM0.xml`.
        let outer = file.split("!/").next().unwrap();
        assert!(
            Path::new(outer).file_name() == input.file_name(),
            "a finding in {file}"
        );
    }
    v
}

/// Lints `input` through `vsslint::run`, as the binary would with `--format json` and the
/// limits; the exit status.
fn run_in_process(scratch: &Scratch, input: &Path) -> i32 {
    let opts = Options {
        paths: vec![input.to_path_buf()],
        format: Format::Json,
        config: Some(scratch.config.clone()),
        max_file_size: LIMITS.max_bytes,
        max_cabinet_expansion: LIMITS.max_expansion,
        ..Options::default()
    };
    let mut report = Vec::new();
    match vsslint::run(&opts, &mut report) {
        Ok(outcome) => {
            assert!(matches!(outcome.code, 0 | 1), "exit {}", outcome.code);
            check_report(&report, input);
            outcome.code
        }
        Err(Failure::Io(e)) => panic!("reading its own input failed: {e}"),
        Err(failure) => {
            assert!(
                !failure.to_string().trim().is_empty(),
                "a usage error without words"
            );
            2
        }
    }
}

/// The cabinet read within [`LIMITS`], as the reader counts it: nothing decompressed or
/// returned past the budget, no entry past its size limit, no folder decompressed twice, and
/// every byte returned counted. Then as the container entrance opens it with the same limits.
/// How it ended, for the tally.
fn check_cabinet(bytes: &[u8]) -> &'static str {
    exercise::exercise_cab(bytes);
    let folders = bytes
        .get(26..28)
        .map_or(0, |b| usize::from(u16::from_le_bytes([b[0], b[1]])));
    let read = match read_cab_with_stats(bytes, &LIMITS) {
        Ok((entries, stats)) => {
            let returned: u64 = entries.iter().flatten().map(|e| e.bytes.len() as u64).sum();
            assert_eq!(stats.bytes_returned, returned, "{stats:?}");
            assert!(stats.bytes_returned <= LIMITS.max_expansion, "{stats:?}");
            assert!(
                stats.bytes_decompressed <= LIMITS.max_expansion,
                "{stats:?}"
            );
            assert!(stats.folders_decompressed <= folders, "{stats:?}");
            if stats.folders_decompressed == 0 {
                assert_eq!(stats.bytes_decompressed, 0, "{stats:?}");
            }
            for e in entries.iter().flatten() {
                assert!(e.bytes.len() as u64 <= LIMITS.max_bytes, "{}", e.name);
            }
            for (i, e) in entries.iter().enumerate() {
                if let Err(e) = e {
                    assert_eq!(e.entry().map(|r| r.index), Some(i), "{e}");
                }
            }
            if entries.iter().all(Result::is_ok) {
                "every entry read"
            } else if entries.iter().any(Result::is_ok) {
                "some entries read"
            } else {
                "no entry read"
            }
        }
        Err(e) => {
            assert!(e.entry().is_none(), "{e}");
            "refused"
        }
    };
    if let Ok(Opened::Cabinet(entries)) = open_input(bytes.to_vec(), &LIMITS) {
        assert!(!entries.is_empty());
        let held: u64 = entries
            .iter()
            .filter_map(|e| e.bytes.as_ref().ok())
            .map(|b| b.len() as u64)
            .sum();
        assert!(held <= LIMITS.max_expansion, "{held} bytes opened");
    }
    read
}

/// The transcript read with the default settings: its writers share one text (the fuzz
/// target's checks); bytes that are not one come back untouched. How it ended, for the
/// tally.
fn check_transcript(bytes: &[u8]) -> &'static str {
    match lint_transcript("vshadow.txt", bytes.to_vec(), &Settings::default()) {
        Ok(t) => {
            if let Err(e) = exercise::check_transcript(&t, "vshadow.txt") {
                panic!("{e}");
            }
            if t.truncated {
                "a cut-off transcript"
            } else {
                "a whole transcript"
            }
        }
        Err(back) => {
            assert!(back == bytes, "the bytes come back changed");
            "not a transcript"
        }
    }
}

/// Mutants that meet a defect of the library, each with what its failure says. Each must
/// still fail so until the defect is fixed; then its line goes, and the mutant is held to
/// everything the others are. A mutant is known by its seed and number, which change with
/// the seeds, the generator or the number of mutants per seed.
const KNOWN_DEFECTS: &[(&str, &str)] = &[];

/// `check` on every mutant, each failure named by its mutant; panics with all of them.
fn each(mutants: &[Mutant], mut check: impl FnMut(&Mutant)) {
    let mut failures = Vec::new();
    for m in mutants {
        let known = KNOWN_DEFECTS.iter().find(|(what, _)| m.what.contains(what));
        match (catch_unwind(AssertUnwindSafe(|| check(m))), known) {
            (Ok(()), None) => {}
            (Ok(()), Some(_)) => failures.push(format!(
                "{}\n    passes: its defect is fixed (or the mutants changed); remove it from \
                 KNOWN_DEFECTS",
                m.what
            )),
            (Err(e), known) => {
                let message = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                if !known.is_some_and(|(_, says)| message.contains(says)) {
                    failures.push(format!("{}\n    {message}", m.what));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} mutants failed:\n{}",
        failures.len(),
        mutants.len(),
        failures.join("\n")
    );
}

/// How many of the mutants ended each way: each test checks that its mutants still reach
/// what they are meant to exercise, and are not all thrown out at the door.
#[derive(Default, Debug)]
struct Tally {
    exits: [usize; 3],
    /// How the reader took them.
    read: BTreeMap<&'static str, usize>,
}

impl Tally {
    fn read(&self, how: &str) -> usize {
        self.read.get(how).copied().unwrap_or(0)
    }
}

fn run_all(name: &str, mutants: &[Mutant]) -> Tally {
    let scratch = Scratch::new(name);
    let mut tally = Tally::default();
    each(mutants, |m| {
        match m.kind {
            Kind::Document => {
                exercise::exercise(&m.bytes);
            }
            Kind::Cabinet { .. } => *tally.read.entry(check_cabinet(&m.bytes)).or_default() += 1,
            Kind::Transcript { .. } => {
                exercise::exercise_transcript(&m.bytes);
                *tally.read.entry(check_transcript(&m.bytes)).or_default() += 1;
            }
        }
        let code = scratch.with_input(&m.bytes, |input| run_in_process(&scratch, input));
        tally.exits[code as usize] += 1;
    });
    eprintln!("{name}: {} mutants, {tally:?}", mutants.len());
    tally
}

/// The cabinets mutated are read whole before any mutation, within the budget but for the
/// copies of one document past it; the reader's counts are exact.
#[test]
fn the_cabinet_seeds_are_read_within_the_budget() {
    let seeds = cabinet_seeds();
    assert_eq!(seeds.len(), 8);
    let writer = contoso("WM0.xml").len() as u64;
    for seed in &seeds {
        let (entries, stats) = read_cab_with_stats(&seed.bytes, &LIMITS)
            .unwrap_or_else(|e| panic!("{}: {e}", seed.name));
        let read = entries.iter().filter(|e| e.is_ok()).count();
        if seed.name.starts_with("eight entries") {
            // Four copies fit in 8 KiB; the folder is decompressed once for all of them.
            assert_eq!(read, 4, "{}", seed.name);
            assert_eq!(stats.folders_decompressed, 1, "{}", seed.name);
            assert_eq!(stats.bytes_decompressed, writer, "{}", seed.name);
            assert_eq!(stats.bytes_returned, 4 * writer, "{}", seed.name);
        } else {
            assert_eq!(read, entries.len(), "{}", seed.name);
            assert_eq!(
                stats.bytes_returned, stats.bytes_decompressed,
                "{}",
                seed.name
            );
        }
    }
}

#[test]
fn mutated_documents() {
    let [documents, _, _] = all_mutants();
    let tally = run_all("documents", &documents);
    assert!(tally.exits[1] > 0, "{tally:?}");
}

#[test]
fn mutated_cabinets() {
    let [_, cabinets, _] = all_mutants();
    let tally = run_all("cabinets", &cabinets);
    for how in [
        "every entry read",
        "some entries read",
        "no entry read",
        "refused",
    ] {
        assert!(tally.read(how) > 0, "no mutant with {how}: {tally:?}");
    }
}

#[test]
fn mutated_transcripts() {
    let [_, _, transcripts] = all_mutants();
    let tally = run_all("transcripts", &transcripts);
    assert!(
        tally.read("a whole transcript") + tally.read("a cut-off transcript")
            >= transcripts.len() / 2,
        "most mutants are no longer transcripts: {tally:?}"
    );
}

/// Every eighth mutant of each kind through the binary, run in the mutant's folder so that a
/// file written to the working folder would be seen too: exit 0, 1 or 2 (never 101, a panic,
/// nor a signal), and a report on standard output that parses.
#[test]
fn mutants_through_the_binary() {
    let scratch = Scratch::new("binary");
    let limit = |n: u64| n.to_string();
    let chosen: Vec<Mutant> = all_mutants()
        .into_iter()
        .flat_map(|kind| kind.into_iter().step_by(8))
        .collect();
    assert!(chosen.len() >= 30, "{} mutants", chosen.len());
    each(&chosen, |m| {
        scratch.with_input(&m.bytes, |input| {
            let o = Command::new(env!("CARGO_BIN_EXE_vsslint"))
                .args(["--format", "json", "--config"])
                .arg(&scratch.config)
                .args(["--max-file-size", &limit(LIMITS.max_bytes)])
                .args(["--max-cabinet-expansion", &limit(LIMITS.max_expansion)])
                .arg(input)
                .current_dir(&scratch.dir)
                .env("NO_COLOR", "1")
                .env_remove("GITHUB_ACTIONS")
                .stdin(Stdio::null())
                .output()
                .unwrap();
            let code = o.status.code();
            assert!(
                matches!(code, Some(0..=2)),
                "{}: {}",
                o.status,
                common::stderr(&o)
            );
            if code != Some(2) {
                check_report(&o.stdout, input);
            }
        });
    });
}
