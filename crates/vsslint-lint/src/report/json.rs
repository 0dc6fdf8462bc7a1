//! `--format json`: one versioned object with every finding and a summary.
//!
//! Each file's findings are rendered by the thread that linted the file: written straight to
//! bytes by `json_direct` (feature `direct-json`, whose comment has its figures), or by
//! serde_json, with the same bytes. The types of the report are in `json_report`.

use super::emitter::{EmitContext, Emitter};
use super::locate::line_index;
use super::paths::machine_path;
#[cfg(not(feature = "direct-json"))]
use super::pretty::Nested;
use super::summary::Summary;
use crate::pipeline::LintedFile;
#[cfg(not(feature = "direct-json"))]
use serde::Serialize;
use std::borrow::Cow;
use std::io::{self, IoSlice, Write};
use vsslint_model::span::Position;

pub use super::json_report::{JsonDiagnostic, JsonEdit, JsonFix, JsonRelated, JsonReport, RuleUrl};

/// The version this build writes, in [`JsonReport::version`].
pub const VERSION: u32 = 1;

/// The JSON report of `files`: what `--format json` serializes.
pub fn report(files: &[LintedFile]) -> JsonReport<'_> {
    JsonReport {
        version: VERSION,
        diagnostics: files.iter().flat_map(diagnostics_of).collect(),
        summary: Summary::of(files),
    }
}

/// `path` itself when the report names it as given: no copy per finding in the usual case.
fn borrowed_if_same<'a>(path: &'a str, shown: &str) -> Cow<'a, str> {
    if path == shown {
        Cow::Borrowed(path)
    } else {
        Cow::Owned(shown.to_string())
    }
}

/// One file's findings as they appear in the report.
fn diagnostics_of(f: &LintedFile) -> Vec<JsonDiagnostic<'_>> {
    let mut all = Vec::with_capacity(f.diagnostics.len());
    for_each_diagnostic(f, |d| {
        all.push(d);
        Ok(())
    })
    .expect("collecting cannot fail");
    all
}

/// Calls `each` with each of one file's findings as it appears in the report, in turn:
/// a report of many findings is written without holding them all in this form.
fn for_each_diagnostic<'f>(
    f: &'f LintedFile,
    mut each: impl FnMut(JsonDiagnostic<'f>) -> io::Result<()>,
) -> io::Result<()> {
    let shared = line_index(&f.text);
    let index = shared.index();
    let file = machine_path(&f.path);
    for d in &f.diagnostics {
        let start = index.position(d.span.start);
        let end = index.position(d.span.end);
        each(JsonDiagnostic {
            file: borrowed_if_same(&f.path, &file),
            rule: d.rule.slug,
            code: d.rule.code,
            severity: d.severity,
            message: &d.message,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            offset: d.span.start,
            length: d.span.len(),
            label: d.label.as_deref(),
            help: d.help.as_deref(),
            url: RuleUrl(d.rule),
            related: d
                .related
                .iter()
                .map(|r| {
                    let Position { line, column } = match &r.elsewhere {
                        Some(e) => e.start,
                        None => index.position(r.span.start),
                    };
                    JsonRelated {
                        message: &r.message,
                        file: r
                            .elsewhere
                            .as_ref()
                            .map(|e| borrowed_if_same(&e.path, &machine_path(&e.path))),
                        line,
                        column,
                        offset: r.span.start,
                        length: r.span.len(),
                    }
                })
                .collect(),
            fix: d.fix.as_deref().map(|fix| JsonFix {
                applicability: fix.applicability,
                edits: fix
                    .edits
                    .iter()
                    .map(|e| {
                        let (p, q) = (index.position(e.span.start), index.position(e.span.end));
                        JsonEdit {
                            content: &e.replacement,
                            line: p.line,
                            column: p.column,
                            end_line: q.line,
                            end_column: q.column,
                            offset: e.span.start,
                            length: e.span.len(),
                        }
                    })
                    .collect(),
            }),
        })?;
    }
    Ok(())
}

/// Most findings of one file whose JSON is rendered ahead: a piece of ~700 bytes a finding is
/// kept until the report is written, so a file of more is written one finding at a time,
/// and no piece grows with the report.
const PRERENDER_MAX: usize = 4096;

/// The `json` report. Each file's findings are rendered ahead, by the thread that linted it;
/// writing the report then mostly joins the pieces.
pub struct Json;

impl Emitter for Json {
    fn emit(&self, out: &mut dyn Write, files: &[LintedFile], cx: &EmitContext) -> io::Result<()> {
        let parts: Vec<Option<&[u8]>> = (0..files.len()).map(|i| cx.rendered(i)).collect();
        write_rendered(out, files, &parts)
    }

    fn render(&self, file: &LintedFile) -> Option<Vec<u8>> {
        (file.diagnostics.len() <= PRERENDER_MAX).then(|| render(file))
    }
}

/// The `json-lines` report.
pub struct JsonLines;

impl Emitter for JsonLines {
    fn emit(&self, out: &mut dyn Write, files: &[LintedFile], _: &EmitContext) -> io::Result<()> {
        write_lines(out, files)
    }
}

