//! `vshadow -wm3` transcripts (spec: backup-sets.md §3): the real writer documents framed as
//! vshadow prints them, after its banner, as a redirected console saves them. Each writer's
//! document must say in the transcript what it says alone, at the transcript's offsets, lines
//! and columns, which are worked out here from the transcript's text.

mod common;

use encoding_rs::WINDOWS_1252;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use vsslint::report::json;
use vsslint::span::Span;
use vsslint::{lint_bytes, lint_transcript, FileKind, LintedFile, LintedTranscript, Settings};

const PATH: &str = "vshadow.txt";
const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-16"?>"#;

/// One writer's document as the transcript holds it.
struct Doc {
    writer: u32,
    text: String,
    /// Where it starts in the transcript.
    start: usize,
}

struct Built {
    text: String,
    docs: Vec<Doc>,
}

fn with_eol(text: &str, eol: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', eol)
}

/// The corpus's writer documents, by writer number.
fn corpus_docs(corpus: &Path) -> Vec<(u32, String)> {
    let dir = corpus.join("diskshadow-ws2012-sql2017");
    let mut docs: Vec<(u32, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name()?.to_str()?.to_owned();
            let n = name
                .strip_prefix("WM")?
                .strip_suffix(".xml")?
                .parse()
                .ok()?;
            Some((n, std::fs::read_to_string(&path).unwrap()))
        })
        .collect();
    docs.sort();
    assert!(docs.len() >= 10, "{} writer documents", docs.len());
    docs
}

/// A transcript of `docs` as vshadow prints it with `eol` line ends; the end marker when
/// `end`. Every other document starts with the declaration `SaveAsXML` writes.
fn transcript(docs: &[(u32, String)], eol: &str, banner: &str, end: bool) -> Built {
    let mut text = with_eol(banner, eol);
    let mut framed = Vec::new();
    for (k, (writer, doc)) in docs.iter().enumerate() {
        let mut doc = with_eol(doc.trim_end(), eol);
        if k % 2 == 1 {
            doc.insert_str(0, DECLARATION);
        }
        text.push_str(&format!("{eol}--[Writer {writer}]--{eol}"));
        framed.push(Doc {
            writer: *writer,
            start: text.len(),
            text: doc.clone(),
        });
        text.push_str(&doc);
        text.push_str(eol);
    }
    if end {
        text.push_str(&format!("{eol}--[end of data]--{eol}"));
    }
    Built { text, docs: framed }
}

const BANNER: &str = "\nVSHADOW.EXE 3.0 - Volume Shadow Copy sample client.\nCopyright (C) 2005 Microsoft Corporation. All rights reserved.\n\n\n(Option: Generate writer metadata)\n- Setting the VSS context to: 0xffffffff\n(Gathering writer metadata...)\n(Waiting for the asynchronous operation to finish...)\nInitialize writer metadata ...\n";

/// 1-based line and column (in characters) of `offset` in `text`.
fn position(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line as u64, column as u64)
}

fn report(f: &LintedFile) -> Vec<Value> {
    let mut out = Vec::new();
    json::write(&mut out, std::slice::from_ref(f)).unwrap();
    let v: Value = serde_json::from_slice(&out).unwrap();
    v["diagnostics"].as_array().unwrap().clone()
}

/// The document linted alone: as UTF-16 when its declaration says so, as UTF-8 otherwise.
fn alone(doc: &str) -> LintedFile {
    let bytes = if doc.starts_with(DECLARATION) {
        let mut b = vec![0xFF, 0xFE];
        b.extend(doc.encode_utf16().flat_map(u16::to_le_bytes));
        b
    } else {
        doc.as_bytes().to_vec()
    };
    let f = lint_bytes("alone.xml", &bytes, &Settings::default());
    assert_eq!(&*f.text, doc);
    f
}

fn shifted(s: Span, by: usize) -> Span {
    Span::new(s.start + by, s.end + by)
}

