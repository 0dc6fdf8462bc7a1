//! `--format json`'s findings written straight to bytes, in exactly the layout serde_json's
//! pretty printer gives them (`report::json`'s tests compare the two on every kind of
//! string JSON escapes, and on the corpus).
//!
//! Why: serde_json escapes every key and every string byte by byte, and goes through the
//! formatter for each token. A finding is about 700 bytes, most of them keys, indentation
//! and the rule's own fixed text, which need no escaping. `scripts/instructions.sh` on the
//! 2,000 small documents the benchmarks generate (4,800 findings, one thread): 335.7 million
//! instructions with serde_json writing the findings, 311.1 million written here (-7.3%).
//! The findings are rendered by the threads that lint, so wall time gains less: 0.94× and
//! 1.03× of the serde_json build's time in two runs of `scripts/bench-vs-xmllint.sh` with
//! `BASELINE=` that build, within the noise of a shared machine.
//!
//! Only what is common is written here: keys, integers, and strings that need no escaping.
//! A string that does, and the rarer `related` locations and `fix`, go through serde_json.
//! Off switch: the `direct-json` feature; without it every finding goes through serde_json.

use super::json_report::JsonDiagnostic;
use super::pretty::Nested;
use crate::rule_meta::DOCS_BASE;
use serde::Serialize;
use std::io::{self, Write};

/// Writes `d` as the element of the report's `diagnostics` array it is, indented two levels
/// (its fields three), without the separator before it.
pub(super) fn write_diagnostic<W: Write>(out: &mut W, d: &JsonDiagnostic) -> io::Result<()> {
    out.write_all(b"{\n      \"file\": ")?;
    string(out, &d.file)?;
    out.write_all(b",\n      \"rule\": ")?;
    string(out, d.rule)?;
    out.write_all(b",\n      \"code\": ")?;
    string(out, d.code)?;
    out.write_all(b",\n      \"severity\": ")?;
    string(out, d.severity.as_str())?;
    out.write_all(b",\n      \"message\": ")?;
    string(out, d.message)?;
    out.write_all(b",\n      \"line\": ")?;
    number(out, d.line)?;
    out.write_all(b",\n      \"column\": ")?;
    number(out, d.column)?;
    out.write_all(b",\n      \"end_line\": ")?;
    number(out, d.end_line)?;
    out.write_all(b",\n      \"end_column\": ")?;
    number(out, d.end_column)?;
    out.write_all(b",\n      \"offset\": ")?;
    number(out, d.offset)?;
    out.write_all(b",\n      \"length\": ")?;
    number(out, d.length)?;
    out.write_all(b",\n      \"label\": ")?;
    optional(out, d.label)?;
    out.write_all(b",\n      \"help\": ")?;
    optional(out, d.help)?;
    out.write_all(b",\n      \"url\": ")?;
    // Escaping a string escapes each of its parts: the address is written in its parts.
    out.write_all(b"\"")?;
    escaped(out, DOCS_BASE)?;
    escaped(out, d.url.0.slug)?;
    out.write_all(b".md\"")?;
    out.write_all(b",\n      \"related\": ")?;
    if d.related.is_empty() {
        out.write_all(b"[]")?;
    } else {
        nested(out, &d.related)?;
    }
    if let Some(fix) = &d.fix {
        out.write_all(b",\n      \"fix\": ")?;
        nested(out, fix)?;
    }
    out.write_all(b"\n    }")
}

/// Where the first byte JSON escapes is (serde_json escapes only the control characters
/// below U+0020, `"` and `\`), looking eight bytes at a time: most strings of a report have
/// none.
fn first_escaped(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Nonzero when some byte of `w` is below `n` (for `n` up to 0x80).
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH;
    let mut at = 0;
    for word in bytes.chunks_exact(8) {
        let w = u64::from_le_bytes(word.try_into().expect("chunks of eight"));
        let hit = below(w, 0x20)
            | below(w ^ (ONES * u64::from(b'"')), 1)
            | below(w ^ (ONES * u64::from(b'\\')), 1);
        if hit != 0 {
            break;
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
        .map(|i| at + i)
}

/// `s` as a JSON string, escaped as serde_json escapes it.
fn string<W: Write>(out: &mut W, s: &str) -> io::Result<()> {
    out.write_all(b"\"")?;
    escaped(out, s)?;
    out.write_all(b"\"")
}

/// `s` escaped as serde_json escapes it, without the quotes.
fn escaped<W: Write>(out: &mut W, s: &str) -> io::Result<()> {
    let mut rest = s.as_bytes();
    while let Some(i) = first_escaped(rest) {
        out.write_all(&rest[..i])?;
        let b = rest[i];
        match b {
            b'"' => out.write_all(b"\\\"")?,
            b'\\' => out.write_all(b"\\\\")?,
            0x08 => out.write_all(b"\\b")?,
            0x0c => out.write_all(b"\\f")?,
            b'\n' => out.write_all(b"\\n")?,
            b'\r' => out.write_all(b"\\r")?,
            b'\t' => out.write_all(b"\\t")?,
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let code = [
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 0xf)],
                ];
                out.write_all(&code)?;
            }
        }
        rest = &rest[i + 1..];
    }
    out.write_all(rest)
}

fn optional<W: Write>(out: &mut W, s: Option<&str>) -> io::Result<()> {
    match s {
        Some(s) => string(out, s),
        None => out.write_all(b"null"),
    }
}

fn number<W: Write>(out: &mut W, n: usize) -> io::Result<()> {
    out.write_all(itoa::Buffer::new().format(n).as_bytes())
}

/// A field's value as serde_json writes it, at the depth of the finding's fields.
fn nested<W: Write, T: Serialize + ?Sized>(out: &mut W, value: &T) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Nested::at(3));
    value.serialize(&mut ser).map_err(io::Error::from)
}