/// `--format json-lines`: one diagnostic object per line, no envelope.
pub fn write_lines(out: &mut dyn Write, files: &[LintedFile]) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    for f in files {
        for_each_diagnostic(f, |d| {
            serde_json::to_writer(&mut buffered, &d)?;
            buffered.write_all(b"\n")
        })?;
    }
    buffered.flush()
}

/// The JSON Schema of [`JsonReport`], as committed in `schemas/vsslint-output.schema.json`.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(JsonReport<'static>)).expect("a schema is JSON")
}

/// Writes the report, one finding at a time.
pub fn write(out: &mut dyn Write, files: &[LintedFile]) -> io::Result<()> {
    write_rendered(out, files, &vec![None; files.len()])
}

/// One file's findings as [`write_rendered`] takes them: rendering is most of the work of
/// a report over thousands of files, and this way it can be done file by file, in parallel.
/// Each finding starts with its separator, `,` and a line break.
pub fn render(file: &LintedFile) -> Vec<u8> {
    let mut out = Vec::with_capacity(768 * file.diagnostics.len());
    let mut first = false;
    render_into(&mut out, file, &mut first).expect("rendering into memory cannot fail");
    out
}

/// Writes `file`'s findings as elements of the report's `diagnostics` array, one at a time;
/// `first` says whether none has been written yet.
fn render_into<W: Write>(out: &mut W, file: &LintedFile, first: &mut bool) -> io::Result<()> {
    for_each_diagnostic(file, |d| {
        // Each finding starts with its separator and its indentation in the array.
        out.write_all(if *first { b"\n    " } else { b",\n    " })?;
        *first = false;
        #[cfg(feature = "direct-json")]
        return super::json_direct::write_diagnostic(out, &d);
        #[cfg(not(feature = "direct-json"))]
        {
            let mut ser = serde_json::Serializer::with_formatter(&mut *out, Nested::at(2));
            d.serialize(&mut ser).map_err(io::Error::from)
        }
    })
}

/// The report, from each file's [`render`]ing where `parts` holds one (in the order of
/// `files`), and rendered here, one finding at a time, where it holds `None`.
pub fn write_rendered(
    out: &mut dyn Write,
    files: &[LintedFile],
    parts: &[Option<&[u8]>],
) -> io::Result<()> {
    // The serializer makes many small writes: buffer them here, where they are inlined,
    // rather than call through `dyn Write` for each.
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    write!(out, "{{\n  \"version\": {VERSION},\n  \"diagnostics\": [")?;
    let mut first = true;
    // Parts rendered ahead are handed on many to a call: where the sink takes vectored writes
    // (standard output and files on Unix), the buffer passes them to the system as they are;
    // elsewhere it copies them, as it would one at a time. Copied into the buffer, the 3.7 MB
    // of the 2,000 small documents' report cost the thread that writes it 3.7 million
    // instructions, after every other thread is done.
    let mut ahead: Vec<IoSlice> = Vec::new();
    for (file, part) in files.iter().zip(parts) {
        match part {
            // The first finding has no separator.
            Some(part) if !part.is_empty() => {
                let part = if first { &part[1..] } else { part };
                first = false;
                ahead.push(IoSlice::new(part));
            }
            Some(_) => {}
            None => {
                write_all_vectored(&mut out, &mut ahead)?;
                render_into(&mut out, file, &mut first)?;
            }
        }
    }
    write_all_vectored(&mut out, &mut ahead)?;
    out.write_all(if first { b"]" } else { b"\n  ]" })?;
    out.write_all(b",\n  \"summary\": ")?;
    let mut summary = Vec::new();
    indent(
        &mut summary,
        &serde_json::to_vec_pretty(&Summary::of(files))?,
        b"  ",
    );
    out.write_all(&summary)?;
    out.write_all(b"\n}\n")?;
    out.flush()
}