/// The writer's findings in the transcript are those of its document alone, moved to where
/// the document is.
fn assert_same_as_alone(t: &LintedFile, transcript: &str, doc: &Doc, what: &str) {
    let what = format!("{what}, writer {}", doc.writer);
    let a = alone(&doc.text);
    assert_eq!(t.path, PATH, "{what}");
    assert_eq!(&*t.text, transcript, "{what}");
    assert_eq!(t.kind, a.kind, "{what}");
    assert_eq!(t.suppressed, a.suppressed, "{what}");
    assert_eq!(t.diagnostics.len(), a.diagnostics.len(), "{what}");
    for (d, e) in t.diagnostics.iter().zip(&a.diagnostics) {
        assert_eq!(d.rule.slug, e.rule.slug, "{what}");
        assert_eq!(d.severity, e.severity, "{what}");
        assert_eq!(d.message, e.message, "{what}");
        assert_eq!(d.label, e.label, "{what}");
        assert_eq!(d.help, e.help, "{what}");
        assert_eq!(d.span, shifted(e.span, doc.start), "{what}: {}", d.message);
        assert_eq!(d.related.len(), e.related.len(), "{what}");
        for (r, s) in d.related.iter().zip(&e.related) {
            assert_eq!(r.message, s.message, "{what}");
            assert_eq!(r.span, shifted(s.span, doc.start), "{what}");
        }
    }
    match (&t.identity, &a.identity) {
        (Some(i), Some(j)) => {
            assert_eq!(i.writer_id, j.writer_id, "{what}");
            assert_eq!(i.instance_name, j.instance_name, "{what}");
            let spans = |c: &[(String, String, Span)], by| {
                c.iter()
                    .map(|(l, n, s)| (l.clone(), n.clone(), shifted(*s, by)))
                    .collect::<Vec<_>>()
            };
            assert_eq!(spans(&i.components, 0), spans(&j.components, doc.start));
        }
        (None, None) => {}
        _ => panic!("{what}: identity differs"),
    }

    // As reported: the transcript's lines and columns.
    let frame_line = position(transcript, doc.start).0;
    for (d, e) in report(t).iter().zip(report(&a)) {
        let start = d["offset"].as_u64().unwrap() as usize;
        let end = start + d["length"].as_u64().unwrap() as usize;
        assert_eq!(
            start as u64,
            e["offset"].as_u64().unwrap() + doc.start as u64
        );
        let (line, column) = position(transcript, start);
        let (end_line, end_column) = position(transcript, end);
        assert_eq!(d["line"], line, "{what}: {d}");
        assert_eq!(d["column"], column, "{what}: {d}");
        assert_eq!(d["end_line"], end_line, "{what}: {d}");
        assert_eq!(d["end_column"], end_column, "{what}: {d}");
        // The document starts a line: the columns are its own, the lines are moved.
        assert_eq!(line, e["line"].as_u64().unwrap() + frame_line - 1);
        assert_eq!(column, e["column"].as_u64().unwrap(), "{what}: {d}");
        assert_eq!(d["file"], PATH);
        for (r, s) in d["related"]
            .as_array()
            .unwrap()
            .iter()
            .zip(e["related"].as_array().unwrap())
        {
            let at = r["offset"].as_u64().unwrap() as usize;
            assert_eq!(at as u64, s["offset"].as_u64().unwrap() + doc.start as u64);
            let (line, column) = position(transcript, at);
            assert_eq!(
                (r["line"].clone(), r["column"].clone()),
                (line.into(), column.into())
            );
        }
    }
}

fn lint(bytes: Vec<u8>) -> LintedTranscript {
    lint_transcript(PATH, bytes, &Settings::default())
        .unwrap_or_else(|_| panic!("not taken for a transcript"))
}

/// Every writer's file holds the one decoded copy of the transcript, not a copy of its own.
fn assert_one_text(t: &LintedTranscript, what: &str) {
    let (_, first) = &t.writers[0];
    for (n, f) in &t.writers {
        assert!(Arc::ptr_eq(&first.text, &f.text), "{what}, writer {n}");
    }
    assert_eq!(Arc::strong_count(&first.text), t.writers.len(), "{what}");
}