/// Writes every byte of `bufs` in order, and empties it.
fn write_all_vectored(out: &mut impl Write, bufs: &mut Vec<IoSlice>) -> io::Result<()> {
    let mut rest = &mut bufs[..];
    while !rest.is_empty() {
        match out.write_vectored(rest) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut rest, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bufs.clear();
    Ok(())
}

/// Appends pretty-printed JSON one level deeper: a JSON string holds no raw line break, so
/// every line break is one between tokens, and the next line gets `by` more indentation.
fn indent(out: &mut Vec<u8>, json: &[u8], by: &[u8]) {
    let mut from = 0;
    for newline in memchr::memchr_iter(b'\n', json) {
        out.extend_from_slice(&json[from..=newline]);
        out.extend_from_slice(by);
        from = newline + 1;
    }
    out.extend_from_slice(&json[from..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::lint_bytes;
    use crate::settings::Settings;

    fn whole(files: &[LintedFile]) -> Vec<u8> {
        let mut v = serde_json::to_vec_pretty(&report(files)).unwrap();
        v.push(b'\n');
        v
    }

    fn written(files: &[LintedFile]) -> Vec<u8> {
        let mut v = Vec::new();
        write(&mut v, files).unwrap();
        v
    }

    fn rendered(files: &[LintedFile]) -> Vec<u8> {
        let parts: Vec<Vec<u8>> = files.iter().map(render).collect();
        let parts: Vec<Option<&[u8]>> = parts.iter().map(|p| Some(p.as_slice())).collect();
        let mut v = Vec::new();
        write_rendered(&mut v, files, &parts).unwrap();
        v
    }

    #[test]
    fn rendering_by_file_gives_the_bytes_of_the_whole_report() {
        let s = Settings::default();
        let clean = || {
            lint_bytes(
                "clean.xml",
                include_bytes!(concat!(
                    env!("VSSLINT_FIXTURES"),
                    "/rules/schema/log-needs-logfiles/good.xml"
                )),
                &s,
            )
        };
        let findings = || {
            lint_bytes(
                "bad.xml",
                include_bytes!(concat!(
                    env!("VSSLINT_FIXTURES"),
                    "/rules/fs/duplicate-or-overlap/bad.xml"
                )),
                &s,
            )
        };
        let broken = || lint_bytes("broken.xml", b"<WRITER_METADATA a=\"\x01\">", &s);
        let fixed = || {
            lint_bytes(
                "fixed.xml",
                include_bytes!(concat!(
                    env!("VSSLINT_FIXTURES"),
                    "/rules/comp/bool-value/bad.xml"
                )),
                &s,
            )
        };
        // Without a label or help, both written as null.
        let bare = || {
            let mut f = findings();
            f.diagnostics[0].label = None;
            f.diagnostics[0].help = None;
            f
        };
        assert!(fixed().diagnostics.iter().any(|d| d.fix.is_some()));
        assert!(findings().diagnostics.iter().any(|d| !d.related.is_empty()));
        assert!(clean().diagnostics.is_empty());
        // Every character JSON escapes, and some it does not, in each kind of string.
        let odd = || {
            let mut f = findings();
            let text: String = (0u8..0x20).map(char::from).collect::<String>() + "\"\\/é\u{7f}";
            f.path = format!("dir\\{text}.xml");
            let d = &mut f.diagnostics[0];
            d.message = text.as_str().into();
            d.label = Some(text.clone().into());
            d.help = None;
            d.related[0].message = text.clone();
            f
        };
        let corpus: Vec<LintedFile> = ["diskshadow-ws2012-sql2017", "express-writers-win10"]
            .iter()
            .flat_map(|dir| {
                let dir = std::path::Path::new(env!("VSSLINT_CORPUS_DIR")).join(dir);
                std::fs::read_dir(dir).into_iter().flatten().flatten()
            })
            .map(|e| {
                lint_bytes(
                    &e.path().display().to_string(),
                    &std::fs::read(e.path()).unwrap(),
                    &s,
                )
            })
            .collect();
        // Without the corpus (and never under CI) this case is empty, like the first.
        assert!(
            cfg!(no_corpus) || corpus.len() >= 10,
            "only {} corpus documents read from {}",
            corpus.len(),
            env!("VSSLINT_CORPUS_DIR")
        );
        for files in [
            vec![],
            vec![clean()],
            vec![findings()],
            vec![clean(), findings(), broken()],
            vec![findings(), clean(), findings()],
            vec![odd(), broken()],
            vec![fixed(), bare()],
            corpus,
        ] {
            let whole = String::from_utf8(whole(&files)).unwrap();
            assert_eq!(String::from_utf8(written(&files)).unwrap(), whole);
            assert_eq!(String::from_utf8(rendered(&files)).unwrap(), whole);
        }
    }

    /// A sink that takes at most a few bytes a call, as a full pipe does.
    struct Trickle(Vec<u8>);

    impl Write for Trickle {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            let n = buf.len().min(97);
            self.0.extend_from_slice(&buf[..n]);
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn parts_handed_on_many_to_a_call_arrive_whole_and_in_order_through_short_writes() {
        let s = Settings::default();
        let bad = include_bytes!(concat!(
            env!("VSSLINT_FIXTURES"),
            "/rules/fs/duplicate-or-overlap/bad.xml"
        ));
        // Well past the buffer's 64 KiB, with files rendered here between those rendered ahead.
        let files: Vec<LintedFile> = (0..150)
            .map(|i| lint_bytes(&format!("d{i}.xml"), bad, &s))
            .collect();
        let parts: Vec<Vec<u8>> = files.iter().map(render).collect();
        let parts: Vec<Option<&[u8]>> = (parts.iter().enumerate())
            .map(|(i, p)| (i % 60 != 1).then_some(p.as_slice()))
            .collect();
        let mut sink = Trickle(Vec::new());
        write_rendered(&mut sink, &files, &parts).unwrap();
        assert!(sink.0.len() > 1 << 17, "{} bytes", sink.0.len());
        assert_eq!(
            String::from_utf8(sink.0).unwrap(),
            String::from_utf8(whole(&files)).unwrap()
        );
    }
}