fn assert_transcript(built: &Built, t: &LintedTranscript, what: &str) {
    let writers: Vec<u32> = t.writers.iter().map(|(n, _)| *n).collect();
    let expected: Vec<u32> = built.docs.iter().map(|d| d.writer).collect();
    assert_eq!(writers, expected, "{what}");
    assert_one_text(t, what);
    for ((_, f), doc) in t.writers.iter().zip(&built.docs) {
        assert_eq!(
            f.kind,
            FileKind::WriterMetadata,
            "{what}, writer {}",
            doc.writer
        );
        assert!(
            f.diagnostics.iter().all(|d| d.rule.slug != "doc/encoding"),
            "{what}: {:#?}",
            f.diagnostics
        );
        assert_same_as_alone(f, &built.text, doc, what);
    }
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn every_writer_is_linted_where_it_is_with_either_line_end() {
    let corpus = common::corpus();
    let docs = corpus_docs(&corpus);
    for (what, eol) in [("LF", "\n"), ("CRLF", "\r\n")] {
        let built = transcript(&docs, eol, BANNER, true);
        let t = lint(built.text.clone().into_bytes());
        assert!(!t.truncated, "{what}");
        assert_eq!(t.encoding, "UTF-8");
        assert_transcript(&built, &t, what);
    }
}

/// Puts `é` before the first finding of each document that has one, on the same line, in an
/// attribute value: its columns then count characters, not bytes.
fn with_accents(docs: &[(u32, String)]) -> Vec<(u32, String)> {
    let mut placed = 0;
    let docs = docs
        .iter()
        .map(|(n, doc)| {
            let doc = with_eol(doc.trim_end(), "\r\n");
            let Some(first) = alone(&doc).diagnostics.first().map(|d| d.span.start) else {
                return (*n, doc);
            };
            let line_start = doc[..first].rfind('\n').map_or(0, |i| i + 1);
            let Some(quote) = doc[line_start..first].find("=\"") else {
                return (*n, doc);
            };
            placed += 1;
            let at = line_start + quote + 2;
            (*n, format!("{}é{}", &doc[..at], &doc[at..]))
        })
        .collect();
    assert!(placed > 0);
    docs
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn a_narrow_console_code_page() {
    let corpus = common::corpus();
    let docs = with_accents(&corpus_docs(&corpus));
    let banner = BANNER.replace("sample client", "Exemple de client (\u{e9}chantillon)");
    let built = transcript(&docs, "\r\n", &banner, true);
    let (bytes, _, lossy) = WINDOWS_1252.encode(&built.text);
    assert!(!lossy);
    assert!(std::str::from_utf8(&bytes).is_err());
    let t = lint(bytes.into_owned());
    assert_eq!(t.encoding, "windows-1252");
    assert!(!t.truncated);
    assert_transcript(&built, &t, "windows-1252");
}

/// Windows PowerShell 5.1's `vshadow -wm3 > out.txt`: UTF-16LE with a byte-order mark. The
/// positions are the decoded transcript's, in characters, as with a narrow one.
#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn windows_powershell_saves_utf16le_with_a_byte_order_mark() {
    let corpus = common::corpus();
    let docs = with_accents(&corpus_docs(&corpus));
    let banner = BANNER.replace(
        "sample client",
        "Exemple de client (\u{e9}chantillon \u{1F600})",
    );
    let built = transcript(&docs, "\r\n", &banner, true);
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(built.text.encode_utf16().flat_map(u16::to_le_bytes));
    let t = lint(bytes);
    assert_eq!(t.encoding, "UTF-16LE");
    assert!(!t.truncated);
    assert_transcript(&built, &t, "UTF-16LE");
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn a_truncated_transcript_lints_what_is_there() {
    let corpus = common::corpus();
    let docs = corpus_docs(&corpus);

    // Without its end marker only: each writer says what it says alone, and the last one also
    // that the transcript is incomplete.
    let built = transcript(&docs, "\r\n", BANNER, false);
    let mut t = lint(built.text.clone().into_bytes());
    assert!(t.truncated);
    let (_, last) = t.writers.last_mut().unwrap();
    let incomplete = take_incomplete(last);
    assert_transcript(&built, &t, "no end marker");
    let doc = built.docs.last().unwrap();
    let end = doc.start + doc.text.len();
    assert_eq!(incomplete.span, Span::new(end, end));

    // Cut in the middle of the last document.
    let mut built = transcript(&docs, "\n", BANNER, false);
    let last = built.docs.last().unwrap();
    let cut = last.start + last.text.len() / 2;
    let cut = (cut..).find(|&i| built.text.is_char_boundary(i)).unwrap();
    built.text.truncate(cut);
    let t = lint(built.text.clone().into_bytes());
    assert!(t.truncated);
    assert_eq!(t.writers.len(), built.docs.len());
    let (last, complete) = built.docs.split_last_mut().unwrap();
    for ((_, f), doc) in t.writers.iter().zip(complete.iter()) {
        assert_same_as_alone(f, &built.text, doc, "cut");
    }
    let (_, f) = t.writers.last().unwrap();
    assert_eq!(f.kind, FileKind::Invalid);
    let mut f = f.clone();
    let incomplete = take_incomplete(&mut f);
    assert_eq!(incomplete.span, Span::new(cut, cut));
    last.text.truncate(cut - last.start);
    assert_same_as_alone(&f, &built.text, last, "cut, last document");
    let d = &f.diagnostics[0];
    assert_eq!(d.rule.slug, "doc/not-well-formed");
    assert!(d.span.start >= last.start && d.span.start <= cut, "{d:?}");
}

/// Removes the file's one `doc/transcript-incomplete` finding and returns it.
fn take_incomplete(f: &mut LintedFile) -> vsslint::Diagnostic {
    let at: Vec<usize> = (0..f.diagnostics.len())
        .filter(|i| f.diagnostics[*i].rule.slug == INCOMPLETE)
        .collect();
    assert_eq!(at.len(), 1, "{:#?}", f.diagnostics);
    f.diagnostics.remove(at[0])
}

const INCOMPLETE: &str = "doc/transcript-incomplete";

fn incomplete_findings(t: &LintedTranscript) -> Vec<(u32, &vsslint::Diagnostic)> {
    t.writers
        .iter()
        .flat_map(|(n, f)| f.diagnostics.iter().map(move |d| (*n, d)))
        .filter(|(_, d)| d.rule.slug == INCOMPLETE)
        .collect()
}

/// Cut between writers, 6 of the 11 missing: one warning, on the last writer read, at the end
/// of its document, naming it; none on a complete transcript; none when the rule is ignored.
#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn a_transcript_cut_between_writers_is_incomplete() {
    let corpus = common::corpus();
    let docs = corpus_docs(&corpus);
    let complete = transcript(&docs, "\r\n", BANNER, true);
    let t = lint(complete.text.clone().into_bytes());
    assert!(incomplete_findings(&t).is_empty());

    let kept = &docs[..docs.len() - 6];
    let built = transcript(kept, "\r\n", BANNER, false);
    // The bytes as Windows PowerShell 5.1 saves them: the position is still the text's.
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(built.text.encode_utf16().flat_map(u16::to_le_bytes));
    let t = lint(bytes);
    let found = incomplete_findings(&t);
    assert_eq!(found.len(), 1, "{found:#?}");
    let (writer, d) = found[0];
    let last = built.docs.last().unwrap();
    assert_eq!(writer, last.writer);
    assert_eq!(t.writers.last().unwrap().0, writer);
    assert_eq!(d.severity, vsslint::Severity::Warning);
    let end = last.start + last.text.len();
    assert_eq!(d.span, Span::new(end, end));
    let friendly = alone(&last.text)
        .text
        .split("friendlyName=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(str::to_owned)
        .expect("the corpus writer has a friendlyName");
    assert!(
        d.message
            .contains(&format!("writer {writer} (\"{friendly}\")")),
        "{}",
        d.message
    );
    assert!(d.message.contains("--[end of data]--"), "{}", d.message);
    assert!(d
        .help
        .as_deref()
        .is_some_and(|h| h.contains("vshadow -wm3 >")));
    // As reported: the transcript's line and column.
    let (_, f) = t.writers.last().unwrap();
    let shown = report(f);
    let j = shown.iter().find(|j| j["rule"] == INCOMPLETE).unwrap();
    assert_eq!((j["line"].clone(), j["column"].clone()), {
        let (line, column) = position(&built.text, end);
        (line.into(), column.into())
    });

    let mut ignoring = Settings::default();
    ignoring.rules.insert(INCOMPLETE, None);
    let t = lint_transcript(PATH, built.text.clone().into_bytes(), &ignoring).unwrap();
    assert!(t.truncated);
    assert!(incomplete_findings(&t).is_empty());
}

/// A last frame with no document at all: the finding is on its frame line, and names the
/// writer by number only.
#[test]
fn an_empty_last_frame_is_pointed_at_by_its_frame_line() {
    let text = format!("{BANNER}\n--[Writer 0]--\n<WRITER_METADATA/>\n\n--[Writer 1]--\n");
    let t = lint(text.clone().into_bytes());
    let found = incomplete_findings(&t);
    assert_eq!(found.len(), 1);
    let (writer, d) = found[0];
    assert_eq!(writer, 1);
    let line = text.rfind("--[Writer 1]--").unwrap();
    assert_eq!(d.span, Span::new(line, line + "--[Writer 1]--".len()));
    assert!(
        d.message.contains("after writer 1 without"),
        "{}",
        d.message
    );
}

/// `--ignore doc/transcript-incomplete` silences it, and only it.
#[test]
fn the_command_line_ignores_it() {
    let dir = std::env::temp_dir().join(format!("vsslint-transcript-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("wm3.txt");
    std::fs::write(
        &path,
        format!("{BANNER}\n--[Writer 3]--\n<WRITER_METADATA/>\n"),
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let shown = |extra: &[&str]| {
        let mut args = vec!["--format", "concise", "--exit-zero", path];
        args.extend(extra);
        String::from_utf8(common::vsslint(&args).stdout).unwrap()
    };
    let all = shown(&[]);
    assert!(all.contains("[VSL013 doc/transcript-incomplete]"), "{all}");
    let ignored = shown(&["--ignore", INCOMPLETE]);
    assert!(!ignored.contains(INCOMPLETE), "{ignored}");
    assert_eq!(
        all.lines().count(),
        ignored.lines().count() + 1,
        "{all}\n{ignored}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// An XML document is never a transcript, even one that holds a transcript's lines: its
/// bytes come back untouched.
#[test]
fn xml_documents_are_not_transcripts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    not_transcripts(&common::xml_files(&root.join("fixtures/valid")));
}

#[test]
#[cfg_attr(
    no_corpus,
    ignore = "needs ../shared/corpus (see README, Running the tests)"
)]
fn real_xml_documents_are_not_transcripts() {
    let set = common::corpus().join("diskshadow-ws2012-sql2017");
    not_transcripts(&common::xml_files(&set));
}

/// `files`, and two documents that hold a transcript, are each given back untouched.
fn not_transcripts(files: &[PathBuf]) {
    let framed = transcript(&[(0, "<WRITER_METADATA/>".into())], "\n", BANNER, true).text;
    let mut inputs: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    inputs.push(format!("<!--{framed}-->\n<WRITER_METADATA/>").into_bytes());
    inputs.push(format!("\u{FEFF}\r\n<a>{framed}</a>").into_bytes());
    for bytes in inputs {
        match lint_transcript(PATH, bytes.clone(), &Settings::default()) {
            Ok(_) => panic!(
                "taken for a transcript: {}",
                String::from_utf8_lossy(&bytes)
            ),
            Err(back) => assert_eq!(back, bytes),
        }
    }
}

/// A transcript of many writers takes memory for its text once, whatever their number.
#[test]
fn writers_share_the_transcript_text() {
    let docs: Vec<(u32, String)> = (0..500)
        .map(|n| (n, format!("<WRITER_METADATA n=\"{n}\"/>")))
        .collect();
    let built = transcript(&docs, "\r\n", BANNER, true);
    let t = lint(built.text.clone().into_bytes());
    assert_eq!(t.writers.len(), 500);
    assert_one_text(&t, "500 writers");
    assert_eq!(*t.writers[0].1.text, built.text);
}
